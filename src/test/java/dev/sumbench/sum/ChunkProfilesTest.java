package dev.sumbench.sum;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import dev.sumbench.files.RefusedFileException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.OptionalInt;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ChunkProfilesTest {

    @TempDir
    Path dir;

    @Test
    void aWrittenProfileReadsBackAndAppliesTheLargestTunedSizeNotAboveTheRange() {
        Path file = dir.resolve("run.chunks.json");
        ChunkProfiles.write(file, new ChunkProfiles.Document("run.json", 0.05, 2, List.of(
                new ChunkProfiles.Entry("fork-join", 2, 1_000_000, 16384, 4096, 65536),
                new ChunkProfiles.Entry("fork-join", 2, 10_000, 1024, 256, 4096),
                new ChunkProfiles.Entry("thread-pool", 4, 10_000, 2500, 0, 0))));
        ChunkProfiles.Document document = ChunkProfiles.readDocument(file);
        assertEquals("run.json", document.source());
        assertEquals(0.05, document.within());
        assertEquals(2, document.cores());
        assertEquals(3, document.entries().size());
        assertEquals(4096, document.entries().get(0).flatFrom());

        ChunkProfile profile = ChunkProfiles.read(file);
        assertEquals(OptionalInt.of(1024), profile.chunkFor("fork-join", 2, 100)); // below all: the smallest size
        assertEquals(OptionalInt.of(1024), profile.chunkFor("fork-join", 2, 999_999));
        assertEquals(OptionalInt.of(16384), profile.chunkFor("fork-join", 2, 5_000_000));
        assertEquals(OptionalInt.of(2500), profile.chunkFor("thread-pool", 4, 10_000));
        assertEquals(OptionalInt.empty(), profile.chunkFor("fork-join", 4, 10_000));
    }

    @Test
    void theDefaultChunkingOfAStrategyUsesTheProfile() {
        Path file = dir.resolve("p.chunks.json");
        ChunkProfiles.write(file, new ChunkProfiles.Document(null, Double.NaN, 0,
                List.of(new ChunkProfiles.Entry("fork-join", 2, 0, 1000, 0, 0))));
        Settings settings = new Settings(2, Settings.DEFAULT_CHUNK, ChunkProfiles.read(file));
        assertEquals(10, DefaultChunking.plan("fork-join", settings, 0, 10_000, 4).count());
    }

    @Test
    void writingLeavesNoTemporaryFileAndReplacesAnOldProfileWhole() throws IOException {
        Path file = dir.resolve("x.chunks.json");
        Files.writeString(file, "old");
        ChunkProfiles.write(file, new ChunkProfiles.Document(null, Double.NaN, 0,
                List.of(new ChunkProfiles.Entry("fork-join", 1, 1, 1, 0, 0))));
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(List.of(file), files.toList());
        }
        assertTrue(Files.readString(file).contains("\"format\" : \"sumbench-chunk-profile\""));
    }

    @Test
    void aProfileThatCannotBeWrittenLeavesNothingBehind() {
        Path file = dir.resolve("missing-dir").resolve("x.chunks.json");
        assertThrows(RefusedFileException.class, () -> ChunkProfiles.write(file,
                new ChunkProfiles.Document(null, Double.NaN, 0, List.of())));
        assertTrue(Files.notExists(file.getParent()));
    }

    @Test
    void badProfilesAreOneLineNamingTheFileAndTheField() throws IOException {
        assertBad("[]", "expected a JSON object");
        assertBad("{\"format\": \"other\", \"version\": 1, \"entries\": []}", "format: expected \"sumbench-chunk-profile\"");
        assertBad("{\"format\": \"sumbench-chunk-profile\", \"version\": 2, \"entries\": []}", "version: expected 1, found 2");
        assertBad("{\"format\": \"sumbench-chunk-profile\", \"version\": 1}", "entries: expected an array");
        assertBad(profile("{\"strategy\": \"fork-join\", \"workers\": 2, \"size\": 10, \"chunk\": -5}"),
                "entries[0].chunk: expected an integer 0..2147483647, found -5");
        assertBad(profile("{\"strategy\": \"fork-join\", \"workers\": 2, \"size\": 10}"),
                "entries[0].chunk: expected an integer 0..2147483647, found nothing");
        assertBad(profile("{\"workers\": 2, \"size\": 10, \"chunk\": 5}"), "entries[0].strategy: expected a strategy id");
        assertBad(profile("{\"strategy\": \"fork-join\", \"workers\": 0, \"size\": 10, \"chunk\": 5}"),
                "entries[0].workers: expected an integer 1..1024, found 0");
        assertBad(profile("{\"strategy\": \"f\", \"workers\": 1, \"size\": 10, \"chunk\": 5}, "
                + "{\"strategy\": \"f\", \"workers\": 1, \"size\": 10, \"chunk\": 6}"),
                "entries[1]: expected one entry per strategy, workers and size, found a second for f with 1 workers");
        assertBad("{\n\"format\": \n", ":3: expected JSON, found ");
        IllegalArgumentException missing = assertThrows(IllegalArgumentException.class,
                () -> ChunkProfiles.read(dir.resolve("nope.json")));
        assertEquals(dir.resolve("nope.json") + ": expected a chunking profile, found no such file", missing.getMessage());
    }

    @Test
    void aProfileIsOneStrictJsonValueInUtf8() throws IOException {
        assertBad("{\"format\": \"sumbench-chunk-profile\", \"format\": \"sumbench-chunk-profile\", \"version\": 1, "
                + "\"entries\": []}", "expected JSON, found Duplicate field 'format'");
        assertBad(profile("") + " {\"more\": 1}", "expected JSON, found Trailing token");
        Path file = dir.resolve("latin1.chunks.json");
        byte[] latin1 = (profile("") .replace("}", ", \"source\": \"r\u00e9sultat.json\"}"))
                .getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
        Files.write(file, latin1);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ChunkProfiles.read(file));
        assertEquals(file + ": expected UTF-8 text, found bytes that are not", e.getMessage());
    }

    @Test
    void theMachineOfAProfileIsReadWithItsControlCharactersEscaped() throws IOException {
        Path file = dir.resolve("machine.chunks.json");
        Files.writeString(file, "{\"format\": \"sumbench-chunk-profile\", \"version\": 1, \"entries\": [], "
                + "\"machine\": {\"host\": \"box\\u001b[2J\", \"cpu\": \"EPYC\\r\\nfaked line\"}}");

        ChunkProfiles.Origin origin = ChunkProfiles.readDocument(file).origin();

        assertEquals("box\\u001b[2J", origin.host());
        assertEquals("EPYC\\u000d\\u000afaked line", origin.cpuModel());
    }

    @Test
    void minimumParallelSizesPatternAndOriginReadBackAndReachTheDecision() {
        Path file = dir.resolve("where.chunks.json");
        ChunkProfiles.Origin origin = new ChunkProfiles.Origin("box", "AMD EPYC 7B13", "Eclipse Adoptium", 17, 2);
        ChunkProfiles.write(file, new ChunkProfiles.Document("run.json", 0.05, 2, List.of(),
                List.of(new ChunkProfiles.MinParallel("thread-pool", 2, 262_144)), UsePattern.AFTER_IDLE, origin));
        ChunkProfiles.Document document = ChunkProfiles.readDocument(file);
        assertEquals(List.of(new ChunkProfiles.MinParallel("thread-pool", 2, 262_144)), document.minParallel());
        assertEquals(UsePattern.AFTER_IDLE, document.pattern());
        assertEquals(origin, document.origin());
        ChunkProfile profile = document.toProfile();
        assertEquals(java.util.OptionalLong.of(262_144), profile.minParallelFor("thread-pool", 2));
        assertEquals(java.util.OptionalLong.empty(), profile.minParallelFor("thread-pool", 4));
        Settings settings = new Settings(2, 0, profile, ChunkingRule.ADAPTIVE);
        assertTrue(DefaultChunking.decide("thread-pool", settings, 0, 262_143, 1, null).inCaller());
        assertEquals(2, DefaultChunking.decide("thread-pool", settings, 0, 262_144, 1, null).plan().count());
    }

    @Test
    void anOriginDiffersOnlyInWhatBothKnow() {
        ChunkProfiles.Origin there = new ChunkProfiles.Origin("box", "EPYC", "Eclipse Adoptium", 17, 2);
        assertEquals(List.of(), there.differences(there));
        assertEquals(List.of("host box (this one: other)", "JDK 17 (this one: 25)", "cores 2 (this one: 4)"),
                there.differences(new ChunkProfiles.Origin("other", "EPYC", null, 25, 4)));
        assertEquals(List.of(), new ChunkProfiles.Origin(null, null, null, 0, 0).differences(there));
    }

    @Test
    void badMinimaAndPatternsAreOneLineNamingTheField() throws IOException {
        String head = "{\"format\": \"sumbench-chunk-profile\", \"version\": 1, \"entries\": [], ";
        assertBad(head + "\"minParallel\": {}}", "minParallel: expected an array");
        assertBad(head + "\"minParallel\": [{\"workers\": 2, \"size\": 10}]}",
                "minParallel[0]: expected an object with a strategy id");
        assertBad(head + "\"minParallel\": [{\"strategy\": \"f\", \"workers\": 2, \"size\": 0}]}",
                "minParallel[0].size: expected an integer >= 1, found 0");
        assertBad(head + "\"minParallel\": [{\"strategy\": \"f\", \"workers\": 2, \"size\": 5}, "
                + "{\"strategy\": \"f\", \"workers\": 2, \"size\": 6}]}",
                "minParallel[1]: expected one minimum per strategy and workers, found a second for f with 2 workers");
        assertBad(head + "\"pattern\": \"sometimes\"}",
                "pattern: expected back-to-back or after-idle, got 'sometimes'");
    }

    @Test
    void theProfileLiesBesideTheRun() {
        assertEquals(Path.of("results/20250101-120000_box_jdk17.chunks.json"),
                ChunkProfiles.besideRun(Path.of("results/20250101-120000_box_jdk17.json")));
        assertEquals(Path.of("a.chunks.json"), ChunkProfiles.besideRun(Path.of("a.csv")));
    }

    private static String profile(String entries) {
        return "{\"format\": \"sumbench-chunk-profile\", \"version\": 1, \"entries\": [" + entries + "]}";
    }

    private void assertBad(String content, String expected) throws IOException {
        Path file = dir.resolve("bad.chunks.json");
        Files.writeString(file, content);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ChunkProfiles.read(file));
        assertTrue(e.getMessage().startsWith(file.toString()), e.getMessage());
        assertTrue(e.getMessage().contains(expected), e.getMessage() + " should contain " + expected);
        assertEquals(1, e.getMessage().lines().count(), e.getMessage());
    }
}
