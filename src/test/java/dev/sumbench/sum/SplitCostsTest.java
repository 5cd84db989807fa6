package dev.sumbench.sum;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The measured rule, n·c·(1 − 1/p) − n·t > m·h, as a pure function of given costs: nothing here is timed. */
class SplitCostsTest {

    /** c = 0.25 ns per element, t = 0, h = 10 µs, 2 cores. */
    private static final SplitCosts THREADS = new SplitCosts(0.25, 0, 10_000, 2);

    @Test
    void theSmallestRangeWorthSplittingIsMarginTimesHandOffOverTheSavingPerElement() {
        assertEquals(2.0, SplitCosts.MARGIN);
        // 2 * 10 000 ns / (0.25 ns * (1 - 1/2)) = 160 000 elements: the first n with a saving above m·h is 160 001
        assertEquals(160_001, THREADS.minParallelSize(2));
        assertFalse(THREADS.splitPays(160_000, 2));
        assertTrue(THREADS.splitPays(160_001, 2));
        // four workers on four cores save 3/4 of the work: 2 * 10 000 / (0.25 * 0.75) = 106 666.7
        assertEquals(106_667, new SplitCosts(0.25, 0, 10_000, 4).minParallelSize(4));
    }

    @Test
    void aCopyPerElementMovesTheMinimumUpAndACopyDearerThanTheSavingNeverSplits() {
        // t = 0.025: the saving per element falls from 0.125 to 0.1 ns, so n* = 20 000 / 0.1
        assertEquals(200_001, new SplitCosts(0.25, 0.025, 10_000, 2).minParallelSize(2));
        // a pipe's copy (several ns per element) costs more than half the loop saves
        SplitCosts pipe = new SplitCosts(0.25, 5, 80_000, 2);
        assertEquals(Long.MAX_VALUE, pipe.minParallelSize(2));
        assertFalse(pipe.splitPays(Integer.MAX_VALUE, 2));
        assertEquals(Long.MAX_VALUE, new SplitCosts(0.25, 0.125, 0, 2).minParallelSize(2));
    }

    @Test
    void oneWorkerOrOneCoreNeverSplits() {
        assertEquals(Long.MAX_VALUE, THREADS.minParallelSize(1));
        assertEquals(Long.MAX_VALUE, new SplitCosts(0.25, 0, 10_000, 1).minParallelSize(8));
    }

    @Test
    void moreWorkersThanCoresGainOnlyTheCores() {
        assertEquals(2, THREADS.parallelism(8));
        assertEquals(160_001, THREADS.minParallelSize(8));
    }

    @Test
    void aFreeHandOffSplitsFromTwoElements() {
        assertEquals(2, new SplitCosts(0.25, 0, 0, 2).minParallelSize(2));
    }

    @Test
    void theFormulaCarriesTheNumbersItDecidesWith() {
        assertEquals("split n elements when n·c·(1 − 1/p) − n·t > m·h, with c = 0.250 ns per element, t = 0.000 ns "
                + "per element, h = 10.0 µs, m = 2, p = 2: from n = 160001", THREADS.formula(2));
        assertTrue(new SplitCosts(0.25, 5, 80_000, 2).formula(2).endsWith("p = 2: never"));
    }

    @Test
    void impossibleCostsAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> new SplitCosts(0, 0, 1, 2));
        assertThrows(IllegalArgumentException.class, () -> new SplitCosts(Double.NaN, 0, 1, 2));
        assertThrows(IllegalArgumentException.class, () -> new SplitCosts(1, -1, 1, 2));
        assertThrows(IllegalArgumentException.class, () -> new SplitCosts(1, 0, -1, 2));
        assertThrows(IllegalArgumentException.class, () -> new SplitCosts(1, 0, 1, 0));
    }
}
