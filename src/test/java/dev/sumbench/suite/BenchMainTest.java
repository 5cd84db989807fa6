package dev.sumbench.suite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sumbench.results.RunMeta;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** BenchMain in this JVM, with real probes and real JMH forks, writing into a temporary results directory. */
class BenchMainTest {

    static {
        // the JMH lock guards a machine against two benchmark runs; functional tests must not fail on it
        System.setProperty("jmh.ignoreLock", "true");
    }

    private static final String STEM = "\\d{8}-\\d{6}_[a-z0-9-]+_jdk" + Runtime.version().feature();
    /** One trial, one fork, one 10 ms iteration, JMH quiet. */
    private static final List<String> TINY = List.of("-f", "1", "-wi", "0", "-i", "1", "-r", "10ms",
            "-p", "size=1000", "-p", "strategy=sequential", "-v", "SILENT");

    @TempDir
    Path results;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @Test
    void aRunIsSavedAsJsonCsvAndMetadataNamedByStartHostAndJdk() throws IOException {
        int exitCode = bench(withTiny("--include=LayoutBenchmark.array"));

        assertEquals(0, exitCode, err.toString());
        List<Path> files = files();
        String stem = files.stream().map(f -> f.getFileName().toString()).filter(name -> name.endsWith(".meta.json"))
                .findFirst().orElseThrow().replaceFirst("\\.meta\\.json$", "");
        assertTrue(stem.matches(STEM), stem);
        assertEquals(List.of(stem + ".csv", stem + ".json", stem + ".md", stem + ".meta.json"),
                files.stream().map(f -> f.getFileName().toString()).filter(name -> !name.endsWith(".png")).toList(),
                "the run, its metadata and its tables (charts beside them)");
        assertTrue(Files.readString(results.resolve(stem + ".md")).startsWith("# sumbench: " + stem + ".json"),
                "the tables of the run");

        JsonNode json = new ObjectMapper().readTree(results.resolve(stem + ".json").toFile());
        assertEquals(1, json.size());
        JsonNode row = json.get(0);
        assertEquals("dev.sumbench.bench.LayoutBenchmark.array", row.get("benchmark").asText());
        int cpus = Runtime.getRuntime().availableProcessors();
        assertEquals(Integer.toString(cpus), row.get("params").get("cores").asText());
        assertEquals(Integer.toString(cpus), row.get("params").get("workers").asText());
        assertEquals("1000", row.get("params").get("size").asText());
        assertTrue(row.get("primaryMetric").get("score").asDouble() > 0);
        assertTrue(Files.readString(results.resolve(stem + ".csv")).contains("\"Param: cores\""));

        RunMeta meta = new ObjectMapper().readValue(results.resolve(stem + ".meta.json").toFile(), RunMeta.class);
        assertEquals(stem, meta.stem());
        assertEquals(Runtime.version().feature(), meta.jdkFeature());
        assertEquals(System.getProperty("java.version"), meta.jdkVersion());
        assertEquals(System.getProperty("java.home"), meta.javaHome());
        assertEquals(cpus, meta.cores());
        assertTrue(meta.onlineCpus() >= cpus, "online " + meta.onlineCpus());
        assertTrue(meta.memoryBytes() > 0);
        assertEquals("1.37", meta.jmhVersion());
        assertTrue(meta.jmhArgs().containsAll(List.of("size=1000", "LayoutBenchmark.array")), meta.jmhArgs().toString());
        assertTrue(meta.gitCommit().matches("[0-9a-f]{40}|unknown"), meta.gitCommit());
        assertEquals(List.of(), meta.coreCounts());
        assertTrue(stem.startsWith(OffsetDateTime.parse(meta.date()).format(
                java.time.format.DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"))), meta.date());
        assertTrue(!meta.cpuModel().isBlank() && !meta.os().isBlank() && !meta.host().isBlank());

        assertTrue(out.toString().contains(results.resolve(stem + ".json").toString()), out.toString());
        assertTrue(out.toString().contains("tables") , out.toString());
    }

    @Test
    void aDryRunPrintsThePlanAndWritesNothing() throws IOException {
        int exitCode = bench("--dry-run", "--quick");

        assertEquals(0, exitCode, err.toString());
        assertTrue(out.toString().matches("(?s).*sumbench: \\d+ trials in \\d+ JMH pass(es)? on JDK \\d+ .*\\(quick\\).*"),
                out.toString());
        assertTrue(out.toString().contains("  pass 1: "), out.toString());
        assertEquals(List.of(), files());
    }

    @Test
    void resultFileOptionsAreRefused() throws IOException {
        assertBadInput("sumbench: bench.args: -rf and -rff are not allowed: every run writes JSON and CSV into results/ "
                + "itself", "--args=-rf csv -rff x.csv");
    }

    @Test
    void aJvmThatIsNotOneIsRefused() throws IOException {
        assertBadInput("sumbench: bench.jvm: /no/such/java is not a java executable (nor a JDK home with bin/java)",
                "--jvm=/no/such/java");
    }

    @Test
    void anIncludeThatMatchesNothingIsRefused() throws IOException {
        int exitCode = bench("--include=NoSuchBenchmark");

        assertEquals(2, exitCode);
        assertTrue(err.toString().startsWith("sumbench: no benchmark matches NoSuchBenchmark; the benchmarks are: "
                + "BandwidthBenchmark, ChunkSizeBenchmark, CrossoverBenchmark, DispatchBenchmark, LayoutBenchmark, "
                + "MemoryBenchmark, SpawnBenchmark, SumBenchmark"), err.toString());
        assertEquals(List.of(), files());
    }

    @Test
    void aStrategyTheForksLackIsRefusedBeforeAnyFork() throws IOException {
        int exitCode = bench("--", "-p", "strategy=sequential,no-such-strategy");

        assertEquals(2, exitCode);
        assertTrue(err.toString().startsWith("sumbench: bench.args -p strategy: not available on JDK "
                + Runtime.version().feature() + ": no-such-strategy (available: sequential, "), err.toString());
        assertEquals(1, err.toString().lines().count());
        assertEquals(List.of(), files());
    }

    @Test
    void aResultsPathThatIsAFileIsRefusedBeforeAnyFork() throws IOException {
        Path file = Files.writeString(results.resolve("not-a-directory"), "mine");

        List<String> args = new ArrayList<>(List.of("--results=" + file, "--include=LayoutBenchmark.array", "--"));
        args.addAll(TINY);
        int exitCode = bench(args.toArray(String[]::new));

        assertEquals(2, exitCode, err.toString());
        assertEquals("sumbench: --results " + file + ": " + file + " is not a directory; the run could not be saved "
                + "there", err.toString().strip());
        assertEquals("", out.toString(), "nothing ran");
        assertEquals("mine", Files.readString(file));
    }

    @Test
    void aQuickThatIsNotABooleanIsRefused() throws IOException {
        assertBadInput("sumbench: bench.quick: expected true or false, got 'maybe'", "--quick=maybe");
    }

    private void assertBadInput(String message, String... args) throws IOException {
        int exitCode = bench(args);

        assertEquals(2, exitCode);
        assertEquals(message, err.toString().strip());
        assertEquals(List.of(), files());
    }

    private String[] withTiny(String... args) {
        List<String> all = new ArrayList<>(List.of("--results=" + results));
        all.addAll(List.of(args));
        all.add("--");
        all.addAll(TINY);
        return all.toArray(String[]::new);
    }

    private int bench(String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        if (all.stream().noneMatch(a -> a.startsWith("--results"))) {
            all.add(0, "--results=" + results);
        }
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
