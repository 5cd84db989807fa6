package dev.sumbench.process;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sumbench.sum.ChunkingRule;
import dev.sumbench.sum.Data;
import dev.sumbench.sum.Family;
import dev.sumbench.sum.Ranges;
import dev.sumbench.sum.Settings;
import dev.sumbench.sum.Strategies;
import dev.sumbench.sum.StrategyInfo;
import dev.sumbench.sum.SumStrategy;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Every process strategy returns exactly what {@code sequential} returns. Fewer random cases than the in-process tests:
 * each pool is a set of real JVMs, so a case reuses its strategy for several ranges.
 */
class ProcessStrategiesTest {

    private static final long SEED = 20240611L;

    @AfterEach
    void leavesNoChildNoThreadNoFile() {
        ProcessTesting.awaitCondition(ProcessTesting.JVM_START, "every child is gone",
                () -> ProcessTesting.descendants().isEmpty());
        assertEquals(List.of(), ProcessTesting.workerThreads(), "worker threads left");
        assertEquals(List.of(), ProcessTesting.sharedDirectoriesOf(ProcessHandle.current().pid()), "shared files left");
    }

    @Test
    void theThreeProcessStrategiesAreRegisteredAsProcesses() {
        List<String> ids = Strategies.available().stream().filter(info -> info.family() == Family.PROCESSES)
                .map(StrategyInfo::id).toList();
        assertEquals(List.of("process-pipe", "process-shared", "process-spawn"), ids);
        for (StrategyInfo info : Strategies.available()) {
            if (info.family() == Family.PROCESSES) {
                assertTrue(!info.tradeOff().isBlank() && !info.tradeOff().contains("\n"), info.tradeOff());
            }
        }
    }

    @Test
    void pipeAndSharedEqualSequentialOnRandomSizesWorkersAndChunks() {
        SplittableRandom random = new SplittableRandom(SEED);
        for (String id : List.of(ProcessPipe.ID, ProcessShared.ID)) {
            for (int c = 0; c < 3; c++) {
                int workers = 1 + random.nextInt(3);
                int size = randomSize(random);
                int chunk = random.nextInt(3) == 0 ? 0 : Math.max(size / 200, 1 + random.nextInt(Math.max(1, size)));
                long[] data = Data.generate(size, random.nextLong());
                try (SumStrategy strategy = Strategies.create(id, new Settings(workers, chunk))) {
                    for (int r = 0; r < 4; r++) {
                        int lo = r == 0 ? 0 : random.nextInt(size + 1);
                        int hi = r == 0 ? size : lo + random.nextInt(size - lo + 1);
                        assertEquals(Ranges.loop(data, lo, hi), strategy.sum(data, lo, hi),
                                id + " workers=" + workers + " chunk=" + chunk + " size=" + size + " [" + lo + ", "
                                        + hi + ")");
                    }
                }
            }
        }
    }

    @Test
    void spawnEqualsSequentialAndLeavesNothingAfterEachCall() {
        SplittableRandom random = new SplittableRandom(SEED + 1);
        for (int c = 0; c < 2; c++) {
            int size = randomSize(random);
            long[] data = Data.generate(size, random.nextLong());
            Settings settings = new Settings(1 + random.nextInt(2), c == 0 ? 0 : 1 + random.nextInt(size + 1));
            try (SumStrategy spawn = Strategies.create(ProcessSpawn.ID, settings)) {
                assertEquals(Ranges.loop(data, 0, size), spawn.sum(data),
                        "process-spawn " + settings + " size " + size);
                assertEquals(List.of(), ProcessTesting.descendants(), "children after a process-spawn call");
            }
        }
    }

    @Test
    void theTeachingNotesExerciseGives55WithEveryProcessStrategy() {
        long[] oneToTen = Data.oneTo(10);
        for (String id : List.of(ProcessPipe.ID, ProcessShared.ID, ProcessSpawn.ID)) {
            try (SumStrategy strategy = Strategies.create(id, new Settings(2, 5))) {
                assertEquals(55, strategy.sum(oneToTen), id);
                assertEquals(55, strategy.sum(oneToTen), id + ", second call");
            }
        }
    }

