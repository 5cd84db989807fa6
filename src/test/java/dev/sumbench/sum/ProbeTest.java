package dev.sumbench.sum;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

/** The probe behind {@code sum --repeat}: batches for short sums, single calls for long ones, and the right sum. */
class ProbeTest {

    @Test
    void aSumOfMillisecondsIsTimedAloneAndOneOfNanosecondsInBatches() {
        try (SumStrategy sequential = Strategies.create("sequential", new Settings(1, 0))) {
            long[] big = Data.generate(4_000_000, 1);
            assertEquals(1, Probe.batchSize(sequential, big, LongStream.of(big).sum()));
            long[] tiny = Data.generate(10, 1);
            assertTrue(Probe.batchSize(sequential, tiny, LongStream.of(tiny).sum()) > 1);
        }
    }

    @Test
    void timingsAreSortedPerSumAndTheMedianIsTheExactOneRounded() {
        try (SumStrategy sequential = Strategies.create("sequential", new Settings(1, 0))) {
            long[] data = Data.generate(1000, 1);
            Probe.Timings timings = Probe.run(sequential, data, 51, 10_000_000_000L);
            assertEquals(LongStream.of(data).sum(), timings.sum());
            assertEquals(51, timings.times().length);
            for (int i = 1; i < timings.times().length; i++) {
                assertTrue(timings.times()[i - 1] <= timings.times()[i]);
            }
            assertEquals(timings.times()[25], timings.exactMedian());
            assertEquals(Math.round(timings.exactMedian()), timings.median());
        }
    }
}
