package dev.sumbench.suite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sumbench.results.Result;
import dev.sumbench.results.Run;
import dev.sumbench.results.RunReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Interleaved A/B runs with real JMH forks, tiny settings, into a temporary results directory. */
class AbRunTest {

    static {
        // the JMH lock guards a machine against two benchmark runs; functional tests must not fail on it
        System.setProperty("jmh.ignoreLock", "true");
    }

    /** One trial, one 10 ms iteration per fork, JMH quiet. */
    private static final List<String> TINY = List.of("-wi", "0", "-i", "2", "-r", "10ms", "-p", "size=1000",
            "-p", "strategy=sequential", "-v", "SILENT");

    @TempDir
    Path results;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @Test
    void anAaRunInterleavesForksSavesTwoGenuineJmhRunsAndComparesThem() throws IOException {
        int exitCode = bench("--ab-a=::", "--ab-b=::-Dsumbench.variant=b", "--rounds=3", "--seed=42");

        assertTrue(exitCode == 0 || exitCode == 3 || exitCode == 4, "compare's exit code: " + exitCode + err);
        List<String> names = files().stream().map(f -> f.getFileName().toString()).toList();
        assertEquals(7, names.size(), names.toString());
        Path a = results.resolve(names.stream().filter(n -> n.endsWith("_A.json")).findFirst().orElseThrow());
        Path b = results.resolve(names.stream().filter(n -> n.endsWith("_B.json")).findFirst().orElseThrow());
        assertTrue(names.stream().anyMatch(n -> n.endsWith("_B.compare.txt")), names.toString());

        // JMH's own representation of a run with -f 3: forks = 3, one rawData list per fork
        JsonNode row = new ObjectMapper().readTree(b.toFile()).get(0);
        assertEquals(3, row.get("forks").asInt());
        assertEquals(3, row.get("primaryMetric").get("rawData").size());
        assertEquals(2, row.get("primaryMetric").get("rawData").get(0).size());
        assertTrue(row.get("jvmArgs").toString().contains("-Dsumbench.variant=b"), row.toString());
        Run run = RunReader.read(b);
        Result read = run.results().get(0);
        assertEquals(3, read.primary().rawData().size());
        assertEquals(6, read.primary().samples());
        // the CSV beside it is JMH's too
        assertTrue(Files.readString(b.resolveSibling(b.getFileName().toString().replace(".json", ".csv")))
                .startsWith("\"Benchmark\",\"Mode\",\"Threads\",\"Samples\""));

        JsonNode meta = new ObjectMapper().readTree(a.resolveSibling(a.getFileName().toString()
                .replace(".json", ".meta.json")).toFile()).get("abRun");
        assertEquals("A", meta.get("variant").asText());
        assertEquals(42, meta.get("seed").asLong());
        assertEquals(3, meta.get("roundsKept").asInt());
        assertEquals(3, meta.get("order").size());
        assertEquals("::-Dsumbench.variant=b", meta.get("variants").get("B").get("spec").asText());
        // the order is the seed's: the same seed gives the same rounds
        List<String> order = new ArrayList<>();
        meta.get("order").forEach(o -> order.add(o.asText()));
        assertTrue(order.stream().allMatch(o -> o.equals("AB") || o.equals("BA")), order.toString());
        assertTrue(out.toString().contains("round 3 of 3 done"), out.toString());
        assertTrue(out.toString().contains("compare " + a + " → " + b), out.toString());
        assertTrue(out.toString().contains("3+3"), out.toString());
    }

    @Test
    void aSequentialRunStopsAtTheFirstLookThatDecidesEveryRow() throws IOException {
        // within a factor of 1001 identical variants are equivalent as soon as the forks' spread allows (at the first
        // look on a quiet machine): the run stops at the look that decides the row
        int exitCode = bench("--ab-a=::", "--ab-b=::", "--max-time=10m", "--threshold=100000%", "--seed=42");
        assertEquals(0, exitCode, out + "" + err);
        List<String> done = out.toString().lines().filter(l -> l.contains(" done in ")).toList();
        String last = done.get(done.size() - 1);
        assertTrue(last.contains("; look: 1 of 1 rows decided; about "), out.toString());
        assertTrue(done.stream().limit(done.size() - 1).noneMatch(l -> l.contains("look: 1 of 1")), out.toString());
        assertTrue(last.startsWith("sumbench: round " + roundsKept() + " done in "), out.toString());
        assertTrue(roundsKept() >= 3, out.toString());
        assertTrue(out.toString().contains("  * sequential: after 3 rounds, rounds only for the rows still undecided, "
                + "judged after 3, 4, 5, 7, 9, 12, 15, 19, 24, 30 rounds, each look at 0.5%"), out.toString());
    }

