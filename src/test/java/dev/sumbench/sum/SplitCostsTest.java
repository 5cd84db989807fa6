package dev.sumbench.sum;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The adaptive rule as a pure function of given costs: nothing here is timed. */
class SplitCostsTest {

    /** 0.25 ns per element, a 10 us hand-off, 2 cores. */
    private static final SplitCosts TEN_MICROS = new SplitCosts(0.25, 10_000, 2, UsePattern.BACK_TO_BACK);
    private static final double MARGIN = 4;

    @Test
    void theSmallestRangeWorthSplittingIsMarginTimesHandOffOverTheSavedShare() {
        // 4 * 10 000 ns / (0.25 ns * (1 - 1/2)) = 320 000 elements
        assertEquals(320_000, TEN_MICROS.minParallelSize(2, MARGIN));
        // a margin of 1 is the model's break-even: saving n * c / 2 = h
        assertEquals(80_000, TEN_MICROS.minParallelSize(2, 1));
        // four workers on four cores save 3/4 of the work: 4 * 10 000 / (0.25 * 0.75)
        SplitCosts fourCores = new SplitCosts(0.25, 10_000, 4, UsePattern.BACK_TO_BACK);
        assertEquals(213_334, fourCores.minParallelSize(4, MARGIN));
    }

    @Test
    void aHandOffTenTimesDearerAfterIdleSplitsTenTimesLater() {
        SplitCosts afterIdle = new SplitCosts(0.25, 100_000, 2, UsePattern.AFTER_IDLE);
        assertEquals(3_200_000, afterIdle.minParallelSize(2, MARGIN));
        assertEquals(1, afterIdle.chunks(1_048_576, 2, 1, MARGIN));
        assertEquals(2, TEN_MICROS.chunks(1_048_576, 2, 1, MARGIN));
    }

    @Test
    void whichSizesSplitAndIntoHowManyChunks() {
        // thread-pool: one chunk per worker
        assertEquals(1, TEN_MICROS.chunks(10, 2, 1, MARGIN));
        assertEquals(1, TEN_MICROS.chunks(131_072, 2, 1, MARGIN));
        assertEquals(1, TEN_MICROS.chunks(319_999, 2, 1, MARGIN));
        assertEquals(2, TEN_MICROS.chunks(320_000, 2, 1, MARGIN));
        assertEquals(2, TEN_MICROS.chunks(10_000_000, 2, 1, MARGIN));
        // fork-join: up to four leaves per worker, but only while each leaf's work is >= margin hand-offs
        // (n * c / (margin * h) = 320 000 * 0.25 / 40 000 = 2 leaves at the threshold)
        assertEquals(2, TEN_MICROS.chunks(320_000, 2, 4, MARGIN));
        assertEquals(3, TEN_MICROS.chunks(480_000, 2, 4, MARGIN));
        assertEquals(6, TEN_MICROS.chunks(960_000, 2, 4, MARGIN));
        assertEquals(8, TEN_MICROS.chunks(10_000_000, 2, 4, MARGIN));
    }

    @Test
    void oneWorkerOrOneCoreNeverSplits() {
        assertEquals(Long.MAX_VALUE, TEN_MICROS.minParallelSize(1, MARGIN));
        assertEquals(1, TEN_MICROS.chunks(Integer.MAX_VALUE, 1, 4, MARGIN));
        SplitCosts oneCore = new SplitCosts(0.25, 10_000, 1, UsePattern.BACK_TO_BACK);
        assertEquals(Long.MAX_VALUE, oneCore.minParallelSize(8, MARGIN));
        assertEquals(1, oneCore.chunks(100_000_000, 8, 1, MARGIN));
    }

    @Test
    void moreWorkersThanCoresSplitAsManyWaysAsThereAreWorkersButGainOnlyTheCores() {
        // eight workers on two cores: the saving is that of two, but each worker still gets a chunk
        assertEquals(320_000, TEN_MICROS.minParallelSize(8, MARGIN));
        assertEquals(8, TEN_MICROS.chunks(320_000, 8, 1, MARGIN));
    }

    @Test
    void aFreeHandOffSplitsEverythingButNeverMoreChunksThanElements() {
        SplitCosts free = new SplitCosts(0.25, 0, 2, UsePattern.BACK_TO_BACK);
        assertEquals(2, free.minParallelSize(2, MARGIN));
        assertEquals(2, free.chunks(2, 2, 4, MARGIN));
        assertEquals(3, free.chunks(3, 2, 4, MARGIN));
        assertEquals(8, free.chunks(1_000, 2, 4, MARGIN));
    }

    @Test
    void impossibleCostsAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> new SplitCosts(0, 1, 2, UsePattern.BACK_TO_BACK));
        assertThrows(IllegalArgumentException.class, () -> new SplitCosts(Double.NaN, 1, 2, UsePattern.BACK_TO_BACK));
        assertThrows(IllegalArgumentException.class, () -> new SplitCosts(1, -1, 2, UsePattern.BACK_TO_BACK));
        assertThrows(IllegalArgumentException.class, () -> new SplitCosts(1, 1, 0, UsePattern.BACK_TO_BACK));
    }

    @Test
    void theDescriptionNamesEveryInput() {
        assertEquals("per element 0.250 ns, hand-off 10.0 us (back-to-back), 2 cores", TEN_MICROS.describe());
        assertTrue(SplitCosts.DEFAULT_MARGIN >= 1);
    }
}
