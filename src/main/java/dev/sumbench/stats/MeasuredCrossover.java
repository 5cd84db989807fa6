package dev.sumbench.stats;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SortedMap;
import org.apache.commons.math3.distribution.TDistribution;

/**
 * From which size on a strategy beats the baseline, measured: the size where its speedup over the baseline crosses 1,
 * interpolated between the two measured sizes that bracket it, with a confidence interval over fork means.
 *
 * <p>"From which size on" is the last crossing: the largest measured size at which the speedup is at most 1 and the
 * next measured size above it (every size above that one is faster). The estimate interpolates log(speedup) linearly
 * in log(size) between the two; the interval is every size, between the smallest and the largest measured, at which
 * a t-test over the fork means cannot tell the interpolated speedup from 1 (the part of that set around the estimate).
 *
 * @param kind       what the measurements say
 * @param size       for {@link Kind#AT}, the estimated crossing; otherwise {@link Double#NaN}
 * @param lower      the interval's lower end; {@link Double#NaN} without an interval
 * @param upper      the interval's upper end; {@link Double#NaN} without an interval
 * @param lowerOpen  whether the interval reaches the smallest measured size (the crossing may lie below it)
 * @param upperOpen  whether the interval reaches the largest measured size (the crossing may lie above it)
 * @param bracket    for {@link Kind#AT}, the two measured sizes around the crossing; empty otherwise
 * @param confidence the interval's confidence, e.g. 0.95
 * @param points     the speedup at each measured size, with its interval
 * @param fewestForks the fewest forks behind any measured mean (the candidate's or the baseline's)
 * @param notes      why there is no interval, or what to read into it; empty when there is nothing to say
 */
