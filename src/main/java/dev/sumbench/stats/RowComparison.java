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
 */
public record RowComparison(Result.Key key, ScoreUnit unit, Estimate oldSide, Estimate newSide,
                            SampleUnit sampleUnit, double p, Verdict verdict, List<String> warnings) {

    public RowComparison {
        warnings = List.copyOf(warnings);
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

    /** Whether this row is significantly worse by more than {@code threshold} (0.05 for 5 %) in its own unit. */
    public boolean isRegression(double threshold) {
        return verdict == Verdict.WORSE && Math.abs(change()) > threshold;
    }
}
