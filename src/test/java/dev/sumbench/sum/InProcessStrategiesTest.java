package dev.sumbench.sum;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

class InProcessStrategiesTest {

    private static final int MAX_SIZE = 1_000_000;
    private static final int CASES_PER_STRATEGY = 700;

    /** Random values with the extremes mixed in: MIN, MAX, -1, 0 and values near both ends. */
    private static final long[] DATA = extremeData(MAX_SIZE + 1_000, 99);

    private static long[] extremeData(int n, long seed) {
        long[] data = Data.generate(n, seed);
        SplittableRandom random = new SplittableRandom(seed);
        long[] specials = {Long.MIN_VALUE, Long.MAX_VALUE, -1, 0, Long.MIN_VALUE + 1, Long.MAX_VALUE - 1};
        for (int i = 0; i < n; i += 1 + random.nextInt(7)) {
            data[i] = specials[random.nextInt(specials.length)];
        }
        return data;
    }

    static List<String> inProcessIds() {
        return Strategies.available().stream()
                .filter(info -> info.family() != Family.PROCESSES)
                .map(StrategyInfo::id)
                .toList();
    }

    @Test
    void everyInProcessStrategyEqualsSequentialOnThousandsOfRandomCases() {
        SplittableRandom random = new SplittableRandom(2024);
        int cases = 0;
        for (String id : inProcessIds()) {
            for (int c = 0; c < CASES_PER_STRATEGY; c++) {
                int n = randomSize(random);
                int lo = random.nextInt(DATA.length - n + 1);
                int workers = 1 + random.nextInt(16);
                int chunk = randomChunk(random, n);
                long expected = LongStream.of(DATA).skip(lo).limit(n).sum();
                // the default chunk by the fixed rule, which splits small ranges: the measured rule's strategies are
                // made (and measure their costs, 30 ms each) in the tests below
                Settings settings = new Settings(workers, chunk, ChunkProfile.NONE, ChunkingRule.FIXED);
                try (SumStrategy strategy = Strategies.create(id, settings)) {
                    assertEquals(expected, strategy.sum(DATA, lo, lo + n),
                            () -> id + " n=" + n + " lo=" + lo + " workers=" + workers + " chunk=" + chunk);
                }
                cases++;
            }
        }
        assertTrue(cases >= 3_000, "ran " + cases + " cases");
    }

    /** Mostly small sizes (0, 1, primes, fewer than workers), some up to a million. */
    private static int randomSize(SplittableRandom random) {
        int kind = random.nextInt(20);
        if (kind == 0) {
            return random.nextInt(3); // 0, 1, 2
        } else if (kind == 1) {
            int[] primes = {2, 3, 5, 7, 11, 13, 101, 997, 7919, 65_537, 104_729};
            return primes[random.nextInt(primes.length)];
        } else if (kind < 14) {
            return random.nextInt(2_000);
        } else if (kind < 19) {
            return random.nextInt(200_000);
        }
        return random.nextInt(MAX_SIZE + 1);
    }

    /** 0 (default), 1 (only on small sizes: a million one-element tasks only test patience), random, larger than n. */
    private static int randomChunk(SplittableRandom random, int n) {
        int kind = random.nextInt(4);
        if (kind == 0) {
            return Settings.DEFAULT_CHUNK;
        } else if (kind == 1) {
            return n <= 5_000 ? 1 : Math.max(1, n / 1_000);
        } else if (kind == 2) {
            return Math.max(1 + random.nextInt(Math.max(1, n)), n / 2_000);
        }
        return n + 1 + random.nextInt(1_000);
    }

    @Test
    void theAdaptiveDefaultEqualsSequentialAroundEachStrategysMeasuredMinimumParallelSize() {
        Settings adaptive = new Settings(2, Settings.DEFAULT_CHUNK, ChunkProfile.NONE, ChunkingRule.ADAPTIVE);
        for (String id : inProcessIds()) {
            try (SumStrategy strategy = Strategies.create(id, adaptive)) {
                if (!(strategy instanceof ChunkingStrategy chunking)) {
                    continue; // the sequential strategies and the JDK's own stream do not chunk
                }
                long min = chunking.decider().costs().minParallelSize(2);
                for (long size : new long[] {0, 1, 2, 10, 1_000, min - 1, min, min + 1, 3 * min + 7}) {
                    if (size < 0 || size > DATA.length) {
                        continue;
                    }
                    int n = (int) size;
                    int lo = (DATA.length - n) / 3;
                    assertEquals(LongStream.of(DATA).skip(lo).limit(n).sum(), strategy.sum(DATA, lo, lo + n),
                            () -> id + " adaptive n=" + n);
                    DefaultChunking.Decision decision = chunking.decider().decide(0, n);
                    assertEquals(n < min, decision.inCaller(), id + " n=" + n + ": " + decision.reason());
                    if (!decision.inCaller()) {
                        assertTrue(decision.plan().count() >= 2, id + " n=" + n);
                    }
                }
            }
        }
        // sizes above the data (a dear hand-off, or one core: never) are left out; the profile test below splits on
        // any machine
    }

