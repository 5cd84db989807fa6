package dev.sumbench.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sumbench.results.Run;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The trustworthiness checks on real JMH output (src/test/resources/compare/README.txt): A/A pairs, and a 20 %
 * slowdown applied to one side's raw data. The figures asserted here are the ones docs/compare.md reports ("Is it trustworthy?").
 */
class RealRunsCompareTest {

    private static final double ALPHA = 0.05;
    private static final double THRESHOLD = 0.05;
    private static final double SLOWDOWN = 1.2;

    @Test
    void anAaPairThatSawTheSameConditionsFlagsAtMostFivePercentOfItsRows() {
        Comparison comparison = compare("aa-long-1.json", "aa-long-2.json");
        assertEquals(24, comparison.rows().size());
        assertTrue(comparison.rows().stream().allMatch(r -> r.sampleUnit() == SampleUnit.FORK_MEANS));
        int flagged = comparison.significant().size();
        assertTrue(flagged <= 0.05 * comparison.rows().size(), flagged + " of 24 rows flagged");
        assertEquals(0, flagged);
        assertTrue(comparison.regressions().isEmpty());
    }

    @Test
    void anAaPairOnTheQuietMachineFlagsOnlySmallSpeedupsAndNoRegression() {
        // one run after the other with the machine quiet: 3 rows differ by 2 to 12 %, all faster in the second run
        Comparison comparison = compare("aa-quiet-1.json", "aa-quiet-2.json");
        assertEquals(3, comparison.significant().size());
        assertTrue(comparison.significant().stream().allMatch(r -> r.verdict() == Verdict.BETTER));
        assertTrue(comparison.regressions().isEmpty());
    }

    @Test
    void aTwentyPercentSlowdownOnTheQuietMachineIsFlaggedSlowerInAllButTheNoisiestRows() {
        Run old = CompareFixtures.run("aa-quiet-1.json");
        Run slower = Comparisons.injectSlowdown(CompareFixtures.run("aa-quiet-2.json"), SLOWDOWN - 1);
        Comparison comparison = Comparisons.compare(old, slower, ALPHA, THRESHOLD);
        List<RowComparison> missed = comparison.rows().stream().filter(r -> r.verdict() != Verdict.WORSE).toList();
        assertEquals(21, comparison.rows().size() - missed.size()); // 87.5 %: short of 95 % with 5 forks
        assertTrue(comparison.rows().stream().noneMatch(r -> r.verdict() == Verdict.BETTER));
        // the rows it misses are the noisy ones, and each of them says so
        assertTrue(missed.stream().allMatch(r -> r.warnings().stream()
                .anyMatch(w -> w.startsWith("not significant, but an interval is wider"))), missed.toString());
    }

    @Test
    void anAaPairWhoseMachineChangedBetweenTheRunsIsFlaggedWhereItReallyDiffers() {
        // one run after the other while other builds came and went: the runs differ, though the code does not
        Comparison comparison = compare("aa-sequential-1.json", "aa-sequential-2.json");
        assertEquals(10, comparison.significant().size());
        // the gate calls 7 of them slower by more than 5 %: drift between runs made apart, which bench-ab avoids
        assertEquals(7, comparison.regressions().size());
    }

    @Test
    void countingIterationsAsIndependentFlagsMoreAaRowsThanTheRankTestOverForks() {
        assertEquals(2, compare("aa-long-1.csv", "aa-long-2.csv").significant().size());
        assertEquals(16, compare("aa-sequential-1.csv", "aa-sequential-2.csv").significant().size());
    }

    @Test
    void aTwentyPercentSlowdownAppliedToOneSidesRawDataIsNeverCalledFasterAndIsFlaggedWhereTheNoiseAllows() {
        Run old = CompareFixtures.run("aa-long-1.json");
        Run slower = Comparisons.injectSlowdown(CompareFixtures.run("aa-long-2.json"), SLOWDOWN - 1);
        Comparison comparison = Comparisons.compare(old, slower, ALPHA, THRESHOLD);
        List<RowComparison> flaggedSlower = comparison.rows().stream()
                .filter(r -> r.verdict() == Verdict.WORSE).toList();
        assertEquals(3, flaggedSlower.size());
        assertTrue(comparison.rows().stream().noneMatch(r -> r.verdict() == Verdict.BETTER));
        // every row that is not flagged says that its noise could hide a change of the threshold's size
        assertTrue(comparison.rows().stream().filter(r -> r.verdict() == Verdict.UNCHANGED)
                .allMatch(r -> r.warnings().stream().anyMatch(w -> w.startsWith("not significant, but an interval"))));
    }

    @Test
    void theInjectedSlowdownReadsAsSlowerInTimeAndInThroughputRows() {
        Run run = CompareFixtures.run("aa-long-1.json");
        Comparison comparison = Comparisons.compare(run, Comparisons.injectSlowdown(run, SLOWDOWN - 1), ALPHA, THRESHOLD);
        for (RowComparison row : comparison.rows()) {
            double expected = row.direction() == Direction.HIGHER_IS_BETTER ? 1 / SLOWDOWN - 1 : SLOWDOWN - 1;
            assertEquals(expected, row.change(), 1e-9);
            assertEquals(SLOWDOWN - 1, row.costChange(), 1e-9);
            assertTrue(row.verdict() == Verdict.WORSE || row.verdict() == Verdict.UNCHANGED, row.key().toString());
        }
        assertEquals(SLOWDOWN - 1, comparison.geoMean().change(), 1e-9);
    }

    private static Comparison compare(String oldFixture, String newFixture) {
        return Comparisons.compare(CompareFixtures.run(oldFixture), CompareFixtures.run(newFixture), ALPHA, THRESHOLD);
    }
}
