package dev.sumbench.sum;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * The decider of a real strategy: its one-comparison shortcut never disagrees with the rule, and above the floor its
 * sums go by the loop or the split as learned, always with the right sum.
 */
class ChunkDeciderTest {

    private static final Settings ADAPTIVE = new Settings(2, 0, ChunkProfile.NONE, ChunkingRule.ADAPTIVE,
            UsePattern.BACK_TO_BACK);

    @Test
    void theShortcutKeepsInTheCallerOnlyWhatTheRuleKeepsThere() {
        try (ThreadPool pool = new ThreadPool(ADAPTIVE)) {
            // the same strategy's cached costs; the per-element cost only falls, so the floor only grows
            long floor = pool.splitCosts().orElseThrow().minParallelSize(2, SplitCosts.margin());
            ChunkDecider decider = new ChunkDecider(ThreadPool.ID, ADAPTIVE, 1, (data, plan) -> 0);
            for (int n : new int[] {0, 1, 10, 1_000, 100_000, 1 << 20, 1 << 24}) {
                if (decider.inCaller(n)) {
                    assertTrue(decider.decide(0, n).inCaller(), n + " elements");
                }
                if (n < floor) {
                    assertTrue(decider.inCaller(n), n + " elements, below the floor " + floor);
                }
            }
        }
    }

    @Test
    void theShortcutIsOffWhereTheRuleIsNotAdaptive() {
        Settings explicit = new Settings(2, 5, ChunkProfile.NONE, ChunkingRule.ADAPTIVE, UsePattern.BACK_TO_BACK);
        assertFalse(new ChunkDecider("thread-pool", explicit, 1, (data, plan) -> 0).inCaller(10));
        Settings fixed = new Settings(2, 0, ChunkProfile.NONE, ChunkingRule.FIXED, UsePattern.BACK_TO_BACK);
        assertFalse(new ChunkDecider("thread-pool", fixed, 1, (data, plan) -> 0).inCaller(10));
    }

    @Test
    void aboveTheFloorTheSumsGoBothWaysAndAlwaysAddUp() {
        AtomicInteger splits = new AtomicInteger();
        // a "split" that sums the plan's chunks in the caller, slowly: the learner must end up with the loop
        Calibration.Splitter slow = (data, plan) -> {
            long sum = 0;
            for (int i = 0; i < plan.count(); i++) {
                sum += Ranges.loop(data, plan.lo(i), plan.hi(i));
            }
            if (plan.size() > 1_000) {
                // fast on the calibration's tiny split, so the floor is low; slow on a real range
                splits.incrementAndGet();
                Calibration.idle(200_000);
            }
            return sum;
        };
        ChunkDecider decider = new ChunkDecider("slow-splitter-test", ADAPTIVE, 1, slow);
        long floor = decider.splitCosts().orElseThrow().minParallelSize(2, SplitCosts.margin());
        if (floor >= 1 << 22) {
            return; // one core: nothing is ever split
        }
        int n = (int) Math.max(floor, 1 << 16);
        long[] data = Data.generate(n, 7);
        long expected = Ranges.loop(data, 0, n);
        int before = splits.get();
        // until the learner has tried the split and gone back to the loop: its first splits wait for this JVM's JIT
        // to go quiet (2 s at most), then settle, then are kept
        long deadline = System.nanoTime() + 6_000_000_000L;
        int sums = 0;
        while (System.nanoTime() < deadline
                && !(splits.get() > before && decider.learned(n).orElseThrow().contains("-> loop"))) {
            DefaultChunking.Decision decision = decider.decide(0, n);
            assertEquals(DefaultChunking.Why.FROM_MEASURED_MINIMUM, decision.why());
            assertEquals(expected, decider.sum(data, 0, n, decision, slow));
            sums++;
        }
        int tried = splits.get() - before;
        assertTrue(tried > 0 && tried < sums, tried + " of " + sums + " sums split");
        assertTrue(decider.learned(n).orElseThrow().endsWith("-> loop (a split must be 1.1x faster)"),
                decider.learned(n).orElseThrow());
        assertTrue(decider.learned(10).isEmpty(), "below the floor nothing is learned");
    }
}
