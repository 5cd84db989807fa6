package dev.sumbench.compare;

import dev.sumbench.results.Metric;
import dev.sumbench.stats.Direction;
import dev.sumbench.stats.FalseDiscovery;
import dev.sumbench.stats.Samples;
import dev.sumbench.stats.Welch;
import org.apache.commons.math3.distribution.NormalDistribution;
import org.apache.commons.math3.distribution.TDistribution;
import org.apache.commons.math3.stat.StatUtils;
import java.util.ArrayList;
import java.util.List;

/**
 * The regression gate of {@code sumbench compare}: every row ends as {@link Decision#SLOWER slower} or
 * {@link Decision#FASTER faster} by more than the threshold, {@link Decision#EQUIVALENT equivalent} within ± the
 * threshold, or {@link Decision#INCONCLUSIVE inconclusive}, with the false discovery rate controlled across rows.
 *
 * <p>The sampling unit is the fork: each side's samples are its fork means, whose spread holds both the fork-to-fork
 * and the iteration-to-iteration variance. A row needs raw data (JMH JSON) and at least {@link #MIN_FORKS} forks per
 * side to be tested; otherwise it is inconclusive, with a {@link Reason}. Per tested row, with {@code y} the log of each fork's
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
 * (equivalent): Schuirmann's interval-inclusion form of the two one-sided tests. That interval, around the ratio of
 * the geometric means of the fork means, is the estimate {@code compare} shows as the row's change: the one test
 * of a row gives its figure, its interval and its verdict.
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

    /** Fork means a side needs for a verdict: {@link Samples#MIN_FORKS}. */
    public static final int MIN_FORKS = Samples.MIN_FORKS;

    private Gate() {
    }

    /**
     * The per-row input of the gate: the log-cost samples of both sides (each fork's mean; without raw data, the
     * score alone, which gives an estimate but no test unless a fork-to-fork spread is assumed), and why the row
     * cannot be tested.
     *
     * @param oldLogCosts   log of each old fork's mean cost (empty when there is no estimate at all)
     * @param newLogCosts   the same for the new side
     * @param missing       why the row cannot be tested, or {@link Reason#NONE} when it can
     * @param assumedForkCv for a row without raw data judged under an assumption, the standard deviation of a side's
     *                      log score that is assumed (each side's score taken as one fork of that spread); NaN when
     *                      the spread is measured
     */
    public record Sample(double[] oldLogCosts, double[] newLogCosts, Reason missing, double assumedForkCv) {

        /** A sample whose spread is measured from its fork means. */
        public Sample(double[] oldLogCosts, double[] newLogCosts, Reason missing) {
            this(oldLogCosts, newLogCosts, missing, Double.NaN);
        }

        /** A row without a test or an estimate, for {@code missing}. */
        public static Sample untestable(Reason missing) {
            return new Sample(new double[0], new double[0], missing);
        }

        /** Whether the samples give an estimate of the ratio. */
        boolean estimable() {
            return oldLogCosts.length > 0 && newLogCosts.length > 0;
        }

        /** Whether the row is judged under an assumed fork-to-fork spread. */
        public boolean assumed() {
            return !Double.isNaN(assumedForkCv);
        }
    }

    /**
     * The gate's samples of two metrics in the same unit after {@code factor} converts the new one. A cost is a time
     * per operation, or the inverse of a throughput; a unit without a direction is taken as it is (then the ratio is
     * new ÷ old, and there is no test).
     *
     * @param direction which way the unit improves
     */
    public static Sample sample(Metric oldMetric, Metric newMetric, double factor, Direction direction) {
        return sample(oldMetric, newMetric, factor, direction, Double.NaN, Samples.MEDIAN);
    }

    /**
     * As {@link #sample(Metric, Metric, double, Direction)}, but a row without raw data on either side (two JMH CSVs)
     * is tested under the assumption that each side's score is one fork whose log cost spreads by
     * {@code assumedForkCv} (0.05 for 5 %); NaN or 0 assumes nothing, and such rows stay untested. A sample-mode
     * row is tested on each fork's {@code percentile} of its histogram ({@link Samples#perFork}).
     */
    public static Sample sample(Metric oldMetric, Metric newMetric, double factor, Direction direction,
                                double assumedForkCv, double percentile) {
        double sign = direction == Direction.HIGHER_IS_BETTER ? -1 : 1;
        boolean raw = oldMetric.hasRawData() && newMetric.hasRawData();
        Reason missing = Reason.NONE;
        if (!raw) {
            missing = !oldMetric.hasRawData() && !newMetric.hasRawData() ? Reason.NO_RAW_DATA
                    : !oldMetric.hasRawData() ? Reason.NO_RAW_DATA_OLD : Reason.NO_RAW_DATA_NEW;
        } else if (!Samples.usable(oldMetric) || !Samples.usable(newMetric)) {
            missing = Reason.UNUSABLE_RAW_DATA;
        }
        if (missing != Reason.NONE) {
            // no fork means: the scores give the estimate, and nothing to test
            double[] x = logs(new double[] {oldMetric.score()}, 1, sign);
            double[] y = logs(new double[] {newMetric.score()}, factor, sign);
            if (x == null || y == null) {
                return Sample.untestable(missing);
            }
            if (missing == Reason.NO_RAW_DATA && assumedForkCv > 0 && direction != Direction.UNKNOWN) {
                return new Sample(x, y, Reason.NONE, assumedForkCv);
            }
            return new Sample(x, y, missing);
        }
        double[] x = logs(Samples.perFork(oldMetric, percentile), 1, sign);
        double[] y = logs(Samples.perFork(newMetric, percentile), factor, sign);
        if (x == null || y == null) {
            return Sample.untestable(Reason.NOT_POSITIVE);
        }
        if (direction == Direction.UNKNOWN) {
            missing = Reason.NO_DIRECTION;
        } else if (x.length < MIN_FORKS || y.length < MIN_FORKS) {
            missing = Reason.TOO_FEW_FORKS;
        }
        return new Sample(x, y, missing);
    }

    /**
     * Judges every row of {@code samples} at {@code alpha} against {@code threshold} (0.05 for 5 %), the p-values
     * adjusted across the tested rows.
     */
    public static List<Judgement> judge(List<Sample> samples, double alpha, double threshold) {
        if (!(alpha > 0 && alpha < 0.5)) {
            throw new IllegalArgumentException("alpha must be in (0, 0.5), got " + alpha);
        }
        if (!(threshold >= 0) || Double.isInfinite(threshold)) {
            throw new IllegalArgumentException("threshold must be >= 0, got " + threshold);
        }
        int m = samples.size();
        double margin = Math.log1p(threshold);
        double confidence = 1 - 2 * alpha;
        double[] pSlower = new double[m];
        double[] pFaster = new double[m];
        double[] pEquivalent = new double[m];
        double[][] interval = new double[m][];
        for (int i = 0; i < m; i++) {
            Sample s = samples.get(i);
            pSlower[i] = pFaster[i] = pEquivalent[i] = Double.NaN;
            if (!s.estimable()) {
                continue;
            }
            double logRatio = Welch.mean(s.newLogCosts()) - Welch.mean(s.oldLogCosts());
            interval[i] = new double[] {logRatio, Double.NaN, Double.NaN};
            Welch w;
            if (s.assumed()) {
                // a known standard error: each side one score of the assumed spread, so normal tails
                w = new Welch(logRatio, Math.sqrt(2) * s.assumedForkCv(), Double.POSITIVE_INFINITY);
            } else if (s.oldLogCosts().length < MIN_FORKS || s.newLogCosts().length < MIN_FORKS) {
                continue;
            } else {
                w = Welch.of(s.oldLogCosts(), s.newLogCosts());
            }
            double half = w.halfWidth(confidence);
            interval[i] = new double[] {logRatio, logRatio - half, logRatio + half};
            if (s.missing() == Reason.NONE) {
                pSlower[i] = w.upperTail(margin);
                pFaster[i] = w.lowerTail(-margin);
                pEquivalent[i] = Math.max(1 - pSlower[i], 1 - pFaster[i]);
            }
        }
        double[] qSlower = FalseDiscovery.adjust(pSlower);
        double[] qFaster = FalseDiscovery.adjust(pFaster);
        double[] qEquivalent = FalseDiscovery.adjust(pEquivalent);
        List<Judgement> judgements = new ArrayList<>(m);
        for (int i = 0; i < m; i++) {
            Sample s = samples.get(i);
            if (interval[i] == null) {
                judgements.add(Judgement.untested(s.missing()));
                continue;
            }
            Decision decision = Decision.INCONCLUSIVE;
            Reason reason = s.missing();
            int forksNeeded = -1;
            if (reason == Reason.NONE) {
                if (qSlower[i] <= alpha) {
                    decision = Decision.SLOWER;
                } else if (qFaster[i] <= alpha) {
                    decision = Decision.FASTER;
                } else if (qEquivalent[i] <= alpha) {
                    decision = Decision.EQUIVALENT;
                } else {
                    boolean decidedAlone = pSlower[i] <= alpha || pFaster[i] <= alpha || pEquivalent[i] <= alpha;
                    reason = decidedAlone ? Reason.ACROSS_ROWS : Reason.TOO_NOISY;
                    forksNeeded = forksNeeded(s, threshold, alpha);
                }
            }
            judgements.add(new Judgement(decision, Math.exp(interval[i][0]), Math.exp(interval[i][1]),
                    Math.exp(interval[i][2]), confidence, pSlower[i], qSlower[i], reason, s.assumedForkCv(), forksNeeded));
        }
        return judgements;
    }

    /**
     * Forks a side that would decide a tested row at level {@code level} if its estimate and its fork spread stayed
     * as measured: the number that narrows the interval (of half-width {@code t * sqrt((s_old^2 + s_new^2) / n)}, t
     * Student's quantile at {@code level} on 2n - 2 degrees of freedom, s the standard deviation of each side's log
     * fork means) to the distance
     * between the estimated log ratio and the nearest edge of ± log(1 + threshold), and at least one more than the row
     * has. {@link Integer#MAX_VALUE} when the
     * estimate sits on that edge (no number of forks decides it), and -1 when the row has fewer than 2 forks a side
     * or an assumed spread (nothing measured to plan from).
     */
    public static int forksNeeded(Sample sample, double threshold, double level) {
        double[] x = sample.oldLogCosts();
        double[] y = sample.newLogCosts();
        if (x.length < 2 || y.length < 2 || sample.assumed()) {
            return -1;
        }
        double distance = Math.abs(Math.log1p(threshold) - Math.abs(StatUtils.mean(y) - StatUtils.mean(x)));
        double spread = (StatUtils.variance(x) + StatUtils.variance(y)) / (distance * distance);
        double q = new NormalDistribution(null, 0, 1).inverseCumulativeProbability(1 - level);
        double forks = Math.ceil(q * q * spread);
        // the test is Welch's t, on about 2n - 2 degrees of freedom with n forks a side: a few fixed-point steps
        for (int step = 0; step < 8 && forks >= 2 && forks < 1e6; step++) {
            q = new TDistribution(null, 2 * forks - 2).inverseCumulativeProbability(1 - level);
            forks = Math.max(2, Math.ceil(q * q * spread));
        }
        if (forks >= Integer.MAX_VALUE || Double.isNaN(forks)) {
            return Integer.MAX_VALUE;
        }
        // undecided as it is, so at least one fork more than it has (Welch's degrees of freedom and the adjustment
        // across rows can ask for more than the plan above)
        return Math.max((int) forks, Math.max(x.length, y.length) + 1);
    }

    private static double[] logs(double[] values, double factor, double sign) {
        double[] out = new double[values.length];
        for (int i = 0; i < values.length; i++) {
            double v = values[i] * factor;
            if (!(v > 0) || Double.isInfinite(v)) {
                return null;
            }
            out[i] = sign * Math.log(v);
        }
        return out;
    }
}
