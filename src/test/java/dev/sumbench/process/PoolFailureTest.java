package dev.sumbench.process;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.sumbench.sum.ChunkPlan;
import dev.sumbench.sum.ChunkingRule;
import dev.sumbench.sum.Data;
import dev.sumbench.sum.Ranges;
import dev.sumbench.sum.Settings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.OptionalInt;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What happens when a worker dies: a clear exception within a second, a broken pool, and nothing left behind. */
class PoolFailureTest {

    /** The deadline docs/processes.md states for failing pending tasks after a death. */
    private static final long ONE_SECOND_NANOS = TimeUnit.SECONDS.toNanos(1);

    @AfterEach
    void leavesNoChildNoThreadNoFile() {
        assertEquals(List.of(), ProcessTesting.descendants(), "children left after close()");
        ProcessTesting.awaitCondition(Duration.ofSeconds(5), "the worker threads ended",
                () -> ProcessTesting.workerThreads().isEmpty());
        assertEquals(List.of(), ProcessTesting.sharedDirectoriesOf(ProcessHandle.current().pid()), "shared files left");
    }

    /**
     * A worker stopped with {@code kill -STOP}: once with its request already sent (the caller waits for a reply), once
     * while the caller is still writing a chunk larger than the pipe holds (the caller is blocked in the write). Both
     * end in the usual one-line BrokenPoolException naming the worker, its pid and its state, after the stall limit.
     */
    @Test
    void aStoppedWorkerBreaksThePoolInsteadOfHangingTheCaller() throws Exception {
        long stallMillis = 1_500;
        for (int values : new int[] {1_000, 4 * Protocol.MAX_VALUES_PER_FRAME}) {
            long[] data = Data.generate(values, 3);
            System.setProperty(ProcessPool.STALL_PROPERTY, Long.toString(stallMillis));
            ProcessPool pool;
            try {
                pool = ProcessPool.start(1, WorkerLauncher.defaults());
            } finally {
                System.clearProperty(ProcessPool.STALL_PROPERTY);
            }
            long pid = pool.processes().get(0).pid();
            try (pool) {
                assertEquals(Ranges.loop(data, 0, values), pool.sumValues(data, ChunkPlan.byCount(0, values, 1)));
                signal("STOP", pid);
                ProcessTesting.awaitCondition(Duration.ofSeconds(10), "the worker is stopped",
                        () -> ProcessState.describe(pid).equals("state T: stopped"));
                BrokenPoolException broken = assertTimeoutPreemptively(Duration.ofSeconds(60),
                        () -> assertThrows(BrokenPoolException.class,
                                () -> pool.sumValues(data, ChunkPlan.byCount(0, values, 1))));
                assertTrue(broken.getMessage().startsWith("process pool broken: worker 0 (pid " + pid + ") made no "
                        + "progress for " + stallMillis + " ms (state T: stopped) and was killed while it held chunk "
                        + "0 of 1 [0, " + values + ")"), broken.getMessage());
                assertEquals(1, broken.getMessage().lines().count());
                assertSame(broken.getCause() == null ? broken : broken.getCause(),
                        pool.broken().map(b -> (Throwable) b).orElseThrow());
            } finally {
                signal("CONT", pid);
            }
        }
    }

    @Test
    void aWorkerAskedToMapAFifoRefusesAtOnceInsteadOfBlocking(@TempDir Path dir) throws Exception {
        Path fifo = dir.resolve("data.longs");
        assertEquals(0, new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor());
        try (ProcessPool pool = ProcessPool.start(1, WorkerLauncher.defaults())) {
            BrokenPoolException broken = assertTimeoutPreemptively(Duration.ofSeconds(60),
                    () -> assertThrows(BrokenPoolException.class, () -> pool.map(fifo.toString(), 8_000)));
            assertTrue(broken.getMessage().contains("cannot map " + fifo + ": expected the shared data file (a "
                    + "regular file), found a special file (FIFO, device or socket)"), broken.getMessage());
        }
    }

    @Test
    void theStallLimitGrowsWithTheRequestFromTheFloor() {
        assertEquals(60_000, ProcessPool.stallFloorMillis());
        try (ProcessPool pool = ProcessPool.start(1, WorkerLauncher.defaults())) {
            assertEquals(TimeUnit.SECONDS.toNanos(60), pool.stallLimitNanos(8_000));
            // one request over 800 MB gets 800e6 / (10 MiB/s) = 76.3 s, above the floor
            assertEquals(76_293_945_312L, pool.stallLimitNanos(800_000_000L), 1_000);
        }
    }

