package dev.sumbench.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sumbench.results.Metric;
import dev.sumbench.results.Result;
import dev.sumbench.results.Run;
import dev.sumbench.stats.SumAnalysis;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYErrorRenderer;
import org.jfree.data.xy.YIntervalSeriesCollection;
import org.junit.jupiter.api.Test;

/** What a reader sees: sumbench's own runs' edge cases in the tables, and the charts' styles, bars and ideal line. */
class ReportDisplayTest {

    private static Metric micros(double value, Map<String, Metric> unused) {
        return new Metric(value, value / 50, 0.999, "us/op", 10, List.of());
    }

    private static Result sum(String strategy, long size, int workers, double micros, int forks,
                              Map<String, Metric> secondary) {
        return new Result("dev.sumbench.bench.SumBenchmark.sum", "avgt", Map.of("strategy", strategy, "size",
                Long.toString(size), "workers", Integer.toString(workers)), 1, forks, micros(micros, Map.of()),
                secondary);
    }

    private static Report report(List<Result> rows) {
        return Report.of(List.of(new Run(Path.of("run.json"), rows, null)));
    }

    @Test
    void smallSizesOnlyGiveNoBandwidthRowsAndSaySo() {
        Report report = report(List.of(sum("sequential", 1_000, 1, 1, 5, Map.of()),
                sum("fork-join", 1_000, 2, 2, 5, Map.of()), sum("sequential", 10_000, 1, 10, 5, Map.of()),
                sum("fork-join", 10_000, 2, 8, 5, Map.of())));
        String text = report.render(TableFormat.TEXT, Optional.empty(), List.of());
        String bandwidth = text.substring(text.indexOf("6. Memory bandwidth"), text.indexOf("7. Processes"));
        assertTrue(bandwidth.contains("no row of size ≥ 1,000,000: the largest measured size, 10,000 (78 KiB), fits "
                + "in the caches"), bandwidth);
        assertTrue(bandwidth.contains("no ceiling: the runs have no row of the bandwidth kernel"), bandwidth);
        assertFalse(bandwidth.contains("100%"), bandwidth);
        assertFalse(bandwidth.contains("fork-join "), "no row of a small size: " + bandwidth);
    }

    @Test
    void withoutABandwidthKernelNoRowIsCalledAShareOfACeiling() {
        Report report = report(List.of(sum("sequential", 1_000_000, 1, 500, 5, Map.of()),
                sum("fork-join", 1_000_000, 2, 300, 5, Map.of())));
        String text = report.render(TableFormat.TEXT, Optional.empty(), List.of());
        String bandwidth = text.substring(text.indexOf("6. Memory bandwidth"), text.indexOf("7. Processes"));
        assertTrue(bandwidth.lines().anyMatch(l -> l.matches("fork-join\\s+2\\s+—\\s+1,000,000\\s+300 µs ±2.0%\\s+"
                + "26.7\\s+—")), bandwidth);
        assertFalse(bandwidth.contains("100%"), bandwidth);
        assertTrue(String.join("\n", report.summary()).contains("bandwidth: fork-join (2 workers) 26.7 GB/s (no "
                + "ceiling: "), report.summary().toString());
    }

    @Test
    void sequentialHasNoWorkersInTheSummaryOrTheTimeTable() {
        Report report = report(List.of(sum("sequential", 1_000_000, 2, 100, 5, Map.of()),
                sum("fork-join", 1_000_000, 2, 300, 5, Map.of())));
        String summary = String.join("\n", report.summary());
        assertFalse(summary.contains("sequential (2 workers)"), summary);
        String text = report.render(TableFormat.TEXT, Optional.empty(), List.of());
        assertTrue(text.contains("100 µs ±2.0%  "), text);
        assertFalse(text.contains("100 µs ±2.0% (2w)"), text);
    }

    private static Result quick(String strategy, int workers, int forks, long samples) {
        return new Result("dev.sumbench.bench.SumBenchmark.sum", "avgt", Map.of("strategy", strategy, "size", "1000",
                "workers", Integer.toString(workers)), 1, forks, new Metric(1, 0.5, 0.999, "us/op", samples,
                List.of()), Map.of());
    }

    private static Result withIterations(String strategy, int workers, int forks, int iterations) {
        List<List<Double>> raw = new java.util.ArrayList<>();
        for (int f = 0; f < forks; f++) {
            List<Double> fork = new java.util.ArrayList<>();
            for (int i = 0; i < iterations; i++) {
                fork.add(1.0 + 0.001 * f + 0.0001 * i);
            }
            raw.add(fork);
        }
        return new Result("dev.sumbench.bench.SumBenchmark.sum", "avgt", Map.of("strategy", strategy, "size", "1000",
                "workers", Integer.toString(workers)), 1, forks, new Metric(1, 0.5, 0.999, "us/op",
                (long) forks * iterations, raw), Map.of());
    }

