package dev.sumbench.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.SplittableRandom;
import org.apache.commons.math3.distribution.TDistribution;
import org.apache.commons.math3.stat.descriptive.SummaryStatistics;
import org.apache.commons.math3.stat.inference.TTest;
import org.junit.jupiter.api.Test;

class WelchTest {

    @Test
    void theTestFromJmhSummariesEqualsWelchsTestOnTheSamplesThemselves() {
        SplittableRandom random = new SplittableRandom(1);
        for (int round = 0; round < 10; round++) {
            double[] a = random.doubles(5 + random.nextInt(20)).map(v -> 100 + 10 * v).toArray();
            double[] b = random.doubles(5 + random.nextInt(20)).map(v -> 103 + 15 * v).toArray();
            Welch.Moments ma = jmhSummary(a);
            Welch.Moments mb = jmhSummary(b);
            assertEquals(new TTest().tTest(a, b), Welch.test(ma, mb).p(), 1e-9);
        }
    }

    @Test
    void theStandardDeviationIsRecoveredFromJmhsError() {
        double[] samples = {10, 11, 12, 13, 14, 15};
        SummaryStatistics stats = stats(samples);
        Welch.Moments moments = jmhSummary(samples);
        assertEquals(stats.getStandardDeviation(), moments.sd(), 1e-12);
        assertEquals(12.5, moments.mean(), 1e-12);
    }

    @Test
    void aNaNErrorLeavesNoSpreadAndNoTest() {
        Welch.Moments noError = Welch.Moments.fromJmh(5, Double.NaN, 0.999, 2);
        assertFalse(noError.hasSpread());
        Welch.Moments fine = Welch.Moments.fromJmh(5, 1, 0.999, 10);
        assertThrows(IllegalArgumentException.class, () -> Welch.test(noError, fine));
    }

    /** What JMH keeps of {@code samples}: the mean, the 99.9 % error and the count. */
    private static Welch.Moments jmhSummary(double[] samples) {
        SummaryStatistics stats = stats(samples);
        long n = stats.getN();
        double error = new TDistribution(n - 1).inverseCumulativeProbability(1 - 0.001 / 2)
                * stats.getStandardDeviation() / Math.sqrt(n);
        return Welch.Moments.fromJmh(stats.getMean(), error, 0.999, n);
    }

    private static SummaryStatistics stats(double[] samples) {
        SummaryStatistics stats = new SummaryStatistics();
        for (double v : samples) {
            stats.addValue(v);
        }
        return stats;
    }
}
