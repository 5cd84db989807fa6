package dev.sumbench.stats;

import dev.sumbench.results.Metric;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.commons.math3.distribution.TDistribution;

/**
 * The regression gate of {@code sumbench compare}: every row ends as {@link Decision#SLOWER slower} or
 * {@link Decision#FASTER faster} by more than the threshold, {@link Decision#EQUIVALENT equivalent} within ± the
 * threshold, or {@link Decision#INCONCLUSIVE inconclusive}, with the false discovery rate controlled across rows.
 *
 * <p>The sampling unit is the fork: each side's samples are its fork means, whose spread holds both the fork-to-fork
 * and the iteration-to-iteration variance. A row needs raw data (JMH JSON) and at least {@link #MIN_FORKS} forks per
 * side to be tested; otherwise it is inconclusive and says why. Per tested row, with {@code y} the log of each fork's
 * mean cost (time per op; a throughput is inverted), {@code L = mean(y_new) - mean(y_old)} and Welch's standard error
 * and degrees of freedom:
 * <ul>
 * <li>slower: one-sided test of {@code L > log(1 + threshold)}, i.e. new cost above old × (1 + threshold);
 * <li>faster: one-sided test of {@code L < -log(1 + threshold)};
 * <li>equivalent: two one-sided tests (TOST) of {@code |L| < log(1 + threshold)}.
 * </ul>
 * Each family's p-values are adjusted across the tested rows by {@link FalseDiscovery Benjamini–Hochberg}, and a row
 * is slower, faster or equivalent when that family's adjusted p is at most {@code alpha}. Read per row (unadjusted),
 * all three are one interval: the {@code 1 - 2 alpha} interval of the cost ratio (90 % at alpha 0.05) lies wholly
 * above {@code 1 + threshold} (slower), wholly below {@code 1 / (1 + threshold)} (faster), or inside both
 * (equivalent): Schuirmann's interval-inclusion form of the two one-sided tests.
 *
 * <p>Pure functions; thread-safe.
 */
public final class Gate {

    /*
     * Implementation notes. Why a t test over log fork means (a "log-t" interval of the ratio) and not the rank test
     * the old verdicts used: a rank test has no shifted null hypothesis for a ratio and cannot reach alpha = 0.05 with
     * fewer than 4 forks a side, while the t statistic over 3+ fork means can, and fork means of a benchmark are close
     * to log-normal (a fork's JIT and layout luck scale the whole fork). The log makes the ratio's interval positive
     * and symmetric in the sense of the ratio (a 20 % slowdown and a 1/1.2 speedup are mirror images), and reduces
     * Fieller's interval for the ratio of two means to Welch's interval of a difference. A bootstrap over 5 fork means
     * per side was rejected: with so few samples it under-covers badly (its percentiles come from at most 126 distinct
     * resamples and ignore the t quantile's widening). Level alpha per one-sided family (not alpha / 2) is the TOST
     * convention and makes the three decisions readable off the one 1 - 2 alpha interval that compare prints; the
     * gate's own error, a false "slower", is then a one-sided test at alpha with its false discovery rate at alpha.
     * The simulation in GateSimulationTest states and checks the false-alarm rate and the power.
     */

    /** Fork means a side needs for a verdict: 2 give a standard error on 1 degree of freedom, useless at 5 forks' cost. */
    public static final int MIN_FORKS = 3;

    private Gate() {
    }

    /**
     * The per-row input of the gate: the log-cost samples of both sides, or why there are none.
     *
     * @param oldLogCosts log of each old fork's mean cost (empty when untestable)
     * @param newLogCosts the same for the new side
     * @param missing     why the row cannot be tested, or null when it can
     */
    public record Sample(double[] oldLogCosts, double[] newLogCosts, String missing) {

        /** A row that cannot be tested, for {@code missing}. */
        public static Sample untestable(String missing) {
            return new Sample(new double[0], new double[0], missing);
        }
    }

    /**
     * The gate's samples of two metrics in the same unit after {@code factor} converts the new one.
     *
     * @param direction which way the unit improves
     */
    public static Sample sample(Metric oldMetric, Metric newMetric, double factor, Direction direction) {
        if (!oldMetric.hasRawData() || !newMetric.hasRawData()) {
            String side = !oldMetric.hasRawData() && !newMetric.hasRawData() ? "either side"
                    : !oldMetric.hasRawData() ? "the old side" : "the new side";
            return Sample.untestable("no raw data on " + side + " (JMH CSV): the fork-to-fork variance is unknown; "
                    + "compare the JMH JSON files for a verdict");
        }
        if (!Samples.usable(oldMetric) || !Samples.usable(newMetric)) {
            return Sample.untestable("raw data without iterations or with NaN/infinite values");
        }
        if (direction == Direction.UNKNOWN) {
            return Sample.untestable("the unit (" + oldMetric.unit() + ") does not say whether higher is better");
        }
        double[] oldMeans = Samples.forkMeans(oldMetric);
        double[] newMeans = Samples.forkMeans(newMetric);
        if (oldMeans.length < MIN_FORKS || newMeans.length < MIN_FORKS) {
            return Sample.untestable(tooFewForks(oldMeans.length, newMeans.length));
        }
        double sign = direction == Direction.LOWER_IS_BETTER ? 1 : -1;
        double[] x = logs(oldMeans, 1, sign);
        double[] y = logs(newMeans, factor, sign);
        if (x == null || y == null) {
            return Sample.untestable("a fork mean is zero or negative: no ratio");
        }
        return new Sample(x, y, null);
    }

