package dev.sumbench.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sumbench.results.Fixtures;
import dev.sumbench.results.Metric;
import dev.sumbench.results.Result;
import dev.sumbench.results.Run;
import dev.sumbench.results.RunReader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** The sumbench tables' figures: on synthetic runs with known answers, and on the real core-sweep fixture. */
class SumAnalysisTest {

    private static final String SUM = "dev.sumbench.bench.SumBenchmark.sum";

    static Result row(String benchmark, Map<String, String> params, double nanos) {
        return new Result(benchmark, "avgt", params, 1, 1, new Metric(nanos, nanos * 0.01, 0.999, "ns/op", 5,
                List.of()), Map.of());
    }

    static Result sum(String strategy, long size, int workers, int cores, double nanos) {
        Map<String, String> params = new TreeMap<>(Map.of("strategy", strategy, "size", Long.toString(size),
                "workers", Integer.toString(workers), "chunk", "0"));
        if (cores > 0) {
            params.put("cores", Integer.toString(cores));
        }
        return row(SUM, params, nanos);
    }

    static Run run(List<Result> rows) {
        return new Run(Path.of("synthetic.json"), rows, null);
    }

    /** sequential: 10 ns + 1 ns/element; fork-join: 20 µs + Amdahl with serial fraction 0.1 over min(workers, cores). */
    static List<Result> amdahlRows(int cores, double forkJoinFixed) {
        List<Result> rows = new ArrayList<>();
        for (long size : List.of(1_000L, 100_000L, 10_000_000L)) {
            rows.add(sum("sequential", size, 1, cores, 10 + size));
            for (int workers : List.of(1, 2, 4)) {
                int parallel = Math.min(workers, cores);
                rows.add(sum("fork-join", size, workers, cores, forkJoinFixed + size * (0.1 + 0.9 / parallel)));
            }
        }
        return rows;
    }

    @Test
    void overheadModelAndCrossoverOfAKnownLine() {
        SumAnalysis analysis = new SumAnalysis(SumMatrix.of(List.of(run(amdahlRows(4, 20_010)))));
        SumAnalysis.ModelRow forkJoin4 = analysis.models().stream()
                .filter(m -> m.strategy().equals("fork-join") && m.workers() == 4).findFirst().orElseThrow();
        OverheadModel model = forkJoin4.model().orElseThrow();
        assertEquals(20_010, model.fixedNanos(), 1e-3);
        assertEquals(0.325, model.perElementNanos(), 1e-9);
        assertEquals(1.0, model.rSquared(), 1e-9);
        Crossover crossover = forkJoin4.crossover().orElseThrow();
        assertEquals(Crossover.Kind.AT, crossover.kind());
        assertEquals(20_000 / 0.675, crossover.size(), 1e-3);
        assertEquals(100_000, forkJoin4.firstFasterMeasured().getAsLong());
        SumAnalysis.ModelRow forkJoin1 = analysis.models().stream()
                .filter(m -> m.strategy().equals("fork-join") && m.workers() == 1).findFirst().orElseThrow();
        assertEquals(Crossover.Kind.NEVER, forkJoin1.crossover().orElseThrow().kind(), "1 worker saves nothing");
        assertTrue(forkJoin1.firstFasterMeasured().isEmpty());
        SumAnalysis.ModelRow sequential = analysis.models().get(0);
        assertEquals("sequential", sequential.strategy());
        assertTrue(sequential.crossover().isEmpty(), "the baseline has no crossover with itself");
    }

