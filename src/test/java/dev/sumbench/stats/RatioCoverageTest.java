package dev.sumbench.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sumbench.results.Metric;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * How often the speedup interval of the tables covers the true speedup, on seeded simulated forks with both levels of
 * variance (fork CV 5 %, iteration CV 2 %, 10 iterations a fork): near its nominal 95 % with 5 forks, where JMH's
 * iteration-based intervals covered far less. The printed rates are the ones the documentation quotes.
 */
class RatioCoverageTest {

    private static final int TRIALS = 4000;
    private static final double TRUE_SPEEDUP = 1.8;
    private static final double FORK_CV = 0.05;
    private static final double ITERATION_CV = 0.02;
    private static final int ITERATIONS = 10;

    @Test
    void theSpeedupIntervalOverFiveForksCoversTheTrueSpeedupNearItsNominalRate() {
        double coverage = coverage(5, 101);
        System.out.printf(Locale.ROOT, "speedup interval coverage (%d simulated pairs, 5 forks x %d iterations, fork "
                + "CV 5 %%, iteration CV 2 %%): %.1f %% (nominal 95 %%)%n", TRIALS, ITERATIONS, coverage * 100);
        assertTrue(coverage >= 0.93 && coverage <= 0.97, "coverage with 5 forks: " + coverage);
    }

    @Test
    void theSpeedupIntervalOverThreeForksStaysNearNominalToo() {
        double coverage = coverage(3, 103);
        System.out.printf(Locale.ROOT, "speedup interval coverage (%d simulated pairs, 3 forks x %d iterations, fork "
                + "CV 5 %%, iteration CV 2 %%): %.1f %% (nominal 95 %%)%n", TRIALS, ITERATIONS, coverage * 100);
        assertTrue(coverage >= 0.92 && coverage <= 0.98, "coverage with 3 forks: " + coverage);
    }

    @Test
    void oneOrTwoForksGiveNoIntervalAndSaySo() {
        SplittableRandom random = new SplittableRandom(7);
        for (int forks = 1; forks <= 2; forks++) {
            Summary baseline = Summary.nanosPerOp(metric(1000, forks, random));
            Ratio speedup = Ratio.speedup(baseline, Summary.nanosPerOp(metric(500, forks, random)));
            assertFalse(speedup.hasInterval(), forks + " forks");
            assertFalse(baseline.hasInterval());
            assertEquals(List.of(Caveat.of(Caveat.Code.FEW_FORKS, forks, Samples.MIN_FORKS)), baseline.warnings());
        }
    }

    private static double coverage(int forks, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        int covered = 0;
        for (int trial = 0; trial < TRIALS; trial++) {
            double baselineNanos = 1000 * (1 + random.nextDouble());
            Summary baseline = Summary.nanosPerOp(metric(baselineNanos, forks, random));
            Summary parallel = Summary.nanosPerOp(metric(baselineNanos / TRUE_SPEEDUP, forks, random));
            Ratio speedup = Ratio.speedup(baseline, parallel);
            if (speedup.lo() <= TRUE_SPEEDUP && TRUE_SPEEDUP <= speedup.hi()) {
                covered++;
            }
        }
        return (double) covered / TRIALS;
    }

    /** Nanoseconds per op with a true mean {@code nanos}, log-normal fork effects and iteration noise. */
    private static Metric metric(double nanos, int forks, SplittableRandom random) {
        List<List<Double>> raw = new ArrayList<>();
        double sum = 0;
        for (int f = 0; f < forks; f++) {
            double fork = nanos * Math.exp(FORK_CV * gaussian(random) - FORK_CV * FORK_CV / 2);
            List<Double> iterations = new ArrayList<>();
            for (int i = 0; i < ITERATIONS; i++) {
                double value = fork * (1 + ITERATION_CV * gaussian(random));
                iterations.add(value);
                sum += value;
            }
            raw.add(iterations);
        }
        return new Metric(sum / (forks * ITERATIONS), Double.NaN, 0.999, "ns/op", (long) forks * ITERATIONS, raw);
    }

    private static double gaussian(SplittableRandom random) {
        double u = 1 - random.nextDouble();
        return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * random.nextDouble());
    }
}
