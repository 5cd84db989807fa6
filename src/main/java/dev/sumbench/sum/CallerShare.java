package dev.sumbench.sum;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.function.LongSupplier;

/**
 * The split every thread strategy makes: the calling thread is one of the {@code workers}. It hands the other
 * workers' chunks to its pool, sums its own share meanwhile, then waits for the pool's part. Of a plan of {@code k}
 * chunks the caller sums the first {@code k / workers} (all of them with one worker; none where there are fewer
 * chunks than workers), the pool the rest, so a pool needs {@code workers - 1} threads.
 */
final class CallerShare {

    /*
     * Implementation notes. A caller that submits the whole range and parks pays two wake-ups per sum (a pool thread's
     * and its own) and leaves a core idle while it waits; the JDK's own idiom, a parallel stream on the common pool,
     * lets the caller run tasks too. The caller's share comes first in the array, the pool's after it, so each side
     * reads one contiguous range.
     */

    /** How a strategy's pool sums chunks {@code [from, plan.count())} of {@code plan}: started now, awaited later. */
    @FunctionalInterface
    interface PoolPart {
        /** Starts the pool's part and returns what waits for it and gives its sum. */
        LongSupplier start(long[] data, ChunkPlan plan, int from);
    }

    private CallerShare() {
    }

    /** Sums {@code plan}: the caller's chunks in the caller, the others by {@code pool}. */
    static long sum(long[] data, ChunkPlan plan, int workers, PoolPart pool) {
        int mine = plan.count() / workers;
        if (mine >= plan.count()) {
            return Ranges.loop(data, plan.lo(), plan.hi());
        }
        LongSupplier others = pool.start(data, plan, mine);
        long sum = mine == 0 ? 0 : Ranges.loop(data, plan.lo(), plan.lo(mine));
        return sum + others.getAsLong();
    }

    /**
     * The pool part of an executor ({@code thread-pool}, {@code virtual-threads}): chunks {@code [from, count)} over
     * at most {@code workers - 1} tasks, task {@code j} summing chunks {@code from + j}, {@code from + j + tasks}, ...
     */
    static LongSupplier startStrided(ExecutorService executor, int workers, long[] data, ChunkPlan plan, int from) {
        int tasks = Math.max(1, Math.min(workers - 1, plan.count() - from));
        @SuppressWarnings("unchecked")
        Future<Long>[] pending = new Future[tasks];
        for (int j = 0; j < tasks; j++) {
            int first = from + j;
            pending[j] = executor.submit(() -> sumStrided(data, plan, first, tasks));
        }
        return () -> {
            long sum = 0;
            for (Future<Long> task : pending) {
                sum += PoolThreads.await(task);
            }
            return sum;
        };
    }

    private static long sumStrided(long[] data, ChunkPlan plan, int first, int stride) {
        long sum = 0;
        for (int i = first; i < plan.count(); i += stride) {
            sum += Ranges.loop(data, plan.lo(i), plan.hi(i));
        }
        return sum;
    }

    /** The threads a strategy's pool needs: {@code workers - 1}, and at least one for a pool to exist. */
    static int poolThreads(int workers) {
        return Math.max(1, workers - 1);
    }
}
