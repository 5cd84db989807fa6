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
        // between a timer artefact and the interpreter (see the bounds' reasons)
        assertTrue(c >= Calibration.MIN_ELEMENT_NANOS && c <= Calibration.MAX_ELEMENT_NANOS,
                "per-element cost " + c + " ns");
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
        // each call takes at least 3 ms: the minimum count is made, and no call starts once the 10 ms budget is spent
        long most = Math.max(Calibration.MIN_SPLITS, Calibration.HAND_OFF_BUDGET_NANOS / perCall + 1);
        assertEquals(Calibration.MIN_SPLITS, calls.get(), "8 calls of 3 ms are past the budget: no ninth");
        assertTrue(calls.get() <= most, calls.get() + " calls");
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
        assertTrue(calls.get() >= Calibration.MIN_SPLITS && calls.get() <= Calibration.HAND_OFF_SPLITS,
                calls.get() + " calls");
    }

    @Test
    void afterIdleTakesFewerSplitsEachAfterTheIdleTime() {
        AtomicInteger calls = new AtomicInteger();
        Calibration.handOffNanos((data, plan) -> calls.incrementAndGet(), 2, UsePattern.AFTER_IDLE);
        assertTrue(calls.get() >= Calibration.MIN_IDLE_SPLITS && calls.get() <= Calibration.IDLE_SPLITS,
                calls.get() + " calls");
    }

    @Test
    void anUnsettledPerElementCostIsMeasuredAgainAtMostFiveTimesAndOnlyEverFalls() {
        Calibration.clear();
        double first = Calibration.elementNanos();
        double previous = first;
        for (int i = 0; i < 2 * Calibration.MAX_ELEMENT_MEASUREMENTS; i++) {
            double now = Calibration.elementNanos();
            assertTrue(now <= previous, now + " after " + previous);
            previous = now;
        }
        assertTrue(Calibration.elementSettled(), "settled after at most " + Calibration.MAX_ELEMENT_MEASUREMENTS);
        SplitCosts stale = new SplitCosts(Calibration.MAX_ELEMENT_NANOS * 2, 5_000, 2, UsePattern.BACK_TO_BACK);
        SplitCosts current = Calibration.current(stale);
        assertEquals(previous, current.elementNanos());
        assertEquals(5_000, current.handOffNanos());
        assertEquals(null, Calibration.current(null));
    }

    @Test
    void idleParksForAtLeastTheTimeAsked() {
        long start = System.nanoTime();
        Calibration.idle(2_000_000L);
        assertTrue(System.nanoTime() - start >= 2_000_000L);
    }
}
