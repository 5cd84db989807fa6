package dev.sumbench.stats;

/**
 * From which size on a parallel way of summing beats the baseline ({@code sequential}), from the two overhead models:
 * the size where the lines cross.
 *
 * @param kind what the models say
 * @param size for {@link Kind#AT}, the size from which on it is faster; otherwise {@link Double#NaN}
 * @param extrapolated whether {@code size} lies beyond the largest size measured (a guess from the lines)
 */
public record Crossover(Kind kind, double size, boolean extrapolated) {

    /** Per-element costs closer than this share are the same (rounding, not a saving to pay a fixed cost back). */
    static final double SAME_COST = 1e-9;

    /** What the models say about the crossover. */
    public enum Kind {
        /** Faster from {@code size} on. */
        AT,
        /** Faster at every size (no larger fixed cost to pay back). */
        ALWAYS,
        /** Never faster: its per-element cost is not lower, so the fixed cost is never paid back. */
        NEVER
    }

    /**
     * Where {@code candidate}'s line falls below {@code baseline}'s: with fixed costs {@code a} and per-element costs
     * {@code b}, it is faster for {@code n > (a_c - a_b) / (b_b - b_c)} when {@code b_c < b_b}; if {@code b_c >= b_b}
     * it is never faster from some size on (at most at small sizes, when its fixed cost is lower).
     */
    public static Crossover between(OverheadModel candidate, OverheadModel baseline) {
        double fixedDifference = candidate.fixedNanos() - baseline.fixedNanos();
        double perElementSaving = baseline.perElementNanos() - candidate.perElementNanos();
        if (perElementSaving <= SAME_COST * Math.abs(baseline.perElementNanos())) {
            return new Crossover(Kind.NEVER, Double.NaN, false);
        }
        double size = fixedDifference / perElementSaving;
        if (size < 1) {
            return new Crossover(Kind.ALWAYS, Double.NaN, false);
        }
        double measured = Math.min(candidate.largestSize(), baseline.largestSize());
        return new Crossover(Kind.AT, size, size > measured);
    }
}
