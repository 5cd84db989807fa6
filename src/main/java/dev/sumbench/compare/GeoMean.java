package dev.sumbench.compare;

import dev.sumbench.results.ScoreUnit;
import dev.sumbench.stats.Direction;
import java.util.List;

/**
 * The geometric mean over the compared rows, as benchstat's last line: one figure for "overall".
 *
 * @param rows      the rows it averages (matched, tested or not, with positive centres and a known direction)
 * @param unit      the unit of all of them, or {@code null} when they differ (then only the change is meaningful)
 * @param oldCentre geometric mean of the old centres (NaN when the units differ)
 * @param newCentre geometric mean of the new centres (NaN when the units differ)
 * @param change    the geometric mean of the rows' changes as ratios ({@link RowComparison#change}), minus 1, in the
 *                  rows' own sense when they all share a direction, else in cost terms (time: &gt; 0 is slower)
 * @param direction the direction {@code change} is read in
 */
public record GeoMean(int rows, ScoreUnit unit, double oldCentre, double newCentre, double change,
                      Direction direction) {

    /**
     * The geometric mean of {@code compared}; {@code null} when no row qualifies.
     *
     * <p>Rows of one direction average {@code new / old}. Rows of both directions (time and throughput mixed) average
     * the cost ratio instead ({@link Direction#costRatio}), so that a 20 % slowdown counts the same in either kind,
     * and the result is read as time: lower is better.
     */
    public static GeoMean of(List<RowComparison> compared) {
        List<RowComparison> usable = compared.stream()
                .filter(r -> r.direction() != Direction.UNKNOWN)
                .filter(r -> r.oldSide().center() > 0 && r.newSide().center() > 0 && r.change() > -1)
                .toList();
        if (usable.isEmpty()) {
            return null;
        }
        boolean oneDirection = usable.stream().map(r -> r.direction()).distinct().count() == 1;
        boolean oneUnit = usable.stream().map(r -> r.unit().text()).distinct().count() == 1;
        double logOld = 0;
        double logNew = 0;
        double logRatio = 0;
        for (RowComparison row : usable) {
            logOld += Math.log(row.oldSide().center());
            logNew += Math.log(row.newSide().center());
            logRatio += Math.log(oneDirection ? 1 + row.change() : 1 + row.costChange());
        }
        int count = usable.size();
        Direction direction = oneDirection ? usable.get(0).direction() : Direction.LOWER_IS_BETTER;
        return new GeoMean(count, oneUnit ? usable.get(0).unit() : null,
                oneUnit ? Math.exp(logOld / count) : Double.NaN, oneUnit ? Math.exp(logNew / count) : Double.NaN,
                Math.exp(logRatio / count) - 1, direction);
    }
}
