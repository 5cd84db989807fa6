package dev.sumbench.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * What a document says about its run (rows, forks, iterations, patterns) is what the run's JSON holds, read here
 * with a plain JSON parser rather than the reader the report uses.
 */
class RunFactsTest {

    private static final Pattern SMOKE = Pattern.compile("a smoke test \\((\\d+) forks? of at most (\\d+) iterations?");
    private static final Pattern ROWS = Pattern.compile(": (\\d+) rows");

    @Test
    void rowsForksIterationsAndPatternsAreTheJsons() throws IOException {
        int smokeTests = 0;
        for (RenderedRuns.Rendered r : RenderedRuns.all()) {
            JsonNode json = new ObjectMapper().readTree(Files.readString(r.file()));
            String name = r.file().toString();

            Matcher rows = ROWS.matcher(r.markdown());
            assertTrue(rows.find(), name);
            assertEquals(json.size(), Integer.parseInt(rows.group(1)), name + ": rows");

            // the summing rows' most forks and most iterations per fork, as the smoke-test line states them
            int forks = 0;
            int iterations = 0;
            Set<String> patterns = new TreeSet<>();
            Set<Integer> crossoverForks = new HashSet<>();
            for (JsonNode row : json) {
                JsonNode params = row.path("params");
                boolean crossover = row.path("benchmark").asText().contains("CrossoverBenchmark");
                if (crossover && !params.path("strategy").asText().equals("sequential")) {
                    String idle = params.path("idle").asText("");
                    patterns.add(idle.isEmpty() || idle.equals("0") ? "hot" : "after " + idle + " idle");
                    crossoverForks.add(row.path("forks").asInt());
                }
                if (params.has("strategy") && params.has("size") && !crossover
                        && row.path("benchmark").asText().endsWith("SumBenchmark.sum")) {
                    forks = Math.max(forks, row.path("forks").asInt());
                    for (JsonNode fork : row.path("primaryMetric").path("rawData")) {
                        iterations = Math.max(iterations, fork.size());
                    }
                }
            }
            Matcher smoke = SMOKE.matcher(r.markdown());
            if (smoke.find()) {
                assertEquals(List.of(forks, iterations), List.of(Integer.parseInt(smoke.group(1)),
                        Integer.parseInt(smoke.group(2))), name + ": " + smoke.group());
                smokeTests++;
            }
            List<List<String>> table = r.table("4b.");
            if (!table.isEmpty()) {
                Set<String> shown = new TreeSet<>();
                int fewest = Integer.MAX_VALUE;
                for (List<String> row : table.subList(1, table.size())) {
                    shown.add(row.get(2));
                    fewest = Math.min(fewest, Integer.parseInt(row.get(7)));
                }
                assertEquals(patterns, shown, name + ": the patterns measured");
                assertTrue(crossoverForks.contains(fewest), name + ": forks " + fewest + " of " + crossoverForks);
            }
        }
        assertEquals(1, smokeTests, "the quick run, and only it, is a smoke test");
    }
}
