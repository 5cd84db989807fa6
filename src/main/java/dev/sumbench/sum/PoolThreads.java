package dev.sumbench.sum;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinWorkerThread;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/** Thread naming, waiting and shutdown shared by the thread-based strategies. */
final class PoolThreads {

    /** Every thread a strategy starts has a name with this prefix (the tests look for leftovers by it). */
    static final String THREAD_PREFIX = "sumbench-";

    /**
     * How long a caller spins on a pending result before it parks. A park/unpark pair costs 5..20 us on the machines we
     * measure, more than the tiny tasks of the small sizes take; spinning this long keeps the caller's wake-up off the
     * hand-off cost without burning a core for long when the work is big. The system property
     * {@value SystemProperties#CALLER_SPIN_NANOS} overrides it (0 parks at once); the commands check it before they
     * run, so a bad value here falls back to the default instead of failing the class.
     */
    static final long SPIN_BEFORE_PARK_NANOS = spinBeforeParkNanos();

    private static long spinBeforeParkNanos() {
        try {
            return SystemProperties.wholeNumber(SystemProperties.CALLER_SPIN_NANOS, 50_000, n -> n >= 0, "");
        } catch (IllegalArgumentException e) {
            return 50_000;
        }
    }

    /** How long close() waits for idle workers to finish before it interrupts them. */
    private static final long GRACEFUL_SHUTDOWN_SECONDS = 5;

    private PoolThreads() {
    }

    /** A factory of daemon threads named {@code sumbench-<strategy>-<n>}. */
    static ThreadFactory named(String strategy) {
        AtomicInteger next = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, THREAD_PREFIX + strategy + "-" + next.getAndIncrement());
            thread.setDaemon(true);
            return thread;
        };
    }

    /** A ForkJoinPool of {@code parallelism} daemon workers named {@code sumbench-<strategy>-<n>}. */
    static ForkJoinPool forkJoinPool(String strategy, int parallelism) {
        AtomicInteger next = new AtomicInteger();
        ForkJoinPool.ForkJoinWorkerThreadFactory factory = pool -> {
            ForkJoinWorkerThread thread = ForkJoinPool.defaultForkJoinWorkerThreadFactory.newThread(pool);
            thread.setName(THREAD_PREFIX + strategy + "-" + next.getAndIncrement());
            thread.setDaemon(true);
            return thread;
        };
        boolean asyncMode = false; // LIFO for forked subtasks: the divide-and-conquer default
        return new ForkJoinPool(parallelism, factory, null, asyncMode);
    }

    /** Waits for {@code future}, spinning briefly before parking; unwraps failures. */
    static long await(Future<Long> future) {
        long deadline = System.nanoTime() + SPIN_BEFORE_PARK_NANOS;
        while (!future.isDone() && System.nanoTime() - deadline < 0) {
            Thread.onSpinWait();
        }
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for a chunk", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("a chunk failed: " + e.getCause(), e.getCause());
        }
    }

    /** Shuts {@code pool} down, waits for its threads, interrupts them if they do not stop in time. */
    static void shutdown(ExecutorService pool) {
        pool.shutdown();
        try {
            if (!pool.awaitTermination(GRACEFUL_SHUTDOWN_SECONDS, TimeUnit.SECONDS)) {
                pool.shutdownNow();
                pool.awaitTermination(GRACEFUL_SHUTDOWN_SECONDS, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            pool.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }
}
