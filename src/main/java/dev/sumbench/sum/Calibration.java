package dev.sumbench.sum;

import java.util.Arrays;

/**
 * Measures the inputs of the default chunking's rule ({@link SplitCosts}) for one strategy when it starts: the loop's
 * cost per element {@code c}, the strategy's hand-off {@code h} and, for a strategy whose split copies the data, the
 * split path's own cost per element {@code t}. Nothing is cached between strategies: each one measures its own, so
 * no strategy's decisions depend on which were made before it.
 *
 * <p>Thread-safe (no state). A measurement takes about {@link #WARM_UP_NANOS} plus {@link #SAMPLES} calls of each kind.
 */
public final class Calibration {

    /*
     * Implementation notes. Everything is timed after a warm-up that runs the timed code itself (the loop and the
     * split) until the JIT has had WARM_UP_NANOS to compile it and the pool has started its threads. c is the fastest
     * of SAMPLES loops over an array in cache, measured before and after the hand-offs (the minimum of both): the
     * fastest is the compiled loop, whatever else the machine did meanwhile. h is the median of SAMPLES forced splits
     * of a tiny array (a chunk of one element per worker: the summing is nothing), the hand-off a typical call pays.
     * t is what a split of the cached array costs beyond h and the parallel loop, per element, again a median. Rejected:
     * a fallback value when the loop is not compiled in time (it is a guess the decision then rests on), and caches of
     * the measured values per JVM (a strategy's decisions would depend on which strategies were made before it).
     */

    /** A split call of a strategy: sums {@code plan} over {@code data} by handing chunks to its workers. */
    @FunctionalInterface
    public interface Splitter {
        long sum(long[] data, ChunkPlan plan);
    }

    /** Elements of the array timed for c and t: 512 KiB, in a server core's L2 cache, and a copy that dwarfs jitter. */
    static final int ELEMENT_ARRAY = 1 << 16;
    /** Timed calls per input, odd for a median: enough that one preempted call moves neither summary. */
    static final int SAMPLES = 51;
    /** Warm-up of the loop and the split before any timing: C2 compiles a hot loop within a few milliseconds. */
    static final long WARM_UP_NANOS = 30_000_000L;

    private Calibration() {
    }

    /**
     * Measures the costs of a strategy that splits with {@code splitter} over {@code workers} workers.
     *
     * @param copies whether its split copies the elements (then t is measured; else t = 0)
     */
    public static SplitCosts measure(Splitter splitter, int workers, boolean copies) {
        long[] data = Data.generate(ELEMENT_ARRAY, Data.DEFAULT_SEED);
        int chunks = Math.max(2, workers);
        long[] tiny = new long[chunks];
        ChunkPlan tinyPlan = ChunkPlan.byCount(0, chunks, chunks);
        long sink = 0;
        long start = System.nanoTime();
        while (System.nanoTime() - start < WARM_UP_NANOS) {
            sink += Ranges.loop(data, 0, data.length);
            sink += splitter.sum(tiny, tinyPlan);
        }
        double fastestLoop = fastestLoopNanos(data);
        long[] handOffs = new long[SAMPLES];
        for (int i = 0; i < SAMPLES; i++) {
            long t0 = System.nanoTime();
            sink += splitter.sum(tiny, tinyPlan);
            handOffs[i] = System.nanoTime() - t0;
        }
        double h = median(handOffs);
        int cores = Runtime.getRuntime().availableProcessors();
        double copy = 0;
        if (copies) {
            ChunkPlan plan = ChunkPlan.byCount(0, data.length, chunks);
            long[] splits = new long[SAMPLES];
            for (int i = 0; i < SAMPLES; i++) {
                long t0 = System.nanoTime();
                sink += splitter.sum(data, plan);
                splits[i] = System.nanoTime() - t0;
            }
            copy = median(splits);
        }
        blackhole(sink);
        double c = Math.max(1, Math.min(fastestLoop, fastestLoopNanos(data))) / data.length;
        if (copies) {
            // t: what the split of the cached array took beyond the hand-off and each summer's share of the loop
            int p = Math.max(1, Math.min(workers, cores));
            copy = Math.max(0, (copy - h) / data.length - c / p);
        }
        return new SplitCosts(c, copy, h, cores);
    }

    /**
     * c: the loop's cost per element on cached data, the fastest of {@link #SAMPLES} sums of a warmed-up loop (for
     * {@code demo}, which compares rows without a strategy's own calibration).
     */
    public static double elementNanos() {
        long[] data = Data.generate(ELEMENT_ARRAY, Data.DEFAULT_SEED);
        long sink = 0;
        long start = System.nanoTime();
        while (System.nanoTime() - start < WARM_UP_NANOS) {
            sink += Ranges.loop(data, 0, data.length);
        }
        blackhole(sink);
        return Math.max(fastestLoopNanos(data), 1) / data.length;
    }

    private static double fastestLoopNanos(long[] data) {
        long best = Long.MAX_VALUE;
        long sink = 0;
        for (int i = 0; i < SAMPLES; i++) {
            long t0 = System.nanoTime();
            sink += Ranges.loop(data, 0, data.length);
            best = Math.min(best, System.nanoTime() - t0);
        }
        blackhole(sink);
        return best;
    }

    private static double median(long[] values) {
        long[] sorted = values.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2.0;
    }

    /** Keeps the JIT from dropping the timed sums. */
    private static volatile long sinkHole;

    private static void blackhole(long value) {
        sinkHole = value;
    }
}
