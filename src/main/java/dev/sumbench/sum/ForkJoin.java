package dev.sumbench.sum;

import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.RecursiveTask;

/**
 * {@code fork-join}: a {@link RecursiveTask} on a {@link ForkJoinPool} of parallelism {@code workers}, splitting the range
 * in halves down to leaves of at most {@code chunk} elements (by default the {@link DefaultChunking} plan with four
 * leaves per worker, the JDK's own habit for parallel streams).
 *
 * <p>The strategy owns its pool; {@link #close()} shuts it down and waits for its threads. {@link #sum} is thread-safe.
 */
public final class ForkJoin implements ChunkingStrategy {

    /*
     * Implementation notes. Halving (rather than forking all leaves at once) lets idle workers steal big halves early,
     * the standard divide-and-conquer shape. A range that the plan keeps as one chunk is summed in the caller without
     * touching the pool at all. The leaf size is ceil(n / plan.count()), so halving ends with about plan.count() leaves.
     * The caller submits the root task and waits with a short spin before parking (PoolThreads.await) rather than
     * pool.invoke(), whose external join parks at once: that saves the caller's own wake-up. The pool's workers park
     * when idle as the JDK decides; waking one is the rest of the hand-off cost.
     */

    public static final String ID = "fork-join";

    /** Four leaves per worker: enough for stealing to even out a slow worker (the JDK's parallel streams do the same). */
    private static final int DEFAULT_LEAVES_PER_WORKER = 4;

    private final Settings settings;
    /** Created in the constructor, shut down in close(). */
    private final ForkJoinPool pool;
    /** The default-chunking decisions, with the costs calibrated at start. */
    private final ChunkDecider decider;
    /** Its split, made once (a method reference made in every sum would be an allocation per call). */
    private final Calibration.Splitter splitter = this::split;

    public ForkJoin(Settings settings) {
        this.settings = settings;
        this.pool = PoolThreads.forkJoinPool(ID, settings.workers());
        this.decider = new ChunkDecider(ID, settings, DEFAULT_LEAVES_PER_WORKER, this::split);
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

    /** Sums {@code plan}'s range (at least two chunks) as one root task, halving down to the plan's leaf size. */
    private long split(long[] data, ChunkPlan plan) {
        int lo = plan.lo();
        int hi = plan.hi();
        int leaf = (int) (((long) plan.size() + plan.count() - 1) / plan.count());
        return PoolThreads.await(pool.submit(new SumTask(data, lo, hi, leaf)));
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
