package dev.sumbench.stats;

import dev.sumbench.results.Metric;
import org.apache.commons.math3.distribution.TDistribution;

/**
 * A centre with a confidence interval: the mean of the samples and Student's t interval around it.
 *
 * @param centre     the mean
 * @param lo         lower end of the interval ({@link Double#NaN} when it cannot be computed: one sample)
 * @param hi         upper end of the interval
 * @param confidence the interval's confidence, e.g. 0.95
 * @param n          the number of samples behind it
 */
public record Estimate(double centre, double lo, double hi, double confidence, long n) {

    /** JMH's default confidence for its error, used when a source does not say. */
    static final double JMH_DEFAULT_CONFIDENCE = 0.999;

    /** The mean of {@code values} with a t interval at {@code confidence}. */
    public static Estimate ofSamples(double[] values, double confidence) {
        int n = values.length;
        if (n == 0) {
            throw new IllegalArgumentException("no samples");
        }
        double mean = 0;
        for (double v : values) {
            mean += v;
        }
        mean /= n;
        if (n < 2) {
            return new Estimate(mean, Double.NaN, Double.NaN, confidence, n);
        }
        double squares = 0;
        for (double v : values) {
            squares += (v - mean) * (v - mean);
        }
        double sd = Math.sqrt(squares / (n - 1));
        return ofMoments(mean, sd, n, confidence);
    }

    /**
     * A metric's score with an interval at {@code confidence}: over fork means when there are at least
     * {@link Samples#MIN_FORKS} forks, else over iterations (the caller says so: {@link #overForks}); without usable raw
     * data, from JMH's error.
     */
    public static Estimate ofMetric(Metric metric, double confidence) {
        if (Samples.usable(metric)) {
            return ofSamples(overForks(metric) ? Samples.forkMeans(metric) : Samples.iterations(metric), confidence);
        }
        // JMH's error is t(1 - (1 - c) / 2, n - 1) * sd / sqrt(n) over all iterations: invert it for sd
        double jmhConfidence = metric.confidence() > 0 && metric.confidence() < 1 ? metric.confidence()
                : JMH_DEFAULT_CONFIDENCE;
        long n = metric.samples();
        double error = metric.error();
        double sd = n < 2 || !Double.isFinite(error) ? Double.NaN
                : error * Math.sqrt(n) / criticalT(n - 1, jmhConfidence);
        return ofMoments(metric.score(), sd, n, confidence);
    }

    /** Whether {@link #ofMetric} takes {@code metric}'s interval over fork means. */
    public static boolean overForks(Metric metric) {
        return Samples.usable(metric) && Samples.forkMeans(metric).length >= Samples.MIN_FORKS;
    }

    /** The t interval of a mean at {@code confidence} from its standard deviation {@code sd} over {@code n} samples. */
    public static Estimate ofMoments(double mean, double sd, long n, double confidence) {
        if (n < 2 || Double.isNaN(sd)) {
            return new Estimate(mean, Double.NaN, Double.NaN, confidence, n);
        }
        double halfWidth = criticalT(n - 1, confidence) * sd / Math.sqrt(n);
        return new Estimate(mean, mean - halfWidth, mean + halfWidth, confidence, n);
    }

    /** Student's t quantile for a two-sided interval at {@code confidence} with {@code degrees} degrees of freedom. */
    static double criticalT(double degrees, double confidence) {
        return new TDistribution(null, degrees).inverseCumulativeProbability(1 - (1 - confidence) / 2);
    }

    /** Half the interval's width relative to the centre (0.03 for ±3 %), or NaN without an interval. */
    public double relativeHalfWidth() {
        return (hi - lo) / 2 / Math.abs(centre);
    }

    /** Whether the interval could be computed. */
    public boolean hasInterval() {
        return !Double.isNaN(lo) && !Double.isNaN(hi);
    }

    /** This estimate with every value multiplied by {@code factor} (a unit conversion). */
    public Estimate scaled(double factor) {
        double a = lo * factor;
        double b = hi * factor;
        return new Estimate(centre * factor, Math.min(a, b), Math.max(a, b), confidence, n);
    }
}
