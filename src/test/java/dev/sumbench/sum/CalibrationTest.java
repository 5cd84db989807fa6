package dev.sumbench.sum;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The calibration measures what it claims: a known hand-off, a copy per element, and a sum-of-parts loop cost. */
class CalibrationTest {

    /** A "split" that parks for a known time and then sums the plan in the caller. */
    private static long parkThenSum(long[] data, ChunkPlan plan, long parkNanos) {
        IdleTime.park(parkNanos);
        return Ranges.loop(data, plan.lo(), plan.hi());
    }

    @Test
    void theHandOffIsTheMedianOfTheSplitsAfterIdleAndTheLoopCostIsPositive() {
        long park = 300_000;
        AtomicInteger bigSplits = new AtomicInteger();
        SplitCosts costs = Calibration.measure((data, plan) -> {
            if (plan.size() > 2) {
                bigSplits.incrementAndGet();
            }
            return parkThenSum(data, plan, park);
        }, 2, false);
        // parkNanos never returns early, and the median of 51 is no outlier of a busy machine
        assertTrue(costs.handOffNanos() >= park && costs.handOffNanos() < 100 * park, "h = " + costs.handOffNanos());
        assertTrue(costs.elementNanos() > 0 && Double.isFinite(costs.elementNanos()), "c = " + costs.elementNanos());
        assertEquals(0.0, costs.copyNanos(), "t is measured only for a split that copies");
        assertTrue(bigSplits.get() > 0, "the warm-up runs the split of the cached array too");
        assertEquals(Runtime.getRuntime().availableProcessors(), costs.cores());
    }

    @Test
    void aSplitThatCopiesEveryElementHasACopyCostAboveWhatTheSplitSaves() {
        AtomicInteger bigSplits = new AtomicInteger();
        SplitCosts costs = Calibration.measure((data, plan) -> {
            if (plan.size() > 2) {
                bigSplits.incrementAndGet();
            }
            // what a pipe does: every element written into a buffer and read back, one by one
            ByteBuffer buffer = ByteBuffer.allocate(plan.size() * Long.BYTES);
            for (int i = plan.lo(); i < plan.hi(); i++) {
                buffer.putLong(data[i]);
            }
            buffer.flip();
            long sum = 0;
            while (buffer.hasRemaining()) {
                sum += buffer.getLong();
            }
            return sum;
        }, 2, true);
        assertTrue(bigSplits.get() > Calibration.SAMPLES, "the warm-up's and one timed split per sample");
        assertTrue(costs.copyNanos() > costs.elementNanos() / 2, "t = " + costs.copyNanos() + " c = "
                + costs.elementNanos());
        assertEquals(Long.MAX_VALUE, costs.minParallelSize(2), costs.formula(2));
    }

    @Test
    void theStandaloneLoopCostIsPositiveAndFinite() {
        double c = Calibration.elementNanos();
        assertTrue(c > 0 && Double.isFinite(c), "c = " + c);
    }
}
