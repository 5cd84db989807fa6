package dev.sumbench.sum;

import java.util.Optional;

/**
 * One strategy's default-chunking decisions: its id, settings and chunks per worker, with the split costs it calibrated
 * when it started (none when the adaptive rule does not apply: the fixed rule, an explicit chunk). Immutable once made;
 * safe for use by several threads. Every splitting strategy decides through one of these, so the rule has one caller.
 */
public final class ChunkDecider {

    private final String id;
    private final Settings settings;
    private final int chunksPerWorker;
    /** The calibrated costs, or null when the adaptive rule does not apply. */
    private final SplitCosts costs;
    /**
     * Ranges shorter than this are summed in the caller without asking the rule (0: always ask). The rule's minimum
     * parallel size at start, which can only grow afterwards: the per-element cost only ever falls, and a lower cost
     * makes a split pay later. So the shortcut never keeps a range in the caller that the rule would split, and a tiny
     * sum pays one comparison for its decision, not the rule's arithmetic, allocations and property lookup.
     */
    private final long inCallerBelow;
    /**
     * From this many times the floor on, the model is confident that a split gains (twice its margin of hand-offs),
     * and the learner starts on the split instead of the loop ({@link SplitLearner#next(int, boolean)}).
     */
    static final long CONFIDENT = 2;
    /** What this strategy learned about splitting from its own sums, or null when the adaptive rule does not apply. */
    private final SplitLearner learner;
    /**
     * Whether sums note their way for a {@link SumTrace}, and the latest one's (a {@link SumTrace.Way} ordinal and the
     * TRACE_ flags). Plain fields: a trace has one calling thread, and without one no sum writes a shared field.
     */
    private boolean tracing;
    private int traced;
    /** The bits of {@link #traced}: the way's ordinal, whether the learner kept the time, its choice after it. */
    static final int TRACE_WAY = 3;
    static final int TRACE_KEPT = 4;
    static final int TRACE_PREFERS_SPLIT = 8;

    /**
     * Calibrates {@code splitter} now (see {@link Calibration#costs}) when {@code settings} ask for the adaptive rule.
     *
     * @param chunksPerWorker the most chunks per worker a split may get (see {@link DefaultChunking#decide})
     */
    public ChunkDecider(String id, Settings settings, int chunksPerWorker, Calibration.Splitter splitter) {
        this.id = id;
        this.settings = settings;
        this.chunksPerWorker = chunksPerWorker;
        this.costs = settings.adaptive() ? Calibration.costs(id, settings, splitter) : null;
        this.inCallerBelow = costs == null || !settings.profile().isEmpty() ? 0
                : costs.minParallelSize(settings.workers(), SplitCosts.margin());
        this.learner = costs == null ? null : new SplitLearner();
    }

    /**
     * Sums {@code [lo, hi)} (checked by the caller) the way of the thread strategies: in the caller below the floor
     * or for a plan of one chunk, else as {@link #sum(long[], int, int, DefaultChunking.Decision,
     * Calibration.Splitter)} says.
     */
    public long sum(long[] data, int lo, int hi, Calibration.Splitter splitter) {
        if (inCaller(hi - lo)) {
            return Ranges.loop(data, lo, hi);
        }
        DefaultChunking.Decision decision = decide(lo, hi);
        if (decision.plan().count() == 1) {
            return Ranges.loop(data, lo, hi);
        }
        return sum(data, lo, hi, decision, splitter);
    }

    /**
     * Sums {@code [lo, hi)} as {@code decision} says, with {@code splitter} where it splits: an adaptive split (at or
     * above the measured minimum) goes by the loop or by {@code splitter}, whichever this strategy measured faster
     * for ranges of this size (see {@link SplitLearner}); any other decision goes to {@code splitter}.
     */
    public long sum(long[] data, int lo, int hi, DefaultChunking.Decision decision, Calibration.Splitter splitter) {
        if (learner == null || decision.why() != DefaultChunking.Why.FROM_MEASURED_MINIMUM) {
            if (tracing) {
                traced = SumTrace.Way.PLAN.ordinal();
            }
            return splitter.sum(data, decision.plan());
        }
        int n = hi - lo;
        int ticket = learner.next(n, n >= CONFIDENT * decision.number());
        long t0 = System.nanoTime();
        long sum = SplitLearner.splits(ticket) ? splitter.sum(data, decision.plan()) : Ranges.loop(data, lo, hi);
        learner.record(n, ticket, System.nanoTime() - t0);
        if (tracing) {
            traced = (SplitLearner.splits(ticket) ? SumTrace.Way.SPLIT : SumTrace.Way.LOOP).ordinal()
                    | (SplitLearner.keeps(ticket) ? TRACE_KEPT : 0) | (learner.prefersSplit(n) ? TRACE_PREFERS_SPLIT : 0);
        }
        return sum;
    }

    /** From now on, each sum notes its way for {@link SumTrace} (its one calling thread reads it). */
    void startTracing() {
        tracing = true;
    }

    /** Before a traced sum: until a decision of this decider's sums it, it counts as summed in the caller. */
    void traceBegin() {
        traced = SumTrace.Way.CALLER.ordinal();
    }

    /** After a traced sum: its way and flags (see the TRACE_ bits). */
    int traceEnd() {
        return traced;
    }

    /** What the strategy learned for ranges of {@code n} elements, where the adaptive rule would split them. */
    public Optional<String> learned(int n) {
        if (learner == null || decide(0, n).why() != DefaultChunking.Why.FROM_MEASURED_MINIMUM) {
            return Optional.empty();
        }
        return Optional.of(learner.describe(n));
    }

    /**
     * Whether a range of {@code n} elements is certainly summed in the caller, decided in one comparison; when false,
     * ask {@link #decide}.
     */
    public boolean inCaller(int n) {
        return n < inCallerBelow;
    }

    /** The decision for {@code [lo, hi)}, with the per-element cost as it stands now. */
    public DefaultChunking.Decision decide(int lo, int hi) {
        return DefaultChunking.decide(id, settings, lo, hi, chunksPerWorker, Calibration.current(costs));
    }

    /** The decision for {@code n} elements, as {@link SumStrategy#decision} reports it. */
    public Optional<DefaultChunking.Decision> decision(int n) {
        return Optional.of(decide(0, n));
    }

    /** The costs the decisions use now, as {@link SumStrategy#splitCosts} reports them. */
    public Optional<SplitCosts> splitCosts() {
        return Optional.ofNullable(Calibration.current(costs));
    }
}