    @Test
    void aRunThatCannotAnswerSaysWhyFirstInItsAnswer() {
        // the quick matrix: 3 forks of 3 iterations; a smoke test whatever its forks
        List<Result> quick = List.of(withIterations("sequential", 1, 3, 3), withIterations("fork-join", 2, 3, 3));
        String markdown = report(quick).render(TableFormat.MD, Optional.empty(), List.of());
        assertTrue(markdown.contains("## The answer of this run\n\n- this run cannot answer: a smoke test (3 forks of "
                + "at most 3 iterations per row, as -Dbench.quick runs)"), markdown);
        String oneFork = report(List.of(withIterations("sequential", 1, 1, 10), withIterations("fork-join", 2, 1, 10)))
                .render(TableFormat.TEXT, Optional.empty(), List.of());
        assertTrue(oneFork.contains("this run cannot answer: 2 of 2 rows have fewer than 3 forks, so no interval"),
                oneFork);
        String enough = report(List.of(withIterations("sequential", 1, 5, 4), withIterations("fork-join", 2, 5, 4)))
                .render(TableFormat.TEXT, Optional.empty(), List.of());
        assertFalse(enough.contains("cannot answer"), enough);
        assertTrue(enough.contains("The answer of this run\n  fork-join: "), enough);
    }

    @Test
    void theProfilersMetricsOfSumbenchsRowsAreInTheDocument() {
        Map<String, Metric> gc = Map.of("gc.alloc.rate.norm", new Metric(0.0123, 0.001, 0.999, "B/op", 10,
                List.of()));
        String markdown = report(List.of(sum("sequential", 1_000, 1, 1, 5, gc), sum("fork-join", 1_000, 2, 2, 5, gc)))
                .render(TableFormat.MD, Optional.empty(), List.of());
        assertTrue(markdown.contains("### Secondary metrics (profilers): dev.sumbench.bench.SumBenchmark"), markdown);
        assertTrue(markdown.contains("| sum | 1000 | fork-join | 2 | avgt | 1 | :gc.alloc.rate.norm | 0.0123 | "
                + "0.00100 | B/op | 10 |"), markdown);
    }

    @Test
    void aParamNamedThreadsDoesNotGiveTwoThreadsColumns() {
        Result row = new Result("dev.sumbench.bench.BandwidthBenchmark.read", "avgt", Map.of("threads", "2", "size",
                "10000000"), 1, 5, micros(5_000, Map.of()), Map.of());
        Table table = BenchmarkTables.of(List.of(row)).get(0);
        List<String> headers = table.columns().stream().map(Table.Column::header).toList();
        assertEquals(List.of("method", "size", "threads (@Param)", "mode", "threads", "metric", "score", "± error",
                "unit", "samples"), headers);
        assertEquals(List.of("read", "10000000", "2", "avgt", "1", "score", "5.00", "0.100", "ms/op", "10"),
                table.rows().get(0));
    }

    @Test
    void mergedFilesHaveAFileColumnAndOneTablePerClass() {
        Result a = new Result("com.x.MapBench.put", "avgt", Map.of(), 1, 5, micros(1, Map.of()), Map.of());
        Result b = new Result("com.x.MapBench.get", "avgt", Map.of(), 1, 5, micros(2, Map.of()), Map.of());
        Report report = Report.of(List.of(new Run(Path.of("old.json"), List.of(a, b), null),
                new Run(Path.of("new.json"), List.of(a, b), null)));
        assertEquals(1, report.tables().size());
        Table table = report.tables().get(0);
        assertEquals("com.x.MapBench", table.title());
        assertEquals(List.of("old.json", "put"), table.rows().get(0).subList(0, 2));
        assertEquals(List.of("new.json", "get"), table.rows().get(3).subList(0, 2));
        assertEquals(1, table.notes().size());
    }

    @Test
    void chartsGiveEachStrategyItsStyleBarsForIntervalsAndTheIdealLineUpToTheCores() {
        Map<String, List<SumAnalysis.XY>> series = new LinkedHashMap<>();
        series.put("fork-join", List.of(new SumAnalysis.XY(1, 1, 0.9, 1.1), new SumAnalysis.XY(4, 1.8, 1.5, 2.2)));
        series.put("thread-pool", List.of(new SumAnalysis.XY(1, 0.9), new SumAnalysis.XY(4, 1.5, 0,
                Double.POSITIVE_INFINITY)));
        JFreeChart chart = Charts.speedupChart(series, "t", "workers", 2);
        XYPlot plot = chart.getXYPlot();
        XYErrorRenderer renderer = (XYErrorRenderer) plot.getRenderer();
        YIntervalSeriesCollection data = (YIntervalSeriesCollection) plot.getDataset();
        assertEquals(StrategyStyle.of("fork-join").color(), renderer.getSeriesPaint(0));
        assertEquals(StrategyStyle.of("thread-pool").color(), renderer.getSeriesPaint(1));
        assertEquals(StrategyStyle.of("thread-pool").shape(), renderer.getSeriesShape(1));
        assertEquals(1.5, data.getStartYValue(0, 1), 1e-12);
        assertEquals(2.2, data.getEndYValue(0, 1), 1e-12);
        // an unbounded interval gets no bar
        assertEquals(1.5, data.getStartYValue(1, 1), 1e-12);
        assertEquals(1.5, data.getEndYValue(1, 1), 1e-12);
        int ideal = data.getSeriesCount() - 1;
        assertEquals(2, data.getX(ideal, data.getItemCount(ideal) - 1).doubleValue(), 1e-12,
                "the ideal line ends at the machine's 2 cores");
    }
}