    @Test
    void aSequentialRunStopsWhenTheBudgetEndsBeforeTheNextLookAndSaysWhatWouldDecideTheRow() throws IOException {
        // at threshold 0 no row can be shown equivalent; a one-second budget ends before the look after round 4
        int exitCode = bench("--ab-a=::", "--ab-b=::", "--max-time=1s", "--threshold=0%", "--seed=42");
        assertEquals(3, roundsKept(), out.toString());
        if (exitCode == 4) {
            assertTrue(out.toString().contains("ends before the next look (after round 4, about "), out.toString());
            assertTrue(out.toString().contains(" forks a side as it stands)")
                    || out.toString().contains("no number of forks decides it"), out.toString());
        } else {
            // a chance verdict at the first look (at most 1 % of such runs) ends the run as well
            assertTrue(exitCode == 3 || exitCode == 0, out + "" + err);
        }
    }

    private int roundsKept() throws IOException {
        Path a = files().stream().filter(f -> f.getFileName().toString().endsWith("_A.meta.json")).findFirst()
                .orElseThrow();
        return new ObjectMapper().readTree(a.toFile()).get("abRun").get("roundsKept").asInt();
    }

    @Test
    void badInputIsOneLineAndExitCodeTwoBeforeAnyForkStarts() throws IOException {
        String[][] cases = {
            {"--ab-a=::"},
            {"--ab-a=/no/such/java", "--ab-b=::"},
            {"--ab-a=/bin/sh", "--ab-b=::"},
            {"--ab-a=::", "--ab-b=::-XX:+NoSuchVmOption"},
            {"--ab-a=::", "--ab-b=::", "--include=NoSuchBenchmark"},
            {"--ab-a=::", "--ab-b=::not-an-option"},
            {"--ab-a=::", "--ab-b=::", "--rounds=0"},
            {"--ab-a=::", "--ab-b=::", "--seed=x"},
            {"--ab-a=::", "--ab-b=::", "--threshold=much"},
            {"--rounds=3"},
        };
        for (String[] args : cases) {
            out.getBuffer().setLength(0);
            err.getBuffer().setLength(0);
            int exitCode = bench(args);
            assertEquals(2, exitCode, String.join(" ", args) + ": " + err);
            assertEquals(1, err.toString().lines().count(), String.join(" ", args) + ": " + err);
            assertTrue(err.toString().startsWith("sumbench: "), err.toString());
            assertTrue(!err.toString().contains("should be specified only once"), err.toString());
            assertTrue(!out.toString().contains("round 1"), out.toString());
            assertEquals(List.of(), files());
        }
    }

    @Test
    void forksAreTheRoundsSoMinusFIsRefused() throws IOException {
        out.getBuffer().setLength(0);
        List<String> all = new ArrayList<>(List.of("--results=" + results, "--ab-a=::", "--ab-b=::", "--",
                "-f", "3"));
        int exitCode = BenchMain.newCommandLine(new PrintWriter(out, true), new PrintWriter(err, true))
                .execute(all.toArray(String[]::new));
        assertEquals(2, exitCode);
        assertTrue(err.toString().contains("-f and -wf are not allowed"), err.toString());
        assertEquals(List.of(), files());
    }

    @Test
    void aVariantWhoseForksFailStopsTheRunAfterTheFirstRoundWithTheJvmsOwnError() throws IOException {
        int exitCode = bench("--ab-a=::", "--ab-b=::-Dsumbench.chunking=bogus", "--rounds=3", "--seed=42");

        assertTrue(exitCode == 1 || exitCode == 2, "exit code " + exitCode + ": " + err);
        assertEquals(1, err.toString().lines().count(), err.toString());
        assertTrue(err.toString().matches("(?s)sumbench: .*B \\(::-Dsumbench.chunking=bogus\\).*bogus.*"),
                err.toString());
        assertTrue(!out.toString().contains("round 2"), out.toString());
        assertEquals(List.of(), files());
    }

