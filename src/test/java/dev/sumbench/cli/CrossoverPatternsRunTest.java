package dev.sumbench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sumbench.core.ExitCodes;
import dev.sumbench.report.CrossoverTables;
import dev.sumbench.results.Run;
import dev.sumbench.results.RunReader;
import dev.sumbench.stats.CrossoverAnalysis;
import dev.sumbench.stats.MinParallelSize;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openjdk.jmh.results.format.ResultFormatType;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;
import org.openjdk.jmh.runner.options.VerboseMode;

/**
 * The crossover for both patterns of use on a run JMH itself writes: CrossoverBenchmark's sum (hot) and afterIdle
 * (after 1 ms idle) rows of thread-pool with halves and of sequential, at two sizes, with tiny settings (a functional
 * check, not a measurement); then the analysis, the table, the summary, the minimum parallel size and tune on it.
 */
class CrossoverPatternsRunTest {

    static {
        System.setProperty("jmh.ignoreLock", "true");
    }

    @TempDir
    static Path temp;

    private static Path json;
    private static Run run;

    @BeforeAll
    static void runTheCrossoverHotAndAfterIdle() throws RunnerException {
        json = temp.resolve("crossover.json");
        new Runner(new OptionsBuilder()
                .include("CrossoverBenchmark")
                .param("strategy", "sequential", "thread-pool")
                .param("size", "4096", "65536")
                .param("chunking", "halves")
                .param("workers", "2")
                .param("idle", "1ms")
                .forks(0).warmupIterations(0).measurementIterations(1)
                .measurementTime(TimeValue.milliseconds(20))
                .shouldFailOnError(true).verbosity(VerboseMode.SILENT)
                .result(json.toString()).resultFormat(ResultFormatType.JSON)
                .build()).run();
        run = RunReader.read(json);
    }

    @Test
    void eachPatternGetsItsOwnCrossoverAgainstSequentialUnderTheSameIdleTime() {
        CrossoverAnalysis analysis = CrossoverAnalysis.of(List.of(run));

        assertEquals(List.of("0", "1ms"), analysis.patterns(), analysis.toString());
        assertEquals(2, analysis.rows().size(), analysis.toString());
        CrossoverAnalysis.Row hot = analysis.rows().get(0);
        CrossoverAnalysis.Row afterIdle = analysis.rows().get(1);
        assertEquals(List.of("thread-pool", "halves", true), List.of(hot.strategy(), hot.chunking(), hot.hot()));
        assertEquals(List.of("thread-pool", "halves", "1ms"),
                List.of(afterIdle.strategy(), afterIdle.chunking(), afterIdle.idle()));
        assertEquals(List.of(4096L, 65536L), hot.crossover().points().stream()
                .map(p -> p.size()).toList());
        assertEquals(List.of(4096L, 65536L), afterIdle.crossover().points().stream()
                .map(p -> p.size()).toList());
        assertTrue(analysis.notes().isEmpty(), analysis.notes().toString());
    }

    @Test
    void theTableAndTheSummarySayBothPatterns() {
        CrossoverAnalysis analysis = CrossoverAnalysis.of(List.of(run));

        String summary = String.join("\n", dev.sumbench.report.Report.of(List.of(run)).summary());
        assertTrue(summary.contains("\n  thread-pool: hot "), summary);
        assertTrue(summary.contains(", after 1ms idle "), summary);
        String table = dev.sumbench.report.TableFormat.TEXT.render(CrossoverTables.table(analysis));
        assertTrue(table.contains("after 1ms idle") && table.contains("hot"), table);
    }

    @Test
    void theHalvesRowsGiveAMinimumParallelSizePerPattern() {
        List<MinParallelSize> sizes = MinParallelSize.of(run);

        assertEquals(2, sizes.size(), sizes.toString());
        assertEquals(List.of("0", "1ms"), sizes.stream().map(MinParallelSize::idle).sorted().toList());
        for (MinParallelSize size : sizes) {
            assertEquals("thread-pool", size.strategy());
            assertEquals(2, size.workers());
            assertTrue(size.sizes() >= 1, size.toString());
        }
    }

    @Test
    void tuneAcceptsACrossoverRunWithoutAChunkSweepOrSaysWhyNot() throws Exception {
        Path copy = Files.copy(json, temp.resolve("crossover-tune.json"));
        boolean splits = MinParallelSize.of(run).stream().anyMatch(m -> m.size().isPresent());

        CliRun tune = CliRun.of("tune", copy.toString());

        if (splits) {
            assertEquals(ExitCodes.OK, tune.exitCode(), tune.err());
            assertTrue(tune.err().contains("has no chunk sweep"), tune.err());
            assertTrue(tune.err().contains("thread-pool with 2 workers splits from "), tune.err());
        } else {
            // splitting paid at no size in this tiny run: nothing to write, one line and exit 2
            assertEquals(ExitCodes.BAD_INPUT, tune.exitCode(), tune.err());
            assertTrue(tune.err().contains("no row with a 'chunk' param"), tune.err());
        }
    }
}
