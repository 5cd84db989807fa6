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
     * Calibrates {@code splitter} now (see {@link Calibration#costs}) when {@code settings} ask for the adaptive rule.
     *
     * @param chunksPerWorker the most chunks per worker a split may get (see {@link DefaultChunking#decide})
     */
    public ChunkDecider(String id, Settings settings, int chunksPerWorker, Calibration.Splitter splitter) {
        this.id = id;
        this.settings = settings;
        this.chunksPerWorker = chunksPerWorker;
        this.costs = settings.adaptive() ? Calibration.costs(id, settings, splitter) : null;
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
