package dev.sumbench.sum;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * {@code thread-pool}: a fixed {@link ExecutorService} of {@code workers} threads
 * ({@code Executors.newFixedThreadPool}). The range is split by the
 * {@link DefaultChunking} plan (one chunk per worker by default); the calling thread sums the first chunk itself and
 * the pool the others.
 *
 * <p>The strategy owns its pool; {@link #close()} shuts it down and waits for its threads. {@link #sum} is thread-safe.
 */
public final class ThreadPool implements ChunkingStrategy {

    /*
     * Implementation notes. The caller sums chunk 0 itself instead of waiting idle: with two halves that is one
     * hand-off instead of two, which is most of the cost at small sizes. It then waits on each future with a short spin
     * before parking (PoolThreads.await), so the caller's own wake-up does not add a second park/unpark: measured with
     * sum --repeat 3000 on two halves of 1..10 (2 cores, JDK 17), the median is 12..13 us with the spin and ~100 us
     * without (-Dsumbench.callerSpinNanos=0). Rejected after measuring: idle workers that poll their queue (yielding)
     * for 0.1 ms before parking; on 2 cores they crowd out the caller and the same median rose to 60..68 us. Futures box
     * the Long result; one allocation per chunk is noise next to the hand-off. Rejected: a CountDownLatch with a shared
     * long[] of partial sums (the same waits, more code) and invokeAll (the caller would sit idle).
     */

    public static final String ID = "thread-pool";

    /** One chunk per worker by default: a fixed pool has no work stealing to balance more. */
    private static final int DEFAULT_CHUNKS_PER_WORKER = 1;

    private final Settings settings;
    /** Created in the constructor, shut down in close(). */
    private final ExecutorService pool;
    /** The default-chunking decisions, with the costs calibrated at start. */
    private final ChunkDecider decider;
    /** Its split, made once (a method reference made in every sum would be an allocation per call). */
    private final Calibration.Splitter splitter = this::split;

    public ThreadPool(Settings settings) {
        this.settings = settings;
        this.pool = Executors.newFixedThreadPool(settings.workers(), PoolThreads.named(ID));
        this.decider = new ChunkDecider(ID, settings, DEFAULT_CHUNKS_PER_WORKER, this::split);
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

    /** Sums the chunks of {@code plan} (at least two): chunk 0 in the caller, the others in the pool. */
    private long split(long[] data, ChunkPlan plan) {
        @SuppressWarnings("unchecked")
        Future<Long>[] others = new Future[plan.count() - 1];
        for (int i = 1; i < plan.count(); i++) {
            int chunkLo = plan.lo(i);
            int chunkHi = plan.hi(i);
            others[i - 1] = pool.submit(() -> Ranges.loop(data, chunkLo, chunkHi));
        }
        long sum = Ranges.loop(data, plan.lo(0), plan.hi(0));
        for (Future<Long> other : others) {
            sum += PoolThreads.await(other);
        }
        return sum;
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
