package dev.sumbench.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sumbench.results.Result;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** The minimum parallel size from a crossover sweep's rows: synthetic runs with known answers. */
class MinParallelSizeTest {

    private static final String HOT = "dev.sumbench.bench.CrossoverBenchmark.sum";
    private static final String AFTER_IDLE = "dev.sumbench.bench.CrossoverBenchmark.afterIdle";

    private static Result row(String benchmark, String strategy, String chunking, long size, double nanos) {
        Map<String, String> params = new TreeMap<>(Map.of("strategy", strategy, "size", Long.toString(size),
                "chunking", chunking, "workers", "2", "cores", "2"));
        if (benchmark.equals(AFTER_IDLE)) {
            params.put("idle", "1ms");
        }
        return SumAnalysisTest.row(benchmark, params, nanos);
    }

    @Test
    void halvesRowsGiveWhereSplittingPaysPerPatternAgainstSequentialUnderTheSameIdleTime() {
        // hot: thread-pool halves wins from 65 536 on; after idle it wins only at 1 048 576, where the walk down stops
        // after two sizes at the first loss (sequential after idle
        // is slower too, which must not be compared with the hot rows)
        List<Result> rows = List.of(
                row(HOT, "sequential", "halves", 4096, 1_000), row(HOT, "thread-pool", "halves", 4096, 9_000),
                row(HOT, "sequential", "halves", 65536, 16_000), row(HOT, "thread-pool", "halves", 65536, 12_000),
                row(HOT, "sequential", "halves", 1048576, 256_000),
                row(HOT, "thread-pool", "halves", 1048576, 140_000),
                row(AFTER_IDLE, "sequential", "halves", 4096, 3_000),
                row(AFTER_IDLE, "thread-pool", "halves", 4096, 70_000),
                row(AFTER_IDLE, "sequential", "halves", 65536, 40_000),
                row(AFTER_IDLE, "thread-pool", "halves", 65536, 90_000),
                row(AFTER_IDLE, "sequential", "halves", 1048576, 700_000),
                row(AFTER_IDLE, "thread-pool", "halves", 1048576, 600_000),
                // the default chunking's rows are not read: below its threshold it sums in the caller
                row(HOT, "fork-join", "default", 4096, 1_000), row(HOT, "fork-join", "default", 65536, 15_000));

        List<MinParallelSize> sizes = MinParallelSize.of(SumAnalysisTest.run(rows));

        assertEquals(2, sizes.size(), sizes.toString());
        MinParallelSize hot = sizes.stream().filter(MinParallelSize::hot).findFirst().orElseThrow();
        MinParallelSize afterIdle = sizes.stream().filter(m -> !m.hot()).findFirst().orElseThrow();
        assertEquals(List.of("thread-pool", 2L, OptionalLong.of(2), OptionalLong.of(65536), 3),
                List.of(hot.strategy(), hot.workers(), hot.cores(), hot.size(), hot.sizes()));
        assertEquals(List.of("thread-pool", "1ms", OptionalLong.of(1048576), 2),
                List.of(afterIdle.strategy(), afterIdle.idle(), afterIdle.size(), afterIdle.sizes()));
        assertTrue(hot.warnings().isEmpty() && afterIdle.warnings().isEmpty(), sizes.toString());
    }

    @Test
    void aStrategyThatNeverWinsAfterIdleHasNoSizeAndSaysSo() {
        List<Result> rows = List.of(
                row(AFTER_IDLE, "sequential", "halves", 4096, 3_000),
                row(AFTER_IDLE, "fork-join", "halves", 4096, 90_000),
                row(AFTER_IDLE, "sequential", "halves", 1048576, 700_000),
                row(AFTER_IDLE, "fork-join", "halves", 1048576, 900_000));

        MinParallelSize size = MinParallelSize.of(SumAnalysisTest.run(rows)).get(0);

        assertEquals(OptionalLong.empty(), size.size());
        assertEquals(List.of(Caveat.of(Caveat.Code.SPLIT_NEVER_PAYS, 1048576L)), size.warnings());
    }
}
