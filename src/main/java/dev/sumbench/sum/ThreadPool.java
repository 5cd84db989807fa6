package dev.sumbench.sum;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * {@code thread-pool}: a fixed {@link ExecutorService} of {@code workers} threads (a {@link ThreadPoolExecutor} like
 * {@code Executors.newFixedThreadPool}, with a work queue that lets idle workers poll briefly before they park). The range is split by the
 * {@link DefaultChunking} plan (one chunk per worker by default); the calling thread sums the first chunk itself and
 * the pool the others.
 *
 * <p>The strategy owns its pool; {@link #close()} shuts it down and waits for its threads. {@link #sum} is thread-safe.
 */
public final class ThreadPool implements SumStrategy {

    /*
     * Implementation notes. The caller sums chunk 0 itself instead of waiting idle: with two halves that is one
     * hand-off instead of two, which is most of the cost at small sizes. It then waits on each future with a short spin
     * before parking (PoolThreads.await), so the caller's own wake-up does not add a second park/unpark. Futures box
     * the Long result; one allocation per chunk is noise next to the hand-off. Rejected: a CountDownLatch with a shared
     * long[] of partial sums (the same waits, more code) and invokeAll (the caller would sit idle).
     */

    public static final String ID = "thread-pool";

    /** One chunk per worker by default: a fixed pool has no work stealing to balance more. */
    private static final int DEFAULT_CHUNKS_PER_WORKER = 1;

    /**
     * How long an idle worker polls for the next chunk before it parks: see the implementation notes. The system
     * property {@code sumbench.workerSpinNanos} overrides it (0 parks at once, as a plain fixed pool does).
     */
    private static final long WORKER_SPIN_NANOS = Long.getLong("sumbench.workerSpinNanos", 100_000);

    private final Settings settings;
    /** Created in the constructor, shut down in close(). */
    private final ExecutorService pool;

    public ThreadPool(Settings settings) {
        this.settings = settings;
        this.pool = new ThreadPoolExecutor(settings.workers(), settings.workers(), 0L, TimeUnit.MILLISECONDS,
                new SpinningQueue<>(WORKER_SPIN_NANOS), PoolThreads.named(ID));
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
        ChunkPlan plan = DefaultChunking.plan(ID, settings, lo, hi, DEFAULT_CHUNKS_PER_WORKER);
        if (plan.count() == 1) {
            return Ranges.loop(data, lo, hi);
        }
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
    public void close() {
        PoolThreads.shutdown(pool);
    }
}
