package dev.sumbench.stats;

import dev.sumbench.results.Metric;
import dev.sumbench.results.ScoreUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A measured value with its interval: JMH's score and the interval JMH computed around it (Student's t over all
 * iterations of all forks, at {@code confidence}).
 *
 * @param center     the score
 * @param lo         the lower end of the interval ({@link Double#NaN} when there is none)
 * @param hi         the upper end ({@link Double#NaN} when there is none)
 * @param confidence the interval's confidence, e.g. 0.999
 * @param n          the samples behind it
 * @param warnings   what makes the value less trustworthy, each saying what to do about it
 */
public record Summary(double center, double lo, double hi, double confidence, long n, List<String> warnings) {

    /* Implementation notes
     * JMH already computes a t-interval at 99.9 % over every iteration of every fork; recomputing one from raw data
     * would give the same numbers (JMH's own iterations are not independent either), so the summary keeps JMH's.
     * A throughput is turned into time per operation by inverting the score and both ends of the interval; the ends
     * swap, and a lower end at or below zero becomes an unbounded upper end. */

    /** Intervals wider than this share of the score get a warning. */
    public static final double WIDE_INTERVAL = 0.10;

    public Summary {
        warnings = List.copyOf(warnings);
    }

    /** A value without an interval. */
    public static Summary exact(double value) {
        return new Summary(value, value, value, 1.0, 1, List.of());
    }

    /** The metric's score and JMH's interval, in the metric's own unit. */
    public static Summary of(Metric metric) {
        double error = metric.error();
        boolean hasError = !Double.isNaN(error);
        return new Summary(metric.score(), hasError ? metric.score() - error : Double.NaN,
                hasError ? metric.score() + error : Double.NaN, metric.confidence(), metric.samples(),
                warnings(metric.score(), error, metric.samples()));
    }

    /**
     * The metric as nanoseconds per operation, whatever its time or throughput unit.
     *
     * @throws IllegalArgumentException if the unit is neither a time per op nor an op per time
     */
    public static Summary nanosPerOp(Metric metric) {
        ScoreUnit unit = metric.scoreUnit();
        if (!unit.isTime()) {
            throw new IllegalArgumentException("not a time or throughput unit: " + metric.unit());
        }
        double score = metric.score();
        double error = metric.error();
        List<String> warnings = warnings(score, error, metric.samples());
        if (Double.isNaN(error)) {
            return new Summary(unit.toNanosPerOp(score), Double.NaN, Double.NaN, metric.confidence(),
                    metric.samples(), warnings);
        }
        if (unit.kind() == ScoreUnit.Kind.TIME_PER_OP) {
            return new Summary(unit.toNanosPerOp(score), unit.toNanosPerOp(Math.max(0, score - error)),
                    unit.toNanosPerOp(score + error), metric.confidence(), metric.samples(), warnings);
        }
        double fewestOps = score - error;
        double hi = fewestOps <= 0 ? Double.POSITIVE_INFINITY : unit.toNanosPerOp(fewestOps);
        return new Summary(unit.toNanosPerOp(score), unit.toNanosPerOp(score + error), hi, metric.confidence(),
                metric.samples(), warnings);
    }

    private static List<String> warnings(double score, double error, long samples) {
        List<String> warnings = new ArrayList<>();
        if (Double.isNaN(error)) {
            warnings.add("no interval from " + samples + " sample" + (samples == 1 ? "" : "s")
                    + ": JMH needs 3 or more; run more iterations or forks");
        } else if (score != 0 && Math.abs(error / score) > WIDE_INTERVAL) {
            warnings.add(String.format(Locale.ROOT, "interval is ±%.0f%% of the score: run more forks or iterations, "
                    + "on a quiet machine", 100 * Math.abs(error / score)));
        }
        return warnings;
    }

    /** Whether there is an interval. */
    public boolean hasInterval() {
        return !Double.isNaN(lo) && !Double.isNaN(hi);
    }

    /** Half the interval's width relative to the center (0.05 for ±5 %), {@link Double#NaN} without an interval. */
    public double relativeHalfWidth() {
        return hasInterval() && center != 0 ? (hi - lo) / 2 / Math.abs(center) : Double.NaN;
    }

    /** This summary scaled by a positive factor (a unit conversion). */
    public Summary times(double factor) {
        return new Summary(center * factor, lo * factor, hi * factor, confidence, n, warnings);
    }
}
