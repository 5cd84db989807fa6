package dev.sumbench.suite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sumbench.core.BadInputException;
import dev.sumbench.results.RunMeta;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CoreSweepTest {

    static {
        // forwarded to the sweep's children: functional tests must not fail on another JMH run's lock
        System.setProperty("jmh.ignoreLock", "true");
    }

    @TempDir
    Path results;

    @Test
    void countsAreAListOrARange() {
        assertEquals(List.of(1, 2, 4), CoreSweep.counts("1,2,4", 8));
        assertEquals(List.of(1, 2, 3), CoreSweep.counts("1-3", 8));
        assertEquals(List.of(2, 4), CoreSweep.counts("2,4,2", 8));
    }

    @Test
    void noCountsMeansEveryCountUpToTheAllowedCpus() {
        assertEquals(List.of(1, 2, 3), CoreSweep.counts("", 3));
        assertEquals(List.of(1, 2, 3), CoreSweep.counts(null, 3));
    }

    @Test
    void countsBeyondTheAllowedCpusAreBadInput() {
        BadInputException e = assertThrows(BadInputException.class, () -> CoreSweep.counts("1,3", 2));
        assertEquals("core count 3 is not 1..2 (the CPUs this process may use)", e.getMessage());
        assertThrows(BadInputException.class, () -> CoreSweep.counts("0", 2));
        assertEquals("core counts must be like 1,2,4 or 1-4, got 'two'",
                assertThrows(BadInputException.class, () -> CoreSweep.counts("two", 2)).getMessage());
    }

    @Test
    void cpuListsAreParsedAndWrittenLikeLinux() {
        assertEquals(List.of(0, 1, 2, 3, 8, 10, 11), CpuList.parse("0-3,8,10-11"));
        assertEquals("0,1,5", CpuList.format(List.of(0, 1, 5)));
        assertThrows(IllegalArgumentException.class, () -> CpuList.parse("3-1"));
    }

    @Test
    void aSweepMergesEveryCountIntoOneRunWhoseRowsCarryTheirCores() throws IOException {
        List<Integer> allowed = CoreSweep.allowedCpus();
        assumeTrue(allowed.size() >= 2 && tasksetWorks(), "needs taskset and two CPUs");
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int last = allowed.size();

        int exitCode = BenchMain.newCommandLine(new PrintWriter(out, true), new PrintWriter(err, true)).execute(
                "--results=" + results, "--core-counts=1," + last, "--include=LayoutBenchmark.array", "--",
                "-f", "1", "-wi", "0", "-i", "1", "-r", "10ms", "-p", "size=1000", "-p", "strategy=sequential",
                "-v", "SILENT");

        assertEquals(0, exitCode, err.toString());
        List<Path> files = files().stream()
                .filter(f -> !f.toString().endsWith(".md") && !f.toString().endsWith(".png"))
                .toList();
        assertEquals(3, files.size(), "json, csv and meta of one run (beside its tables), nothing else left: " + files);
        Path json = files.stream().filter(f -> f.toString().endsWith("jdk" + Runtime.version().feature() + ".json"))
                .findFirst().orElseThrow();
        List<String> cores = new ArrayList<>();
        List<String> workers = new ArrayList<>();
        for (JsonNode row : new ObjectMapper().readTree(json.toFile())) {
            cores.add(row.get("params").get("cores").asText());
            workers.add(row.get("params").get("workers").asText());
        }
        assertEquals(List.of("1", Integer.toString(last)), cores.stream().sorted().toList());
        assertEquals(cores, workers, "workers = one per core in each count");
        Path metaFile = json.resolveSibling(json.getFileName().toString().replace(".json", ".meta.json"));
        RunMeta meta = new ObjectMapper().readValue(metaFile.toFile(), RunMeta.class);
        assertEquals(List.of(1, last), meta.coreCounts());
        assertEquals(last, meta.cores());
        String csv = Files.readString(json.resolveSibling(json.getFileName().toString().replace(".json", ".csv")));
        assertEquals(3, csv.lines().count(), csv);
    }

    private static boolean tasksetWorks() {
        try {
            return Processes.run(List.of("taskset", "--version"), null, Duration.ofSeconds(20)).ok();
        } catch (IOException e) {
            return false;
        }
    }

    private List<Path> files() throws IOException {
        try (Stream<Path> files = Files.list(results)) {
            return files.sorted().toList();
        }
    }
}
