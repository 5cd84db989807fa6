package dev.sumbench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sumbench.core.ExitCodes;
import dev.sumbench.stats.CompareFixtures;
import dev.sumbench.sum.ChunkProfiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TuneCommandTest {

    @TempDir
    Path dir;

    @Test
    void ofTuneRunsRacingForOneProfileExactlyOneWritesIt() throws Exception {
        Path run = copy("chunk-sweep-quiet.json");
        int racers = 6;
        java.util.concurrent.CyclicBarrier start = new java.util.concurrent.CyclicBarrier(racers);
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(racers);
        try {
            List<java.util.concurrent.Future<CliRun>> runs = new java.util.ArrayList<>();
            for (int i = 0; i < racers; i++) {
                runs.add(pool.submit(() -> {
                    start.await();
                    return CliRun.of("tune", run.toString());
                }));
            }
            List<CliRun> done = new java.util.ArrayList<>();
            for (java.util.concurrent.Future<CliRun> r : runs) {
                done.add(r.get(60, java.util.concurrent.TimeUnit.SECONDS));
            }
            assertEquals(1, done.stream().filter(r -> r.exitCode() == ExitCodes.OK).count(), done.toString());
            for (CliRun lost : done.stream().filter(r -> r.exitCode() != ExitCodes.OK).toList()) {
                assertEquals(ExitCodes.BAD_INPUT, lost.exitCode(), lost.err());
                assertTrue(lost.err().contains("expected a new file, found"), lost.err());
                assertTrue(!lost.err().contains("tune: wrote"), "a loser never says it wrote: " + lost.err());
            }
        } finally {
            pool.shutdownNow();
        }
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(List.of("chunk-sweep-quiet.chunks.json", "chunk-sweep-quiet.json"),
                    files.map(f -> f.getFileName().toString()).sorted().toList(), "no temporary file is left");
        }
    }

    @Test
    void aQuickRunIsTunedForThePatternItsChunkRowsRanUnderAndNoChunkExceedsItsSize() throws IOException {
        // a -Dbench.quick run: its dispatch rows wait 1 ms before each call, its chunk and crossover rows do not
        Path run = dir.resolve("quick.json");
        Files.copy(Path.of("src/test/resources/jmh/quick/20261205-012508_vm_jdk17.json"), run);
        CliRun tune = CliRun.of("tune", run.toString());
        assertEquals(ExitCodes.OK, tune.exitCode(), tune.err());
        assertTrue(tune.err().contains("tune: the profile is tuned for calls back to back"), tune.err());
        assertTrue(tune.err().contains("tune: no minimum parallel size for thread-pool with 2 workers: splitting does "
                + "not pay at the largest size compared (1048576)"), tune.err());
        ChunkProfiles.Document document = ChunkProfiles.readDocument(dir.resolve("quick" + ChunkProfiles.SUFFIX));
        assertEquals(dev.sumbench.sum.UsePattern.BACK_TO_BACK, document.pattern());
        assertFalse(document.entries().isEmpty());
        for (ChunkProfiles.Entry entry : document.entries()) {
            assertTrue(entry.chunk() <= entry.size() && entry.flatTo() <= entry.size(), entry.toString());
        }
    }

    @Test
    void tuningARealSweepWritesAProfileBesideTheRunThatSumUses() throws IOException {
        Path run = copy("chunk-sweep-quiet.json");
        CliRun tune = CliRun.of("tune", run.toString());
        assertEquals(ExitCodes.OK, tune.exitCode(), tune.err());
        Path profile = dir.resolve("chunk-sweep-quiet" + ChunkProfiles.SUFFIX);
        // the sweep's own default beat the middle of the flat region at 2 000 000: the profile keeps the default there
        assertEquals("tune: kept the default chunk for fork-join size 2000000 workers 2: chunk 4096 measured slower "
                + "than the default\ntune: wrote 2 recommendations to " + profile + "\n"
                + "tune: the profile is tuned for calls back to back (its rows called the sum in a loop, no idle time): "
                + "pattern back-to-back\ntune: fork-join with 2 workers splits from 200,000 elements\n", tune.err());
        assertTrue(tune.out().startsWith("chunk sizes of " + run + "\n"), tune.out());
        assertTrue(tune.out().contains("fork-join"));

        ChunkProfiles.Document document = ChunkProfiles.readDocument(profile);
        assertEquals("chunk-sweep-quiet.json", document.source());
        assertEquals(0.05, document.within(), 1e-12);
        assertEquals(List.of(200_000L, 2_000_000L), document.entries().stream().map(ChunkProfiles.Entry::size).toList());
        assertEquals(0, document.entries().get(1).chunk(), "the default kept at 2 000 000");
        int tuned = document.entries().get(0).chunk();
        // the sweep's split rows beat its one-chunk rows at both sizes, so splitting pays from the smaller one
        assertEquals(List.of(new ChunkProfiles.MinParallel("fork-join", 2, 200_000)), document.minParallel());
        assertEquals(dev.sumbench.sum.UsePattern.BACK_TO_BACK, document.pattern());

        CliRun sum = CliRun.of("sum", "--strategy", "fork-join", "--size", "200000", "--workers",
                "2", "--chunk", "auto", "--profile", profile.toString(), "--json");
        assertEquals(ExitCodes.OK, sum.exitCode(), sum.err());
        JsonNode report = new ObjectMapper().readTree(sum.out());
        assertEquals(tuned, report.get("chunk").asInt());
        CliRun sequential = CliRun.of("sum", "--strategy", "sequential", "--size", "200000",
                "--json");
        assertEquals(new ObjectMapper().readTree(sequential.out()).get("sum"), report.get("sum"));
        CliRun kept = CliRun.of("sum", "--strategy", "fork-join", "--size", "2000000", "--workers", "2", "--chunk",
                "auto", "--profile", profile.toString(), "--json");
        assertEquals(ExitCodes.OK, kept.exitCode(), kept.err());
        assertEquals(0, new ObjectMapper().readTree(kept.out()).get("chunk").asInt(), "the default rule at 2 000 000");
    }

    @Test
    void outAndWithinAndCoresAreHonoured() {
        Path run = copy("chunk-sweep-quiet.json");
        Path out = dir.resolve("mine.json");
        CliRun tune = CliRun.of("tune", run.toString(), "--within", "0%", "--out", out.toString(),
                "--format", "md");
        assertEquals(ExitCodes.OK, tune.exitCode(), tune.err());
        assertTrue(tune.out().startsWith("### chunk sizes of "), tune.out());
        assertTrue(tune.out().contains("flat (within 0 %)"), tune.out());
        ChunkProfiles.Document document = ChunkProfiles.readDocument(out);
        // within 0 % the flat region is the best point alone, and so is the recommendation
        assertTrue(document.entries().stream().allMatch(e -> e.flatFrom() == e.flatTo() && e.chunk() == e.flatFrom()));
        CliRun wrongCores = CliRun.of("tune", run.toString(), "--cores", "3");
        assertEquals(ExitCodes.BAD_INPUT, wrongCores.exitCode());
        assertEquals("sumbench tune: --cores: " + run + " has no rows with a 'cores' param\n", wrongCores.err());
    }

    @Test
    void badInputIsOneLineAndWritesNoProfile() throws IOException {
        Path run = copy("chunk-sweep-quiet.json");
        Path noChunks = copy("aa-long-1.json");
        Path garbage = dir.resolve("garbage.csv");
        Files.writeString(garbage, "\"Benchmark\",\"Mode\"\n\"x\",\"avgt\",1\n");
        String[][] cases = {
            {"tune"},
            {"tune", run.toString(), "--within", "x"},
            {"tune", run.toString(), "--within", "-1%"},
            {"tune", run.toString(), "--cores", "0"},
            {"tune", run.toString(), "--format", "pdf"},
            {"tune", noChunks.toString()},
            {"tune", garbage.toString()},
            {"tune", dir.resolve("missing.json").toString()},
        };
        for (String[] args : cases) {
            CliRun tune = CliRun.of(args);
            assertEquals(ExitCodes.BAD_INPUT, tune.exitCode(), String.join(" ", args) + ": " + tune.err());
            assertEquals(1, tune.errLines(), tune.err());
            assertTrue(tune.err().startsWith("sumbench tune: "), tune.err());
        }
        try (Stream<Path> files = Files.list(dir)) {
            assertTrue(files.noneMatch(f -> f.toString().endsWith(ChunkProfiles.SUFFIX)));
        }
        CliRun noChunkRows = CliRun.of("tune", noChunks.toString());
        assertTrue(noChunkRows.err().contains("no row with a 'chunk' param"), noChunkRows.err());
    }

    @Test
    void theProfileNeverReplacesTheRunAnExistingProfileOrAnythingButAFileAndIsCheckedBeforePrinting()
            throws IOException {
        Path run = copy("chunk-sweep-quiet.json");
        String before = Files.readString(run);
        Path link = Files.createSymbolicLink(dir.resolve("link.json"), run);
        Path missing = dir.resolve("missing").resolve("x.chunks.json");
        String[][] refused = {
            {"tune", run.toString(), "--out", run.toString()},
            {"tune", run.toString(), "--out", link.toString()},
            {"tune", link.toString(), "--out", run.toString()},
            {"tune", run.toString(), "--out", missing.toString()},
            {"tune", run.toString(), "--out", dir.toString()},
        };
        for (String[] args : refused) {
            CliRun tune = CliRun.of(args);
            assertEquals(ExitCodes.BAD_INPUT, tune.exitCode(), String.join(" ", args) + ": " + tune.err());
            assertEquals("", tune.out(), "refused before the table is printed");
            assertEquals(1, tune.errLines(), tune.err());
            assertTrue(tune.err().startsWith("sumbench tune: --out "), tune.err());
        }
        assertEquals(before, Files.readString(run));
        assertTrue(Files.isSymbolicLink(link));

        Path profile = dir.resolve("chunk-sweep-quiet" + ChunkProfiles.SUFFIX);
        assertEquals(ExitCodes.OK, CliRun.of("tune", run.toString()).exitCode());
        String first = Files.readString(profile);
        CliRun again = CliRun.of("tune", run.toString(), "--within", "0%");
        assertEquals(ExitCodes.BAD_INPUT, again.exitCode());
        assertEquals("", again.out());
        assertEquals("sumbench tune: " + profile + ": expected a new file, found an existing profile (use --force to "
                + "replace it)\n", again.err());
        assertEquals(first, Files.readString(profile));
        CliRun forced = CliRun.of("tune", run.toString(), "--within", "0%", "--force");
        assertEquals(ExitCodes.OK, forced.exitCode(), forced.err());
        assertTrue(CliRun.of("tune", "--help").out().contains("--force"));
    }

    @Test
    void aFifoAsTheRunIsRefusedAtOnce() throws Exception {
        Path fifo = dir.resolve("run.json");
        assertEquals(0, new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor());
        CliRun tune = assertTimeoutPreemptively(java.time.Duration.ofSeconds(60), () -> CliRun.of("tune",
                fifo.toString(), "--out", dir.resolve("p.chunks.json").toString()));
        assertEquals(ExitCodes.BAD_INPUT, tune.exitCode());
        assertEquals("sumbench tune: " + fifo + ": expected a JMH result file (a regular file), found a special file "
                + "(FIFO, device or socket)\n", tune.err());
    }

    @Test
    void chunkAutoNeedsAProfileAndAProfileNeedsChunkAuto() throws IOException {
        Path profile = dir.resolve("p" + ChunkProfiles.SUFFIX);
        ChunkProfiles.write(profile, new ChunkProfiles.Document(null, Double.NaN, 0,
                List.of(new ChunkProfiles.Entry("fork-join", 2, 0, 1000, 0, 0))));
        Path broken = dir.resolve("broken" + ChunkProfiles.SUFFIX);
        Files.writeString(broken, "{\"format\": \"sumbench-chunk-profile\", \"version\": 7, \"entries\": []}");
        String[][] cases = {
            {"sum", "--strategy", "fork-join", "--size", "10", "--chunk", "auto"},
            {"sum", "--strategy", "fork-join", "--size", "10", "--chunk", "5", "--profile", profile.toString()},
            {"sum", "--strategy", "fork-join", "--size", "10", "--chunk", "five"},
            {"sum", "--strategy", "fork-join", "--size", "10", "--chunk", "-1"},
            {"sum", "--strategy", "fork-join", "--size", "10", "--chunk", "auto", "--profile", broken.toString()},
            {"sum", "--strategy", "fork-join", "--size", "10", "--chunk", "auto", "--profile",
                dir.resolve("none.json").toString()},
        };
        for (String[] args : cases) {
            CliRun sum = CliRun.of(args);
            assertEquals(ExitCodes.BAD_INPUT, sum.exitCode(), String.join(" ", args) + ": " + sum.err());
            assertEquals(1, sum.errLines(), sum.err());
            assertTrue(sum.err().startsWith("sumbench sum: "), sum.err());
        }
        assertTrue(CliRun.of(cases[0]).err().contains("--chunk auto: needs --profile FILE"));
        assertTrue(CliRun.of(cases[4]).err().contains("version: expected 1, found 7"));

        CliRun tuned = CliRun.of("sum", "--strategy", "fork-join", "--size", "5000", "--workers", "2",
                "--chunk", "auto", "--profile", profile.toString(), "--json");
        assertEquals(ExitCodes.OK, tuned.exitCode(), tuned.err());
        assertEquals(1000, new ObjectMapper().readTree(tuned.out()).get("chunk").asInt());
        CliRun untuned = CliRun.of("sum", "--strategy", "fork-join", "--size", "5000", "--workers",
                "3", "--chunk", "auto", "--profile", profile.toString(), "--json");
        assertEquals(ExitCodes.OK, untuned.exitCode(), untuned.err());
        assertEquals(0, new ObjectMapper().readTree(untuned.out()).get("chunk").asInt());
        assertTrue(untuned.err().contains("has no chunk for fork-join with 3 workers: the built-in default applies"),
                untuned.err());
    }

    private Path copy(String fixture) {
        try {
            Path target = dir.resolve(fixture);
            Files.copy(CompareFixtures.path(fixture), target);
            return target;
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
