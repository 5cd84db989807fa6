package dev.sumbench.stats;

import org.apache.commons.math3.distribution.TDistribution;

/**
 * Welch's two-sample t test from summaries only: a mean, JMH's error (the half-width of its confidence interval) and
 * the number of samples per side. That is all a JMH CSV file keeps; a comparison from raw data is better (see
 * {@link MannWhitney}).
 */
public final class Welch {

    /*
     * Implementation notes. JMH computes its error as t(1 - (1 - confidence) / 2, n - 1) * sd / sqrt(n) over all
     * iterations of all forks (Statistics.getMeanErrorAt), so the standard deviation is recovered exactly by inverting
     * that. Welch rather than Student: the two runs need not have the same spread. The summary cannot tell forks from
     * iterations, so the test treats iterations as independent, as JMH's own error does; with several forks whose
     * means differ this p is too small. That caveat is shown as a warning wherever this test is used.
     */

    private Welch() {
    }

    /**
     * One side's summary.
     *
     * @param mean the mean (JMH's score)
     * @param sd   the sample standard deviation
     * @param n    the number of samples
     */
    public record Moments(double mean, double sd, long n) {

        /**
         * Recovers the moments from JMH's score, error at {@code confidence} and sample count.
         *
         * @return moments with {@code sd} NaN when the error is NaN (JMH computes none for two samples or fewer)
         */
        public static Moments fromJmh(double score, double error, double confidence, long n) {
            if (n < 2 || Double.isNaN(error) || Double.isInfinite(error)) {
                return new Moments(score, Double.NaN, n);
            }
            return new Moments(score, error * Math.sqrt(n) / Estimate.criticalT(n - 1, confidence), n);
        }

        /** Whether this summary carries a spread, which the test needs. */
        public boolean hasSpread() {
            return n >= 2 && !Double.isNaN(sd);
        }
    }

    /**
     * The outcome.
     *
     * @param t       Welch's t statistic (new minus old)
     * @param degrees the Welch–Satterthwaite degrees of freedom
     * @param p       the two-sided p-value
     */
    public record Result(double t, double degrees, double p) {
    }

    /**
     * Tests whether the means of {@code a} and {@code b} differ, two-sided.
     *
     * @throws IllegalArgumentException if a side has no spread ({@link Moments#hasSpread()})
     */
    public static Result test(Moments a, Moments b) {
        if (!a.hasSpread() || !b.hasSpread()) {
            throw new IllegalArgumentException("both sides need a standard deviation from at least 2 samples");
        }
        double va = a.sd() * a.sd() / a.n();
        double vb = b.sd() * b.sd() / b.n();
        double se = Math.sqrt(va + vb);
        double difference = b.mean() - a.mean();
        if (se == 0) {
            return new Result(difference == 0 ? 0 : Math.copySign(Double.POSITIVE_INFINITY, difference),
                    Double.NaN, difference == 0 ? 1 : 0);
        }
        double t = difference / se;
        double degrees = (va + vb) * (va + vb)
                / (va * va / (a.n() - 1) + vb * vb / (b.n() - 1));
        double p = 2 * new TDistribution(null, degrees).cumulativeProbability(-Math.abs(t));
        return new Result(t, degrees, Math.min(1, p));
    }
}
