package dev.sumbench.compare;

import dev.sumbench.stats.CompareFixtures;
import dev.sumbench.stats.Direction;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sumbench.results.Run;
import org.junit.jupiter.api.Test;

/**
 * The comparison on real JMH output (src/test/resources/compare/README.txt): A/A pairs, and a 20 % slowdown applied to
 * one side's raw data. The figures asserted here are the ones docs/compare.md reports ("Is it trustworthy?").
 */
class RealRunsCompareTest {

    private static final double ALPHA = 0.05;
    private static final double THRESHOLD = 0.05;
    private static final double SLOWDOWN = 1.2;

    @Test
    void anAaPairThatSawTheSameConditionsHasNoRegressionAndNoRowTheRankTestFlags() {
        Comparison comparison = compare("aa-long-1.json", "aa-long-2.json");
        assertEquals(24, comparison.rows().size());
        assertTrue(comparison.rows().stream().allMatch(RowComparison::rawData));
        assertEquals(0, rankFlagged(comparison));
        assertEquals(24, comparison.inconclusive().size());
        assertTrue(comparison.regressions().isEmpty());
    }

    @Test
    void anAaPairOnTheQuietMachineShowsFiveRowsEquivalentAndNoRegression() {
        // one run after the other with the machine quiet: the rank test flags 3 rows, all faster in the second run
        Comparison comparison = compare("aa-quiet-1.json", "aa-quiet-2.json");
        assertEquals(3, rankFlagged(comparison));
        assertEquals(5, comparison.decided(Decision.EQUIVALENT).size());
        assertEquals(19, comparison.inconclusive().size());
        assertTrue(comparison.regressions().isEmpty());
    }

    @Test
    void aTwentyPercentSlowdownOnTheQuietMachineIsSlowerInAllButTheNoisiestRowsAndNeverFaster() {
        Run old = CompareFixtures.run("aa-quiet-1.json");
        Run slower = Comparisons.injectSlowdown(CompareFixtures.run("aa-quiet-2.json"), SLOWDOWN - 1);
        Comparison comparison = Comparisons.compare(old, slower, ALPHA, THRESHOLD);
        assertEquals(21, comparison.regressions().size()); // 87.5 %: short of 95 % with 5 forks
        assertEquals(0, comparison.decided(Decision.FASTER).size());
        // the rows it misses are the noisy ones, and each of them says so
        assertTrue(comparison.inconclusive().stream().allMatch(r -> r.judgement().reason() == Reason.TOO_NOISY));
    }

    @Test
    void anAaPairWhoseMachineChangedBetweenTheRunsIsFlaggedWhereItReallyDiffers() {
        // one run after the other while other builds came and went: the runs differ, though the code does not
        Comparison comparison = compare("aa-sequential-1.json", "aa-sequential-2.json");
        assertEquals(10, rankFlagged(comparison));
        // the gate calls 7 of them slower by more than 5 %: drift between runs made apart, which bench-ab avoids
        assertEquals(7, comparison.regressions().size());
        assertEquals(2, comparison.decided(Decision.FASTER).size());
        Run slower = Comparisons.injectSlowdown(CompareFixtures.run("aa-sequential-2.json"), SLOWDOWN - 1);
        assertEquals(11, Comparisons.compare(CompareFixtures.run("aa-sequential-1.json"), slower, ALPHA, THRESHOLD)
                .regressions().size());
    }

    @Test
    void aTwentyPercentSlowdownOnTheBusyMachineIsNeverCalledFasterAndLeftUndecided() {
        Run old = CompareFixtures.run("aa-long-1.json");
        Run slower = Comparisons.injectSlowdown(CompareFixtures.run("aa-long-2.json"), SLOWDOWN - 1);
        Comparison comparison = Comparisons.compare(old, slower, ALPHA, THRESHOLD);
        assertEquals(0, comparison.regressions().size());
        assertEquals(0, comparison.decided(Decision.FASTER).size());
        assertEquals(24, comparison.inconclusive().size());
    }

    @Test
    void theInjectedSlowdownReadsAsSlowerInTimeAndInThroughputRows() {
        Run run = CompareFixtures.run("aa-long-1.json");
        Comparison comparison = Comparisons.compare(run, Comparisons.injectSlowdown(run, SLOWDOWN - 1), ALPHA, THRESHOLD);
        for (RowComparison row : comparison.rows()) {
            double expected = row.direction() == Direction.HIGHER_IS_BETTER ? 1 / SLOWDOWN - 1 : SLOWDOWN - 1;
            assertEquals(expected, row.change(), 1e-9);
            assertEquals(SLOWDOWN - 1, row.costChange(), 1e-9);
            assertTrue(row.decision() == Decision.SLOWER || row.decision() == Decision.INCONCLUSIVE,
                    row.key().toString());
        }
        assertEquals(SLOWDOWN - 1, comparison.geoMean().change(), 1e-9);
    }

    /** Rows whose rank p (the opt-in second view) is at most alpha. */
    private static long rankFlagged(Comparison comparison) {
        return comparison.rows().stream().filter(r -> r.rankP() <= ALPHA).count();
    }

    private static Comparison compare(String oldFixture, String newFixture) {
        return Comparisons.compare(CompareFixtures.run(oldFixture), CompareFixtures.run(newFixture), ALPHA, THRESHOLD);
    }
}