    @Test
    void edgeRangesManyChunksPerWorkerAndValuesAcrossSeveralFrames() {
        int size = 2 * Protocol.MAX_VALUES_PER_FRAME + 12_345;
        long[] data = Data.generate(size, SEED);
        for (String id : List.of(ProcessPipe.ID, ProcessShared.ID)) {
            // the fixed rule sends even one chunk to a worker: this is about frames, not about the default
            try (SumStrategy few = Strategies.create(id, new Settings(2, 0).with(ChunkingRule.FIXED));
                 SumStrategy many = Strategies.create(id, new Settings(2, 997))) {
                for (SumStrategy strategy : List.of(few, many)) {
                    assertEquals(Ranges.loop(data, 0, size), strategy.sum(data), id + " whole");
                    assertEquals(0, strategy.sum(data, 7, 7), id + " empty range");
                    assertEquals(data[size - 1], strategy.sum(data, size - 1, size), id + " last element");
                    assertEquals(0, strategy.sum(new long[0]), id + " empty array");
                    assertEquals(Long.MIN_VALUE, strategy.sum(new long[] {Long.MAX_VALUE, 1}), id + " wraps");
                    assertThrows(IndexOutOfBoundsException.class, () -> strategy.sum(data, 5, size + 1));
                }
            }
        }
    }

    @Test
    void sharedPlacesNewDataOnlyWhenTheArrayChanges() {
        // the fixed rule, so that these small arrays reach the workers (the adaptive default sums them in the caller)
        try (ProcessShared shared = new ProcessShared(new Settings(2, 0).with(ChunkingRule.FIXED),
                WorkerLauncher.defaults())) {
            long[] a = Data.generate(1000, 1);
            long[] b = Data.generate(1000, 2);
            long[] bigger = Data.generate(5000, 3);
            assertEquals(Ranges.loop(a, 0, 1000), shared.sum(a));
            assertEquals(Ranges.loop(b, 0, 1000), shared.sum(b), "another array of the same length");
            assertEquals(Ranges.loop(bigger, 0, 5000), shared.sum(bigger), "a bigger array: a new file");
            assertEquals(Ranges.loop(a, 0, 1000), shared.sum(a), "a smaller array again: rewritten in place");
            a[0] += 1;
            assertEquals(Ranges.loop(a, 0, 1000), shared.sum(a), "a change at a sampled position is noticed");
            a[1] += 1;
            shared.forget();
            assertEquals(Ranges.loop(a, 0, 1000), shared.sum(a), "after forget() any change is placed");
        }
    }

    @Test
    void onePoolServesSeveralThreadsAtOnce() throws Exception {
        long[] data = Data.generate(300_000, SEED);
        long[] other = Data.generate(200_000, SEED + 7);
        int threads = 4;
        int callsPerThread = 25;
        for (String id : List.of(ProcessPipe.ID, ProcessShared.ID)) {
            ExecutorService callers = Executors.newFixedThreadPool(threads);
            try (SumStrategy strategy = Strategies.create(id, new Settings(2, 30_000))) {
                List<Future<Integer>> results = new ArrayList<>();
                for (int t = 0; t < threads; t++) {
                    long[] mine = t % 2 == 0 ? data : other;
                    int seedOffset = t;
                    Callable<Integer> caller = () -> {
                        SplittableRandom random = new SplittableRandom(SEED + seedOffset);
                        for (int call = 0; call < callsPerThread; call++) {
                            int lo = random.nextInt(mine.length);
                            int hi = lo + random.nextInt(mine.length - lo + 1);
                            assertEquals(Ranges.loop(mine, lo, hi), strategy.sum(mine, lo, hi),
                                    id + " [" + lo + ", " + hi + ")");
                        }
                        return callsPerThread;
                    };
                    results.add(callers.submit(caller));
                }
                for (Future<Integer> result : results) {
                    assertEquals(callsPerThread, result.get(ProcessTesting.JVM_START.toSeconds(), TimeUnit.SECONDS));
                }
            } finally {
                callers.shutdownNow();
            }
        }
    }

    @Test
    void tooManyWorkersIsRejectedBeforeAnyJvmStarts() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Strategies.create(ProcessPipe.ID, new Settings(ProcessPool.MAX_WORKERS + 1, 0)));
        assertTrue(e.getMessage().contains("at most " + ProcessPool.MAX_WORKERS), e.getMessage());
    }

    @Test
    void aClosedStrategyRefusesWork() {
        long[] data = Data.oneTo(10);
        for (String id : List.of(ProcessPipe.ID, ProcessShared.ID, ProcessSpawn.ID)) {
            SumStrategy strategy = Strategies.create(id, new Settings(1, 0));
            strategy.close();
            strategy.close();
            assertThrows(IllegalStateException.class, () -> strategy.sum(data), id);
        }
    }

    /** Mostly small sizes, some beyond one pipe frame. */
    private static int randomSize(SplittableRandom random) {
        return switch (random.nextInt(4)) {
            case 0 -> random.nextInt(20);
            case 1 -> random.nextInt(10_000);
            case 2 -> random.nextInt(200_000);
            default -> Protocol.MAX_VALUES_PER_FRAME + random.nextInt(400_000);
        };
    }
}
