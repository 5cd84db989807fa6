package dev.sumbench.sum;

import java.util.Arrays;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.locks.LockSupport;

/**
 * Measures the two inputs of the adaptive chunking rule ({@link SplitCosts}) when a strategy starts: the per-element
 * cost of the summing loop (once per JVM) and the hand-off cost of one split call of the strategy (once per JVM per
 * strategy, workers and pattern). Each measurement is bounded in time ({@link #ELEMENT_BUDGET_NANOS},
 * {@link #HAND_OFF_BUDGET_NANOS}) and cached, so a strategy made again costs nothing.
 *
 * <p>Thread-safe. The values are probes, not benchmarks: they only have to be right to within the rule's margin.
 */
public final class Calibration {

    /*
     * Implementation notes. The per-element cost is the minimum over repeated sums of a small array that stays in
     * the L1/L2 cache, taken once the minimum stops improving (the JIT has compiled the loop by then, or the budget is
     * spent): the cheapest per-element cost there is, so the rule errs towards not splitting (see SplitCosts). The
     * hand-off is the median of the second half of forced splits of a tiny array (one element per chunk, summing is
     * nothing): the first half absorbs thread creation and the interpreter. After idle, each forced split comes after
     * a park of IDLE_NANOS, and fewer are taken, to stay in budget. Rejected: measuring the split of a large array
     * against the loop (it would take the budget many times over and still be noisy), and a fixed table of hand-off
     * costs (they differ 10x between machines and JVMs, which is the point of measuring).
     */

    /** A split call of a strategy: sums {@code plan} over {@code data} by handing chunks to its workers. */
    @FunctionalInterface
    public interface Splitter {
        long sum(long[] data, ChunkPlan plan);
    }

    /** Elements of the array the loop is timed on: 32 KiB, in the L1 or L2 cache of any machine we know. */
    static final int ELEMENT_ARRAY = 4_096;
    /** Time the per-element calibration may take at most. */
    static final long ELEMENT_BUDGET_NANOS = 8_000_000L;
    /** It stops earlier once the minimum has not improved for this many sums in a row. */
    static final int ELEMENT_STABLE_SUMS = 400;
    /** Time a hand-off calibration may take at most (it takes at least one forced split). */
    static final long HAND_OFF_BUDGET_NANOS = 10_000_000L;
    /** Forced splits back to back, at most. */
    static final int HAND_OFF_SPLITS = 64;
    /** Forced splits after idle, at most (each costs IDLE_NANOS more). */
    static final int IDLE_SPLITS = 7;
    /** The idle time before each after-idle split: long enough for pool threads to park. */
    static final long IDLE_NANOS = 1_000_000L;
    /** A per-element cost below this is a timer artefact, not a loop: a 64-bit add per 0.01 ns is 100 per ns. */
    static final double MIN_ELEMENT_NANOS = 0.01;

    private static final ConcurrentMap<String, Double> HAND_OFFS = new ConcurrentHashMap<>();
    private static volatile double elementNanos = Double.NaN;

    private Calibration() {
    }

    /**
     * The costs of strategy {@code id} with {@code settings}, measured with {@code splitter} on the first call for
     * this id, workers and pattern in this JVM and cached afterwards.
     */
    public static SplitCosts costs(String id, Settings settings, Splitter splitter) {
        double c = elementNanos();
        String key = id + "/" + settings.workers() + "/" + settings.pattern().id();
        double h = HAND_OFFS.computeIfAbsent(key, k -> handOffNanos(splitter, settings.workers(), settings.pattern()));
        return new SplitCosts(c, h, Runtime.getRuntime().availableProcessors(), settings.pattern());
    }

    /** The per-element cost of {@link Ranges#loop} on cached data, measured once per JVM. */
    public static double elementNanos() {
        double c = elementNanos;
        if (Double.isNaN(c)) {
            synchronized (Calibration.class) {
                c = elementNanos;
                if (Double.isNaN(c)) {
                    c = measureElementNanos();
                    elementNanos = c;
                }
            }
        }
        return c;
    }

    static double measureElementNanos() {
        long[] data = Data.generate(ELEMENT_ARRAY, Data.DEFAULT_SEED);
        long sink = 0;
        long best = Long.MAX_VALUE;
        int sinceBetter = 0;
        long start = System.nanoTime();
        while (System.nanoTime() - start < ELEMENT_BUDGET_NANOS && sinceBetter < ELEMENT_STABLE_SUMS) {
            long t0 = System.nanoTime();
            sink += Ranges.loop(data, 0, data.length);
            long t = System.nanoTime() - t0;
            if (t < best) {
                best = t;
                sinceBetter = 0;
            } else {
                sinceBetter++;
            }
        }
        blackhole(sink);
        return Math.max(MIN_ELEMENT_NANOS, (double) best / data.length);
    }

    static double handOffNanos(Splitter splitter, int workers, UsePattern pattern) {
        int chunks = Math.max(2, workers);
        long[] data = new long[chunks];
        ChunkPlan plan = ChunkPlan.byCount(0, chunks, chunks);
        boolean idle = pattern == UsePattern.AFTER_IDLE;
        int most = idle ? IDLE_SPLITS : HAND_OFF_SPLITS;
        long[] times = new long[most];
        int done = 0;
        long sink = 0;
        long start = System.nanoTime();
        while (done < most && (done == 0 || System.nanoTime() - start < HAND_OFF_BUDGET_NANOS)) {
            if (idle) {
                idle(IDLE_NANOS);
            }
            long t0 = System.nanoTime();
            sink += splitter.sum(data, plan);
            times[done++] = System.nanoTime() - t0;
        }
        blackhole(sink);
        long[] kept = Arrays.copyOfRange(times, done / 2, done);
        Arrays.sort(kept);
        return kept[kept.length / 2];
    }

    /** Parks the calling thread for about {@code nanos} (the thread is off its core meanwhile). */
    public static void idle(long nanos) {
        long deadline = System.nanoTime() + nanos;
        for (long left = nanos; left > 0; left = deadline - System.nanoTime()) {
            LockSupport.parkNanos(left);
        }
    }

    /** Forgets every cached value (tests). */
    static void clear() {
        HAND_OFFS.clear();
        elementNanos = Double.NaN;
    }

    /** Keeps the JIT from dropping the timed sums. */
    private static volatile long sinkHole;

    private static void blackhole(long value) {
        sinkHole = value;
    }
}
