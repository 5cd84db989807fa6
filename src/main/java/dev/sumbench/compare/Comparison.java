package dev.sumbench.compare;

import dev.sumbench.results.Result;
import java.util.List;

/**
 * Two runs compared row by row, as {@code sumbench compare} reports them.
 *
 * @param alpha     the significance level the verdicts use
 * @param threshold the smallest significant worsening that counts as a regression (0.05 for 5 %)
 * @param rows      the matched rows, in the old run's order
 * @param onlyOld   rows only the old run has
 * @param onlyNew   rows only the new run has
 * @param geoMean   the geometric mean over the matched rows, or {@code null} when none qualifies
 * @param notices   what limits the whole comparison (metadata that differs, rows not compared, ...), as codes
 */
public record Comparison(double alpha, double threshold, List<RowComparison> rows, List<Result.Key> onlyOld,
                         List<Result.Key> onlyNew, GeoMean geoMean, List<Notice> notices) {

    public Comparison {
        rows = List.copyOf(rows);
        onlyOld = List.copyOf(onlyOld);
        onlyNew = List.copyOf(onlyNew);
        notices = List.copyOf(notices);
    }

    /** The rows the gate found slower by more than the threshold: what makes {@code compare} exit with 3. */
    public List<RowComparison> regressions() {
        return decided(Decision.SLOWER);
    }

    /** The rows that ended as {@code decision}. */
    public List<RowComparison> decided(Decision decision) {
        return rows.stream().filter(r -> r.decision() == decision).toList();
    }

    /** The rows the gate could not decide (too few forks, no raw data, too noisy): never a silent pass. */
    public List<RowComparison> inconclusive() {
        return decided(Decision.INCONCLUSIVE);
    }
}
