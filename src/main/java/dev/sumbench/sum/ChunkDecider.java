package dev.sumbench.sum;

/**
 * One strategy's default chunking: its id, settings and the costs it measured when it started (none where the rule
 * does not use them: the fixed rule, an explicit chunk). Every splitting strategy sums through one of these, so the
 * rule has one caller. Immutable once made; safe for use by several threads.
 */
public final class ChunkDecider {

    /** Where a plan of one chunk is summed. */
    public enum OneChunk {
        /** In the caller, by the loop: the thread strategies, whose caller can read the data as fast as a worker. */
        IN_CALLER,
        /** By a worker: the process strategies, so that an explicit chunk or the fixed rule measures a process. */
        BY_A_WORKER
    }

    private final String id;
    private final Settings settings;
    private final int chunksPerWorker;
    private final OneChunk oneChunk;
    /** The measured costs, or null where the rule does not use them. */
    private final SplitCosts costs;
    /**
     * Ranges shorter than this are summed in the caller without asking the rule (0: always ask): the rule's minimum
     * parallel size, so that a tiny sum pays one comparison for its decision.
     */
    private final long inCallerBelow;

    /**
     * Measures the costs with {@code splitter} now (see {@link Calibration#measure}) where the settings ask for the
     * measured rule.
     *
     * @param chunksPerWorker the chunks per worker of the fixed rule (see {@link DefaultChunking#decide})
     * @param copies          whether {@code splitter} copies the elements it hands out (process-pipe)
     */
    public ChunkDecider(String id, Settings settings, int chunksPerWorker, OneChunk oneChunk,
                        Calibration.Splitter splitter, boolean copies) {
        this.id = id;
        this.settings = settings;
        this.chunksPerWorker = chunksPerWorker;
        this.oneChunk = oneChunk;
        this.costs = settings.adaptive() ? Calibration.measure(splitter, settings.workers(), copies) : null;
        this.inCallerBelow = costs == null || !settings.profile().isEmpty() ? 0
                : costs.minParallelSize(settings.workers());
    }

    /**
     * Sums {@code [lo, hi)} (checked by the caller): in the caller where the decision says so (and for a plan of one
     * chunk where {@link OneChunk#IN_CALLER}), else by {@code splitter} over the decision's plan.
     */
    public long sum(long[] data, int lo, int hi, Calibration.Splitter splitter) {
        if (hi - lo < inCallerBelow) {
            return Ranges.loop(data, lo, hi);
        }
        DefaultChunking.Decision decision = decide(lo, hi);
        if (decision.inCaller() || (oneChunk == OneChunk.IN_CALLER && decision.plan().count() == 1)) {
            return Ranges.loop(data, lo, hi);
        }
        return splitter.sum(data, decision.plan());
    }

    /** The decision for {@code [lo, hi)}. */
    public DefaultChunking.Decision decide(int lo, int hi) {
        return DefaultChunking.decide(id, settings, lo, hi, chunksPerWorker, costs);
    }

    /**
     * How the strategy sums {@code n} elements and why, in one line for {@code sum --verbose}: the rule with this
     * run's measured numbers where it has them.
     */
    public String describe(int n) {
        DefaultChunking.Decision decision = decide(0, n);
        boolean inCaller = decision.inCaller() || (oneChunk == OneChunk.IN_CALLER && decision.plan().count() == 1);
        return id + ": " + (costs == null ? DefaultChunking.describe(settings) : costs.formula(settings.workers()))
                + "; " + n + " elements: " + (inCaller ? "summed in the caller"
                : decision.plan().count() + (decision.plan().count() == 1 ? " chunk" : " chunks")) + " ("
                + decision.reason() + ")";
    }

    /** The measured costs, or null where the rule does not use them (tests, {@code demo}). */
    public SplitCosts costs() {
        return costs;
    }
}
