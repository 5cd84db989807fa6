package dev.sumbench.suite;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sumbench.results.RunMeta;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.Collection;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.RunnerException;

class RunFilesTest {

    private static Collection<RunResult> results;

    @TempDir
    Path dir;

    @BeforeAll
    static void measure() throws RunnerException {
        results = JmhFixtures.tinyRun();
    }

    @Test
    void theStemIsStartHostAndJdkFeature() {
        ZonedDateTime start = ZonedDateTime.of(2025, 3, 7, 9, 5, 1, 0, ZoneOffset.UTC);
        assertEquals("20250307-090501_bench-box_jdk21", RunFiles.stem(start, "Bench_Box.example.org", 21));
    }

    @Test
    void aRunThatCannotBeSavedIsKeptInTheTempDirAndTheMessageSaysWhyAndWhere() throws IOException {
        Path notADirectory = Files.writeString(dir.resolve("results"), "a file where the directory should be");

        IOException failure = org.junit.jupiter.api.Assertions.assertThrows(IOException.class,
                () -> RunFiles.publishOrRescue(notADirectory.resolve("runs"), "20250307-090501_box_jdk17", results,
                        meta()));

        String message = failure.getMessage();
        assertTrue(message.startsWith("cannot save the run into " + notADirectory.resolve("runs") + ": "), message);
        java.util.regex.Matcher kept = java.util.regex.Pattern.compile("its results are kept in (\\S+sumbench-unsaved-"
                + "\\S+\\.json) ").matcher(message);
        assertTrue(kept.find(), message);
        Path rescued = Path.of(kept.group(1));
        try {
            JsonNode json = new ObjectMapper().readTree(rescued.toFile());
            assertEquals(2, json.size(), "every result is in the file");
            assertEquals("dev.sumbench.bench.LayoutBenchmark.array", json.get(0).get("benchmark").asText());
        } finally {
            Files.deleteIfExists(rescued);
        }
        assertEquals("a file where the directory should be", Files.readString(notADirectory));
    }

    @Test
    void aDestinationThatCannotHoldARunIsRefusedUpFront() throws IOException {
        Path file = Files.writeString(dir.resolve("a-file"), "x");

        dev.sumbench.core.BadInputException onFile = org.junit.jupiter.api.Assertions.assertThrows(
                dev.sumbench.core.BadInputException.class, () -> RunFiles.checkDestination(file));
        dev.sumbench.core.BadInputException below = org.junit.jupiter.api.Assertions.assertThrows(
                dev.sumbench.core.BadInputException.class, () -> RunFiles.checkDestination(file.resolve("runs")));

        assertEquals("--results " + file + ": " + file + " is not a directory; the run could not be saved there",
                onFile.getMessage());
        assertEquals("--results " + file.resolve("runs") + ": " + file + " is not a directory; the run could not be "
                + "saved there", below.getMessage());
        RunFiles.checkDestination(dir.resolve("new/runs"));
        assertTrue(Files.notExists(dir.resolve("new")), "the check creates nothing");
        assertEquals(List.of(), hiddenFiles(), "the probe file is removed");
    }

    @Test
    void aRunIsJmhJsonAndCsvWithItsMetadata() throws IOException {
        RunFiles.Published run = RunFiles.publish(dir, "20250307-090501_box_jdk17", results, meta());

        assertEquals("20250307-090501_box_jdk17", run.stem());
        assertEquals(dir.resolve("20250307-090501_box_jdk17.json"), run.json());
        JsonNode json = new ObjectMapper().readTree(run.json().toFile());
        assertEquals(2, json.size());
        assertEquals("dev.sumbench.bench.LayoutBenchmark.array", json.get(0).get("benchmark").asText());
        assertEquals("10", json.get(0).get("params").get("size").asText());
        assertTrue(json.get(0).get("primaryMetric").has("rawData"), "JMH JSON keeps the raw data");
        List<String> csv = Files.readAllLines(run.csv());
        assertEquals(3, csv.size());
        assertTrue(csv.get(0).startsWith("\"Benchmark\",\"Mode\""), csv.get(0));
        assertTrue(csv.get(0).contains("\"Param: size\""), csv.get(0));
        RunMeta meta = new ObjectMapper().readValue(run.meta().toFile(), RunMeta.class);
        assertEquals("20250307-090501_box_jdk17", meta.stem());
        assertEquals(List.of("-p", "size=10"), meta.jmhArgs());
        assertEquals(List.of(), hiddenFiles(), "no temporary file is left behind");
    }

    @Test
    void anExistingRunIsNeverOverwritten() throws IOException {
        RunFiles.Published first = RunFiles.publish(dir, "20250307-090501_box_jdk17", results, meta());
        byte[] firstJson = Files.readAllBytes(first.json());
        byte[] firstMeta = Files.readAllBytes(first.meta());

        RunFiles.Published second = RunFiles.publish(dir, "20250307-090501_box_jdk17", results, meta());

        assertEquals("20250307-090501_box_jdk17-2", second.stem());
        assertEquals(dir.resolve("20250307-090501_box_jdk17-2.csv"), second.csv());
        assertArrayEquals(firstJson, Files.readAllBytes(first.json()));
        assertArrayEquals(firstMeta, Files.readAllBytes(first.meta()));
        RunMeta meta = new ObjectMapper().readValue(second.meta().toFile(), RunMeta.class);
        assertEquals("20250307-090501_box_jdk17-2", meta.stem());
    }

    @Test
    void anyFileOfTheStemReservesIt() throws IOException {
        Files.writeString(dir.resolve("20250307-090501_box_jdk17.md"), "tables of another run");

        RunFiles.Published run = RunFiles.publish(dir, "20250307-090501_box_jdk17", results, meta());

        assertEquals("20250307-090501_box_jdk17-2", run.stem());
        assertEquals("tables of another run", Files.readString(dir.resolve("20250307-090501_box_jdk17.md")));
        assertEquals(dir.resolve("20250307-090501_box_jdk17-2.md"), run.tables());
    }

    @Test
    void rawResultsOfOneCountComeBackWhole() throws IOException {
        Path raw = dir.resolve("cores-1.ser");
        RunFiles.saveRaw(raw, results);

        List<RunResult> loaded = RunFiles.loadRaw(raw);

        assertEquals(results.size(), loaded.size());
        assertEquals(results.iterator().next().getPrimaryResult().getScore(),
                loaded.get(0).getPrimaryResult().getScore());
    }

    private List<Path> hiddenFiles() throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> f.getFileName().toString().startsWith(".")).toList();
        }
    }

    private static RunMeta meta() {
        return new RunMeta("", "2025-03-07T09:05:01Z", "box", "AMD EPYC", 2, 2, 1L << 34, "Linux 6.1 amd64", "Debian",
                "17.0.15", 17, "/usr/lib/jvm/java-17", "1.37", List.of("-p", "size=10"), "unknown", false, List.of());
    }
}
