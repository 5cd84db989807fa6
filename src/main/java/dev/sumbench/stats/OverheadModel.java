package dev.sumbench.stats;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.ArrayRealVector;
import org.apache.commons.math3.linear.QRDecomposition;
import org.apache.commons.math3.linear.RealMatrix;
import org.apache.commons.math3.linear.RealVector;
import org.apache.commons.math3.linear.SingularMatrixException;

/**
 * The cost of one call as a line over the input size: {@code time(n) = fixed + perElement * n}, fitted by weighted
 * least squares over measured (size, time) points.
 *
 * @param fixedNanos      the fixed cost of a call in nanoseconds (hand-off, start-up, joining): the intercept
 * @param perElementNanos the cost of each element in nanoseconds: the slope
 * @param rSquared        the weighted coefficient of determination (1 is a perfect line)
 * @param points          the points fitted
 * @param warnings        what makes the model less trustworthy
 */
public record OverheadModel(double fixedNanos, double perElementNanos, double rSquared, List<Point> points,
                            List<Caveat> warnings) {

    /* Implementation notes
     * Sizes span several decades (10 .. 10^7) and so do times. Ordinary least squares would let the largest size
     * decide the line: its absolute residuals dwarf the rest, and the fixed cost (the intercept, which the small
     * sizes measure) comes out as noise, often negative. Weighting each point by 1/time^2 minimises the relative
     * residuals instead, so that every size counts alike; JMH's errors are roughly proportional to the score, which
     * is what this weighting assumes. The weighted problem is solved as an ordinary one on rows divided by time,
     * with Commons Math's QR decomposition (numerically safer than the normal equations). R^2 is the weighted one:
     * 1 - sum w (t - fit)^2 / sum w (t - weighted mean)^2. Two sizes give an exact line (R^2 = 1) and say nothing
     * about linearity: a warning says so. */

    /** Below this R^2 the line is a poor description of the measurements and gets a warning. */
    public static final double POOR_FIT = 0.9;

    /**
     * One measurement: a size and the time of one call at that size.
     *
     * @param size  the number of elements
     * @param nanos the time per call in nanoseconds
     */
    public record Point(double size, double nanos) {
    }

    public OverheadModel {
        points = List.copyOf(points);
        warnings = List.copyOf(warnings);
    }

    /**
     * Fits the line to {@code points}; empty when fewer than two distinct sizes with positive times are given.
     */
    public static Optional<OverheadModel> fit(List<Point> points) {
        List<Point> usable = points.stream().filter(p -> p.nanos() > 0 && Double.isFinite(p.nanos())
                && p.size() >= 0).sorted(Comparator.comparingDouble(Point::size)).toList();
        long distinctSizes = usable.stream().mapToDouble(Point::size).distinct().count();
        if (distinctSizes < 2) {
            return Optional.empty();
        }
        int n = usable.size();
        RealMatrix design = new Array2DRowRealMatrix(n, 2);
        RealVector target = new ArrayRealVector(n);
        for (int i = 0; i < n; i++) {
            Point p = usable.get(i);
            design.setEntry(i, 0, 1 / p.nanos());
            design.setEntry(i, 1, p.size() / p.nanos());
            target.setEntry(i, 1);
        }
        RealVector solution;
        try {
            solution = new QRDecomposition(design).getSolver().solve(target);
        } catch (SingularMatrixException e) {
            return Optional.empty();
        }
        double fixed = solution.getEntry(0);
        double perElement = solution.getEntry(1);
        double rSquared = weightedRSquared(usable, fixed, perElement);
        List<Caveat> warnings = new ArrayList<>();
        if (distinctSizes == 2) {
            warnings.add(Caveat.of(Caveat.Code.TWO_SIZES));
        } else if (rSquared < POOR_FIT) {
            warnings.add(Caveat.of(Caveat.Code.POOR_FIT, rSquared));
        }
        if (fixed < 0) {
            warnings.add(Caveat.of(Caveat.Code.NEGATIVE_FIXED_COST));
        }
        return Optional.of(new OverheadModel(fixed, perElement, rSquared, usable, warnings));
    }

    private static double weightedRSquared(List<Point> points, double fixed, double perElement) {
        double weightSum = 0;
        double weightedTimeSum = 0;
        for (Point p : points) {
            double w = 1 / (p.nanos() * p.nanos());
            weightSum += w;
            weightedTimeSum += w * p.nanos();
        }
        double mean = weightedTimeSum / weightSum;
        double residual = 0;
        double total = 0;
        for (Point p : points) {
            double w = 1 / (p.nanos() * p.nanos());
            double fitted = fixed + perElement * p.size();
            residual += w * (p.nanos() - fitted) * (p.nanos() - fitted);
            total += w * (p.nanos() - mean) * (p.nanos() - mean);
        }
        return total == 0 ? 1 : 1 - residual / total;
    }

    /** The predicted time of one call at {@code size}, in nanoseconds. */
    public double predict(double size) {
        return fixedNanos + perElementNanos * size;
    }

    /** The largest size that was measured. */
    public double largestSize() {
        return points.get(points.size() - 1).size();
    }

    /** From which size on this model's calls are faster than {@code baseline}'s. */
    public Crossover crossoverAgainst(OverheadModel baseline) {
        return Crossover.between(this, baseline);
    }
}
