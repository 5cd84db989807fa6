package dev.sumbench.stats;

/**
 * A ratio of two measured values with a conservative interval: speedup, efficiency.
 *
 * @param value      the ratio of the centers
 * @param lo         the lower end of the interval ({@link Double#NaN} when an input had none)
 * @param hi         the upper end, possibly {@link Double#POSITIVE_INFINITY}
 * @param confidence the interval's confidence: 95 % over fork means, else the joint confidence of two summary
 *                   intervals (at least this share of the time both inputs lie in their intervals)
 */
public record Ratio(double value, double lo, double hi, double confidence) {

    /* Implementation notes
     * With fork means on both sides (raw data, >= 3 forks each) the interval is Welch's t interval of the difference
     * of the mean log fork means, exponentiated: a log-t interval for the ratio of the geometric means of the fork
     * means (the small-sample form of Fieller's interval when the forks are log-normal). It is centred where its test
     * is, on that ratio of geometric means, not around the ratio of the arithmetic centres: with unequal fork spreads
     * the two differ by exp((s1^2 - s2^2) / 2), which would shift the interval off its target. It holds both levels
     * of variance; RatioCoverageTest and CompareSimulationTest check its coverage on simulated forks. Otherwise, from two
     * summary intervals (JMH CSV), it divides the ends of the two inputs' intervals (smallest numerator by largest
     * denominator and the other way round). If each input lies in its interval with confidence c, both do with at
     * least 2c - 1 (Bonferroni): no normality or independence assumption, but those inputs treat iterations as
     * independent, which their own warnings say. */

    /**
     * The speedup of {@code time} over {@code baseline}: {@code baseline / time}, both times per operation.
     */
    public static Ratio speedup(Summary baseline, Summary time) {
        double value = baseline.center() / time.center();
        if (baseline.overForks() && time.overForks()) {
            double[] b = logs(baseline.forkMeans());
            double[] t = logs(time.forkMeans());
            if (b == null || t == null) {
                return new Ratio(value, Double.NaN, Double.NaN, Double.NaN);
            }
            Welch welch = Welch.of(t, b);
            double half = welch.halfWidth(Summary.FORK_CONFIDENCE);
            return new Ratio(value, Math.exp(welch.difference() - half), Math.exp(welch.difference() + half),
                    Summary.FORK_CONFIDENCE);
        }
        if (!baseline.hasInterval() || !time.hasInterval() || !baseline.forkMeans().isEmpty()
                || !time.forkMeans().isEmpty()) {
            return new Ratio(value, Double.NaN, Double.NaN, Double.NaN);
        }
        double lo = Math.max(0, baseline.lo()) / time.hi();
        double hi = time.lo() <= 0 ? Double.POSITIVE_INFINITY : baseline.hi() / time.lo();
        double confidence = Math.max(0, baseline.confidence() + time.confidence() - 1);
        return new Ratio(value, lo, hi, confidence);
    }

    private static double[] logs(java.util.List<Double> values) {
        double[] out = new double[values.size()];
        for (int i = 0; i < out.length; i++) {
            if (!(values.get(i) > 0)) {
                return null;
            }
            out[i] = Math.log(values.get(i));
        }
        return out;
    }

    /** This ratio divided by {@code divisor} (efficiency: speedup ÷ workers). */
    public Ratio dividedBy(double divisor) {
        return new Ratio(value / divisor, lo / divisor, hi / divisor, confidence);
    }

    /** Whether there is an interval. */
    public boolean hasInterval() {
        return !Double.isNaN(lo) && !Double.isNaN(hi);
    }

    /** Whether the whole interval lies above 1 (significantly faster), below 1, or straddles it (0). */
    public int significance() {
        if (!hasInterval()) {
            return 0;
        }
        return lo > 1 ? 1 : hi < 1 ? -1 : 0;
    }
}
