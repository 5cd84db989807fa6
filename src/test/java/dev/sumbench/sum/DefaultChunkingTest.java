package dev.sumbench.sum;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** The default-chunking decision on given costs: the order of its sources and both rules, without timing. */
class DefaultChunkingTest {

    private static final SplitCosts COSTS = new SplitCosts(0.25, 0, 10_000, 2);
    private static final Settings ADAPTIVE = new Settings(2, 0, ChunkProfile.NONE, ChunkingRule.ADAPTIVE);
    private static final Settings FIXED = new Settings(2, 0, ChunkProfile.NONE, ChunkingRule.FIXED);

    @Test
    void theAdaptiveRuleSumsBelowItsMinimumInTheCallerAndSplitsAbove() {
        long min = COSTS.minParallelSize(2);
        DefaultChunking.Decision below = DefaultChunking.decide("fork-join", ADAPTIVE, 0, (int) min - 1, 4, COSTS);
        assertTrue(below.inCaller(), below.reason());
        assertEquals(1, below.plan().count());
        DefaultChunking.Decision at = DefaultChunking.decide("fork-join", ADAPTIVE, 0, (int) min, 4, COSTS);
        assertFalse(at.inCaller());
        assertEquals(2, at.plan().count());
        assertEquals("measured rule: at or above the minimum parallel size " + min, at.reason());
        assertEquals(160_001, min);
    }

    @Test
    void theFixedRuleIsTheFormerSizeRuleByName() {
        // 131 072 = two chunks of 2^16: the fixed rule splits where the measured one (min 160 001 here) does not
        assertEquals(2, DefaultChunking.decide("fork-join", FIXED, 0, 131_072, 4, COSTS).plan().count());
        assertTrue(DefaultChunking.decide("fork-join", ADAPTIVE, 0, 131_072, 4, COSTS).inCaller());
        assertEquals(8, DefaultChunking.decide("fork-join", FIXED, 0, 10_000_000, 4, COSTS).plan().count());
        // one chunk under the fixed rule is not "in the caller": the process strategies still send it to a worker
        assertFalse(DefaultChunking.decide("process-pipe", FIXED, 0, 10, 1, COSTS).inCaller());
        assertEquals(ChunkingRule.FIXED, ChunkingRule.parse(" Fixed "));
        assertEquals(ChunkingRule.ADAPTIVE, ChunkingRule.parse("adaptive"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ChunkingRule.parse("smart"));
        assertEquals("expected adaptive or fixed, got 'smart'", e.getMessage());
    }

    @Test
    void withoutCostsTheAdaptiveSettingsFallBackToTheFixedRule() {
        assertEquals(DefaultChunking.decide("fork-join", FIXED, 0, 131_072, 4, null).plan(),
                DefaultChunking.decide("fork-join", ADAPTIVE, 0, 131_072, 4, null).plan());
    }

    @Test
    void anExplicitChunkWinsOverEveryRule() {
        Settings explicit = new Settings(2, 5, ChunkProfile.NONE, ChunkingRule.ADAPTIVE);
        DefaultChunking.Decision decision = DefaultChunking.decide("thread-pool", explicit, 0, 10, 1, COSTS);
        assertEquals(2, decision.plan().count());
        assertFalse(decision.inCaller());
        assertEquals("explicit chunk 5", decision.reason());
    }

    @Test
    void aProfilesMinimumParallelSizeWinsOverTheMeasuredOne() {
        ChunkProfile profile = new ChunkProfile(Map.of(), Map.of(ChunkProfile.key("thread-pool", 2), 1_000_000L));
        Settings tuned = new Settings(2, 0, profile, ChunkingRule.ADAPTIVE);
        assertTrue(DefaultChunking.decide("thread-pool", tuned, 0, 999_999, 1, COSTS).inCaller());
        DefaultChunking.Decision at = DefaultChunking.decide("thread-pool", tuned, 0, 1_000_000, 1, COSTS);
        assertEquals(2, at.plan().count());
        assertEquals("profile: split from 1000000 elements", at.reason());
        // another strategy or worker count is not in the profile: the measured rule decides
        assertEquals(2, DefaultChunking.decide("fork-join", tuned, 0, 400_000, 4, COSTS).plan().count());
    }

    @Test
    void aProfilesChunkAppliesOnlyWhereSplittingPays() {
        long[][] steps = {{0, 50_000}};
        ChunkProfile profile = new ChunkProfile(Map.of(ChunkProfile.key("fork-join", 2), steps));
        Settings tuned = new Settings(2, 0, profile, ChunkingRule.ADAPTIVE);
        assertTrue(DefaultChunking.decide("fork-join", tuned, 0, 150_000, 4, COSTS).inCaller());
        assertEquals(20, DefaultChunking.decide("fork-join", tuned, 0, 1_000_000, 4, COSTS).plan().count());
        // the fixed rule takes the profile's chunk at any size, as it always did
        Settings fixed = new Settings(2, 0, profile, ChunkingRule.FIXED);
        assertEquals(4, DefaultChunking.decide("fork-join", fixed, 0, 200_000, 4, COSTS).plan().count());
    }

    @Test
    void theDescriptionOfTheRulesWithoutMeasuredCostsSaysWhichRule() {
        assertEquals("chunking: fixed (chunks of at least 65536 elements, then a fixed count per worker)",
                DefaultChunking.describe(FIXED));
        assertEquals("chunking: explicit chunk 5",
                DefaultChunking.describe(new Settings(2, 5, ChunkProfile.NONE, ChunkingRule.ADAPTIVE)));
    }

    @Test
    void settingsTakeTheirRuleFromTheSystemPropertyWhenMade() {
        String rule = System.getProperty(ChunkingRule.PROPERTY);
        try {
            System.setProperty(ChunkingRule.PROPERTY, "fixed");
            Settings settings = new Settings(2, 0);
            assertEquals(ChunkingRule.FIXED, settings.rule());
            assertFalse(settings.adaptive());
        } finally {
            restore(ChunkingRule.PROPERTY, rule);
        }
        if (rule == null) {
            assertTrue(new Settings(2, 0).adaptive(), "adaptive when the property is not set");
        }
    }

    private static void restore(String property, String value) {
        if (value == null) {
            System.clearProperty(property);
        } else {
            System.setProperty(property, value);
        }
    }
}