    @Test
    void aCrashedWorkerLeavesNoErrorFileBehind() throws Exception {
        long victimPid;
        BrokenPoolException broken;
        try (ProcessPool pool = ProcessPool.start(1, WorkerLauncher.defaults())) {
            victimPid = pool.processes().get(0).pid();
            signal("SEGV", victimPid); // the JVM takes it for a crash of its own and writes its fatal error report
            ProcessTesting.awaitCondition(ProcessTesting.JVM_START, "the worker died",
                    () -> ProcessTesting.exited(victimPid));
            broken = assertThrows(BrokenPoolException.class,
                    () -> pool.sumValues(new long[] {1, 2, 3, 4}, ChunkPlan.byCount(0, 4, 1)));
        }
        assertEquals(victimPid, broken.pid());
        String name = "hs_err_pid" + victimPid + ".log";
        assertTrue(Files.notExists(Path.of(name)), "no " + name + " in the working directory");
        assertTrue(Files.notExists(Path.of(System.getProperty("java.io.tmpdir"), name)), "no " + name + " in the temp"
                + " dir");
    }

    private static void signal(String signal, long pid) throws Exception {
        new ProcessBuilder("kill", "-" + signal, Long.toString(pid)).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start().waitFor();
    }

    @Tag(Timing.TAG)
    @Test
    void killedWorkerFailsPendingTasksWithinOneSecond() {
        WorkerLauncher launcher = WorkerLauncher.defaults().withExtraJvmOptions(List.of("-Xlog:gc:stderr"));
        long[] data = Data.generate(6 * Protocol.MAX_VALUES_PER_FRAME, 1);
        ChunkPlan halves = ChunkPlan.byCount(0, data.length, 2);
        BrokenPoolException broken;
        long victimPid;
        try (ProcessPool pool = ProcessPool.start(2, launcher)) {
            ProcessHandle victim = pool.processes().get(1);
            victimPid = victim.pid();
            AtomicLong killedAt = new AtomicLong();
            // Killed while its chunk is still arriving: the chunk is certainly pending, never answered.
            pool.onFirstFrame((worker, chunk) -> {
                if (worker == 1) {
                    victim.destroyForcibly();
                    killedAt.set(System.nanoTime());
                }
            });
            broken = assertThrows(BrokenPoolException.class, () -> pool.sumValues(data, halves));
            long detection = System.nanoTime() - killedAt.get();
            assertTrue(detection < ONE_SECOND_NANOS, "failed " + detection / 1_000_000 + " ms after the kill");

            String message = broken.getMessage();
            assertTrue(message.startsWith("process pool broken: worker 1 (pid " + victimPid + ") was killed by "
                    + "signal 9 (SIGKILL; exit code 137) while it held chunk 1 of 2 [" + halves.lo(1) + ", "
                    + halves.hi(1) + ")"), message);
            assertTrue(message.contains("stderr tail: ") && message.contains("Using G1"), message);
            assertTrue(!message.contains("\n"), "one line: " + message);
            assertEquals(1, broken.worker());
            assertEquals(victimPid, broken.pid());
            assertEquals(OptionalInt.of(137), broken.exitCode());
            assertEquals(OptionalInt.of(9), broken.signal());
            assertEquals("chunk 1 of 2 [" + halves.lo(1) + ", " + halves.hi(1) + ")", broken.chunk().orElseThrow());
            assertTrue(broken.stderrTail().contains("Using G1"), broken.stderrTail());
            assertTrue(pool.broken().isPresent());

            long laterCall = System.nanoTime();
            BrokenPoolException again = assertThrows(BrokenPoolException.class,
                    () -> pool.sumValues(data, ChunkPlan.byCount(0, 10, 2)));
            assertTrue(System.nanoTime() - laterCall < ONE_SECOND_NANOS / 2, "a later call fails at once");
            assertEquals(broken.getMessage(), again.getMessage());
            assertSame(broken.getCause(), again.getCause(), "the same cause for every caller");
            assertSame(pool.broken().orElseThrow(), again.getCause());
        }
        assertTrue(ProcessTesting.exited(victimPid));
    }