    @Test
    void theAdaptiveDefaultWithAProfilesMinimumEqualsSequentialOnRandomCases() {
        SplittableRandom random = new SplittableRandom(2025);
        for (String id : inProcessIds()) {
            for (int c = 0; c < CASES_PER_STRATEGY / 35; c++) {
                int n = randomSize(random);
                int lo = random.nextInt(DATA.length - n + 1);
                int workers = 1 + random.nextInt(8);
                long min = 1 + random.nextInt(5_000);
                ChunkProfile profile = new ChunkProfile(java.util.Map.of(),
                        java.util.Map.of(ChunkProfile.key(id, workers), min));
                Settings settings = new Settings(workers, Settings.DEFAULT_CHUNK, profile, ChunkingRule.ADAPTIVE);
                long expected = LongStream.of(DATA).skip(lo).limit(n).sum();
                try (SumStrategy strategy = Strategies.create(id, settings)) {
                    assertEquals(expected, strategy.sum(DATA, lo, lo + n),
                            () -> id + " n=" + n + " lo=" + lo + " workers=" + workers + " min=" + min);
                    if (strategy instanceof ChunkingStrategy chunking) {
                        DefaultChunking.Decision decision = chunking.decider().decide(0, n);
                        assertEquals(n < min, decision.inCaller(), id + " n=" + n + " min=" + min + ": "
                                + decision.reason());
                    }
                }
            }
        }
    }

    @Test
    void theFixedRuleByNameStillEqualsSequential() {
        Settings fixed = new Settings(2, Settings.DEFAULT_CHUNK, ChunkProfile.NONE, ChunkingRule.FIXED);
        for (String id : inProcessIds()) {
            try (SumStrategy strategy = Strategies.create(id, fixed)) {
                for (int n : new int[] {0, 10, 131_072, 524_288, DATA.length}) {
                    assertEquals(LongStream.of(DATA).limit(n).sum(), strategy.sum(DATA, 0, n), id + " fixed n=" + n);
                }
            }
        }
    }

    @Test
    void everyStrategySumsOneToTenInTwoHalvesToFiftyFive() {
        for (String id : Strategies.ids()) {
            try (SumStrategy strategy = Strategies.create(id, new Settings(2, 5))) {
                assertEquals(55, strategy.sum(Data.oneTo(10)), id);
            }
        }
    }

    @Test
    void aStrategySumsManyTimesAndClosesTwice() {
        for (String id : inProcessIds()) {
            SumStrategy strategy = Strategies.create(id, new Settings(3, 0));
            long[] data = Data.generate(300_000, 5);
            long expected = LongStream.of(data).sum();
            for (int i = 0; i < 20; i++) {
                assertEquals(expected, strategy.sum(data), id);
            }
            strategy.close();
            strategy.close();
        }
    }

    @Test
    void theFixedRuleDoesNotSplitSmallRanges() {
        Settings settings = new Settings(8, Settings.DEFAULT_CHUNK, ChunkProfile.NONE, ChunkingRule.FIXED);
        assertEquals(1, DefaultChunking.plan("thread-pool", settings, 0, 10, 1).count());
        assertEquals(1, DefaultChunking.plan("fork-join", settings, 0, DefaultChunking.MIN_PARALLEL_CHUNK * 2 - 1, 4)
                .count());
        assertEquals(8, DefaultChunking.plan("thread-pool", settings, 0, 10_000_000, 1).count());
        assertEquals(32, DefaultChunking.plan("fork-join", settings, 0, 10_000_000, 4).count());
    }

    @Test
    void aTunedProfileReplacesTheDefaultChunk() {
        ChunkProfile profile = new ChunkProfile(java.util.Map.of(ChunkProfile.key("fork-join", 2),
                new long[][] {{1_000, 500}, {1_000_000, 50_000}}));
        Settings settings = new Settings(2, Settings.DEFAULT_CHUNK, profile, ChunkingRule.FIXED);
        assertEquals(20, DefaultChunking.plan("fork-join", settings, 0, 10_000, 4).count());
        assertEquals(200, DefaultChunking.plan("fork-join", settings, 0, 10_000_000, 4).count());
        assertEquals(4, DefaultChunking.plan("fork-join", settings, 0, 2_000, 4).count(), "the step of the largest tuned size <= n");
        assertEquals(8, DefaultChunking.plan("thread-pool", settings, 0, 10_000_000, 4).count(), "other strategy");
    }

    @Test
    void unknownStrategyNamesTheAvailableOnes() {
        UnknownStrategyException e = assertThrows(UnknownStrategyException.class,
                () -> Strategies.create("gpu", Settings.defaults()));
        assertTrue(e.getMessage().startsWith("Unknown strategy: gpu (available: sequential, "), e.getMessage());
    }

    @Test
    void rangesOutsideTheArrayAreRejected() {
        for (String id : inProcessIds()) {
            try (SumStrategy strategy = Strategies.create(id, new Settings(2, 0))) {
                assertThrows(IndexOutOfBoundsException.class, () -> strategy.sum(new long[10], 5, 11), id);
                assertThrows(IndexOutOfBoundsException.class, () -> strategy.sum(new long[10], 6, 5), id);
            }
        }
    }

    @Test
    void virtualThreadsAreListedExactlyWhenTheJvmHasThem() {
        boolean hasVirtualThreads = Runtime.version().feature() >= 21;
        assertEquals(hasVirtualThreads, Strategies.ids().contains("virtual-threads"));
    }
}
