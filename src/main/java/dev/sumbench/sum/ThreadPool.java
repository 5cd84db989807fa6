package dev.sumbench.sum;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * {@code thread-pool}: a fixed {@link ExecutorService} ({@code Executors.newFixedThreadPool}) of {@code workers - 1}
 * threads; the caller is the other worker. The range is split by the {@link DefaultChunking} plan (one chunk per
 * worker by default); the caller sums its share itself and the pool the others ({@link CallerShare}).
 *
 * <p>The strategy owns its pool; {@link #close()} shuts it down and waits for its threads. {@link #sum} is thread-safe.
 */
public final class ThreadPool implements ChunkingStrategy {

    /*
     * Implementation notes. The caller waits on each future with a short spin before parking (PoolThreads.await), so
     * its own wake-up does not add a second park/unpark to the hand-off. Rejected after measuring: idle workers that
     * poll their queue (yielding) for 0.1 ms before parking; on 2 cores they crowd out the caller. Futures box the Long
     * result; one allocation per task is noise next to the hand-off. Rejected: invokeAll (the caller would sit idle).
     */

    public static final String ID = "thread-pool";

    /** The fixed rule's chunks per worker: a fixed pool has no work stealing to balance more. */
    private static final int FIXED_CHUNKS_PER_WORKER = 1;

    /** The split hands out ranges of the caller's array: nothing is copied. */
    private static final boolean NO_COPY = false;

    private final Settings settings;
    /** Created in the constructor, shut down in close(). */
    private final ExecutorService pool;
    private final ChunkDecider decider;
    /** Its split, made once (a method reference made in every sum would be an allocation per call). */
    private final Calibration.Splitter splitter = this::split;

    public ThreadPool(Settings settings) {
        this.settings = settings;
        this.pool = Executors.newFixedThreadPool(CallerShare.poolThreads(settings.workers()), PoolThreads.named(ID));
        this.decider = new ChunkDecider(ID, settings, FIXED_CHUNKS_PER_WORKER, ChunkDecider.OneChunk.IN_CALLER,
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
        int workers = settings.workers();
        return CallerShare.sum(data, plan, workers,
                (d, p, from) -> CallerShare.startStrided(pool, workers, d, p, from));
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
