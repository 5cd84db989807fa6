package dev.sumbench.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sumbench.report.SumTables;
import dev.sumbench.report.TableFormat;
import dev.sumbench.results.Metric;
import dev.sumbench.results.Result;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Table 7's memory cell from the memory benchmark's metrics: fork means, and words instead of zero without /proc. */
class MemoryFiguresTest {

    private static Result row(String strategy, List<List<Double>> rss, List<List<Double>> pss) {
        Metric time = new Metric(300, Double.NaN, 0.999, "ms/op", 2, List.of(List.of(300.0), List.of(310.0)));
        return new Result("dev.sumbench.bench.MemoryBenchmark.startAndSumOnce", "ss",
                Map.of("strategy", strategy, "workers", "2"), 1, rss.size(), time,
                Map.of("perWorkerRssMiB", new Metric(0, Double.NaN, 0.999, "#", rss.size(), rss),
                        "perWorkerPssMiB", new Metric(0, Double.NaN, 0.999, "#", pss.size(), pss)));
    }

    @Test
    void theFigureIsTheMeanOfTheForksNotJmhsSumOverThem() {
        TradeOffAnalysis.Aspect aspect = MemoryFigures.aspect(List.of(row("process-shared",
                List.of(List.of(37.0), List.of(39.0)), List.of(List.of(18.0), List.of(20.0))))).orElseThrow();
        TradeOffAnalysis.Entry entry = aspect.processes().get(0);
        assertEquals(38.0, entry.value(), 1e-12);
        assertEquals("MiB RSS", entry.unit());
        assertEquals(TradeOffAnalysis.Detail.of(TradeOffAnalysis.Detail.Code.MEMORY, 19.0, true, 2, 2), entry.detail());
        assertEquals("PSS 19.0 MiB; per child JVM, 2 workers, mean of 2 forks", SumTables.detail(entry.detail()));
    }

    @Test
    void withoutProcTheCellSaysSoInsteadOfZero() {
        TradeOffAnalysis.Aspect aspect = MemoryFigures.aspect(List.of(row("thread-pool",
                List.of(List.of(Double.NaN)), List.of(List.of(Double.NaN))))).orElseThrow();
        TradeOffAnalysis.Entry entry = aspect.threads().get(0);
        assertTrue(Double.isNaN(entry.value()));
        assertEquals(TradeOffAnalysis.Detail.of(TradeOffAnalysis.Detail.Code.NO_PROC), entry.detail());
        String table = TableFormat.TEXT.render(SumTables.tradeOff(new TradeOffAnalysis(List.of(aspect))));
        assertTrue(table.contains("thread-pool not measured (no /proc/<pid>/smaps_rollup on this system (Linux only))"),
                table);
    }
}
