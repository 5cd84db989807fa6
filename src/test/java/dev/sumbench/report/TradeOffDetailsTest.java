package dev.sumbench.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.sumbench.stats.TradeOffAnalysis.Detail;
import org.junit.jupiter.api.Test;

class TradeOffDetailsTest {

    @Test
    void eachDetailIsWordedWithItsValues() {
        assertEquals("cold − warm at size 1,000, 2 workers",
                SumTables.detail(Detail.of(Detail.Code.PYTHON_COLD, 1_000L, "2")));
        assertEquals("1..10 in two halves, pool per call, ? workers",
                SumTables.detail(Detail.of(Detail.Code.PYTHON_EXERCISE, "?")));
        assertEquals("2 workers, size 1,000,000, the GIL: one thread runs Python at a time",
                SumTables.detail(Detail.of(Detail.Code.PYTHON_SPEEDUP, "2", 1_000_000L, true)));
        assertEquals("1 worker, shared array, no copy", SumTables.detail(Detail.of(Detail.Code.MOVING, 1, true)));
        assertEquals("2 workers, 4 cores, size 1,000", SumTables.detail(Detail.of(Detail.Code.SPEEDUP, 2, 4, 1_000L)));
        assertEquals("2 workers; after 1ms idle 65.2 µs (sequential 3.10 µs)",
                SumTables.detail(Detail.of(Detail.Code.DISPATCH, 2, "1ms", 65_200.0, 3_100.0)));
        assertEquals("2 workers", SumTables.detail(Detail.of(Detail.Code.DISPATCH, 2, "", Double.NaN, Double.NaN)));
        assertEquals("PSS 0.377 MiB; the caller's growth ÷ workers, 4 workers, mean of 5 forks",
                SumTables.detail(Detail.of(Detail.Code.MEMORY, 0.3771, false, 4, 5)));
        assertEquals("PSS 21.7 MiB", SumTables.pss(Detail.of(Detail.Code.MEMORY, 21.74, true, 2, 3)));
    }
}
