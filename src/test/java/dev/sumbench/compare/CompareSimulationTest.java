package dev.sumbench.compare;

import dev.sumbench.stats.Direction;
import dev.sumbench.stats.Ratio;
import dev.sumbench.stats.Summary;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sumbench.report.CompareReport;
import dev.sumbench.report.TableFormat;
import dev.sumbench.results.Metric;
import dev.sumbench.results.Result;
import dev.sumbench.results.Run;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * What {@code compare} promises, measured on seeded simulated runs with both levels of noise (a fork offset per fork,
 * log-normal or t with 3 degrees of freedom, and log-normal noise per iteration, 10 iterations a fork): A/A pairs
 * rarely exit 3 at 3, 5 and 10 forks; the {@code ±} columns cover the true mean near their nominal 95 %; the change's
 * interval covers the true ratio with unequal fork spreads; and no row's change reads slower or faster when its
 * verdict is not. The rates printed here are the ones docs/compare.md quotes.
 */
class CompareSimulationTest {

    private static final int ITERATIONS = 10;
    private static final double FORK_CV = 0.05;
    private static final double ITERATION_CV = 0.02;
    private static final int[] FORK_COUNTS = {3, 5, 10};
    private static final long SEED = 20_261_205L;

    /** How a fork's offset is drawn: its log is normal, or Student's t with 3 degrees of freedom (heavy tails). */
    enum ForkNoise {
        LOGNORMAL, T3;

        double draw(SplittableRandom random) {
            if (this == LOGNORMAL) {
                return gaussian(random);
            }
            // t3 scaled to unit variance (the variance of t3 is 3)
            double chi2 = 0;
            for (int k = 0; k < 3; k++) {
                double z = gaussian(random);
                chi2 += z * z;
            }
            return gaussian(random) / Math.sqrt(chi2 / 3) / Math.sqrt(3);
        }
    }

    @Test
    void identicalRunsExitThreeInAtMostFivePercentOfPairsAtThreeFiveAndTenForks() {
        int pairs = 300;
        int rows = 20;
        for (ForkNoise noise : ForkNoise.values()) {
            for (int forks : FORK_COUNTS) {
                SplittableRandom random = new SplittableRandom(SEED + forks + 100L * noise.ordinal());
                int exit3 = 0;
                int exit3AnySlowdown = 0;
                for (int pair = 0; pair < pairs; pair++) {
                    double[] base = bases(rows, random);
                    Run old = run(base, 1, FORK_CV, forks, noise, random);
                    Run neu = run(base, 1, FORK_CV, forks, noise, random);
                    exit3 += Comparisons.compare(old, neu, 0.05, 0.05).regressions().isEmpty() ? 0 : 1;
                    exit3AnySlowdown += Comparisons.compare(old, neu, 0.05, 0).regressions().isEmpty() ? 0 : 1;
                }
                double rate = (double) exit3 / pairs;
                double anySlowdown = (double) exit3AnySlowdown / pairs;
                System.out.printf(Locale.ROOT, "compare simulation: A/A, %s fork offsets (CV %.0f %%), %d forks, "
                        + "%d pairs of %d rows: %.1f %% of pairs exit 3 at threshold 5 %%, %.1f %% at threshold 0%n",
                        noise, FORK_CV * 100, forks, pairs, rows, rate * 100, anySlowdown * 100);
                assertTrue(rate <= 0.05, noise + " " + forks + " forks: " + rate);
                // at threshold 0 the rate is the test's level itself (5 %): held within two standard errors of 300
                assertTrue(anySlowdown <= 0.075, noise + " " + forks + " forks, threshold 0: " + anySlowdown);
            }
        }
    }

    @Test
    void thePlusMinusColumnCoversTheTrueMeanNearNinetyFivePercentAtThreeFiveAndTenForks() {
        int trials = 3000;
        for (int forks : FORK_COUNTS) {
            SplittableRandom random = new SplittableRandom(SEED + 10 + forks);
            int covered = 0;
            for (int trial = 0; trial < trials; trial++) {
                double median = 1000 * (1 + random.nextDouble());
                Summary summary = Summary.of(metric(median, FORK_CV, forks, ForkNoise.LOGNORMAL, random));
                // the true mean of a fork's mean: E[exp(s Z)] = exp(s^2 / 2) at both levels
                double trueMean = median * Math.exp(sigma(FORK_CV) * sigma(FORK_CV) / 2)
                        * Math.exp(sigma(ITERATION_CV) * sigma(ITERATION_CV) / 2);
                covered += summary.lo() <= trueMean && trueMean <= summary.hi() ? 1 : 0;
            }
            double coverage = (double) covered / trials;
            System.out.printf(Locale.ROOT, "compare simulation: ± coverage of the true mean, %d forks x %d "
                    + "iterations, fork CV %.0f %%, %d rows: %.1f %% (nominal 95 %%)%n", forks, ITERATIONS,
                    FORK_CV * 100, trials, coverage * 100);
            assertTrue(coverage >= 0.93 && coverage <= 0.97, forks + " forks: " + coverage);
        }
    }