    @Test
    void speedupAndEfficiencyAtTheSameSize() {
        SumAnalysis analysis = new SumAnalysis(SumMatrix.of(List.of(run(amdahlRows(4, 0)))));
        SumAnalysis.SpeedupRow forkJoin4 = analysis.speedups().stream()
                .filter(r -> r.strategy().equals("fork-join") && r.workers() == 4).findFirst().orElseThrow();
        double expected = (10 + 1e7) / (1e7 * 0.325);
        assertEquals(expected, forkJoin4.bySize().get(10_000_000L).value(), 1e-9);
        assertEquals(expected / 4, forkJoin4.efficiencyPerWorker(10_000_000L).orElseThrow().value(), 1e-9);
        assertEquals(expected / 4, forkJoin4.efficiencyPerCore(10_000_000L).orElseThrow().value(), 1e-9);
        Ratio interval = forkJoin4.bySize().get(10_000_000L);
        assertEquals((10 + 1e7) * 0.99 / (1e7 * 0.325 * 1.01), interval.lo(), 1e-9);
        assertTrue(analysis.speedups().stream().noneMatch(r -> r.strategy().equals("sequential")));
    }

    @Test
    void timeBySizeTakesEachStrategysBestWorkers() {
        SumAnalysis analysis = new SumAnalysis(SumMatrix.of(List.of(run(amdahlRows(2, 0)))));
        SumAnalysis.TimeRow largest = analysis.timeBySize().get(2);
        assertEquals(10_000_000, largest.size());
        // with 2 cores, 2 and 4 workers tie; the first (2) wins
        assertEquals(2, largest.best().get("fork-join").workers());
        assertEquals(1e7 * 0.55, largest.best().get("fork-join").nanos().center(), 1e-6);
    }

    @Test
    void coreSweepGivesSpeedupAndKarpFlattSerialFraction() {
        List<Run> sweep = List.of(run(amdahlRows(1, 0)), run(amdahlRows(2, 0)), run(amdahlRows(4, 0)));
        SumAnalysis analysis = new SumAnalysis(SumMatrix.of(sweep));
        assertTrue(analysis.isCoreSweep());
        assertEquals(4, analysis.cores());
        List<SumAnalysis.ScalingRow> forkJoin = analysis.scaling().stream()
                .filter(r -> r.strategy().equals("fork-join")).toList();
        assertEquals(List.of(1, 2, 4), forkJoin.stream().map(SumAnalysis.ScalingRow::cores).toList());
        SumAnalysis.ScalingRow four = forkJoin.get(2);
        assertEquals(10_000_000, four.size());
        assertEquals((10 + 1e7) / (1e7 * 0.325), four.speedup().value(), 1e-9);
        // sequential's 10 ns are the only thing that is not Amdahl's 0.1
        assertEquals(0.1, four.serialFraction(), 1e-6);
        assertTrue(Double.isNaN(forkJoin.get(0).serialFraction()));
        assertEquals(List.of(1.0, 2.0, 4.0), analysis.speedupByCores().get("fork-join").stream()
                .map(SumAnalysis.XY::x).toList());
    }

    @Test
    void sequentialBaselineIsItsFewestWorkersNotItsFastestRow() {
        List<Result> rows = new ArrayList<>(List.of(sum("sequential", 1_000, 1, 0, 1_000),
                sum("sequential", 1_000, 2, 0, 800), sum("fork-join", 1_000, 2, 0, 500)));
        SumAnalysis analysis = new SumAnalysis(SumMatrix.of(List.of(run(rows))));
        assertEquals(2.0, analysis.speedups().get(0).bySize().get(1_000L).value(), 1e-12);
    }