    @Test
    void aRoundThatFailsAfterSavedRoundsSaysHowManyAreSavedAndWhere() throws IOException {
        // variant B's java: the probe and JMH's looks at the JVM run; the second fork (round 2's) fails to start
        Path calls = results.resolveSibling(results.getFileName() + ".calls");
        Path fakeJava = results.resolveSibling(results.getFileName() + "-java");
        Files.writeString(fakeJava, "#!/bin/sh\ncase \"$*\" in *ForkedMain*) echo >> '" + calls + "'\n"
                + "  if [ \"$(wc -l < '" + calls + "')\" -ge 2 ]; then echo 'Error: a planted failure' >&2; exit 1; fi;;\n"
                + "esac\nexec '" + ForkJvm.currentExecutable() + "' \"$@\"\n");
        Files.setPosixFilePermissions(fakeJava, java.nio.file.attribute.PosixFilePermissions.fromString("rwx------"));
        try {
            int exitCode = bench("--ab-a=::", "--ab-b=" + fakeJava, "--rounds=3", "--seed=42");

            assertEquals(1, exitCode, err.toString());
            assertEquals(6, files().size(), err.toString());
            List<String> names = files().stream().map(f -> f.getFileName().toString()).toList();
            Path a = results.resolve(names.stream().filter(n -> n.endsWith("_A.json")).findFirst().orElseThrow());
            Path b = results.resolve(names.stream().filter(n -> n.endsWith("_B.json")).findFirst().orElseThrow());
            assertEquals(List.of("sumbench: round 2, B (" + fakeJava + "): 1 of 1 trials failed: "
                    + "Error: a planted failure; stopped, the 1 completed round is saved in " + a + " and " + b
                    + "; compare them with scripts/compare " + a + " " + b), err.toString().lines().toList());
            assertEquals(1, new ObjectMapper().readTree(a.toFile()).get(0).get("forks").asInt());
            assertEquals(1, new ObjectMapper().readTree(b.toFile()).get(0).get("forks").asInt());
        } finally {
            Files.deleteIfExists(fakeJava);
            Files.deleteIfExists(calls);
        }
    }

    @Test
    void anotherJmhHoldingItsLockStopsTheRunInOneLineSayingWhatWasSaved() throws Exception {
        // a JVM of its own with a temp dir of its own: its JMH lock is the one this test holds, no other run's
        Path temp = Files.createDirectories(results.resolve("tmp"));
        Path output = results.resolve("output");
        List<String> command = new ArrayList<>(List.of(ForkJvm.currentExecutable(), "-Djava.io.tmpdir=" + temp,
                "-cp", System.getProperty("java.class.path"), BenchMain.class.getName(),
                "--results=" + results.resolve("runs"), "--include=LayoutBenchmark.array", "--ab-a=::", "--ab-b=::",
                "--"));
        command.addAll(TINY);
        try (java.nio.channels.FileChannel lock = java.nio.channels.FileChannel.open(temp.resolve("jmh.lock"),
                java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.WRITE);
             java.nio.channels.FileLock held = lock.lock()) {
            Process run = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile()).start();
            assertTrue(run.waitFor(60, java.util.concurrent.TimeUnit.SECONDS), "the run stops at once");
            List<String> lines = Files.readAllLines(output).stream().filter(l -> l.contains("stopped")).toList();

            assertEquals(1, run.exitValue(), Files.readString(output));
            assertEquals(1, lines.size(), Files.readString(output));
            assertTrue(lines.get(0).startsWith("sumbench: round 1, "), lines.get(0));
            assertTrue(lines.get(0).contains("JMH stopped: ERROR: Another JMH instance might be running. Unable to "
                    + "acquire the JMH lock (" + temp + "/jmh.lock)"), lines.get(0));
            assertTrue(lines.get(0).endsWith("stopped, no round was completed; nothing was written"), lines.get(0));
            assertTrue(Files.notExists(results.resolve("runs")));
        }
    }

    private int bench(String... args) {
        List<String> all = new ArrayList<>(List.of("--results=" + results));
        if (Stream.of(args).noneMatch(a -> a.startsWith("--include"))) {
            all.add("--include=LayoutBenchmark.array");
        }
        all.addAll(List.of(args));
        all.add("--");
        all.addAll(TINY);
        return BenchMain.newCommandLine(new PrintWriter(out, true), new PrintWriter(err, true))
                .execute(all.toArray(String[]::new));
    }

    private List<Path> files() throws IOException {
        if (!Files.exists(results)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(results)) {
            return files.sorted().toList();
        }
    }
}
