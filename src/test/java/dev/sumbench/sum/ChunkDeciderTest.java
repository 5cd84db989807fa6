package dev.sumbench.sum;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The decider of a strategy: the measured rule decides every sum, the same way for the same size, and adds up. */
class ChunkDeciderTest {

    private static final Settings ADAPTIVE = new Settings(2, 0, ChunkProfile.NONE, ChunkingRule.ADAPTIVE);

    /** A "split" that counts the large plans it sums and sums them in the caller, fast on the calibration's tiny one. */
    private static Calibration.Splitter counting(AtomicInteger splits) {
        return (data, plan) -> {
            if (plan.size() > 2) {
                splits.incrementAndGet();
            }
            return Ranges.loop(data, plan.lo(), plan.hi());
        };
    }

    @Test
    void belowTheMinimumTheCallerSumsAndFromItTheSplitterDoesAlways() {
        AtomicInteger splits = new AtomicInteger();
        Calibration.Splitter splitter = counting(splits);
        ChunkDecider decider = new ChunkDecider("counting-test", ADAPTIVE, 1, ChunkDecider.OneChunk.IN_CALLER,
                splitter, false);
        SplitCosts costs = decider.costs();
        long min = costs.minParallelSize(2);
        if (min > 1 << 23) {
            return; // one core: nothing is ever split
        }
        int n = (int) Math.max(min, Calibration.ELEMENT_ARRAY + 1);
        long[] data = Data.generate(n, 7);
        splits.set(0); // the calibration's own splits
        for (int i = 0; i < 5; i++) {
            assertEquals(Ranges.loop(data, 0, n - 1), decider.sum(data, 0, n - 1, splitter));
            assertEquals(Ranges.loop(data, 0, n), decider.sum(data, 0, n, splitter));
        }
        // n - 1 is split too where n > min: only the sums at or above the minimum went to the splitter
        int expected = n - 1 >= min ? 10 : 5;
        assertEquals(expected, splits.get());
        assertEquals(DefaultChunking.Why.FROM_MEASURED_MINIMUM, decider.decide(0, n).why());
        assertEquals(2, decider.decide(0, n).plan().count(), "one chunk per worker");
        assertTrue(decider.decide(0, (int) Math.min(min - 1, Integer.MAX_VALUE)).inCaller());
    }

    @Test
    void theDescriptionIsTheFormulaWithTheNumbersAndTheDecision() {
        AtomicInteger splits = new AtomicInteger();
        ChunkDecider decider = new ChunkDecider("counting-test", ADAPTIVE, 1, ChunkDecider.OneChunk.IN_CALLER,
                counting(splits), false);
        String line = decider.describe(10);
        assertTrue(line.startsWith("counting-test: " + decider.costs().formula(2) + "; 10 elements: summed in the "
                + "caller (measured rule: below the minimum parallel size "), line);
    }

    @Test
    void withoutTheMeasuredRuleNothingIsMeasured() {
        AtomicInteger calls = new AtomicInteger();
        Calibration.Splitter splitter = (data, plan) -> {
            calls.incrementAndGet();
            return Ranges.loop(data, plan.lo(), plan.hi());
        };
        Settings explicit = new Settings(2, 5, ChunkProfile.NONE, ChunkingRule.ADAPTIVE);
        ChunkDecider byChunk = new ChunkDecider("t", explicit, 1, ChunkDecider.OneChunk.IN_CALLER, splitter, false);
        assertNull(byChunk.costs());
        Settings fixed = new Settings(2, 0, ChunkProfile.NONE, ChunkingRule.FIXED);
        ChunkDecider byRule = new ChunkDecider("t", fixed, 1, ChunkDecider.OneChunk.IN_CALLER, splitter, false);
        assertNull(byRule.costs());
        assertEquals(0, calls.get());
        // an explicit chunk goes to the splitter even for ten elements; the fixed rule keeps them in the caller
        long[] data = Data.oneTo(10);
        assertEquals(55, byChunk.sum(data, 0, 10, splitter));
        assertEquals(1, calls.get());
        assertEquals(55, byRule.sum(data, 0, 10, splitter));
        assertEquals(1, calls.get());
        assertEquals("t: chunking: explicit chunk 5; 10 elements: 2 chunks (explicit chunk 5)", byChunk.describe(10));
    }
}
