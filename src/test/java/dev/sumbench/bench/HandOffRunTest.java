package dev.sumbench.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sumbench.results.Run;
import dev.sumbench.results.RunReader;
import dev.sumbench.stats.HandOffAnalysis;
import dev.sumbench.stats.SumAnalysis;
import dev.sumbench.stats.SumMatrix;
import dev.sumbench.stats.TradeOffAnalysis;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openjdk.jmh.results.format.ResultFormatType;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;
import org.openjdk.jmh.runner.options.VerboseMode;

/**
 * The hot and after-idle hand-off analysis on a run JMH itself writes: the dispatch benchmark's handOff and afterIdle
 * rows of thread-pool and sequential, with tiny settings (a functional check, not a measurement).
 */
class HandOffRunTest {

    static {
        System.setProperty("jmh.ignoreLock", "true");
    }

    @TempDir
    Path temp;

    @Test
    void eachStrategyGetsItsHotAndAfterIdleRowsWithSequentialUnderTheSameIdleTime() throws RunnerException {
        Run run = dispatchRun("thread-pool");

        HandOffAnalysis analysis = HandOffAnalysis.of(run.results());

        assertEquals(1, analysis.rows().size(), analysis.toString());
        HandOffAnalysis.Row row = analysis.rows().get(0);
        assertEquals("thread-pool", row.strategy());
        assertEquals(2, row.workers());
        assertEquals("1ms", row.idle());
        assertTrue(row.hot().isPresent() && row.hotSequential().isPresent() && row.afterIdleSequential().isPresent(),
                row.toString());
        assertTrue(row.afterIdle().center() > 0 && row.hot().get().center() > 0, row.toString());
        assertEquals(row.afterIdle().center() - row.afterIdleSequential().get().center(), row.afterIdleHandOffNanos(),
                1e-9);
    }

    @Test
    void theTradeOffTableShowsTheAfterIdleTimeBesideTheHotOne() throws RunnerException {
        Run run = dispatchRun("fork-join");
        TradeOffAnalysis tradeOff = TradeOffAnalysis.of(List.of(run),
                new SumAnalysis(SumMatrix.of(List.of(run))));

        TradeOffAnalysis.Aspect dispatch = tradeOff.aspects().get(1);
        assertEquals(1, dispatch.threads().size(), dispatch.toString());
        TradeOffAnalysis.Entry forkJoin = dispatch.threads().get(0);
        assertEquals("fork-join", forkJoin.label());
        assertTrue(dev.sumbench.report.SumTables.detail(forkJoin.detail()).matches("2 workers; after 1ms idle [0-9.]+ (ns|µs|ms) \\(sequential [0-9.]+ (ns|µs|ms)\\)"),
                forkJoin.detail().toString());
        assertEquals(List.of(TradeOffAnalysis.Source.DISPATCH_ROWS_AFTER_IDLE), dispatch.sources());
    }

    /** A tiny real JMH run of DispatchBenchmark, hot and after 1 ms idle, for sequential and {@code strategy}. */
    private Run dispatchRun(String strategy) throws RunnerException {
        Path json = temp.resolve("dispatch.json");
        new Runner(new OptionsBuilder()
                .include("DispatchBenchmark")
                .param("strategy", "sequential", strategy)
                .param("workers", "2")
                .param("idle", "1ms")
                .forks(0).warmupIterations(0).measurementIterations(1)
                .measurementTime(TimeValue.milliseconds(20))
                .shouldFailOnError(true).verbosity(VerboseMode.SILENT)
                .result(json.toString()).resultFormat(ResultFormatType.JSON)
                .build()).run();
        return RunReader.read(json);
    }
}