    @Test
    void ratioIntervalsCoverTheTrueRatioWithUnequalForkSpreads() {
        int trials = 3000;
        double trueRatio = 1.3;
        for (int forks : new int[] {5, 20}) {
            SplittableRandom random = new SplittableRandom(SEED + 20 + forks);
            int speedupCovered = 0;
            List<Gate.Sample> samples = new ArrayList<>();
            for (int trial = 0; trial < trials; trial++) {
                double median = 1000 * (1 + random.nextDouble());
                Metric quiet = metric(median, 0.02, forks, ForkNoise.LOGNORMAL, random);
                Metric noisy = metric(median * trueRatio, 0.30, forks, ForkNoise.LOGNORMAL, random);
                // the tables' speedup of quiet over noisy: noisy / quiet in time, the ratio of the medians
                Ratio speedup = Ratio.speedup(Summary.nanosPerOp(noisy), Summary.nanosPerOp(quiet));
                speedupCovered += speedup.lo() <= trueRatio && trueRatio <= speedup.hi() ? 1 : 0;
                samples.add(Gate.sample(quiet, noisy, 1, Direction.LOWER_IS_BETTER));
            }
            // compare's change interval at 95 %: the gate's 1 - 2 alpha interval with alpha = 2.5 %
            List<Judgement> judgements = Gate.judge(samples, 0.025, 0.05);
            long changeCovered = judgements.stream()
                    .filter(j -> j.lo() <= trueRatio && trueRatio <= j.hi()).count();
            double speedupRate = (double) speedupCovered / trials;
            double changeRate = (double) changeCovered / trials;
            System.out.printf(Locale.ROOT, "compare simulation: 95 %% ratio interval coverage, fork CV 2 %% against "
                    + "30 %%, %d forks a side, %d pairs: tables' speedup %.1f %%, compare's change %.1f %%%n", forks,
                    trials, speedupRate * 100, changeRate * 100);
            assertTrue(speedupRate >= 0.93, forks + " forks, speedup: " + speedupRate);
            assertTrue(changeRate >= 0.93, forks + " forks, change: " + changeRate);
        }
    }

    @Test
    void noRowsChangeReadsSlowerOrFasterUnlessItsVerdictDoes() {
        SplittableRandom random = new SplittableRandom(SEED + 30);
        int rows = 24;
        int shown = 0;
        for (int pair = 0; pair < 40; pair++) {
            int forks = FORK_COUNTS[pair % FORK_COUNTS.length];
            double[] base = bases(rows, random);
            double[] effect = new double[rows];
            for (int row = 0; row < rows; row++) {
                effect[row] = 1 + (row % 4 - 1) * 0.1; // -10 %, 0, +10 %, +20 %
            }
            Comparison comparison = Comparisons.compare(run(base, 1, FORK_CV, forks, ForkNoise.T3, random),
                    runWith(base, effect, FORK_CV, forks, ForkNoise.T3, random), 0.05, 0.05);
            String text = TableFormat.TEXT.render(CompareReport.table(comparison, "old", "new", List.of(), true));
            for (String line : text.lines().filter(l -> l.contains(" forks  ")).toList()) {
                shown++;
                String verdict = line.substring(line.lastIndexOf(" forks  ") + " forks  ".length());
                String cells = line.substring(0, line.lastIndexOf(" forks  "));
                assertFalse(cells.contains("slower") || cells.contains("faster"), line);
                assertTrue(List.of("slower", "faster", "equivalent").contains(verdict)
                        || verdict.startsWith("inconclusive ("), line);
            }
        }
        assertEquals(40 * rows, shown);
    }

    private static double[] bases(int rows, SplittableRandom random) {
        double[] base = new double[rows];
        for (int row = 0; row < rows; row++) {
            base[row] = 10 * Math.exp(random.nextDouble() * Math.log(1000));
        }
        return base;
    }

    private static Run run(double[] base, double factor, double forkCv, int forks, ForkNoise noise,
                           SplittableRandom random) {
        double[] effect = new double[base.length];
        java.util.Arrays.fill(effect, factor);
        return runWith(base, effect, forkCv, forks, noise, random);
    }

    private static Run runWith(double[] base, double[] effect, double forkCv, int forks, ForkNoise noise,
                               SplittableRandom random) {
        List<Result> rows = new ArrayList<>();
        for (int row = 0; row < base.length; row++) {
            rows.add(new Result("sim.Bench.row", "avgt", Map.of("row", Integer.toString(row)), 1, forks,
                    metric(base[row] * effect[row], forkCv, forks, noise, random), Map.of()));
        }
        return new Run(Path.of("simulated.json"), rows, null);
    }

    /**
     * Times per op around {@code median}: fork {@code f} is {@code median * exp(s_f X_f)}, each iteration that times
     * {@code exp(s_i Z)}, with the log-scale spreads {@code s} that give the coefficients of variation asked for.
     */
    private static Metric metric(double median, double forkCv, int forks, ForkNoise noise, SplittableRandom random) {
        List<List<Double>> raw = new ArrayList<>();
        double sum = 0;
        for (int f = 0; f < forks; f++) {
            double fork = median * Math.exp(sigma(forkCv) * noise.draw(random));
            List<Double> iterations = new ArrayList<>();
            for (int i = 0; i < ITERATIONS; i++) {
                double value = fork * Math.exp(sigma(ITERATION_CV) * gaussian(random));
                iterations.add(value);
                sum += value;
            }
            raw.add(iterations);
        }
        return new Metric(sum / (forks * ITERATIONS), Double.NaN, 0.999, "us/op", (long) forks * ITERATIONS, raw);
    }

    /** The log-scale spread of a log-normal variable with coefficient of variation {@code cv}. */
    private static double sigma(double cv) {
        return Math.sqrt(Math.log1p(cv * cv));
    }

    private static double gaussian(SplittableRandom random) {
        double u = 1 - random.nextDouble();
        return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * random.nextDouble());
    }
}
