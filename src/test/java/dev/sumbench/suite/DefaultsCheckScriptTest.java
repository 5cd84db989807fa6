package dev.sumbench.suite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import org.junit.jupiter.api.Test;

/** {@code scripts/defaults-check}: what it refuses before it starts a JVM (a real check takes minutes). */
class DefaultsCheckScriptTest {

    @Test
    void anUnknownRuleIsOneLineAndExitTwo() throws Exception {
        ScriptRun result = run("--chunking", "fixed,bogus");

        assertEquals(2, result.exitCode(), result.output());
        assertEquals("defaults-check: --chunking: expected adaptive and/or fixed (RULE,RULE), got 'fixed,bogus'",
                result.output().strip());
    }

    @Test
    void aCountOfZeroIsOneLineAndExitTwo() throws Exception {
        ScriptRun result = run("--rounds", "0");

        assertEquals(2, result.exitCode(), result.output());
        assertEquals("defaults-check: expected a count >= 1, got '0'", result.output().strip());
    }

    @Test
    void helpNamesTheRuleComparison() throws Exception {
        ScriptRun result = run("--help");

        assertEquals(0, result.exitCode(), result.output());
        assertTrue(result.output().contains("--chunking fixed,adaptive times each strategy under each rule"),
                result.output());
    }

    private static ScriptRun run(String... args) throws IOException, InterruptedException {
        return ScriptRun.of("defaults-check", args);
    }
}