    /** The words for a row with too few forks. */
    static String tooFewForks(int oldForks, int newForks) {
        return String.format(Locale.ROOT, "only %d+%d forks: a verdict needs >= %d forks per side (the fork is the "
                + "sampling unit); rerun with -f %d or more, or with scripts/bench-ab", oldForks, newForks, MIN_FORKS,
                Math.max(5, MIN_FORKS));
    }

    /**
     * Judges every row of {@code samples} at {@code alpha} against {@code threshold} (0.05 for 5 %), the p-values
     * adjusted across the tested rows.
     */
    public static List<Judgement> judge(List<Sample> samples, double alpha, double threshold) {
        if (!(alpha > 0 && alpha < 1)) {
            throw new IllegalArgumentException("alpha must be in (0, 1), got " + alpha);
        }
        if (!(threshold >= 0) || Double.isInfinite(threshold)) {
            throw new IllegalArgumentException("threshold must be >= 0, got " + threshold);
        }
        int m = samples.size();
        double margin = Math.log1p(threshold);
        double[] pSlower = new double[m];
        double[] pFaster = new double[m];
        double[] pEquivalent = new double[m];
        double[][] interval = new double[m][];
        for (int i = 0; i < m; i++) {
            Sample s = samples.get(i);
            if (s.missing() != null) {
                pSlower[i] = pFaster[i] = pEquivalent[i] = Double.NaN;
                continue;
            }
            Welch w = Welch.of(s.oldLogCosts(), s.newLogCosts());
            pSlower[i] = w.upperTail(margin);
            pFaster[i] = w.lowerTail(-margin);
            pEquivalent[i] = Math.max(1 - pSlower[i], 1 - pFaster[i]);
            double half = w.se() == 0 ? 0 : w.t(1 - alpha) * w.se();
            interval[i] = new double[] {w.difference(), w.difference() - half, w.difference() + half};
        }
        double[] qSlower = FalseDiscovery.adjust(pSlower);
        double[] qFaster = FalseDiscovery.adjust(pFaster);
        double[] qEquivalent = FalseDiscovery.adjust(pEquivalent);
        List<Judgement> judgements = new ArrayList<>(m);
        for (int i = 0; i < m; i++) {
            Sample s = samples.get(i);
            if (s.missing() != null) {
                judgements.add(Judgement.untested(s.missing()));
                continue;
            }
            Decision decision;
            String reason = "";
            if (qSlower[i] <= alpha) {
                decision = Decision.SLOWER;
            } else if (qFaster[i] <= alpha) {
                decision = Decision.FASTER;
            } else if (qEquivalent[i] <= alpha) {
                decision = Decision.EQUIVALENT;
            } else {
                decision = Decision.INCONCLUSIVE;
                reason = "too noisy for the " + percent(threshold) + " threshold: the cost ratio's interval "
                        + "reaches beyond 1 ± " + percent(threshold) + "; rerun with more forks, with "
                        + "scripts/bench-ab, or on a quieter machine";
            }
            judgements.add(new Judgement(decision, Math.exp(interval[i][0]), Math.exp(interval[i][1]),
                    Math.exp(interval[i][2]), 1 - 2 * alpha, pSlower[i], qSlower[i], reason));
        }
        return judgements;
    }

    private static double[] logs(double[] values, double factor, double sign) {
        double[] out = new double[values.length];
        for (int i = 0; i < values.length; i++) {
            double v = values[i] * factor;
            if (!(v > 0)) {
                return null;
            }
            out[i] = sign * Math.log(v);
        }
        return out;
    }

    private static String percent(double fraction) {
        return new java.math.BigDecimal(String.format(Locale.ROOT, "%.6g", fraction * 100)).stripTrailingZeros()
                .toPlainString() + " %";
    }

    /** Welch's statistics of {@code mean(y) - mean(x)}. */
    record Welch(double difference, double se, double df) {

        static Welch of(double[] x, double[] y) {
            double mx = mean(x);
            double my = mean(y);
            double a = variance(x, mx) / x.length;
            double b = variance(y, my) / y.length;
            double se = Math.sqrt(a + b);
            double df = a + b == 0 ? x.length + y.length - 2
                    : (a + b) * (a + b) / (a * a / (x.length - 1) + b * b / (y.length - 1));
            return new Welch(my - mx, se, df);
        }

        /** P(difference this large or larger | true difference = {@code at}). */
        double upperTail(double at) {
            if (se == 0) {
                return difference > at ? 0 : 1;
            }
            return 1 - new TDistribution(null, df).cumulativeProbability((difference - at) / se);
        }

        /** P(difference this small or smaller | true difference = {@code at}). */
        double lowerTail(double at) {
            if (se == 0) {
                return difference < at ? 0 : 1;
            }
            return new TDistribution(null, df).cumulativeProbability((difference - at) / se);
        }

        double t(double probability) {
            return new TDistribution(null, df).inverseCumulativeProbability(probability);
        }

        private static double mean(double[] v) {
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
}
