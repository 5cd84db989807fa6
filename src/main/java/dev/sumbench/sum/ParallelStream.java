package dev.sumbench.sum;

import java.util.Arrays;
import java.util.concurrent.ForkJoinPool;
import java.util.stream.IntStream;

/**
 * {@code parallel-stream}: the JDK's own {@code Arrays.stream(data, lo, hi).parallel().sum()}, split the JDK's way.
 *
 * <p>{@code workers} really bounds its parallelism: the stream runs as a task inside a private {@link ForkJoinPool} of
 * parallelism {@code workers}, and a parallel stream started from a ForkJoinPool worker forks its subtasks into that
 * pool, not the common pool. A range that {@link DefaultChunking} would keep as one chunk is summed in the caller by
 * the same loop as {@code sequential} (a sequential stream costs some 20 ns more to set up, which at 10 elements is
 * half the loop's time: the default must not lose to the plain loop). With {@code chunk = 0} the JDK chooses its own
 * leaves (under the adaptive rule: once the range is large enough for the JDK's own leaf count, four per worker);
 * with {@code chunk > 0}, or an adaptive plan of fewer chunks, the parallel stream runs over the chunks of the plan
 * instead ({@code IntStream.range(0, chunks).parallel().mapToLong(sumOfChunk).sum()}), so a chunk sweep covers this
 * strategy too. The strategy owns its pool.
 */
public final class ParallelStream implements ChunkingStrategy {

    public static final String ID = "parallel-stream";

    /** The JDK's own leaf count: AbstractTask.LEAF_TARGET = 4 leaves per unit of parallelism. */
    private static final int JDK_LEAVES_PER_WORKER = 4;

    private final Settings settings;
    /** Created in the constructor, shut down in close(). */
    private final ForkJoinPool pool;
    /** The default-chunking decisions, with the costs calibrated at start. */
    private final ChunkDecider decider;
    /** Its split, made once (a method reference made in every sum would be an allocation per call). */
    private final Calibration.Splitter splitter = this::split;

    public ParallelStream(Settings settings) {
        this.settings = settings;
        this.pool = PoolThreads.forkJoinPool(ID, settings.workers());
        this.decider = new ChunkDecider(ID, settings, JDK_LEAVES_PER_WORKER, this::overChunks);
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

    /**
     * Sums the range of {@code plan} (at least two chunks): by the JDK's own split where the default chunking asks
     * for the JDK's leaf count (or the fixed rule for any split), else by a stream over the plan's chunks.
     */
    private long split(long[] data, ChunkPlan plan) {
        boolean jdkLeaves = plan.count() >= (long) settings.workers() * JDK_LEAVES_PER_WORKER;
        boolean fixed = settings.rule() == ChunkingRule.FIXED;
        if (settings.chunk() == Settings.DEFAULT_CHUNK && (fixed || jdkLeaves)) {
            int lo = plan.lo();
            int hi = plan.hi();
            return PoolThreads.await(pool.submit(() -> Arrays.stream(data, lo, hi).parallel().sum()));
        }
        return overChunks(data, plan);
    }

    /** A parallel stream over the chunks of {@code plan}, in the strategy's pool. */
    private long overChunks(long[] data, ChunkPlan plan) {
        return PoolThreads.await(pool.submit(() -> IntStream.range(0, plan.count()).parallel()
                .mapToLong(i -> Ranges.loop(data, plan.lo(i), plan.hi(i)))
                .sum()));
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
