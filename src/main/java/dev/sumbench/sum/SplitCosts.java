package dev.sumbench.sum;

import java.util.Locale;

/**
 * The measured inputs of the adaptive chunking rule's floor, and the floor itself as a pure function of them: no
 * range below it is ever split; above it the strategy's own sums decide ({@link SplitLearner}).
 *
 * <p>The model: summing {@code n} elements in the caller costs {@code n * c}; splitting them into {@code k} chunks
 * over {@code p = min(k, workers, cores)} parallel summers costs about {@code h + n * c / p} (one hand-off, then the
 * caller's share and the others' in parallel). Splitting saves {@code n * c * (1 - 1/p)} and costs {@code h}; it is
 * done only where the saving exceeds {@code margin * h}, so the smallest range worth splitting is
 * {@code margin * h / (c * (1 - 1/p))} with {@code p = min(workers, cores)}, and never with one worker or one core.
 * A range worth splitting gets {@code workers} chunks, or more (up to {@code workers * chunksPerWorker}, to balance a
 * slow worker) only while each chunk's work stays at least {@code margin * h}.
 *
 * @param elementNanos  c: the time the caller's loop takes per element, in nanoseconds (&gt; 0)
 * @param handOffNanos  h: the time one split call costs beyond its summing, in nanoseconds (&gt;= 0)
 * @param cores         the processors this JVM may use (bounds the parallelism), &gt;= 1
 * @param pattern       the pattern of use {@code handOffNanos} was measured for
 */
public record SplitCosts(double elementNanos, double handOffNanos, int cores, UsePattern pattern) {

    /*
     * Implementation notes. The model is optimistic in one way and pessimistic in another: it leaves out what a split
     * costs per element (the worker's cold cache for its chunk, a neighbour on the other core, a copy through a
     * pipe), and its per-element cost is the one of data in cache, the cheapest there is. It is trusted for one
     * thing only, that no range below its floor can pay; whether one above does is measured (SplitLearner), since
     * the first version of the rule, the model alone, split ranges that then lost to the loop (parallel-stream at
     * 262 144 elements, 0.6x, in one JVM of three on a 2-vCPU VM, and process-pipe at 10 000 000, 0.034x).
     * Rejected: splitting by size alone (the JDK's parallel streams, and the fixed rule), which ignores that a
     * hand-off costs 10 to 100 times more on one machine than on another and after idle than back to back.
     */

    /**
     * Default safety factor of the floor: splitting must save at least this many hand-offs by the model before a
     * strategy even tries it. Above the floor the strategy's own sums decide (see {@link ChunkDecider#sum}); the
     * margin bounds what a split costs there when it runs on one core only (about the loop plus a hand-off): at the
     * floor a hand-off is 1/(2 x margin) of the loop's work on two cores, 12.5 % with 4. {@code
     * -Dsumbench.chunking.margin} overrides it; {@code scripts/defaults-check} measures whether the default keeps its
     * promise.
     */
    public static final double DEFAULT_MARGIN = 4.0;
    /** The system property that overrides {@link #DEFAULT_MARGIN}. */
    public static final String MARGIN_PROPERTY = "sumbench.chunking.margin";

    public SplitCosts {
        if (!(elementNanos > 0) || !Double.isFinite(elementNanos)) {
            throw new IllegalArgumentException("elementNanos must be > 0, got " + elementNanos);
        }
        if (!(handOffNanos >= 0) || !Double.isFinite(handOffNanos)) {
            throw new IllegalArgumentException("handOffNanos must be >= 0, got " + handOffNanos);
        }
        if (cores < 1) {
            throw new IllegalArgumentException("cores must be >= 1, got " + cores);
        }
        if (pattern == null) {
            throw new IllegalArgumentException("pattern must not be null");
        }
    }

    /** The margin parsed last, with the property text it came from (asked on every sum: parsed once). */
    private static volatile Object[] parsedMargin = {null, DEFAULT_MARGIN};

    /**
     * The margin of {@link #MARGIN_PROPERTY}, else {@link #DEFAULT_MARGIN}.
     *
     * @throws IllegalArgumentException if the property is no number &gt;= 1
     */
    public static double margin() {
        String value = System.getProperty(MARGIN_PROPERTY);
        Object[] parsed = parsedMargin;
        if (java.util.Objects.equals(value, parsed[0])) {
            return (Double) parsed[1];
        }
        double margin = parseMargin(value);
        parsedMargin = new Object[] {value, margin};
        return margin;
    }

    private static double parseMargin(String value) {
        if (value == null) {
            return DEFAULT_MARGIN;
        }
        try {
            double margin = Double.parseDouble(value.strip());
            if (margin >= 1 && Double.isFinite(margin)) {
                return margin;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException(MARGIN_PROPERTY + ": expected a number >= 1, got '" + value + "'");
    }

    /** The parallelism that {@code workers} workers get on this machine: {@code min(workers, cores)}. */
    public int parallelism(int workers) {
        return Math.max(1, Math.min(workers, cores));
    }

    /**
     * The smallest range that is worth splitting with {@code workers} workers, or {@link Long#MAX_VALUE} when no range
     * is (one worker or one core).
     */
    public long minParallelSize(int workers, double margin) {
        int p = parallelism(workers);
        if (p < 2) {
            return Long.MAX_VALUE;
        }
        double size = Math.ceil(margin * handOffNanos / (elementNanos * (1 - 1.0 / p)));
        return size >= Long.MAX_VALUE ? Long.MAX_VALUE : Math.max(2, (long) size);
    }

    /**
     * How many chunks a range of {@code n} elements should be split into: 1 (sum it in the caller) below
     * {@link #minParallelSize}, else {@code workers} or more, at most {@code workers * chunksPerWorker} and at most
     * {@code n}, each chunk's work at least {@code margin} hand-offs.
     */
    public int chunks(long n, int workers, int chunksPerWorker, double margin) {
        if (n < minParallelSize(workers, margin)) {
            return 1;
        }
        double worthChunks = handOffNanos == 0 ? Double.POSITIVE_INFINITY
                : Math.floor(n * elementNanos / (margin * handOffNanos));
        long most = Math.min(n, (long) workers * Math.max(1, chunksPerWorker));
        long wanted = (long) Math.min(most, Math.max(workers, worthChunks));
        return (int) Math.max(1, Math.min(wanted, n));
    }

    /** One line for people: the inputs of the rule. */
    public String describe() {
        return String.format(Locale.ROOT, "per element %.3f ns, hand-off %.1f us (%s), %d cores", elementNanos,
                handOffNanos / 1_000, pattern.id(), cores);
    }
}
