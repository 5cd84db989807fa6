package dev.sumbench.sum;

import java.util.Arrays;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.locks.ReentrantLock;

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
     * spent): the cheapest per-element cost there is. The hand-off is the fastest of the second half of forced splits
     * of a tiny array (one element per chunk, summing is nothing): the first half absorbs thread creation and the
     * interpreter, which is why a minimum count of splits is made even past the budget. The fastest, not the median:
     * the two costs only set the floor below which no range is ever split, and above it the strategy's own sums
     * decide (SplitLearner), so the floor must not be too high, and a cold JVM's hand-offs are: process-shared's
     * median came out at 126 to 369 us in fresh JVMs against 57 us in the JMH dispatch benchmark, which put its
     * floor above 10 000 000 elements, where its split gains 1.3x. After idle, each forced split comes after a park
     * of IDLE_NANOS, and fewer are taken, to stay in budget. Rejected: measuring the split of a large array against
     * the loop at start (the cold JVM again, and the budget many times over: SplitLearner measures it on the sums
     * themselves), and a fixed table of hand-off costs (they differ 10x between machines and JVMs, which is the point
     * of measuring).
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
    /** It stops earlier, settled, once the minimum has not improved for this many sums in a row ... */
    static final int ELEMENT_STABLE_SUMS = 400;
    /** ... and for this long: C2 compiles the loop a few milliseconds after C1, whose code is some 3x slower. */
    static final long ELEMENT_STABLE_NANOS = 3_000_000L;
    /** Measurements of the per-element cost per JVM at most, while none has settled. */
    static final int MAX_ELEMENT_MEASUREMENTS = 5;
    /**
     * Time a hand-off calibration may take once it has made its {@link #MIN_SPLITS} (or {@link #MIN_IDLE_SPLITS})
     * forced splits.
     */
    static final long HAND_OFF_BUDGET_NANOS = 10_000_000L;
    /** Forced splits always made: the first ones start the pool's threads, so one alone would measure that. */
    static final int MIN_SPLITS = 8;
    /** Forced splits after idle always made. */
    static final int MIN_IDLE_SPLITS = 3;
    /** Forced splits back to back, at most. */
    static final int HAND_OFF_SPLITS = 64;
    /** Forced splits after idle, at most (each costs IDLE_NANOS more). */
    static final int IDLE_SPLITS = 7;
    /** The idle time before each after-idle split: long enough for pool threads to park. */
    static final long IDLE_NANOS = 1_000_000L;
    /** A per-element cost below this is a timer artefact, not a loop: a 64-bit add per 0.01 ns is 100 per ns. */
    static final double MIN_ELEMENT_NANOS = 0.01;
    /**
     * A per-element cost above this is the interpreter, not the compiled loop (the JIT had not compiled it within
     * the budget, as on a loaded machine): a compiled loop over cached longs takes well under a nanosecond per
     * element, and even one bound by memory reads 8 GB/s. The interpreter's cost would make the rule split ranges
     * far too small (a dearer element makes splitting pay sooner), so an unsettled measurement is repeated on later
     * calls, and this bound limits how early the rule can split meanwhile.
     */
    static final double MAX_ELEMENT_NANOS = 1.0;

    private static final ConcurrentMap<String, Double> HAND_OFFS = new ConcurrentHashMap<>();
    private static final ReentrantLock MEASURING = new ReentrantLock();
    private static volatile double elementNanos = Double.NaN;
    private static volatile boolean elementSettled;
    /** Guarded by MEASURING (or the class lock for the first one). */
    private static int elementMeasurements;

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

    /**
     * {@code costs} with the per-element cost as it stands now ({@link #elementNanos()}, which improves while the
     * first measurements had not settled); {@code null} for {@code null}. What a strategy passes to each decision.
     */
    public static SplitCosts current(SplitCosts costs) {
        if (costs == null) {
            return null;
        }
        double c = elementNanos();
        return c == costs.elementNanos() ? costs
                : new SplitCosts(c, costs.handOffNanos(), costs.cores(), costs.pattern());
    }

    /**
     * The per-element cost of {@link Ranges#loop} on cached data: measured on the first call in this JVM; while that
     * measurement had not settled (the loop not yet compiled), measured again on later calls, at most
     * {@link #MAX_ELEMENT_MEASUREMENTS} times in all, keeping the smallest cost. Later calls never wait for another
     * thread's measurement: they take the value so far.
     */
    public static double elementNanos() {
        double c = elementNanos;
        if (Double.isNaN(c)) {
            synchronized (Calibration.class) {
                if (Double.isNaN(elementNanos)) {
                    remeasure();
                }
                return elementNanos;
            }
        }
        if (!elementSettled && MEASURING.tryLock()) {
            try {
                if (!elementSettled) {
                    remeasure();
                }
            } finally {
                MEASURING.unlock();
            }
        }
        return elementNanos;
    }

    /** Measures once more and keeps the smaller cost; settled after a settled measurement or the last allowed one. */
    private static void remeasure() {
        ElementCost cost = measureElementNanos();
        double before = elementNanos;
        elementNanos = Double.isNaN(before) ? cost.nanos() : Math.min(before, cost.nanos());
        elementMeasurements++;
        elementSettled = cost.settled() || elementMeasurements >= MAX_ELEMENT_MEASUREMENTS;
    }

    /**
     * One measurement of the per-element cost.
     *
     * @param nanos   the cost, bounded to [MIN_ELEMENT_NANOS, MAX_ELEMENT_NANOS]
     * @param settled whether the minimum had stopped improving (else the JIT was still compiling the loop)
     */
    record ElementCost(double nanos, boolean settled) {
    }

    static ElementCost measureElementNanos() {
        long[] data = Data.generate(ELEMENT_ARRAY, Data.DEFAULT_SEED);
        long sink = 0;
        long best = Long.MAX_VALUE;
        int sinceBetter = 0;
        long start = System.nanoTime();
        long bestAt = start;
        boolean settled = false;
        while (true) {
            long t0 = System.nanoTime();
            sink += Ranges.loop(data, 0, data.length);
            long t1 = System.nanoTime();
            if (t1 - t0 < best) {
                best = t1 - t0;
                bestAt = t1;
                sinceBetter = 0;
            } else {
                sinceBetter++;
            }
            if (sinceBetter >= ELEMENT_STABLE_SUMS && t1 - bestAt >= ELEMENT_STABLE_NANOS) {
                settled = true;
                break;
            }
            if (t1 - start >= ELEMENT_BUDGET_NANOS) {
                break;
            }
        }
        blackhole(sink);
        double nanos = Math.min(MAX_ELEMENT_NANOS, Math.max(MIN_ELEMENT_NANOS, (double) best / data.length));
        return new ElementCost(nanos, settled);
    }

    static double handOffNanos(Splitter splitter, int workers, UsePattern pattern) {
        int chunks = Math.max(2, workers);
        long[] data = new long[chunks];
        ChunkPlan plan = ChunkPlan.byCount(0, chunks, chunks);
        boolean idle = pattern == UsePattern.AFTER_IDLE;
        int most = idle ? IDLE_SPLITS : HAND_OFF_SPLITS;
        int least = idle ? MIN_IDLE_SPLITS : MIN_SPLITS;
        long[] times = new long[most];
        int done = 0;
        long sink = 0;
        long start = System.nanoTime();
        while (done < most && (done < least || System.nanoTime() - start < HAND_OFF_BUDGET_NANOS)) {
            if (idle) {
                idle(IDLE_NANOS);
            }
            long t0 = System.nanoTime();
            sink += splitter.sum(data, plan);
            times[done++] = System.nanoTime() - t0;
        }
        blackhole(sink);
        long[] kept = Arrays.copyOfRange(times, done / 2, done);
        return Arrays.stream(kept).min().orElseThrow();
    }

    /** Parks the calling thread for about {@code nanos} (the thread is off its core meanwhile). */
    public static void idle(long nanos) {
        long deadline = System.nanoTime() + nanos;
        for (long left = nanos; left > 0; left = deadline - System.nanoTime()) {
            LockSupport.parkNanos(left);
        }
    }

    /** Forgets every cached value (tests). */
    static synchronized void clear() {
        HAND_OFFS.clear();
        elementNanos = Double.NaN;
        elementSettled = false;
        elementMeasurements = 0;
    }

    /** Whether the per-element cost has settled (tests). */
    static boolean elementSettled() {
        return elementSettled;
    }

    /** Keeps the JIT from dropping the timed sums. */
    private static volatile long sinkHole;

    private static void blackhole(long value) {
        sinkHole = value;
    }
}
