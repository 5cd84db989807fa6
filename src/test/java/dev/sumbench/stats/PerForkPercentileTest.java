package dev.sumbench.stats;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sumbench.results.Metric;
import dev.sumbench.results.Result;
import dev.sumbench.results.Run;
import dev.sumbench.results.RunReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Sample-mode rows' per-fork percentiles, against the percentiles JMH itself wrote beside the histogram. */
class PerForkPercentileTest {

    private static final Path MODES = Path.of("src/test/resources/jmh/en/modes.json");
    private static final Path AA = Path.of("results/reference/epyc-2vcpu/20261201-183800_vm_jdk17_A.json");

    @Test
    void aOneForkRowsPercentilesAreTheOnesJmhReports() throws IOException {
        checkOneFork(MODES);
        Path corpus = Path.of("../shared/jmh-corpus/kcrypt-blake3-jmh125-sample-gc-histogram-huge.json");
        if (Files.isRegularFile(corpus)) {
            checkOneFork(corpus);
        }
    }

    @Test
    void aFiveForkRowHasOneMedianPerForkAndOtherModesKeepTheirMeans() {
        Run run = RunReader.read(AA);
        int sampleRows = 0;
        for (Result row : run.results()) {
            Metric m = row.primary();
            if (row.mode().equals("sample")) {
                sampleRows++;
                double[] medians = Samples.perFork(m, Samples.MEDIAN);
                assertEquals(5, medians.length);
                for (int f = 0; f < 5; f++) {
                    assertTrue(medians[f] <= Samples.perFork(m, 90)[f], row.key().toString());
                }
            } else {
                assertArrayEquals(Samples.forkMeans(m), Samples.perFork(m, Samples.MEDIAN), row.key().toString());
            }
        }
        assertEquals(8, sampleRows);
    }

    private static void checkOneFork(Path file) throws IOException {
        JsonNode json = new ObjectMapper().readTree(file.toFile());
        List<double[]> expected = new ArrayList<>();
        for (JsonNode row : json) {
            if (row.get("mode").asText().equals("sample")) {
                JsonNode p = row.get("primaryMetric").get("scorePercentiles");
                expected.add(new double[] {p.get("50.0").asDouble(), p.get("90.0").asDouble(),
                        p.get("99.0").asDouble()});
            }
        }
        List<Result> rows = RunReader.read(file).results().stream().filter(r -> r.mode().equals("sample")).toList();
        assertEquals(expected.size(), rows.size());
        assertTrue(!rows.isEmpty(), file.toString());
        for (int i = 0; i < rows.size(); i++) {
            Metric m = rows.get(i).primary();
            assertArrayEquals(expected.get(i), new double[] {Samples.perFork(m, 50)[0], Samples.perFork(m, 90)[0],
                    Samples.perFork(m, 99)[0]}, 1e-12 * Math.abs(expected.get(i)[2]), file + " " + rows.get(i).key());
        }
    }
}
