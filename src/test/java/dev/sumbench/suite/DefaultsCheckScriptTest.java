package dev.sumbench.suite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
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
        assertEquals("defaults-check: --chunking: expected adaptive, fixed and/or before (RULE,RULE), got "
                + "'fixed,bogus'",
                result.output().strip());
    }

    @Test
    void aCountOfZeroIsOneLineAndExitTwo() throws Exception {
        ScriptRun result = run("--rounds", "0");

        assertEquals(2, result.exitCode(), result.output());
        assertEquals("defaults-check: expected a count >= 1, got '0'", result.output().strip());
    }

    @Test
    void aSeedThatIsNoNumberIsOneLineAndExitTwo() throws Exception {
        ScriptRun result = run("--seed", "-1");

        assertEquals(2, result.exitCode(), result.output());
        assertEquals("defaults-check: --seed: expected a number 0..999999999, got '-1'", result.output().strip());
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
        Path sumbench = realSumbench(dir);

        ScriptRun result = ScriptRun.of("defaults-check", Map.of("SUMBENCH", sumbench.toString()), "--rounds", "2",
                "--repeat", "5", "--sizes", "10", "--strategies", "thread-pool", "--chunking", "fixed,adaptive");

        assertEquals(0, result.exitCode(), result.output());
        assertTrue(result.output().contains("| size | idle | strategy | adaptive vs fixed | range | adaptive at least as "
                + "fast | interval of the median | adaptive |"), result.output());
        // two rounds are too few for an interval of 95 %: the row says so instead of printing one
        Matcher row = Pattern.compile("\\| 10 \\| 0 \\| thread-pool \\| ([0-9.e+-]+)x \\| ([0-9.e+-]+)x \\.\\. "
                + "([0-9.e+-]+)x \\| ([0-2]) of 2 \\| none: 2 rounds, 6 needed \\| - \\|").matcher(result.output());
        assertTrue(row.find(), result.output());
        double median = Double.parseDouble(row.group(1));
        double low = Double.parseDouble(row.group(2));
        double high = Double.parseDouble(row.group(3));
        assertTrue(low > 0 && low <= median && median <= high, row.group());
        // two rounds: the median is the mean of the two, and the count says how many of them were >= 1
        int asFast = Integer.parseInt(row.group(4));
        assertEquals((low >= 1 ? 1 : 0) + (high >= 1 ? 1 : 0), asFast, row.group());
        // the check of the measured rule, round by round: against sequential and the fixed rule, no JDK stream here
        Matcher check = Pattern.compile("\\| 10 \\| 0 \\| thread-pool \\| ([0-9.e+-]+)x \\| ([0-9.e+-]+)x \\| "
                + "([0-9.e+-]+)x \\| ([0-9.e+-]+)x \\| - \\| - \\|").matcher(result.output());
        assertTrue(check.find(), result.output());
        assertTrue(Double.parseDouble(check.group(4)) <= Double.parseDouble(check.group(3)), check.group());
        // fixed over adaptive in the lowest round is the first table's lowest ratio, the other way round
        assertEquals(low, Double.parseDouble(check.group(4)), 0.01 * low, check.group());
    }

    @Test
    void aProbeThatFailsStopsTheCheckWithItsReasonInsteadOfPrintingZeros(@TempDir Path dir) throws Exception {
        Path sumbench = realSumbench(dir);

        ScriptRun result = ScriptRun.of("defaults-check", Map.of("SUMBENCH", sumbench.toString()), "--rounds", "1",
                "--repeat", "3", "--sizes", "10", "--idle", "5s", "--strategies", "thread-pool");

        assertEquals(2, result.exitCode(), result.output());
        assertTrue(result.output().contains("sumbench sum: "), "sumbench's own one line: " + result.output());
        assertTrue(result.output().contains("defaults-check: sumbench sum --strategy "), result.output());
        assertTrue(result.output().contains("failed (exit 2); stopped"), result.output());
        assertTrue(!result.output().contains("| 10 |"), "no row of made-up figures: " + result.output());
    }

    @Test
    void aRaceThatFailsStopsTheOneJvmCheckWithItsReason(@TempDir Path dir) throws Exception {
        Path sumbench = realSumbench(dir);

        ScriptRun result = ScriptRun.of("defaults-check", Map.of("SUMBENCH", sumbench.toString()), "--one-jvm",
                "--rounds", "1", "--repeat", "3", "--sizes", "10", "--idle", "5s", "--strategies", "thread-pool");

        assertEquals(2, result.exitCode(), result.output());
        assertTrue(result.output().contains("sumbench race: --idle: "), "sumbench's own one line: " + result.output());
        assertTrue(result.output().contains("defaults-check: sumbench race --size 10 --idle 5s failed (exit 2); "
                + "stopped"), result.output());
        assertFalse(result.output().contains("| 10 |"), "no row of made-up figures: " + result.output());
    }

    @Test
    void theSeedNamesTheOrderOfTheRounds(@TempDir Path dir) throws Exception {
        Path log = dir.resolve("calls.log");
        Path sumbench = realSumbench(dir, log);
        List<List<String>> orders = new ArrayList<>();
        for (int run = 0; run < 2; run++) {
            Files.deleteIfExists(log);
            ScriptRun result = ScriptRun.of("defaults-check", Map.of("SUMBENCH", sumbench.toString()), "--rounds", "3",
                    "--repeat", "3", "--sizes", "10", "--strategies", "thread-pool,fork-join", "--seed", "12345");
            assertEquals(0, result.exitCode(), result.output());
            assertTrue(result.output().contains("the JVMs of a round in a random order (seed 12345)"), result.output());
            orders.add(Files.readAllLines(log));
        }

        // three rounds of three JVMs each, each round one of each, and the same order again for the same seed
        assertEquals(9, orders.get(0).size(), orders.get(0).toString());
        for (int round = 0; round < 3; round++) {
            assertEquals(List.of("fork-join", "sequential", "thread-pool"),
                    orders.get(0).subList(3 * round, 3 * round + 3).stream().sorted().toList(), orders.toString());
        }
        assertEquals(orders.get(0), orders.get(1));
    }

    @Test
    void decisionsPrintsEachFreshJvmsMinimumParallelSizeAndTheirSpread(@TempDir Path dir) throws Exception {
        Path log = dir.resolve("calls.log");
        Path sumbench = realSumbench(dir, log);

        ScriptRun result = ScriptRun.of("defaults-check", Map.of("SUMBENCH", sumbench.toString()), "--decisions", "2",
                "--sizes", "1000", "--strategies", "thread-pool,process-pipe,jdk-parallel-stream");

        assertEquals(0, result.exitCode(), result.output());
        // one JVM per decision; the JDK's stream has no rule of ours and is left out
        assertEquals(List.of("thread-pool", "thread-pool", "process-pipe", "process-pipe"), Files.readAllLines(log));
        Matcher threads = Pattern.compile("\\| thread-pool \\| ([0-9]+) ([0-9]+) \\| ([0-9.]+) \\|")
                .matcher(result.output());
        assertTrue(threads.find(), result.output());
        long first = Long.parseLong(threads.group(1));
        long second = Long.parseLong(threads.group(2));
        assertEquals((double) Math.max(first, second) / Math.min(first, second), Double.parseDouble(threads.group(3)),
                0.01, threads.group());
        // a pipe's copy costs more than the work a split spreads: every JVM says never
        assertTrue(result.output().contains("| process-pipe | never never | - (never in all) |"), result.output());
    }

    @Test
    void oneJvmRunsEachRoundAsOneRaceOfEveryColumn(@TempDir Path dir) throws Exception {
        Path log = dir.resolve("calls.log");
        Path sumbench = realSumbench(dir, log);

        ScriptRun result = ScriptRun.of("defaults-check", Map.of("SUMBENCH", sumbench.toString()), "--one-jvm",
                "--rounds", "2", "--repeat", "5", "--sizes", "10", "--strategies", "thread-pool,jdk-parallel-stream",
                "--chunking", "fixed,adaptive", "--seed", "5");

        assertEquals(0, result.exitCode(), result.output());
        // one JVM per round ("$3" of `race --size N` is the size), none per column
        assertEquals(List.of("10", "10"), Files.readAllLines(log));
        assertTrue(result.output().contains("median of 2 rounds (one JVM each for all columns, sumbench race)"),
                result.output());
        assertTrue(Pattern.compile("\\| 10 \\| 0 \\| adaptive \\| [0-9.]+ ns \\| [0-9.]+ ns \\([0-9.]+x; [0-9.]+x\\) "
                + "\\| [0-9.]+ (ns|µs) \\(").matcher(result.output()).find(), result.output());
        // sequential against itself in each round's race: the range of a round's ratio when nothing differs
        assertTrue(result.output().contains("sequential against itself, round by round"), result.output());
        assertTrue(Pattern.compile("(?m)^\\| 10 \\| 0 \\| [0-9.]+x \\| [0-9.]+x \\|$").matcher(result.output()).find(),
                result.output());
        // each round's JVM says what its measured rule decided (the fixed rule and the JDK's stream measure nothing)
        assertTrue(Pattern.compile("(?m)^\\| 10 \\| 0 \\| thread-pool \\| ([0-9]+|never) ([0-9]+|never) \\|$")
                .matcher(result.output()).find(), result.output());
        assertFalse(result.output().contains("| 10 | 0 | jdk-parallel-stream | never"), result.output());
    }

    @Test
    void oneJvmRefusesTheRuleBeforeWhichIsAnotherJar(@TempDir Path dir) throws Exception {
        Path jar = Files.createFile(dir.resolve("before.jar"));

        ScriptRun result = run("--one-jvm", "--chunking", "adaptive,before", "--before", jar.toString());

        assertEquals(2, result.exitCode(), result.output());
        assertEquals("defaults-check: --one-jvm: the rule before runs another jar, in a JVM of its own; leave one of "
                + "them out", result.output().strip());
    }

    /** The real command line, from the classes this build compiled (the jar comes later in the build). */
    private static Path realSumbench(Path dir) throws IOException {
        return realSumbench(dir, null);
    }

    /** Like {@link #realSumbench(Path)}, writing each call's strategy to {@code log} first (when not null). */
    private static Path realSumbench(Path dir, Path log) throws IOException {
        Path sumbench = dir.resolve("sumbench");
        String logLine = log == null ? "" : "echo \"$3\" >> '" + log + "'\n";
        Files.writeString(sumbench, "#!/bin/sh\n" + logLine + "exec '"
                + Path.of(System.getProperty("java.home"), "bin", "java") + "' -cp '"
                + System.getProperty("java.class.path") + "' dev.sumbench.cli.Main \"$@\"\n");
        Files.setPosixFilePermissions(sumbench, PosixFilePermissions.fromString("rwx------"));
        return sumbench;
    }

    private static ScriptRun run(String... args) throws IOException, InterruptedException {
        return ScriptRun.of("defaults-check", args);
    }
}