    @Test
    void matrixIsFoundByParamsAndPrefersTheDefaultChunk() {
        List<Result> rows = new ArrayList<>();
        rows.add(sum("sequential", 1_000, 1, 0, 1_000));
        rows.add(sum("fork-join", 1_000, 2, 0, 600));
        rows.add(sum("sequential", 100_000, 1, 0, 100_000));
        rows.add(sum("fork-join", 100_000, 2, 0, 60_000));
        // another benchmark with the same params but fewer (strategy, size) pairs: a chunk sweep
        rows.add(row("x.ChunkSizeBenchmark.sum", Map.of("strategy", "fork-join", "size", "1000", "workers", "2",
                "chunk", "64"), 1));
        // extra params: not a matrix row
        rows.add(row("x.LayoutBenchmark.sum", Map.of("strategy", "sequential", "size", "1000", "layout", "boxed"), 1));
        // the same key with another chunk: the default chunk counts
        rows.add(row(SUM, Map.of("strategy", "fork-join", "size", "1000", "workers", "2", "chunk", "128"), 10));
        SumMatrix matrix = SumMatrix.of(List.of(run(rows)));
        assertEquals(SUM, matrix.benchmark());
        assertEquals(4, matrix.cells().size());
        assertEquals(600, matrix.cell("fork-join", 1_000, 2, 0).orElseThrow().nanos().center(), 1e-9);
    }

    @Test
    void foreignRowsMakeNoMatrix() {
        assertTrue(SumMatrix.of(List.of(RunReader.read(Fixtures.path("en/sized.json")))).isEmpty());
    }

    @Test
    void realCoreSweepFixture() {
        List<Run> runs = RunReader.readAll(List.of(Fixtures.path("sumbench/cores1.json"),
                Fixtures.path("sumbench/cores2.json")));
        SumMatrix matrix = SumMatrix.of(runs);
        assertEquals(SUM, matrix.benchmark());
        assertEquals(List.of("sequential", "thread-pool", "fork-join", "parallel-stream"), matrix.strategies());
        assertEquals(List.of(1_000L, 100_000L, 1_000_000L), matrix.sizes());
        assertEquals(List.of(1, 2), matrix.workers());
        assertEquals(List.of(1, 2), matrix.coreCounts());
        assertEquals(4 * 3 * 2 * 2, matrix.cells().size());
        SumAnalysis analysis = new SumAnalysis(matrix);
        assertEquals(2, analysis.cores());
        assertEquals(3 * 2, analysis.speedups().size());
        assertEquals(1 + 3 * 2, analysis.models().size());
        assertEquals(4 * 2, analysis.scaling().size());
        assertTrue(analysis.models().stream().allMatch(m -> m.model().isPresent()));

        BandwidthAnalysis bandwidth = BandwidthAnalysis.of(runs, matrix);
        assertEquals(BandwidthAnalysis.LARGE_SIZE, bandwidth.threshold());
        assertEquals(2 + 4 * 2, bandwidth.rows().size(), "2 kernel rows, then 4 strategies × 2 workers at 10^6");
        assertTrue(bandwidth.rows().get(0).kernel());
        assertEquals(bandwidth.ceilingGbps(), bandwidth.rows().stream().limit(2)
                .mapToDouble(BandwidthAnalysis.Row::gbps).max().orElseThrow(), 1e-12);
        assertEquals("read", bandwidth.ceilingRow().orElseThrow().label());

        TradeOffAnalysis tradeOff = TradeOffAnalysis.of(runs, analysis);
        assertEquals(List.of(TradeOffAnalysis.Kind.values()),
                tradeOff.aspects().stream().map(TradeOffAnalysis.Aspect::kind).toList());
        TradeOffAnalysis.Aspect startUp = tradeOff.aspects().get(0);
        assertEquals(List.of("thread"), startUp.threads().stream().map(TradeOffAnalysis.Entry::label).toList(),
                "at the most cores only");
        assertEquals(List.of("bareJvm"), startUp.processes().stream().map(TradeOffAnalysis.Entry::label).toList());
        TradeOffAnalysis.Aspect dispatch = tradeOff.aspects().get(1);
        assertEquals(List.of(TradeOffAnalysis.Source.DISPATCH_ROWS), dispatch.sources());
        assertEquals(List.of("thread-pool", "fork-join"), dispatch.threads().stream()
                .map(TradeOffAnalysis.Entry::label).toList(), "sequential is neither side");
        assertTrue(tradeOff.aspects().get(4).threads().isEmpty(), "memory is not measured in the fixture");
    }
}
