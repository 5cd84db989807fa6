package dev.sumbench.stats;

import dev.sumbench.results.Result;
import dev.sumbench.results.ScoreUnit;
import java.util.List;

/**
 * One matched row of two runs, compared.
 *
 * @param key        benchmark, mode and params shared by both rows
 * @param unit       the unit both estimates are in (the old run's; the new run's values are converted into it)
 * @param oldSide    the old run's centre and interval
 * @param newSide    the new run's centre and interval
 * @param sampleUnit what one sample was
 * @param p          the two-sided p-value, NaN when untested
 * @param verdict    what the row says at the comparison's alpha
 * @param warnings   what limits this row's answer, each saying what to do about it
 * @param judgement  what the gate says about the row against the threshold ({@link Gate}); rows compared on their
 *                   own ({@link Comparisons#compareRows}) are inconclusive until judged with the others
 */
public record RowComparison(Result.Key key, ScoreUnit unit, Estimate oldSide, Estimate newSide,
                            SampleUnit sampleUnit, double p, Verdict verdict, List<String> warnings,
                            Judgement judgement) {

    /** Why a row compared on its own has no judgement yet. */
    static final String NOT_JUDGED = "not judged: the gate judges all rows of a comparison together";

    public RowComparison {
        warnings = List.copyOf(warnings);
        java.util.Objects.requireNonNull(judgement, "judgement");
    }

    /** A row not judged yet (see {@link #judgement}). */
    public RowComparison(Result.Key key, ScoreUnit unit, Estimate oldSide, Estimate newSide, SampleUnit sampleUnit,
                         double p, Verdict verdict, List<String> warnings) {
        this(key, unit, oldSide, newSide, sampleUnit, p, verdict, warnings, Judgement.untested(NOT_JUDGED));
    }

    /** This row with {@code judged} as its judgement. */
    public RowComparison judged(Judgement judged) {
        return new RowComparison(key, unit, oldSide, newSide, sampleUnit, p, verdict, warnings, judged);
    }

    /** The gate's decision: faster, slower, equivalent or inconclusive. */
    public Decision decision() {
        return judgement.decision();
    }

    /** Which way this row's unit improves. */
    public Direction direction() {
        return Direction.of(unit);
    }

    /** The relative change of the centre, {@code new / old - 1} (+0.20 for 20 % more). */
    public double change() {
        return newSide.centre() / oldSide.centre() - 1;
    }

    /** The change in cost terms ({@code > 0}: worse), comparable across time and rate units; NaN if unknown. */
    public double costChange() {
        return direction() == Direction.UNKNOWN ? Double.NaN
                : direction().costRatio(oldSide.centre(), newSide.centre()) - 1;
    }

    /**
     * Whether the gate found this row slower (worse) by more than the comparison's threshold ({@link Gate}). The
     * argument is kept for callers of the older form; the threshold is the one the row was judged against.
     */
    public boolean isRegression(double threshold) {
        return judgement.decision() == Decision.SLOWER;
    }
}
