package dev.sumbench.sum;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The calibration returns sane values and stays within its budget, counted in calls rather than timed. */
class CalibrationTest {

    @Test
    void thePerElementCostIsThatOfALoopAndIsMeasuredOncePerJvm() {
        double c = Calibration.elementNanos();
        // a 64-bit add takes more than 0.01 ns and a cached loop far less than 100 ns per element
        assertTrue(c >= Calibration.MIN_ELEMENT_NANOS && c < 100, "per-element cost " + c + " ns");
        assertEquals(c, Calibration.elementNanos(), "cached");
    }

    @Test
    void theHandOffOfARealPoolIsPositiveAndBelowASecond() {
        Settings settings = new Settings(2, 0, ChunkProfile.NONE, ChunkingRule.ADAPTIVE, UsePattern.BACK_TO_BACK);
        try (SumStrategy pool = Strategies.create(ThreadPool.ID, settings)) {
            SplitCosts costs = pool.splitCosts().orElseThrow();
            assertTrue(costs.handOffNanos() > 0 && costs.handOffNanos() < 1e9, costs.describe());
            assertEquals(Runtime.getRuntime().availableProcessors(), costs.cores());
            assertEquals(UsePattern.BACK_TO_BACK, costs.pattern());
        }
    }

    @Test
    void aSlowSplitStopsTheCalibrationAtItsBudget() {
        AtomicInteger calls = new AtomicInteger();
        long perCall = 3_000_000L;
        double h = Calibration.handOffNanos((data, plan) -> {
            calls.incrementAndGet();
            Calibration.idle(perCall);
            return 0;
        }, 2, UsePattern.BACK_TO_BACK);
        // each call takes at least 3 ms, so a 10 ms budget allows at most 4 (the last one started within it)
        assertTrue(calls.get() >= 1 && calls.get() <= Calibration.HAND_OFF_BUDGET_NANOS / perCall + 1,
                calls.get() + " calls");
        assertTrue(h >= perCall, "median " + h + " ns of calls that each park 3 ms");
    }

    @Test
    void aFastSplitIsCalledAtMostItsCountAndEachCallSeesOneElementPerWorker() {
        AtomicInteger calls = new AtomicInteger();
        Calibration.handOffNanos((data, plan) -> {
            calls.incrementAndGet();
            assertEquals(3, plan.count());
            assertEquals(3, data.length);
            return 0;
        }, 3, UsePattern.BACK_TO_BACK);
        assertTrue(calls.get() >= 1 && calls.get() <= Calibration.HAND_OFF_SPLITS, calls.get() + " calls");
    }

    @Test
    void afterIdleTakesFewerSplitsEachAfterTheIdleTime() {
        AtomicInteger calls = new AtomicInteger();
        Calibration.handOffNanos((data, plan) -> calls.incrementAndGet(), 2, UsePattern.AFTER_IDLE);
        assertTrue(calls.get() >= 1 && calls.get() <= Calibration.IDLE_SPLITS, calls.get() + " calls");
    }

    @Test
    void idleParksForAtLeastTheTimeAsked() {
        long start = System.nanoTime();
        Calibration.idle(2_000_000L);
        assertTrue(System.nanoTime() - start >= 2_000_000L);
    }
}
