package dev.sumbench.suite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** {@code scripts/defaults-check}: what it refuses before it starts a JVM (a real check takes minutes). */
class DefaultsCheckScriptTest {

    private static final Path SCRIPT = Path.of("scripts", "defaults-check").toAbsolutePath();

    @Test
    void anUnknownRuleIsOneLineAndExitTwo() throws Exception {
        Result result = run("--chunking", "fixed,bogus");

        assertEquals(2, result.exitCode(), result.output());
        assertEquals("defaults-check: --chunking: expected adaptive and/or fixed (RULE,RULE), got 'fixed,bogus'",
                result.output().strip());
    }

    @Test
    void aCountOfZeroIsOneLineAndExitTwo() throws Exception {
        Result result = run("--rounds", "0");

        assertEquals(2, result.exitCode(), result.output());
        assertEquals("defaults-check: expected a count >= 1, got '0'", result.output().strip());
    }

    @Test
    void helpNamesTheRuleComparison() throws Exception {
        Result result = run("--help");

        assertEquals(0, result.exitCode(), result.output());
        assertTrue(result.output().contains("--chunking fixed,adaptive times each strategy under each rule"),
                result.output());
    }

    private record Result(int exitCode, String output) {
    }

    private Result run(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("bash", SCRIPT.toString()));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        process.getOutputStream().close();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(30, TimeUnit.SECONDS), "the script answers at once");
        return new Result(process.exitValue(), output);
    }
}
