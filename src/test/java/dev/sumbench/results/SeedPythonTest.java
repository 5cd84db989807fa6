package dev.sumbench.results;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.sumbench.report.Report;
import dev.sumbench.report.TableFormat;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.apache.commons.math3.distribution.TDistribution;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * scripts/seed-python with tiny settings, when python3 exists (skipped otherwise): its run is JMH's JSON as RunReader
 * reads it, with per-fork raw data and JMH's own error; it renders beside a sumbench run; the note's failure is
 * shown and explained.
 */
class SeedPythonTest {

    private static final Path SCRIPT = Path.of("scripts", "seed-python");
    /** A tiny run takes a few seconds; this is the deadline after which the test fails instead of hanging. */
    private static final long DEADLINE_SECONDS = 180;

    @TempDir
    Path temp;

    /** Exit code, stdout and stderr of one command. */
    record Outcome(int exitCode, String out, String err) {
    }

    @Test
    void aTinyRunIsAJmhJsonRunWithRawDataPerForkThatRendersBesideASumbenchRun() throws Exception {
        assumeTrue(hasPython(), "no python3 on PATH");
        Path out = temp.resolve("results");
        Outcome outcome = run(List.of("bash", SCRIPT.toString(), "--sizes", "10,100", "--forks", "2", "--warmups",
                "0", "--iterations", "3", "--iteration-ms", "5", "--workers", "2", "--out", out.toString()), null);
        assertEquals(0, outcome.exitCode(), outcome.err());
        Path json;
        try (Stream<Path> files = Files.list(out)) {
            json = files.filter(f -> f.toString().endsWith(".json")).findFirst().orElseThrow();
        }
        assertTrue(json.getFileName().toString().matches("\\d{8}-\\d{6}_[a-z0-9-]+_python\\d+\\.\\d+\\.json"),
                json.toString());
        Run run = RunReader.readAll(List.of(json)).get(0);
        assertEquals(2 + 5 * 2, run.results().size(), "2 exercises, 5 variants at 2 sizes");
        TDistribution t = new TDistribution(5);
        for (Result row : run.results()) {
            Metric metric = row.primary();
            assertEquals("us/op", metric.unit());
            assertEquals(2, metric.rawData().size(), "one list per fork (a fresh interpreter)");
            metric.rawData().forEach(fork -> assertEquals(3, fork.size()));
            double[] all = metric.allRawData().stream().mapToDouble(Double::doubleValue).toArray();
            double mean = java.util.Arrays.stream(all).average().orElseThrow();
            double sd = Math.sqrt(java.util.Arrays.stream(all).map(x -> (x - mean) * (x - mean)).sum() / 5);
            assertEquals(mean, metric.score(), 1e-9 * mean);
            // JMH's error: Student's t at 99.9 % over all iterations; seed-python computes its own quantile
            assertEquals(t.inverseCumulativeProbability(0.9995) * sd / Math.sqrt(6), metric.error(),
                    1e-4 * metric.error(), row.params().toString());
            assertEquals("2", row.param("workers"));
        }
        assertEquals(List.of("threads", "processes"), run.results().stream()
                .filter(r -> r.benchmark().equals("python.SeedPython.exercise")).map(r -> r.param("variant")).toList());

        Report report = Report.of(RunReader.readAll(List.of(Fixtures.path("sumbench/cores2.json"), json)));
        String text = report.render(TableFormat.MD, Optional.empty(), List.of());
        String tradeOff = text.substring(text.indexOf("### 7."));
        assertTrue(tradeOff.contains("CPython threads (the note's exercise)"), tradeOff);
        assertTrue(tradeOff.contains("CPython processes (the note's exercise)"), tradeOff);
        // below 1 (below 0.01 written as a fraction, 1/204×)
        assertTrue(java.util.regex.Pattern.compile("CPython threads-python (0\\.|1/)").matcher(tradeOff).find(),
                "the GIL: no speedup; " + tradeOff);
    }

