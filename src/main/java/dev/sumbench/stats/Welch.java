package dev.sumbench.stats;

import org.apache.commons.math3.distribution.NormalDistribution;
import org.apache.commons.math3.distribution.RealDistribution;
import org.apache.commons.math3.distribution.TDistribution;

/**
 * Welch's statistics of the difference of two means, {@code mean(y) - mean(x)}, from the samples themselves: its
 * standard error and the Welch–Satterthwaite degrees of freedom, with the tails and quantiles of Student's t on those
 * degrees. The comparison's gate uses it on the logs of fork means; the tables' speedup intervals too.
 *
 * @param difference {@code mean(y) - mean(x)}
 * @param se         its standard error
 * @param df         the Welch–Satterthwaite degrees of freedom; infinite for a standard error that is known (assumed)
 *                   rather than estimated, which makes the tails and quantiles the normal ones
 */
public record Welch(double difference, double se, double df) {

    /*
     * Implementation notes. Commons Math's TTest gives the p-value of a zero difference but neither a shifted null
     * (the gate tests against log(1 + threshold)) nor the interval, so the few lines are written here; GateTest checks
     * them against scipy's ttest_ind(equal_var=False).
     */

    /** Welch's statistics of {@code mean(y) - mean(x)}; each side needs at least 2 samples. */
    public static Welch of(double[] x, double[] y) {
        if (x.length < 2 || y.length < 2) {
            throw new IllegalArgumentException("Welch needs >= 2 samples a side, got " + x.length + "+" + y.length);
        }
        double mx = mean(x);
        double my = mean(y);
        double a = variance(x, mx) / x.length;
        double b = variance(y, my) / y.length;
        double se = Math.sqrt(a + b);
        double df = a + b == 0 ? x.length + y.length - 2
                : (a + b) * (a + b) / (a * a / (x.length - 1) + b * b / (y.length - 1));
        return new Welch(my - mx, se, df);
    }

    /** P(a difference this large or larger | the true difference is {@code at}). */
    public double upperTail(double at) {
        if (se == 0) {
            return difference > at ? 0 : 1;
        }
        return 1 - distribution().cumulativeProbability((difference - at) / se);
    }

    /** P(a difference this small or smaller | the true difference is {@code at}). */
    public double lowerTail(double at) {
        if (se == 0) {
            return difference < at ? 0 : 1;
        }
        return distribution().cumulativeProbability((difference - at) / se);
    }

    /** Half the width of the two-sided interval of the difference at {@code confidence}. */
    public double halfWidth(double confidence) {
        if (se == 0) {
            return 0;
        }
        return distribution().inverseCumulativeProbability(1 - (1 - confidence) / 2) * se;
    }

    private RealDistribution distribution() {
        return Double.isInfinite(df) ? new NormalDistribution(null, 0, 1) : new TDistribution(null, df);
    }

    /** The mean of {@code v}. */
    public static double mean(double[] v) {
        double sum = 0;
        for (double d : v) {
            sum += d;
        }
        return sum / v.length;
    }

    private static double variance(double[] v, double mean) {
        double squares = 0;
        for (double d : v) {
            squares += (d - mean) * (d - mean);
        }
        return squares / (v.length - 1);
    }
}
