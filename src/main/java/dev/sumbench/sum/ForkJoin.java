package dev.sumbench.sum;

import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinTask;
import java.util.concurrent.RecursiveTask;

/**
 * {@code fork-join}: a {@link RecursiveTask} on a {@link ForkJoinPool}, splitting its range in halves down to leaves of
 * at most {@code chunk} elements. The caller is one of the {@code workers}: it sums its share of the plan while the
 * pool's {@code workers - 1} threads sum the rest ({@link CallerShare}). Without a chunk, the {@link DefaultChunking}
 * decision (the fixed rule: four leaves per worker, the JDK's own habit for parallel streams).
 *
 * <p>The strategy owns its pool; {@link #close()} shuts it down and waits for its threads. {@link #sum} is thread-safe.
 */
public final class ForkJoin implements ChunkingStrategy {

    /*
     * Implementation notes. Halving (rather than forking all leaves at once) lets idle workers steal big halves early,
     * the standard divide-and-conquer shape. The caller cannot take part in the pool's own tasks: on JDK 17 a task
     * forked by a thread outside the pool goes to the common pool, so the caller sums a contiguous share by the loop
     * instead (the same number of elements a worker gets). The leaf size is ceil(n / plan.count()).
     */

    public static final String ID = "fork-join";

    /** The fixed rule's leaves per worker: enough for stealing to even out a slow worker (as the JDK's streams do). */
    private static final int FIXED_LEAVES_PER_WORKER = 4;

    /** The split hands out ranges of the caller's array: nothing is copied. */
    private static final boolean NO_COPY = false;

    private final Settings settings;
    /** Created in the constructor, shut down in close(). */
    private final ForkJoinPool pool;
    private final ChunkDecider decider;
    /** Its split, made once (a method reference made in every sum would be an allocation per call). */
    private final Calibration.Splitter splitter = this::split;

    public ForkJoin(Settings settings) {
        this.settings = settings;
        this.pool = PoolThreads.forkJoinPool(ID, CallerShare.poolThreads(settings.workers()));
        this.decider = new ChunkDecider(ID, settings, FIXED_LEAVES_PER_WORKER, ChunkDecider.OneChunk.IN_CALLER,
                splitter, NO_COPY);
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public Settings settings() {
        return settings;
    }

    @Override
    public long sum(long[] data, int lo, int hi) {
        Ranges.check(data, lo, hi);
        return decider.sum(data, lo, hi, splitter);
    }

    private long split(long[] data, ChunkPlan plan) {
        return CallerShare.sum(data, plan, settings.workers(), this::startPoolPart);
    }

    /** The pool's chunks as one root task, halving down to the plan's leaf size. */
    private java.util.function.LongSupplier startPoolPart(long[] data, ChunkPlan plan, int from) {
        int leaf = (int) (((long) plan.size() + plan.count() - 1) / plan.count());
        ForkJoinTask<Long> task = pool.submit(new SumTask(data, plan.lo(from), plan.hi(), leaf));
        return () -> PoolThreads.await(task);
    }

    @Override
    public ChunkDecider decider() {
        return decider;
    }

    @Override
    public void close() {
        PoolThreads.shutdown(pool);
    }

    /** Sums {@code [lo, hi)}, forking the left half while computing the right one, down to {@code leaf} elements. */
    private static final class SumTask extends RecursiveTask<Long> {
        private final long[] data;
        private final int lo;
        private final int hi;
        private final int leaf;

        SumTask(long[] data, int lo, int hi, int leaf) {
            this.data = data;
            this.lo = lo;
            this.hi = hi;
            this.leaf = leaf;
        }

        @Override
        protected Long compute() {
            if (hi - lo <= leaf) {
                return Ranges.loop(data, lo, hi);
            }
            int mid = lo + (hi - lo) / 2;
            SumTask left = new SumTask(data, lo, mid, leaf);
            left.fork();
            long right = new SumTask(data, mid, hi, leaf).compute();
            return right + left.join();
        }
    }
}