    @Test
    void theNotesFunctionInMainBreaksASpawnPoolAndTheDemoSaysWhy() throws Exception {
        assumeTrue(hasPython(), "no python3 on PATH");
        Outcome outcome = run(List.of("bash", SCRIPT.toString(), "--from-main", "--start-method", "spawn"), null);
        assertEquals(0, outcome.exitCode(), outcome.err());
        assertTrue(outcome.out().contains("it failed as in the note: concurrent.futures.process.BrokenProcessPool"),
                outcome.out());
        assertTrue(outcome.out().contains("Can't get attribute 'half_sum' on <module '__main__'"), outcome.out());
    }

    @Test
    void badInputIsOneLineAndExitCode2() throws Exception {
        assumeTrue(hasPython(), "no python3 on PATH");
        Outcome outcome = run(List.of("bash", SCRIPT.toString(), "--sizes", "0", "--out", temp.toString()), null);
        assertEquals(2, outcome.exitCode());
        assertEquals(List.of("seed-python: --sizes: expected sizes from 1 to 100000000 separated by commas, got '0'"),
                outcome.err().lines().toList());
        try (Stream<Path> files = Files.list(temp)) {
            assertEquals(0, files.count(), "nothing written");
        }
    }

    @Test
    void withoutPython3ItSaysSoInOneLineAndExits2() throws Exception {
        Outcome outcome = run(List.of("/bin/bash", SCRIPT.toString()), temp.resolve("empty-path").toString());
        assertEquals(2, outcome.exitCode());
        assertEquals(1, outcome.err().lines().count(), outcome.err());
        assertTrue(outcome.err().startsWith("seed-python: python3 not found on PATH"), outcome.err());
    }

    @Test
    void absurdCountsAreRefusedInOneLine() throws Exception {
        assumeTrue(hasPython(), "no python3 on PATH");
        Outcome outcome = run(List.of("bash", SCRIPT.toString(), "--forks", "2147483647", "--out", temp.toString()),
                null);
        assertEquals(2, outcome.exitCode());
        assertEquals(List.of("seed-python: --forks: expected 1 to 100, got 2147483647"),
                outcome.err().lines().toList());
    }

    @Test
    void aPoolThatCannotStartUnderAProcessLimitFailsAtOnceAndLeavesNoWorker() throws Exception {
        List<String> limited = underProcessLimit();
        assumeTrue(limited != null, "no way to apply a process limit here");
        String marker = marker();
        List<String> command = new ArrayList<>(limited);
        command.addAll(List.of(Path.of("scripts/seed_python.py").toAbsolutePath().toString(), "--workers", "100",
                "--sizes", marker, "--forks", "1", "--warmups", "0", "--iterations", "1", "--iteration-ms", "5",
                "--out", temp.toString()));

        Outcome outcome = run(command, null, 60);

        assertEquals(1, outcome.exitCode(), outcome.err());
        assertEquals(1, outcome.err().lines().count(), outcome.err());
        assertTrue(outcome.err().startsWith("seed-python: fork 1 failed (exit code 1): BlockingIOError: "),
                outcome.err());
        assertTrue(outcome.err().contains("try fewer --workers"), outcome.err());
        assertNoProcessLeft(marker);
    }

