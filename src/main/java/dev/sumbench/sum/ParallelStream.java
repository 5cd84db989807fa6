package dev.sumbench.sum;

import java.util.Arrays;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinTask;
import java.util.function.LongSupplier;
import java.util.stream.IntStream;

/**
 * {@code parallel-stream}: the JDK's {@code Arrays.stream(data, lo, hi).parallel().sum()}, split the JDK's way, bounded
 * to {@code workers}: the caller sums its share of the plan ({@link CallerShare}) while the rest runs as a parallel
 * stream inside a private {@link ForkJoinPool} of {@code workers - 1} threads (a parallel stream started from a
 * ForkJoinPool worker forks its subtasks into that pool, not the common pool). With {@code chunk > 0} the pool's
 * part is a parallel stream over the chunks of the plan instead
 * ({@code IntStream.range(from, chunks).parallel().mapToLong(sumOfChunk).sum()}), so a chunk sweep covers this strategy
 * too. A range that {@link DefaultChunking} keeps as one chunk is summed in the caller by the same loop as
 * {@code sequential}. {@code jdk-parallel-stream} is the idiom unbounded, on the common pool. The strategy owns its pool.
 */
public final class ParallelStream implements ChunkingStrategy {

    public static final String ID = "parallel-stream";

    /** The fixed rule's leaves per worker: the JDK's own AbstractTask.LEAF_TARGET. */
    private static final int FIXED_LEAVES_PER_WORKER = 4;

    /** The split hands out ranges of the caller's array: nothing is copied. */
    private static final boolean NO_COPY = false;

    private final Settings settings;
    /** Created in the constructor, shut down in close(). */
    private final ForkJoinPool pool;
    private final ChunkDecider decider;
    /** Its split, made once (a method reference made in every sum would be an allocation per call). */
    private final Calibration.Splitter splitter = this::split;

    public ParallelStream(Settings settings) {
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

    /** The pool's chunks: the JDK's own split of their range, or with an explicit chunk a stream over the chunks. */
    private LongSupplier startPoolPart(long[] data, ChunkPlan plan, int from) {
        ForkJoinTask<Long> task;
        if (settings.chunk() == Settings.DEFAULT_CHUNK) {
            int lo = plan.lo(from);
            int hi = plan.hi();
            task = pool.submit(() -> Arrays.stream(data, lo, hi).parallel().sum());
        } else {
            task = pool.submit(() -> IntStream.range(from, plan.count()).parallel()
                    .mapToLong(i -> Ranges.loop(data, plan.lo(i), plan.hi(i)))
                    .sum());
        }
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
}
