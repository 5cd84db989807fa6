package dev.sumbench.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sumbench.results.Run;
import dev.sumbench.results.RunReader;
import dev.sumbench.stats.CrossoverAnalysis;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Table 4c on the committed fine sweep of the default chunking (a real JMH run of CrossoverBenchmark, seven sizes,
 * five strategies, five forks each) and on the crossover run of the default matrix, which has both chunkings.
 */
class CrossoverTablesTest {

    private static final Path REFERENCE = Path.of("results", "reference", "epyc-2vcpu");

    private static CrossoverAnalysis analysis(String stem) {
        Run run = RunReader.read(REFERENCE.resolve(stem + ".json"));
        return CrossoverAnalysis.of(List.of(run));
    }

    @Test
    void theFineSweepHasOneRowPerSizeAndOneColumnPerStrategy() {
        Table table = CrossoverTables.defaultsBySize(analysis("20261201-205437_vm_jdk17")).orElseThrow();
        assertEquals(List.of("size", "pattern", "thread-pool", "fork-join", "parallel-stream", "process-shared"),
                table.columns().stream().map(Table.Column::header).toList());
        assertEquals(7, table.rows().size());
        assertEquals(List.of("65,536", "hot"), table.rows().get(0).subList(0, 2));
        // thread-pool's default at 4 194 304: the mean over its 5 forks against sequential's, with the interval
        assertEquals(List.of("4,194,304", "hot", "1.41× [1.26, 1.59]"), table.rows().get(6).subList(0, 3));
    }

    @Test
    void onlyTheDefaultChunkingIsShownAndEachPatternHasItsRows() {
        CrossoverAnalysis analysis = analysis("20261201-185856_vm_jdk17");
        Table table = CrossoverTables.defaultsBySize(analysis).orElseThrow();
        // the coarse grid (3 sizes) and the bisection's midpoints, hot; the coarse grid after idle
        long hot = table.rows().stream().filter(r -> r.get(1).equals("hot")).count();
        long idle = table.rows().stream().filter(r -> r.get(1).startsWith("after")).count();
        assertTrue(hot >= 3 && idle == 3, hot + " hot and " + idle + " after-idle rows");
        assertTrue(table.rows().stream().allMatch(r -> r.size() == table.columns().size()));
    }
}