    @Tag(Timing.TAG)
    @Test
    void aDeathFailsThePendingTasksOfTheOtherWorkersToo() throws Exception {
        assumeTrue(ProcessTesting.killCommand() != null, "needs kill -STOP to hold a task pending");
        long[] data = Data.oneTo(10);
        ExecutorService caller = Executors.newSingleThreadExecutor();
        try (ProcessPool pool = ProcessPool.start(2, WorkerLauncher.defaults())) {
            ProcessHandle stopped = pool.processes().get(0);
            ProcessHandle victim = pool.processes().get(1);
            // Worker 0 is frozen, so its chunk stays pending for as long as the pool lets it.
            ProcessTesting.stop(stopped.pid());
            CountDownLatch bothSent = new CountDownLatch(1);
            pool.onFirstFrame((worker, chunk) -> {
                if (chunk == 1) {
                    bothSent.countDown();
                }
            });
            Future<Long> sum = caller.submit(() -> pool.sumValues(data, ChunkPlan.byCount(0, 10, 2)));
            assertTrue(bothSent.await(ProcessTesting.JVM_START.toSeconds(), TimeUnit.SECONDS));
            long killedAt = System.nanoTime();
            victim.destroyForcibly();
            ExecutionException failure = assertThrows(ExecutionException.class, () -> sum.get(5, TimeUnit.SECONDS));
            long detection = System.nanoTime() - killedAt;
            BrokenPoolException broken = assertInstanceOf(BrokenPoolException.class, failure.getCause());
            assertTrue(detection < ONE_SECOND_NANOS, "failed " + detection / 1_000_000 + " ms after the kill");
            assertTrue(broken.getMessage().contains("worker 1 (pid " + victim.pid() + ") was killed by signal 9"),
                    broken.getMessage());
        } finally {
            caller.shutdownNow();
        }
    }

    @Tag(Timing.TAG)
    @Test
    void sharedPoolKilledFromOutsideMidSumFailsWithinOneSecondAndRemovesItsFile() throws Exception {
        long[] data = Data.generate(4_000_000, 2);
        AtomicInteger sums = new AtomicInteger();
        AtomicLong killedAt = new AtomicLong();
        ExecutorService killer = Executors.newSingleThreadExecutor();
        try (ProcessShared shared = new ProcessShared(new Settings(2, 0).with(ChunkingRule.FIXED),
                WorkerLauncher.defaults())) {
            ProcessHandle victim = shared.pool().processes().get(1);
            Future<?> kill = killer.submit(() -> {
                ProcessTesting.awaitCondition(ProcessTesting.JVM_START, "a few sums ran", () -> sums.get() >= 3);
                killedAt.set(System.nanoTime());
                victim.destroyForcibly();
            });
            BrokenPoolException broken = assertThrows(BrokenPoolException.class, () -> {
                while (true) {
                    shared.sum(data);
                    sums.incrementAndGet();
                }
            });
            long detection = System.nanoTime() - killedAt.get();
            kill.get();
            assertTrue(detection < ONE_SECOND_NANOS, "failed " + detection / 1_000_000 + " ms after the kill");
            assertEquals(1, broken.worker());
            assertEquals(victim.pid(), broken.pid());
            assertEquals(OptionalInt.of(9), broken.signal());
        } finally {
            killer.shutdownNow();
        }
    }

    @Test
    void closeIsIdempotentAndAClosedPoolRefusesWork() {
        ProcessPool pool = ProcessPool.start(2, WorkerLauncher.defaults());
        List<ProcessHandle> children = pool.processes();
        assertEquals(55, pool.sumValues(Data.oneTo(10), ChunkPlan.byCount(0, 10, 2)));
        pool.close();
        pool.close();
        for (ProcessHandle child : children) {
            assertTrue(!child.isAlive(), "child " + child.pid() + " reaped");
        }
        IllegalStateException closed = assertThrows(IllegalStateException.class,
                () -> pool.sumValues(Data.oneTo(10), ChunkPlan.byCount(0, 10, 2)));
        assertTrue(closed.getMessage().contains("closed"), closed.getMessage());
    }

    @Tag(Timing.TAG)
    @Test
    void closeKillsAWorkerThatIgnoresTheShutdownFrame() throws Exception {
        assumeTrue(ProcessTesting.killCommand() != null, "needs kill -STOP to make a worker deaf");
        ProcessPool pool = ProcessPool.start(1, WorkerLauncher.defaults());
        ProcessHandle deaf = pool.processes().get(0);
        ProcessTesting.stop(deaf.pid());
        long start = System.nanoTime();
        pool.close();
        long took = System.nanoTime() - start;
        assertTrue(!deaf.isAlive());
        assertTrue(took >= TimeUnit.MILLISECONDS.toNanos(ProcessPool.SHUTDOWN_GRACE_MILLIS)
                && took < ONE_SECOND_NANOS * 10, "close took " + took / 1_000_000 + " ms");
    }

    @Test
    void aWorkerThatBreaksTheProtocolBreaksThePool() {
        WorkerLauncher wrongTask = WorkerLauncher.defaults().withMainClass(FakeWorkers.WrongTask.class.getName());
        try (ProcessPool pool = ProcessPool.start(1, wrongTask)) {
            BrokenPoolException broken = assertThrows(BrokenPoolException.class,
                    () -> pool.sumValues(Data.oneTo(10), ChunkPlan.byCount(0, 10, 1)));
            assertTrue(broken.getMessage().contains("broke the protocol (it sent a RESULT for task 123456789, "
                    + "expected task "), broken.getMessage());
        }
    }
}
