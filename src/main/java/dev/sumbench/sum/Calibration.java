package dev.sumbench.sum;

import java.util.Arrays;

/**
 * Measures the inputs of the default chunking's rule ({@link SplitCosts}) for one strategy when it starts: the loop's
 * cost per element {@code c}, the strategy's hand-off {@code h} and, for a strategy whose split copies the data,
 * the split's own cost per element {@code t}.
 * Nothing is cached between strategies: each one measures its own, so no strategy's decisions depend on which were
 * made before it.
 *
 * <p>Thread-safe (no state). A measurement takes {@link #WARM_UP_NANOS} plus {@link #SAMPLES} times
 * {@link #IDLE_NANOS} and the calls.
 */
public final class Calibration {

    /*
     * Implementation notes. Everything is timed after a warm-up that runs the timed code itself (the loop, a tiny split
     * and a split of the whole array) for WARM_UP_NANOS. c is the fastest of SAMPLES loops over the array, measured
     * before and after the hand-offs (the minimum of both): the fastest is the compiled loop, whatever else the machine
     * did meanwhile. h is the median of SAMPLES forced splits of the first elements (one per worker: the summing is
     * nothing), each after the caller was idle for IDLE_NANOS: then every pool thread has parked, and each hand-off pays
     * its wake-up (and the caller's own, where the worker answers after the caller's short spin).
     * Each timed hand-off is followed by a split of the whole array. A hand-off's cost depends on where the OS has put
     * the pool's threads: a worker woken on the caller's core answers within microseconds but sums nothing in
     * parallel, one on another core pays that core's wake-up. A pool that only ever made tiny hand-offs can stay on the
     * caller's core, so identical runs measured hand-offs several times apart. Splitting the whole array keeps caller
     * and workers busy at once long enough that the OS spreads them over the cores, which is the state the sums a
     * split pays for run in, and every run reaches it. The array is larger than a core's own caches for the same
     * reason, like the ranges a split pays for.
     * t, for a split that copies, is what a split of the array costs beyond h and each summer's share of the loop, per
     * element, again a median: the copy through a pipe. Where nothing is copied t is 0: what a worker pays beyond the
     * loop to read its chunk hides behind memory at the sizes where a split pays.
     * Rejected: a fallback value when the loop is not compiled in time (a guess the decision would rest on); caches of
     * the measured values per JVM (a strategy's decisions would depend on which strategies were made before it); h as
     * the whole array's split time beyond the shares of the loop (after idle it varies several times between runs,
     * with where the OS wakes the workers); hand-offs back to back (whether a worker is still awake depends on who of
     * caller and worker finished the last call first).
     */

    /** A split call of a strategy: sums {@code plan} over {@code data} by handing chunks to its workers. */
    @FunctionalInterface
    public interface Splitter {
        long sum(long[] data, ChunkPlan plan);
    }

    /**
     * Elements of the array timed: 8 MiB, beyond a core's own caches like the ranges a split pays for; splitting it
     * keeps every worker busy long enough for the OS to spread them over the cores; a pipe's copy of it dwarfs jitter.
     */
    static final int ELEMENT_ARRAY = 1 << 20;
    /** Timed calls per input, odd for a median: enough that one preempted call moves neither summary. */
    static final int SAMPLES = 51;
    /** Warm-up of the loop and the split before any timing: C1 and C2 compile a hot loop within a few milliseconds. */
    static final long WARM_UP_NANOS = 50_000_000L;
    /** The caller's idle time before each timed hand-off: long enough for every pool thread to park. */
    static final long IDLE_NANOS = 1_000_000L;

    private Calibration() {
    }

    /**
     * Measures the costs of a strategy that splits with {@code splitter} over {@code workers} workers.
     *
     * @param copies whether its split copies the elements it hands out (then t is measured; else t = 0)
     */
    public static SplitCosts measure(Splitter splitter, int workers, boolean copies) {
        long[] data = Data.generate(ELEMENT_ARRAY, Data.DEFAULT_SEED);
        int chunks = Math.max(2, workers);
        // the tiny split sums the first elements of the same array: a strategy that places its data (process-shared)
        // places it once
        ChunkPlan tinyPlan = ChunkPlan.byCount(0, chunks, chunks);
        ChunkPlan plan = ChunkPlan.byCount(0, data.length, chunks);
        long sink = 0;
        long start = System.nanoTime();
        while (System.nanoTime() - start < WARM_UP_NANOS) {
            sink += Ranges.loop(data, 0, data.length);
            sink += splitter.sum(data, tinyPlan);
            sink += splitter.sum(data, plan);
        }
        double fastestLoop = fastestLoopNanos(data);
        long[] handOffs = new long[SAMPLES];
        long[] splits = new long[SAMPLES];
        for (int i = 0; i < SAMPLES; i++) {
            IdleTime.park(IDLE_NANOS);
            long t0 = System.nanoTime();
            sink += splitter.sum(data, tinyPlan);
            handOffs[i] = System.nanoTime() - t0;
            // timed for t; for every strategy it leaves the workers spread over the cores for the next hand-off
            long t1 = System.nanoTime();
            sink += splitter.sum(data, plan);
            splits[i] = System.nanoTime() - t1;
        }
        blackhole(sink);
        // the fastest loop of both measurements: the second comes after the splits, long after the warm-up, so a
        // loop the JIT had not compiled in time on a busy JVM is compiled by then
        double c = Math.max(1, Math.min(fastestLoop, fastestLoopNanos(data))) / data.length;
        double h = median(handOffs);
        int cores = Runtime.getRuntime().availableProcessors();
        int p = Math.max(1, Math.min(workers, cores));
        double t = copies ? Math.max(0, (median(splits) - h) / data.length - c / p) : 0;
        return new SplitCosts(c, t, h, cores);
    }

    /**
     * c: the loop's cost per element, the fastest of {@link #SAMPLES} sums of a warmed-up loop over the same array (for
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
