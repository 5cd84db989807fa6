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
            assertEquals(1, new Probe.Session(sequential, Data.generate(4_000_000, 1), 0).batch());
            assertTrue(new Probe.Session(sequential, Data.generate(10, 1), 0).batch() > 1);
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

    @Test
    void sessionsTimedInTurnsEachKeepTheirOwnSumAndTimes() throws Exception {
        long[] data = Data.generate(10, 1);
        try (SumStrategy sequential = Strategies.create("sequential", new Settings(1, 0));
             SumStrategy stream = Strategies.create("sequential-stream", new Settings(1, 0))) {
            Probe.Session first = new Probe.Session(sequential, data, 0);
            Probe.Session second = new Probe.Session(stream, data, 0);
            double[] times = new double[4];
            first.time(times, 0, 2);
            second.time(times, 2, 2);
            assertEquals(LongStream.of(data).sum(), first.sum());
            assertEquals(first.sum(), second.sum());
            for (double time : times) {
                assertTrue(time > 0, java.util.Arrays.toString(times));
            }
        }
    }
}
