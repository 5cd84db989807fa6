package dev.sumbench.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.apache.commons.math3.stat.inference.MannWhitneyUTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MannWhitneyTest {

    /**
     * Critical values of U for a two-tailed test at alpha = 0.05, as printed in the standard tables (e.g. the table
     * reproduced at numeracy-bank.net and docstoc "Critical values of Mann-Whitney U at p = 0.05 (two-tailed test)"):
     * U at or below the value is significant, one above it is not.
     */
    @ParameterizedTest(name = "n1={0} n2={1}: U <= {2} is significant at 0.05")
    @CsvSource({
        "4, 4, 0", "4, 6, 2", "5, 5, 2", "5, 10, 8", "5, 20, 20", "6, 6, 5", "6, 11, 13", "7, 7, 8", "7, 14, 22",
        "8, 8, 13", "8, 20, 41", "9, 12, 26", "10, 10, 23", "10, 20, 55", "12, 15, 49", "13, 16, 59", "15, 15, 64",
        "20, 20, 127"})
    void exactPValuesReproduceThePublishedCriticalValuesAtFivePercent(int n1, int n2, int critical) {
        assertTrue(pFor(n1, n2, critical) <= 0.05, "U = critical must be significant");
        assertTrue(pFor(n1, n2, critical + 1) > 0.05, "U = critical + 1 must not be significant");
    }

    /** The same tables at alpha = 0.01, two-tailed. */
    @ParameterizedTest(name = "n1={0} n2={1}: U <= {2} is significant at 0.01")
    @CsvSource({"5, 5, 0", "6, 6, 2", "8, 8, 7", "10, 10, 16", "20, 20, 105"})
    void exactPValuesReproduceThePublishedCriticalValuesAtOnePercent(int n1, int n2, int critical) {
        assertTrue(pFor(n1, n2, critical) <= 0.01);
        assertTrue(pFor(n1, n2, critical + 1) > 0.01);
    }

    @Test
    void threeAgainstThreeFullySeparatedIsNotSignificantUnlikeTheAsymptoticTest() {
        double[] x = {1, 2, 3};
        double[] y = {4, 5, 6};
        MannWhitney.Result result = MannWhitney.test(x, y);
        assertEquals(0.0, result.u());
        assertEquals(0.1, result.p(), 1e-12); // 2 of the C(6, 3) = 20 arrangements are this extreme
        assertEquals(MannWhitney.Method.EXACT, result.method());
        assertEquals(0.0495, new MannWhitneyUTest().mannWhitneyUTest(x, y), 5e-4); // what Commons Math says
    }

    @Test
    void fiveAgainstFiveFullySeparatedHasPTwoIn252() {
        MannWhitney.Result result = MannWhitney.test(new double[] {10, 11, 12, 13, 14}, new double[] {1, 2, 3, 4, 5});
        assertEquals(25.0, result.u());
        assertEquals(2.0 / 252, result.p(), 1e-12);
    }

    @Test
    void swappingTheSamplesKeepsPAndMirrorsU() {
        SplittableRandom random = new SplittableRandom(7);
        for (int round = 0; round < 20; round++) {
            double[] x = random.doubles(3 + random.nextInt(10)).map(v -> Math.floor(v * 8)).toArray();
            double[] y = random.doubles(3 + random.nextInt(10)).map(v -> Math.floor(v * 8)).toArray();
            MannWhitney.Result xy = MannWhitney.test(x, y);
            MannWhitney.Result yx = MannWhitney.test(y, x);
            assertEquals(xy.p(), yx.p(), 1e-12);
            assertEquals(x.length * (double) y.length, xy.u() + yx.u(), 1e-9);
        }
    }

    @Test
    void tiedSamplesGetTheExactPermutationDistributionOverMidRanks() {
        SplittableRandom random = new SplittableRandom(11);
        for (int round = 0; round < 40; round++) {
            int n1 = 2 + random.nextInt(6);
            int n2 = 2 + random.nextInt(6);
            // few distinct values, so most rounds have ties
            double[] x = random.ints(n1, 0, 5).asDoubleStream().toArray();
            double[] y = random.ints(n2, 1, 6).asDoubleStream().toArray();
            MannWhitney.Result result = MannWhitney.test(x, y);
            assertEquals(bruteForceP(x, y), result.p(), 1e-12, () -> Arrays.toString(x) + " vs " + Arrays.toString(y));
        }
        MannWhitney.Result tied = MannWhitney.test(new double[] {1, 2, 2}, new double[] {2, 3, 3});
        assertEquals(MannWhitney.Method.EXACT_WITH_TIES, tied.method());
    }

    @Test
    void allValuesTiedGiveOne() {
        assertEquals(1.0, MannWhitney.test(new double[] {5, 5, 5}, new double[] {5, 5}).p(), 1e-12);
        assertEquals(1.0, MannWhitney.test(new double[60], new double[60]).p(), 1e-12);
    }

    @Test
    void theNormalApproximationAgreesWithTheExactDistributionWhereItTakesOver() {
        SplittableRandom random = new SplittableRandom(3);
        for (double shift : new double[] {0.0, 0.1, 0.2, 0.3, 0.5}) {
            double[] x = random.doubles(50).toArray();
            double[] y = random.doubles(50).map(v -> v + shift).toArray();
            MannWhitney.Result exact = MannWhitney.test(x, y);
            MannWhitney.Result approximate = MannWhitney.normalApproximation(x, y);
            assertEquals(MannWhitney.Method.EXACT, exact.method());
            assertEquals(exact.u(), approximate.u());
            assertEquals(exact.p(), approximate.p(), 0.002, "shift " + shift);
        }
        double[] big = random.doubles(60).toArray();
        assertEquals(MannWhitney.Method.NORMAL_APPROXIMATION, MannWhitney.test(big, big.clone()).method());
    }

    @Test
    void theNormalApproximationCorrectsForTies() {
        // 30 against 30 on five levels: the exact conditional p and the tie-corrected approximation agree closely
        SplittableRandom random = new SplittableRandom(5);
        double[] x = random.ints(30, 0, 5).asDoubleStream().toArray();
        double[] y = random.ints(30, 1, 6).asDoubleStream().toArray();
        MannWhitney.Result exact = MannWhitney.test(x, y);
        assertEquals(MannWhitney.Method.EXACT_WITH_TIES, exact.method());
        assertEquals(exact.p(), MannWhitney.normalApproximation(x, y).p(), 0.005);
    }

    @Test
    void onIdenticallyDistributedSamplesTheExactTestFlagsAtMostAlpha() {
        // 5 against 5: the exact size at alpha = 0.05 is P(U <= 2) + P(U >= 23) = 8 / 252 = 0.032
        SplittableRandom random = new SplittableRandom(2024);
        int rounds = 4000;
        int flagged = 0;
        for (int round = 0; round < rounds; round++) {
            double[] x = random.doubles(5).map(v -> 100 * Math.exp(v)).toArray();
            double[] y = random.doubles(5).map(v -> 100 * Math.exp(v)).toArray();
            flagged += MannWhitney.test(x, y).p() <= 0.05 ? 1 : 0;
        }
        double rate = flagged / (double) rounds;
        assertTrue(rate > 0.020 && rate < 0.045, "false-positive rate " + rate);
    }

    @Test
    void fiveForksASideDetectATwentyPercentShiftWhenForksAgreeWithinFivePercent() {
        // power of 5 against 5 at alpha = 0.05 against a 20 % shift, by the forks' coefficient of variation
        assertTrue(power(0.05) >= 0.95, "power at 5 %: " + power(0.05));
        assertTrue(power(0.10) < 0.75, "power at 10 %: " + power(0.10));
        assertTrue(power(0.20) < 0.30, "power at 20 %: " + power(0.20));
    }

    /** The share of 2000 simulated 5-against-5 comparisons with a 20 % shift and noise {@code cv} that are flagged. */
    private static double power(double cv) {
        java.util.Random random = new java.util.Random(99);
        int rounds = 2000;
        int flagged = 0;
        for (int round = 0; round < rounds; round++) {
            double[] x = new double[5];
            double[] y = new double[5];
            for (int i = 0; i < 5; i++) {
                x[i] = 1 + cv * random.nextGaussian();
                y[i] = 1.2 * (1 + cv * random.nextGaussian());
            }
            flagged += MannWhitney.test(x, y).p() <= 0.05 ? 1 : 0;
        }
        return flagged / (double) rounds;
    }

    @Test
    void smallestPossiblePSaysWhenNoDifferenceCanBeDetected() {
        assertEquals(0.1, MannWhitney.smallestPossibleP(3, 3), 1e-12);
        assertEquals(2.0 / 70, MannWhitney.smallestPossibleP(4, 4), 1e-12);
        assertEquals(1.0, MannWhitney.smallestPossibleP(1, 1), 1e-12);
    }

    @Test
    void emptyOrNaNSamplesAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> MannWhitney.test(new double[0], new double[] {1}));
        assertThrows(IllegalArgumentException.class, () -> MannWhitney.test(new double[] {Double.NaN}, new double[] {1}));
    }

    /** Two samples without ties whose U (pairs x > y) is exactly {@code u}. */
    private static double pFor(int n1, int n2, int u) {
        double[] y = new double[n2];
        for (int j = 0; j < n2; j++) {
            y[j] = 2 * j + 1;
        }
        double[] x = new double[n1];
        int left = u;
        for (int i = 0; i < n1; i++) {
            int beats = Math.min(n2, left); // x[i] exceeds the y's 1, 3, ..., 2 * beats - 1
            left -= beats;
            x[i] = 2 * beats + (i + 1.0) / (n1 + 2);
        }
        MannWhitney.Result result = MannWhitney.test(x, y);
        assertEquals(u, result.u(), 1e-9);
        assertEquals(MannWhitney.Method.EXACT, result.method());
        return result.p();
    }

    /** The two-sided permutation p-value by enumerating every split of the pooled values (rank sums of the mid-ranks). */
    private static double bruteForceP(double[] x, double[] y) {
        int total = x.length + y.length;
        double[] pooled = new double[total];
        System.arraycopy(x, 0, pooled, 0, x.length);
        System.arraycopy(y, 0, pooled, x.length, y.length);
        double[] midRanks = new double[total];
        for (int i = 0; i < total; i++) {
            int below = 0;
            int equal = 0;
            for (double v : pooled) {
                below += v < pooled[i] ? 1 : 0;
                equal += v == pooled[i] ? 1 : 0;
            }
            midRanks[i] = below + (equal + 1) / 2.0;
        }
        double observed = 0;
        for (int i = 0; i < x.length; i++) {
            observed += midRanks[i];
        }
        double mean = x.length * (total + 1) / 2.0;
        long extreme = 0;
        long all = 0;
        for (int mask = 0; mask < (1 << total); mask++) {
            if (Integer.bitCount(mask) != x.length) {
                continue;
            }
            double sum = 0;
            for (int i = 0; i < total; i++) {
                if ((mask & (1 << i)) != 0) {
                    sum += midRanks[i];
                }
            }
            all++;
            if (Math.abs(sum - mean) >= Math.abs(observed - mean) - 1e-9) {
                extreme++;
            }
        }
        return Math.min(1.0, (double) extreme / all);
    }
}
