package dev.sumbench.compare;

import dev.sumbench.stats.Direction;
import dev.sumbench.stats.FalseDiscovery;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sumbench.results.Metric;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The gate's arithmetic against reference values (scipy 1.17: ttest_ind, false_discovery_control). */
class GateTest {

    @Test
    void benjaminiHochbergMatchesTheReference() {
        // scipy.stats.false_discovery_control([0.01, 0.04, 0.03, 0.005, 0.2]), R: p.adjust(p, "BH")
        assertArrayEquals(new double[] {0.025, 0.05, 0.05, 0.025, 0.2},
                FalseDiscovery.adjust(new double[] {0.01, 0.04, 0.03, 0.005, 0.2}), 1e-12);
        double[] withUntested = FalseDiscovery.adjust(new double[] {0.01, Double.NaN, 0.04});
        assertArrayEquals(new double[] {0.02, Double.NaN, 0.04}, withUntested, 1e-12);
    }

    @Test
    void theSlowerTestIsWelchsOneSidedTestOfLogForkMeansAgainstTheThreshold() {
        Metric old = forks(100, 103, 98, 101, 99);
        Metric neu = forks(110, 112, 107, 111, 109);
        Judgement judgement = Gate.judge(List.of(Gate.sample(old, neu, 1, Direction.LOWER_IS_BETTER)), 0.05, 0.05)
                .get(0);
        // ttest_ind(log(new) - log(1.05), log(old), equal_var=False, alternative='greater'): p = 0.0031625, df 7.94
        assertEquals(0.0031625198238801706, judgement.pSlower(), 1e-9);
        assertEquals(Decision.SLOWER, judgement.decision());
        // ttest_ind(log(new), log(old), equal_var=False).confidence_interval(0.90), exponentiated
        assertEquals(1.0958341203716093, judgement.costRatio(), 1e-12);
        assertEquals(1.0723879071419904, judgement.lo(), 1e-9);
        assertEquals(1.119792951200837, judgement.hi(), 1e-9);
        assertEquals(0.90, judgement.confidence(), 1e-12);
    }

    @Test
    void aThroughputThatFellIsSlowerAndOneThatRoseIsFaster() {
        Metric low = forks(1000, 1010, 990, 1005, 995);
        Metric high = forks(1500, 1510, 1490, 1505, 1495);
        List<Judgement> judgements = Gate.judge(List.of(Gate.sample(high, low, 1, Direction.HIGHER_IS_BETTER),
                Gate.sample(low, high, 1, Direction.HIGHER_IS_BETTER)), 0.05, 0.05);
        assertEquals(Decision.SLOWER, judgements.get(0).decision());
        assertEquals(Decision.FASTER, judgements.get(1).decision());
    }

    @Test
    void tooFewForksOrNoRawDataIsInconclusiveAndSaysWhy() {
        Metric three = forks(100, 101, 99);
        Metric two = forks(100, 101);
        Metric csv = new Metric(100, 1, 0.999, "ns/op", 10, List.of());
        List<Judgement> judgements = Gate.judge(List.of(Gate.sample(three, two, 1, Direction.LOWER_IS_BETTER),
                Gate.sample(csv, three, 1, Direction.LOWER_IS_BETTER),
                Gate.sample(three, three, 1, Direction.UNKNOWN)), 0.05, 0.05);
        assertTrue(judgements.stream().allMatch(j -> j.decision() == Decision.INCONCLUSIVE));
        assertEquals(Reason.TOO_FEW_FORKS, judgements.get(0).reason());
        assertFalse(judgements.get(0).hasInterval()); // 2 forks: the ratio of geometric means, no interval
        assertEquals(Math.exp((Math.log(100) + Math.log(101)) / 2) / Math.cbrt(100 * 101 * 99.0),
                judgements.get(0).costRatio(), 1e-12);
        assertEquals(Reason.NO_RAW_DATA_OLD, judgements.get(1).reason());
        assertEquals(1.0, judgements.get(1).costRatio(), 1e-12); // the scores' ratio
        assertEquals(Reason.NO_DIRECTION, judgements.get(2).reason());
        assertTrue(judgements.get(2).hasInterval()); // an estimate with its interval, but no direction to test
    }

    @Test
    void identicalQuietForksAreEquivalentAndANoisyRowIsInconclusive() {
        Metric quiet = forks(100, 100.5, 99.5, 100.2, 99.8);
        Metric noisy = forks(100, 120, 85, 110, 90);
        List<Judgement> judgements = Gate.judge(List.of(Gate.sample(quiet, quiet, 1, Direction.LOWER_IS_BETTER),
                Gate.sample(quiet, noisy, 1, Direction.LOWER_IS_BETTER)), 0.05, 0.05);
        assertEquals(Decision.EQUIVALENT, judgements.get(0).decision());
        assertEquals(Decision.INCONCLUSIVE, judgements.get(1).decision());
        assertEquals(Reason.TOO_NOISY, judgements.get(1).reason());
    }

    /** One iteration per fork, with these fork means. */
    private static Metric forks(double... means) {
        List<List<Double>> raw = new ArrayList<>();
        double sum = 0;
        for (double mean : means) {
            raw.add(List.of(mean));
            sum += mean;
        }
        return new Metric(sum / means.length, Double.NaN, 0.999, "ns/op", means.length, raw);
    }
}