    @Test
    void ctrlCStopsTheRunInOneLineWithExitCode130AndNoWorkerLeft() throws Exception {
        assumeTrue(hasPython(), "no python3 on PATH");
        String marker = marker();
        Path stdout = temp.resolve("stdout");
        Path stderr = temp.resolve("stderr");
        Process process = new ProcessBuilder("python3", "scripts/seed_python.py", "--sizes", marker, "--forks", "2",
                "--iterations", "50", "--iteration-ms", "100", "--workers", "2", "--out",
                temp.resolve("out").toString())
                .redirectOutput(stdout.toFile()).redirectError(stderr.toFile()).start();
        try {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (!Files.readString(stdout).contains("fork 1 of 2") || process.descendants().count() < 2) {
                assertTrue(System.nanoTime() < deadline && process.isAlive(), "the first fork starts its pool");
                Thread.sleep(20);
            }
            new ProcessBuilder("kill", "-INT", Long.toString(process.pid())).start().waitFor();

            assertTrue(process.waitFor(10, TimeUnit.SECONDS), "it stops at once");
            assertEquals(130, process.exitValue());
            assertEquals(List.of("seed-python: interrupted; nothing was written"), Files.readAllLines(stderr));
            assertNoProcessLeft(marker);
        } finally {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
        }
    }

    /** A size no other run uses: it names this run's interpreters in their command lines (the fork's config). */
    private static String marker() {
        return Integer.toString(1_000_000 + new java.util.Random().nextInt(9_000_000));
    }

    /** No process is left whose command line holds {@code marker} (a fork or a pool worker), within 5 s. */
    private static void assertNoProcessLeft(String marker) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        List<String> left;
        do {
            left = ProcessHandle.allProcesses().filter(p -> p.info().commandLine().orElse("").contains(marker))
                    .map(p -> p.pid() + " " + p.info().commandLine().orElse("")).toList();
            if (left.isEmpty()) {
                return;
            }
            Thread.sleep(50);
        } while (System.nanoTime() < deadline);
        throw new AssertionError("left running: " + left);
    }

    /**
     * A command prefix running python3 under a process limit that leaves room for about 20 more processes: for root
     * (whom the limit does not bind) as nobody; null where that cannot be done.
     */
    private static List<String> underProcessLimit() throws Exception {
        String limit = "ulimit -u $(( $(ps -L -u \"$(id -u)\" --no-headers | wc -l) + 20 )) && exec \"$0\" \"$@\"";
        boolean root = "root".equals(System.getProperty("user.name"));
        if (!root) {
            return hasPython() ? List.of("bash", "-c", limit, "python3") : null;
        }
        Path python = Path.of("/usr/bin/python3");
        if (!Files.isExecutable(python) || !Files.isExecutable(Path.of("/usr/bin/setpriv"))
                || run(List.of("/usr/bin/setpriv", "--reuid=nobody", "--regid=nogroup", "--clear-groups", "test", "-r",
                        Path.of("scripts/seed_python.py").toAbsolutePath().toString()), null).exitCode() != 0) {
            return null;
        }
        return List.of("/usr/bin/setpriv", "--reuid=nobody", "--regid=nogroup", "--clear-groups", "bash", "-c", limit,
                python.toString());
    }

    private static boolean hasPython() throws Exception {
        try {
            return run(List.of("python3", "--version"), null).exitCode() == 0;
        } catch (IOException e) {
            return false;
        }
    }

    private static Outcome run(List<String> command, String path) throws Exception {
        return run(command, path, DEADLINE_SECONDS);
    }

    private static Outcome run(List<String> command, String path, long deadlineSeconds) throws Exception {
        ProcessBuilder builder = new ProcessBuilder(new ArrayList<>(command));
        if (path != null) {
            builder.environment().put("PATH", path);
        }
        Path stdout = Files.createTempFile("seed-python", ".out");
        Path stderr = Files.createTempFile("seed-python", ".err");
        try {
            Process process = builder.redirectOutput(stdout.toFile()).redirectError(stderr.toFile()).start();
            if (!process.waitFor(deadlineSeconds, TimeUnit.SECONDS)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
                throw new AssertionError(command + " ran longer than " + deadlineSeconds + " s");
            }
            return new Outcome(process.exitValue(), Files.readString(stdout, StandardCharsets.UTF_8),
                    Files.readString(stderr, StandardCharsets.UTF_8));
        } finally {
            Files.deleteIfExists(stdout);
            Files.deleteIfExists(stderr);
        }
    }
}
