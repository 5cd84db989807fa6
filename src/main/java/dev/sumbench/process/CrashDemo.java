package dev.sumbench.process;

import dev.sumbench.sum.ChunkPlan;
import dev.sumbench.sum.Data;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The teaching note's failure, on purpose: a pool of two workers sums {@code 1..}{@link #SIZE} in two halves through
 * the pipe, and worker 1 is killed with SIGKILL ({@link ProcessHandle#destroyForcibly()}) after the first frame of its
 * half has been sent, so its chunk is certainly pending. Python reports this event as {@code BrokenProcessPool: A
 * process in the process pool was terminated abruptly while the future was running or pending}; here it is a
 * {@link BrokenPoolException} that says which worker, how, and which chunk.
 */
public final class CrashDemo {

    /** 1..1 000 000: each half is four pipe frames, so the kill lands while the half is still being sent. */
    public static final int SIZE = 1_000_000;
    /** The worker that is killed. */
    public static final int VICTIM = 1;

    /**
     * What happened.
     *
     * @param victimPid      pid of the killed worker
     * @param failure        the exception the sum threw
     * @param detectionNanos from the kill to the exception
     * @param childrenLeft   children of the pool still alive after close() (0 is the point)
     */
    public record Outcome(long victimPid, BrokenPoolException failure, long detectionNanos, long childrenLeft) {
    }

    private CrashDemo() {
    }

    /**
     * Runs the crash.
     *
     * @throws IllegalStateException if the sum survived the kill (it cannot: the killed worker never answers)
     */
    public static Outcome run(WorkerLauncher launcher) {
        long[] data = Data.oneTo(SIZE);
        ChunkPlan halves = ChunkPlan.byCount(0, SIZE, 2);
        AtomicLong killedAt = new AtomicLong();
        List<ProcessHandle> children;
        long victimPid;
        BrokenPoolException failure;
        long detected;
        try (ProcessPool pool = ProcessPool.start(2, launcher)) {
            children = pool.processes();
            ProcessHandle victim = children.get(VICTIM);
            victimPid = victim.pid();
            pool.onFirstFrame((worker, chunk) -> {
                if (worker == VICTIM && killedAt.get() == 0) {
                    killedAt.set(System.nanoTime());
                    victim.destroyForcibly();
                }
            });
            try {
                long sum = pool.sumValues(data, halves);
                throw new IllegalStateException("the sum survived the kill of worker " + VICTIM + ": " + sum);
            } catch (BrokenPoolException e) {
                detected = System.nanoTime() - killedAt.get();
                failure = e;
            }
        }
        long left = children.stream().filter(ProcessHandle::isAlive).count();
        return new Outcome(victimPid, failure, detected, left);
    }
}