public record MeasuredCrossover(Kind kind, double size, double lower, double upper, boolean lowerOpen,
                                boolean upperOpen, List<Long> bracket, double confidence, List<Point> points,
                                int fewestForks, List<Caveat> notes) {

    /* Implementation notes
     * The sampling unit is the fork: a fork's mean over its iterations is one observation, so the spread of fork means
     * carries both levels of variance (iterations within a JVM, and what differs between JVMs: JIT decisions, memory
     * layout, which core the pool threads land on). Iterations within a fork are not independent of each other and
     * are never pooled across forks.
     *
     * Estimate. log(speedup) = log(mean baseline) - log(mean candidate) is interpolated linearly in log(size), between
     * the bracketing sizes. Logs on both axes because the grid is geometric and a speedup of 2 and one of 1/2 are
     * the same distance from 1; and because the speedup of a hand-off model t(n) = h + n*c/w against n*c is close
     * to linear in log n around its crossing. The bisection (suite's CrossoverRefinement) narrows the bracket, and with
     * it the difference between this line and the true curve; the table names the bracket so that a wide one shows.
     *
     * Interval: test inversion (Fieller's idea, on the interpolated log speedup). At a size x between measured sizes
     * s_i and s_i+1, with weight w, the interpolated log speedup is (1-w) y_i + w y_i+1; each y is a difference of two
     * log means, with delta-method variance s^2 / (n m^2) per mean, independent across sizes and strategies (every
     * trial has its own forks). Its standard error and Welch-Satterthwaite degrees of freedom give a t-test of
     * "speedup = 1 at x"; the interval is the set of sizes where that test does not reject at 1 - confidence, once
     * the interpolation error is allowed for. That error is not noise: on a curved speedup (a hand-off h + n*c/w
     * against n*c bends most near its crossing) the chord between two sizes a factor 2 apart misses the curve by more
     * than a quiet machine's noise, and an interval of noise alone then covers the true crossing far less often than
     * it claims, the less often the quieter the machine. So the test accepts |y| up to t * se plus the chord's
     * largest error, curvature / 2 * (x - x_i) * (x_i+1 - x), with the curvature bounded by the second divided
     * differences of the neighbouring sizes. MeasuredCrossoverTest checks the coverage by seeded simulations: a
     * log-linear speedup, and a hand-off curve at 1, 2 and 5 % fork CV.
     * Rejected: a percentile bootstrap over fork means. With 5 forks a side a resample has at most 126 distinct
     * means, and a percentile interval uses the plug-in variance (divided by n, not n - 1) and normal-like quantiles
     * where Student's are due: at 5 forks it is too narrow, the known small-sample failure of the percentile
     * bootstrap. The t-inversion is exact for normal fork means, is checked for coverage, and needs no seed.
     * Fewer than MIN_FORKS forks behind any mean: no interval, said in words (the t quantile at 1 degree of freedom is
     * 12.7: such an interval spans the grid and would only look like an answer). */

    /** Fewest forks per mean for an interval: see the implementation notes. */
    public static final int MIN_FORKS = Samples.MIN_FORKS;
    /** The interval's confidence. */
    public static final double CONFIDENCE = 0.95;
    /** Steps per measured segment when scanning for the interval's ends (a resolution of 0.25 % of the segment). */
    private static final int SCAN_STEPS = 400;

    /** What the measurements say. */
    public enum Kind {
        /** Faster from {@code size} on. */
        AT,
        /** Faster at every measured size: the crossing lies below the smallest. */
        BELOW_SMALLEST,
        /** Not faster at the largest measured size: no crossing within the sizes measured. */
        NOT_REACHED
    }

    /**
     * The speedup at one measured size.
     *
     * @param size    elements
     * @param speedup baseline mean ÷ candidate mean
     * @param lower   its interval's lower end ({@link Double#NaN} with too few forks)
     * @param upper   its interval's upper end ({@link Double#NaN} with too few forks)
     */
    public record Point(long size, double speedup, double lower, double upper) {
    }

    public MeasuredCrossover {
        bracket = List.copyOf(bracket);
        points = List.copyOf(points);
    }

    /** Whether there is an interval. */
    public boolean hasInterval() {
        return !Double.isNaN(lower);
    }

    /**
     * The crossover of {@code candidate} against {@code baseline}: per size, the time per call of each fork (its mean
     * over its iterations), in the same unit for both. Sizes that only one side has are ignored.
     *
     * @return empty when fewer than two sizes have both sides
     */
    public static java.util.Optional<MeasuredCrossover> of(SortedMap<Long, double[]> candidate,
                                                           SortedMap<Long, double[]> baseline) {
        List<Cell> cells = new ArrayList<>();
        for (Map.Entry<Long, double[]> entry : candidate.entrySet()) {
            double[] base = baseline.get(entry.getKey());
            if (base != null && base.length > 0 && entry.getValue().length > 0) {
                cells.add(Cell.of(entry.getKey(), entry.getValue(), base));
            }
        }
        if (cells.size() < 2) {
            return java.util.Optional.empty();
        }
        int fewest = cells.stream().mapToInt(c -> Math.min(c.nCandidate, c.nBaseline)).min().orElseThrow();
        boolean interval = fewest >= MIN_FORKS;
        List<Point> points = new ArrayList<>();
        for (Cell cell : cells) {
            double half = interval ? cell.halfWidth(CONFIDENCE) : Double.NaN;
            points.add(new Point(cell.size, Math.exp(cell.y), Math.exp(cell.y - half), Math.exp(cell.y + half)));
        }
        List<Caveat> fewForks = interval ? List.of() : List.of(Caveat.of(Caveat.Code.FEW_FORKS_PER_MEAN, fewest,
                MIN_FORKS));
        int last = lastAtMostOne(cells);
        if (last < 0) {
            Point smallest = points.get(0);
            boolean atPar = interval && smallest.lower() <= 1;
            return java.util.Optional.of(new MeasuredCrossover(Kind.BELOW_SMALLEST, Double.NaN, Double.NaN,
                    Double.NaN, false, false, List.of(), CONFIDENCE, points, fewest,
                    join(fewForks, Caveat.of(atPar ? Caveat.Code.AT_PAR_AT_SMALLEST : Caveat.Code.FASTER_EVERYWHERE))));
        }
        if (last == cells.size() - 1) {
            return java.util.Optional.of(new MeasuredCrossover(Kind.NOT_REACHED, Double.NaN, Double.NaN,
                    Double.NaN, false, false, List.of(), CONFIDENCE, points, fewest,
                    join(fewForks, Caveat.of(Caveat.Code.NOT_FASTER_AT_LARGEST))));
        }
        if (interval && points.subList(last + 1, points.size()).stream().noneMatch(p -> p.lower() > 1)) {
            // faster above the last crossing only within noise: a strategy that sums small ranges in the caller
            // is at par there, and a crossing interpolated between two at-par sizes would be noise, not an answer
            return java.util.Optional.of(new MeasuredCrossover(Kind.NOT_REACHED, Double.NaN, Double.NaN,
                    Double.NaN, false, false, List.of(), CONFIDENCE, points, fewest,
                    List.of(Caveat.of(Caveat.Code.AT_PAR_ABOVE, cells.get(last).size))));
        }
        Cell lo = cells.get(last);
        Cell hi = cells.get(last + 1);
        double w = -lo.y / (hi.y - lo.y);
        double x = lo.x + w * (hi.x - lo.x);
        double size = Math.exp(x);
        if (!interval) {
            return java.util.Optional.of(new MeasuredCrossover(Kind.AT, size, Double.NaN, Double.NaN, false, false,
                    List.of(lo.size, hi.size), CONFIDENCE, points, fewest, fewForks));
        }
        double lower = scan(cells, last, w, -1);
        double upper = scan(cells, last, w, +1);
        boolean lowerOpen = lower <= cells.get(0).x;
        boolean upperOpen = upper >= cells.get(cells.size() - 1).x;
        List<Caveat> notes = lowerOpen ? List.of(Caveat.of(Caveat.Code.AT_PAR_DOWN_TO_SMALLEST)) : List.of();
        return java.util.Optional.of(new MeasuredCrossover(Kind.AT, size, Math.exp(lower), Math.exp(upper),
                lowerOpen, upperOpen, List.of(lo.size, hi.size), CONFIDENCE, points, fewest, notes));
    }

    /** The index of the largest size whose speedup is at most 1, or -1. */
    static int lastAtMostOne(List<Cell> cells) {
        for (int i = cells.size() - 1; i >= 0; i--) {
            if (cells.get(i).y <= 0) {
                return i;
            }
        }
        return -1;
    }

    /**
     * Walks from the estimate (segment {@code segment}, weight {@code w}) in {@code direction} while the test does not
     * reject; returns the log size of the last accepted point, or the end of the measured range.
     */
    private static double scan(List<Cell> cells, int segment, double w, int direction) {
        int i = segment;
        double step = 1.0 / SCAN_STEPS;
        double weight = w;
        double accepted = cells.get(i).x + weight * (cells.get(i + 1).x - cells.get(i).x);
        while (true) {
            weight += direction * step;
            if (weight < 0) {
                if (i == 0) {
                    return cells.get(0).x;
                }
                i--;
                weight += 1;
            } else if (weight > 1) {
                if (i + 1 == cells.size() - 1) {
                    return cells.get(cells.size() - 1).x;
                }
                i++;
                weight -= 1;
            }
            if (!accepts(cells.get(i), cells.get(i + 1), weight, curvature(cells, i))) {
                return accepted;
            }
            accepted = cells.get(i).x + weight * (cells.get(i + 1).x - cells.get(i).x);
        }
    }

    /**
     * A bound on |f''|, the curvature of log speedup in log size, around segment {@code i}: the largest second
     * divided difference (times 2) of the triples of measured sizes that include the segment; 0 with only its two
     * sizes. Its noise only widens the bound.
     */
    static double curvature(List<Cell> cells, int i) {
        double largest = 0;
        for (int first = Math.max(0, i - 1); first <= Math.min(i, cells.size() - 3); first++) {
            Cell a = cells.get(first);
            Cell b = cells.get(first + 1);
            Cell c = cells.get(first + 2);
            double left = (b.y - a.y) / (b.x - a.x);
            double right = (c.y - b.y) / (c.x - b.x);
            largest = Math.max(largest, Math.abs(2 * (right - left) / (c.x - a.x)));
        }
        return largest;
    }

    /**
     * Whether the t-test of "interpolated speedup = 1" at weight {@code w} between {@code a} and {@code b} accepts,
     * allowing for the interpolation error: a chord of a curve with |f''| at most {@code curvature} lies within
     * {@code curvature / 2 * (x - a.x) * (b.x - x)} of it.
     */
    static boolean accepts(Cell a, Cell b, double w, double curvature) {
        double y = (1 - w) * a.y + w * b.y;
        double[] parts = {sq(1 - w) * a.varCandidate, sq(1 - w) * a.varBaseline, sq(w) * b.varCandidate,
                sq(w) * b.varBaseline};
        int[] n = {a.nCandidate, a.nBaseline, b.nCandidate, b.nBaseline};
        double variance = 0;
        double denominator = 0;
        for (int k = 0; k < parts.length; k++) {
            variance += parts[k];
            if (parts[k] > 0) {
                denominator += sq(parts[k]) / (n[k] - 1);
            }
        }
        double width = b.x - a.x;
        double interpolation = curvature / 2 * (w * width) * ((1 - w) * width);
        if (variance == 0) {
            return Math.abs(y) <= interpolation;
        }
        double df = sq(variance) / denominator;
        double t = new TDistribution(null, df).inverseCumulativeProbability(1 - (1 - CONFIDENCE) / 2);
        return Math.abs(y) <= t * Math.sqrt(variance) + interpolation;
    }

    private static double sq(double v) {
        return v * v;
    }

    private static List<Caveat> join(List<Caveat> first, Caveat then) {
        List<Caveat> all = new ArrayList<>(first);
        all.add(then);
        return all;
    }

    /** One measured size: log size, log speedup and the delta-method variance of each side's log mean. */
    static final class Cell {
        final long size;
        final double x;
        final double y;
        final double varCandidate;
        final double varBaseline;
        final int nCandidate;
        final int nBaseline;

        private Cell(long size, double y, double varCandidate, double varBaseline, int nCandidate, int nBaseline) {
            this.size = size;
            this.x = Math.log(size);
            this.y = y;
            this.varCandidate = varCandidate;
            this.varBaseline = varBaseline;
            this.nCandidate = nCandidate;
            this.nBaseline = nBaseline;
        }

        static Cell of(long size, double[] candidate, double[] baseline) {
            double mc = mean(candidate);
            double mb = mean(baseline);
            return new Cell(size, Math.log(mb) - Math.log(mc), logMeanVariance(candidate, mc),
                    logMeanVariance(baseline, mb), candidate.length, baseline.length);
        }

        /** t half-width of this size's log speedup. */
        double halfWidth(double confidence) {
            double variance = varCandidate + varBaseline;
            double denominator = (varCandidate > 0 ? sq(varCandidate) / (nCandidate - 1) : 0)
                    + (varBaseline > 0 ? sq(varBaseline) / (nBaseline - 1) : 0);
            if (variance == 0 || nCandidate < 2 || nBaseline < 2) {
                return 0;
            }
            double df = sq(variance) / denominator;
            return new TDistribution(null, df).inverseCumulativeProbability(1 - (1 - confidence) / 2)
                    * Math.sqrt(variance);
        }

        private static double mean(double[] values) {
            double sum = 0;
            for (double v : values) {
                sum += v;
            }
            return sum / values.length;
        }

        /** Delta method: var(log mean) = s^2 / (n m^2); 0 for a single fork. */
        private static double logMeanVariance(double[] values, double mean) {
            if (values.length < 2) {
                return 0;
            }
            double ss = 0;
            for (double v : values) {
                ss += (v - mean) * (v - mean);
            }
            return ss / (values.length - 1) / values.length / (mean * mean);
        }
    }

    /** {@code ≈ 70 000 [52 000, 91 000]}-style text is the report's; this is a plain one for logs and tests. */
    @Override
    public String toString() {
        return kind + " " + String.format(Locale.ROOT, "%.0f", size) + " [" + String.format(Locale.ROOT, "%.0f", lower)
                + (lowerOpen ? "-" : "") + ", " + String.format(Locale.ROOT, "%.0f", upper) + (upperOpen ? "+" : "")
                + "] " + notes;
    }
}
