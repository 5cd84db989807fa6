package dev.sumbench.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sumbench.results.Metric;
import dev.sumbench.results.Result;
import dev.sumbench.results.Run;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Partial runs (one benchmark included, one size, no baseline) still give every table that can be made. */
class ReportEdgeCasesTest {

    private static Result row(String strategy, long size, int workers, int chunk, double micros) {
        return new Result("dev.sumbench.bench.ChunkSizeBenchmark.sum", "avgt", Map.of("strategy", strategy, "size",
                Long.toString(size), "workers", Integer.toString(workers), "chunk", Integer.toString(chunk)), 1, 1,
                new Metric(micros, micros / 50, 0.999, "us/op", 10, List.of()), Map.of());
    }

    private static Report report(Result... rows) {
        return Report.of(List.of(new Run(Path.of("partial.json"), List.of(rows), null)));
    }

    private static void renderAll(Report report) {
        for (TableFormat format : TableFormat.values()) {
            String text = report.render(format, Optional.of("partial"), report.charts());
            assertTrue(!text.isBlank(), format.toString());
        }
        assertTrue(!report.summary().isEmpty());
    }

    @Test
    void chunkSweepWithoutSequentialHasTimesButNoSpeedups() {
        Report report = report(row("fork-join", 100_000, 2, 256, 40), row("fork-join", 100_000, 2, 4096, 30),
                row("fork-join", 10_000_000, 2, 256, 3_000), row("fork-join", 10_000_000, 2, 4096, 2_500));
        assertTrue(report.isSumbench());
        renderAll(report);
        String text = report.render(TableFormat.TEXT, Optional.empty(), List.of());
        assertTrue(text.contains("several chunk sizes without the default (0): each cell shows its fastest chunk"));
        assertTrue(text.contains("30.0 µs ±2.0% (2w)"), text);
        assertEquals(List.of(), report.analysis().speedups());
    }

    @Test
    void oneSizeGivesNoModelButTheOtherTables() {
        Report report = report(row("sequential", 1_000, 1, 0, 1), row("fork-join", 1_000, 2, 0, 2));
        renderAll(report);
        String markdown = report.render(TableFormat.MD, Optional.empty(), List.of());
        assertTrue(markdown.contains("| fork-join | 2 | — | — | — | — | never |"), markdown);
        assertTrue(markdown.contains("| fork-join | 2 | 0.500× [0.480, 0.520] |"), markdown);
    }

    @Test
    void oneRowIsEnough() {
        Report report = report(row("sequential", 10, 1, 0, 0.01));
        renderAll(report);
        assertTrue(report.isSumbench());
        String markdown = report.render(TableFormat.MD, Optional.of("partial"), report.charts());
        assertTrue(markdown.contains("| 10 | 10.0 ns ±2.0% |"), "its time, with JMH's error, no workers for "
                + "sequential: " + markdown);
        assertTrue(markdown.contains("| sequential | 1 | — | — | — | — | (baseline) |"),
                "one size fits no model: " + markdown);
        assertTrue(markdown.contains("- no row of size ≥ 1,000,000: the largest measured size, 10 (0 KiB), fits in the "
                + "caches of common CPUs"), "80 bytes are no memory bandwidth, nor their own ceiling: " + markdown);
        assertEquals(List.of("-time.png"), report.charts().stream().map(Charts.Chart::suffix).toList(),
                "no speedup to draw without a second strategy");
        assertEquals(List.of("tables: 1 rows from partial.json; 1 strategies, sizes 10, workers 1",
                Report.ANSWER_HEADING, "  this run cannot answer: 1 of 1 rows have fewer than 3 forks, so no "
                        + "interval: run with -f 5; the lines below only show that every part ran"), report.summary());
    }
}
