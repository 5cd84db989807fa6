package dev.sumbench.sum;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

class DataTest {

    @Test
    void sameSizeAndSeedGiveTheSameData() {
        assertArrayEquals(Data.generate(1_000, 7), Data.generate(1_000, 7));
        assertFalse(Arrays.equals(Data.generate(1_000, 7), Data.generate(1_000, 8)));
    }

    @Test
    void valuesSpanTheWholeRangeSoSumsOverflow() {
        long[] data = Data.generate(100_000, Data.DEFAULT_SEED);
        assertTrue(Arrays.stream(data).anyMatch(v -> v < Long.MIN_VALUE / 2), "values near Long.MIN_VALUE");
        assertTrue(Arrays.stream(data).anyMatch(v -> v > Long.MAX_VALUE / 2), "values near Long.MAX_VALUE");
    }

    @Test
    void generatedSumIsStableAcrossVersions() {
        // Pinned: a change of generator would silently change every published sum.
        assertEquals(-1952296801135965087L, LongStream.of(Data.generate(10_000_000, 42)).sum());
    }

    @Test
    void oneToTenSumsToFiftyFive() {
        assertEquals(55, LongStream.of(Data.oneTo(10)).sum());
    }
}
