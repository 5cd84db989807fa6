package dev.sumbench.suite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code scripts/defaults-check}: what it refuses before it starts a JVM, and one short real run of the rule comparison
 * (a real check takes minutes).
 */
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

    @Test
    void twoRulesAreSetAgainstEachOtherRoundByRound(@TempDir Path dir) throws Exception {
        // the real command line, from the classes this build compiled (the jar comes later in the build)
        Path sumbench = dir.resolve("sumbench");
        Files.writeString(sumbench, "#!/bin/sh\nexec '" + Path.of(System.getProperty("java.home"), "bin", "java")
                + "' -cp '" + System.getProperty("java.class.path") + "' dev.sumbench.cli.Main \"$@\"\n");
        Files.setPosixFilePermissions(sumbench, PosixFilePermissions.fromString("rwx------"));

        ScriptRun result = ScriptRun.of("defaults-check", Map.of("SUMBENCH", sumbench.toString()), "--rounds", "2",
                "--repeat", "5", "--sizes", "10", "--strategies", "thread-pool", "--chunking", "fixed,adaptive");

        assertEquals(0, result.exitCode(), result.output());
        assertTrue(result.output().contains(
                "| size | idle | strategy | adaptive vs fixed | range | adaptive at least as fast |"), result.output());
        Matcher row = Pattern.compile("\\| 10 \\| 0 \\| thread-pool \\| ([0-9.e+-]+)x \\| ([0-9.e+-]+)x \\.\\. "
                + "([0-9.e+-]+)x \\| ([0-2]) of 2 \\|").matcher(result.output());
        assertTrue(row.find(), result.output());
        double median = Double.parseDouble(row.group(1));
        double low = Double.parseDouble(row.group(2));
        double high = Double.parseDouble(row.group(3));
        assertTrue(low > 0 && low <= median && median <= high, row.group());
        // two rounds: the median is the mean of the two, and the count says how many of them were >= 1
        int asFast = Integer.parseInt(row.group(4));
        assertEquals((low >= 1 ? 1 : 0) + (high >= 1 ? 1 : 0), asFast, row.group());
    }

    private static ScriptRun run(String... args) throws IOException, InterruptedException {
        return ScriptRun.of("defaults-check", args);
    }
}
