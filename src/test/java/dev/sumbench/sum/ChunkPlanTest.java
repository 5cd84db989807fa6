package dev.sumbench.sum;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class ChunkPlanTest {

    @Test
    void emptyRangeIsOneEmptyChunk() {
        ChunkPlan plan = ChunkPlan.bySize(0, 0, 5);
        assertEquals(1, plan.count());
        assertEquals(0, plan.lo(0));
        assertEquals(0, plan.hi(0));
        assertEquals(1, ChunkPlan.byCount(7, 7, 4).count());
    }

    @Test
    void fewerElementsThanChunksGivesOneElementEach() {
        ChunkPlan plan = ChunkPlan.byCount(0, 3, 16);
        assertEquals(3, plan.count());
        for (int i = 0; i < 3; i++) {
            assertEquals(1, plan.hi(i) - plan.lo(i));
        }
    }

    @Test
    void chunkLargerThanRangeIsOneChunk() {
        ChunkPlan plan = ChunkPlan.bySize(10, 20, 1_000);
        assertEquals(1, plan.count());
        assertEquals(10, plan.lo(0));
        assertEquals(20, plan.hi(0));
    }

    @Test
    void remainderIsSpreadOverTheFirstChunks() {
        ChunkPlan plan = ChunkPlan.byCount(0, 10, 4); // 3, 3, 2, 2
        assertEquals(4, plan.count());
        assertEquals(3, plan.hi(0) - plan.lo(0));
        assertEquals(3, plan.hi(1) - plan.lo(1));
        assertEquals(2, plan.hi(2) - plan.lo(2));
        assertEquals(2, plan.hi(3) - plan.lo(3));
    }

    @Test
    void teachingNoteSplitsTenIntoTwoHalves() {
        ChunkPlan plan = ChunkPlan.bySize(0, 10, 5);
        assertEquals(2, plan.count());
        assertEquals(5, plan.hi(0));
        assertEquals(5, plan.lo(1));
        assertEquals(10, plan.hi(1));
    }

    @Test
    void everyPlanCoversItsRangeExactlyOnceInOrder() {
        SplittableRandom random = new SplittableRandom(1);
        for (int c = 0; c < 5_000; c++) {
            int lo = random.nextInt(1_000);
            int hi = lo + random.nextInt(5_000);
            ChunkPlan plan = random.nextBoolean()
                    ? ChunkPlan.bySize(lo, hi, 1 + random.nextInt(6_000))
                    : ChunkPlan.byCount(lo, hi, 1 + random.nextInt(64));
            int expectedLo = lo;
            int smallest = Integer.MAX_VALUE;
            int largest = 0;
            for (int i = 0; i < plan.count(); i++) {
                assertEquals(expectedLo, plan.lo(i), plan + " chunk " + i);
                int length = plan.hi(i) - plan.lo(i);
                smallest = Math.min(smallest, length);
                largest = Math.max(largest, length);
                expectedLo = plan.hi(i);
            }
            assertEquals(hi, expectedLo, plan.toString());
            assertTrue(largest - smallest <= 1, "chunks differ by at most one element: " + plan);
        }
    }

    @Test
    void bySizeNeverMakesChunksLargerThanAsked() {
        SplittableRandom random = new SplittableRandom(2);
        for (int c = 0; c < 2_000; c++) {
            int n = random.nextInt(10_000);
            int chunk = 1 + random.nextInt(500);
            ChunkPlan plan = ChunkPlan.bySize(0, n, chunk);
            for (int i = 0; i < plan.count(); i++) {
                assertTrue(plan.hi(i) - plan.lo(i) <= chunk, plan + " chunk " + i);
            }
        }
    }

    @Test
    void rejectsImpossiblePlans() {
        assertThrows(IllegalArgumentException.class, () -> ChunkPlan.bySize(0, 10, 0));
        assertThrows(IllegalArgumentException.class, () -> ChunkPlan.byCount(0, 10, 0));
        assertThrows(IllegalArgumentException.class, () -> new ChunkPlan(5, 4, 1));
        assertThrows(IllegalArgumentException.class, () -> new ChunkPlan(0, 3, 4));
        assertThrows(IndexOutOfBoundsException.class, () -> ChunkPlan.byCount(0, 10, 2).lo(2));
    }
}
