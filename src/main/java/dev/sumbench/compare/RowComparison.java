package dev.sumbench.compare;

import dev.sumbench.results.Result;
import dev.sumbench.results.ScoreUnit;
import dev.sumbench.stats.Direction;
import dev.sumbench.stats.Summary;

/**
 * One matched row of two runs, compared: one test, one answer. Every figure of the row that says how the runs differ
 * (the change, its interval, the verdict) comes from the {@link Judgement} of the {@link Gate}.
 *
 * @param key       benchmark, mode and params shared by both rows (see {@link Comparisons#matchKey})
 * @param unit      the unit both sides are in (the old run's; the new run's values are converted into it)
 * @param oldSide   the old run's score with its interval over fork means ({@link Summary#of}, as the tables show it)
 * @param newSide   the new run's, converted into {@code unit}
 * @param rawData   whether both sides have raw data (JMH JSON), so that {@link Summary#n} counts forks, not samples
 * @param inProcess whether a side ran in the benchmark's own JVM (JMH {@code -f 0}): its one "fork" is that JVM
 * @param rankP     the two-sided exact Mann–Whitney p over the fork means, a second view shown only on request; NaN
 *                  with fewer than 2 forks a side or without raw data
 * @param judgement what the gate says about the row against the threshold; rows compared on their own
 *                  ({@link Comparisons#compareRows}) are inconclusive ({@link Reason#NOT_JUDGED}) until judged with
 *                  the others
 */
public record RowComparison(Result.Key key, ScoreUnit unit, Summary oldSide, Summary newSide, boolean rawData,
                            boolean inProcess, double rankP, Judgement judgement) {

    public RowComparison {
        java.util.Objects.requireNonNull(judgement, "judgement");
    }

    /** This row with {@code judged} as its judgement. */
    public RowComparison judged(Judgement judged) {
        return new RowComparison(key, unit, oldSide, newSide, rawData, inProcess, rankP, judged);
    }

    /** The gate's decision: faster, slower, equivalent or inconclusive. */
    public Decision decision() {
        return judgement.decision();
    }

    /** Which way this row's unit improves. */
    public Direction direction() {
        return Direction.of(unit);
    }

    /**
     * The gate's estimate of the change in the unit's own sense, {@code new / old - 1} of the geometric means of the
     * fork means (+0.20 for 20 % more time, or 20 % more operations per second); NaN when there is none.
     */
    public double change() {
        return inUnitSense(judgement.costRatio()) - 1;
    }

    /** The lower end of {@link #change}'s interval (at the judgement's confidence); NaN when there is none. */
    public double changeLo() {
        return inUnitSense(direction() == Direction.HIGHER_IS_BETTER ? judgement.hi() : judgement.lo()) - 1;
    }

    /** The upper end of {@link #change}'s interval; NaN when there is none. */
    public double changeHi() {
        return inUnitSense(direction() == Direction.HIGHER_IS_BETTER ? judgement.lo() : judgement.hi()) - 1;
    }

    /** The change in cost terms ({@code > 0}: worse), comparable across time and rate units; NaN if unknown. */
    public double costChange() {
        return direction() == Direction.UNKNOWN ? Double.NaN : judgement.costRatio() - 1;
    }

    private double inUnitSense(double costRatio) {
        return direction() == Direction.HIGHER_IS_BETTER ? 1 / costRatio : costRatio;
    }
}
