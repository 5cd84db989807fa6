package dev.sumbench.stats;

import dev.sumbench.results.Metric;
import dev.sumbench.results.ScoreUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * A measured value with its interval. With raw data from at least {@link Samples#MIN_FORKS} forks the interval is over
 * fork means, the sampling unit, at {@link #FORK_CONFIDENCE}: Student's t over the logs of the fork means, so that it
 * holds the fork-to-fork variance as well as the iterations' (Kalibera and Jones). With raw data from fewer forks
 * there is no interval, and a warning says so. Without raw data (JMH CSV) it is JMH's own interval (Student's
 * t over all iterations of all forks, at {@code confidence}), with a warning that it treats iterations as independent.
 *
 * @param center     the score
 * @param lo         the lower end of the interval ({@link Double#NaN} when there is none)
 * @param hi         the upper end ({@link Double#NaN} when there is none)
 * @param confidence the interval's confidence, e.g. 0.999
 * @param n          the samples behind it
 * @param warnings   what makes the value less trustworthy
 * @param forkMeans  each fork's mean in the same unit, when the interval is over forks; else empty
 */
public record Summary(double center, double lo, double hi, double confidence, long n, List<Caveat> warnings,
                      List<Double> forkMeans) {

    /* Implementation notes
     * JMH's own interval (99.9 % over every iteration of every fork) treats iterations as independent, which they are
     * not within a fork: with 5 % fork-to-fork noise it covers the true value far less often than it claims. So with
     * raw data the interval is over fork means. The log scale keeps it positive and lets a throughput turn into a time
     * per operation by inverting each fork's mean: the interval of log(time) is minus that of log(rate). 95 % rather
     * than JMH's 99.9 %: with 5 forks, t at 99.9 % is 8.6 against 2.8, an interval too wide to tell anything apart;
     * 95 % is Kalibera and Jones' level too. 2 forks would give t on 1 degree of freedom (12.7): no interval instead.
     * Without raw data (CSV), JMH's interval is kept, with a warning; a throughput's interval is then inverted at its
     * ends (they swap, and a lower end at or below zero becomes an unbounded upper end). */

    /** Intervals wider than this share of the score get a warning. */
    public static final double WIDE_INTERVAL = 0.10;
    /** The confidence of intervals over fork means. */
    public static final double FORK_CONFIDENCE = 0.95;

    public Summary {
        warnings = List.copyOf(warnings);
        forkMeans = List.copyOf(forkMeans);
    }

    /** A summary without fork means: JMH's interval, or none. */
    public Summary(double center, double lo, double hi, double confidence, long n, List<Caveat> warnings) {
        this(center, lo, hi, confidence, n, warnings, List.of());
    }

    /** Whether the interval is over fork means (and {@link #forkMeans} holds them). */
    public boolean overForks() {
        return forkMeans.size() >= Samples.MIN_FORKS;
    }

    /** A value without an interval. */
    public static Summary exact(double value) {
        return new Summary(value, value, value, 1.0, 1, List.of());
    }

    /** The metric's score and its interval (see the class comment), in the metric's own unit. */
    public static Summary of(Metric metric) {
        if (metric.hasRawData() && Samples.usable(metric)) {
            return overForks(metric.score(), Samples.forkMeans(metric));
        }
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
        if (metric.hasRawData() && Samples.usable(metric)) {
            double[] forks = Samples.forkMeans(metric);
            double[] nanos = new double[forks.length];
            for (int i = 0; i < forks.length; i++) {
                nanos[i] = unit.toNanosPerOp(forks[i]);
            }
            return overForks(unit.toNanosPerOp(metric.score()), nanos);
        }
        double score = metric.score();
        double error = metric.error();
        List<Caveat> warnings = warnings(score, error, metric.samples());
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

    /** {@code center} with the log-t interval over {@code forks} (means per fork, same unit), or none below 3. */
    public static Summary overForks(double center, double[] forks) {
        List<Double> means = java.util.Arrays.stream(forks).boxed().toList();
        List<Caveat> warnings = new ArrayList<>();
        if (forks.length < Samples.MIN_FORKS) {
            warnings.add(Caveat.of(Caveat.Code.FEW_FORKS, forks.length, Samples.MIN_FORKS));
            return new Summary(center, Double.NaN, Double.NaN, FORK_CONFIDENCE, forks.length, warnings, means);
        }
        double[] logs = new double[forks.length];
        for (int i = 0; i < forks.length; i++) {
            if (!(forks[i] > 0)) {
                warnings.add(Caveat.of(Caveat.Code.NONPOSITIVE_FORK_MEAN));
                return new Summary(center, Double.NaN, Double.NaN, FORK_CONFIDENCE, forks.length, warnings, List.of());
            }
            logs[i] = Math.log(forks[i]);
        }
        double sd = new org.apache.commons.math3.stat.descriptive.moment.StandardDeviation().evaluate(logs);
        double half = Estimate.criticalT(forks.length - 1, FORK_CONFIDENCE) * sd / Math.sqrt(forks.length);
        double lo = center * Math.exp(-half);
        double hi = center * Math.exp(half);
        if ((hi - lo) / 2 / Math.abs(center) > WIDE_INTERVAL) {
            warnings.add(Caveat.of(Caveat.Code.WIDE_FORK_INTERVAL, (hi - lo) / 2 / Math.abs(center)));
        }
        return new Summary(center, lo, hi, FORK_CONFIDENCE, forks.length, warnings, means);
    }

    private static List<Caveat> warnings(double score, double error, long samples) {
        List<Caveat> warnings = new ArrayList<>();
        if (Double.isNaN(error)) {
            warnings.add(Caveat.of(Caveat.Code.FEW_SAMPLES, samples));
        } else if (score != 0 && Math.abs(error / score) > WIDE_INTERVAL) {
            warnings.add(Caveat.of(Caveat.Code.WIDE_INTERVAL, Math.abs(error / score)));
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
        return new Summary(center * factor, lo * factor, hi * factor, confidence, n, warnings,
                forkMeans.stream().map(v -> v * factor).toList());
    }
}
