package dev.sumbench.sum;

import java.util.Locale;

/**
 * The default chunking's rule, as a pure function of its measured inputs.
 *
 * <p>Summing {@code n} elements in the caller costs {@code n·c}. Splitting them over {@code p = min(workers, cores)}
 * threads or processes that sum in parallel costs about {@code h + n·t + n·c/p}: one hand-off, the split path's own
 * work per element (a copy through a pipe; none where the workers read the caller's array), then each summer's share
 * at the same time. So a split pays when
 * <pre>
 *   n·c·(1 − 1/p) − n·t  &gt;  m·h
 * </pre>
 * that is from {@code n* = m·h / (c·(1 − 1/p) − t)} elements on, and never where {@code p = 1} or
 * {@code t >= c·(1 − 1/p)} (a copy that costs more than the work it spreads). {@code m} is {@link #MARGIN}.
 *
 * @param elementNanos c: the caller's loop per element, in nanoseconds (&gt; 0)
 * @param copyNanos    t: the split path's own work per element, in nanoseconds (&gt;= 0)
 * @param handOffNanos h: one split call beyond its summing, in nanoseconds (&gt;= 0)
 * @param cores        the processors this JVM may use (bounds p), &gt;= 1
 */
public record SplitCosts(double elementNanos, double copyNanos, double handOffNanos, int cores) {

    /*
     * Implementation notes. The inputs are summarised so that the rule errs towards the loop: c is the fastest loop
     * measured (a dearer element would make a split pay sooner), h the median hand-off to parked workers, which often
     * includes the caller's own wake-up that a long enough split does not pay. The margin covers what the model leaves
     * out: the slower half of the hand-offs, and a worker that reads its chunk through a stream or from another cache.
     * A larger margin gave up gains where splits pay clearly; the measurements are in the docs (strategies, findings).
     * Rejected: a learner that times splits against the loop while it sums (it made identical runs decide differently,
     * and its tuning could not be read from the code); splitting by size alone (the JDK's parallel streams, and the
     * fixed rule), which ignores that a hand-off costs ten times more on one machine or transport than on another.
     */

    /**
     * m: a split must save two hand-offs: one for the hand-off itself, and one for what the model leaves out (the
     * slower half of the hand-offs, a stream's own loop slower than the plain one).
     */
    public static final double MARGIN = 2.0;

    public SplitCosts {
        if (!(elementNanos > 0) || !Double.isFinite(elementNanos)) {
            throw new IllegalArgumentException("elementNanos must be > 0, got " + elementNanos);
        }
        if (!(copyNanos >= 0) || !Double.isFinite(copyNanos)) {
            throw new IllegalArgumentException("copyNanos must be >= 0, got " + copyNanos);
        }
        if (!(handOffNanos >= 0) || !Double.isFinite(handOffNanos)) {
            throw new IllegalArgumentException("handOffNanos must be >= 0, got " + handOffNanos);
        }
        if (cores < 1) {
            throw new IllegalArgumentException("cores must be >= 1, got " + cores);
        }
    }

    /** p: the parallelism that {@code workers} get on this machine, {@code min(workers, cores)}. */
    public int parallelism(int workers) {
        return Math.max(1, Math.min(workers, cores));
    }

    /** What a split saves per element: {@code c·(1 − 1/p) − t} (&lt;= 0: nothing). */
    public double savingPerElement(int workers) {
        int p = parallelism(workers);
        return elementNanos * (1 - 1.0 / p) - copyNanos;
    }

    /**
     * n*: the smallest range a split pays for with {@code workers} workers, or {@link Long#MAX_VALUE} where none does
     * (one worker, one core, or a copy dearer than the work it spreads).
     */
    public long minParallelSize(int workers) {
        double saving = savingPerElement(workers);
        if (parallelism(workers) < 2 || !(saving > 0)) {
            return Long.MAX_VALUE;
        }
        double size = Math.floor(MARGIN * handOffNanos / saving) + 1;
        return size >= Long.MAX_VALUE ? Long.MAX_VALUE : Math.max(2, (long) size);
    }

    /** Whether splitting {@code n} elements pays: {@code n·c·(1 − 1/p) − n·t > m·h}. */
    public boolean splitPays(long n, int workers) {
        return n >= minParallelSize(workers);
    }

    /** The rule with this run's numbers, for {@code sum --verbose} and {@code demo}. */
    public String formula(int workers) {
        long min = minParallelSize(workers);
        return String.format(Locale.ROOT, "split n elements when n·c·(1 − 1/p) − n·t > m·h, with c = %.3f ns per "
                        + "element, t = %.3f ns per element, h = %s, m = %s, p = %d: %s", elementNanos, copyNanos,
                micros(handOffNanos), formatMargin(), parallelism(workers),
                min == Long.MAX_VALUE ? "never" : "from n = " + min);
    }

    /** {@link #MARGIN} as the formula prints it. */
    public static String formatMargin() {
        return trim(MARGIN);
    }

    private static String micros(double nanos) {
        return String.format(Locale.ROOT, "%.1f µs", nanos / 1_000);
    }

    private static String trim(double value) {
        return value == Math.rint(value) ? Long.toString((long) value) : Double.toString(value);
    }
}
