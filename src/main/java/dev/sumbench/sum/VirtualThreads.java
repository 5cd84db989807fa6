package dev.sumbench.sum;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * {@code virtual-threads} (JDK 21+ only): {@code workers} virtual threads per sum, from
 * {@code Executors.newVirtualThreadPerTaskExecutor()}. Worker {@code w} sums chunks {@code w, w + workers, ...} of the
 * {@link DefaultChunking} plan; the caller is worker 0. Virtual threads are cheap to create but run on the same carrier
 * cores as platform threads, so for CPU-bound summing they show what creation per task costs, not extra parallelism.
 *
 * <p>The strategy owns its executor; {@link #close()} shuts it down. {@link #sum} is thread-safe.
 */
public final class VirtualThreads implements ChunkingStrategy {

    public static final String ID = "virtual-threads";

    /** One chunk per worker by default, as for {@code thread-pool}. */
    private static final int DEFAULT_CHUNKS_PER_WORKER = 1;

    /** {@code Executors.newVirtualThreadPerTaskExecutor()}, looked up once; absent below JDK 21. */
    private static final Optional<MethodHandle> FACTORY = lookUpFactory();

    private final Settings settings;
    /** Created in the constructor, shut down in close(). */
    private final ExecutorService executor;

    /** The default-chunking decisions, with the costs calibrated at start. */
    private final ChunkDecider decider;
    /** Its split, made once (a method reference made in every sum would be an allocation per call). */
    private final Calibration.Splitter splitter = this::split;

    private VirtualThreads(Settings settings, ExecutorService executor) {
        this.settings = settings;
        this.executor = executor;
        this.decider = new ChunkDecider(ID, settings, DEFAULT_CHUNKS_PER_WORKER, this::split);
    }

    /** Whether the running JVM has virtual threads. */
    public static boolean available() {
        return FACTORY.isPresent();
    }

    /** Creates the strategy; only call when {@link #available()}. */
    public static VirtualThreads create(Settings settings) {
        MethodHandle factory = FACTORY.orElseThrow(
                () -> new IllegalArgumentException("virtual-threads needs JDK 21 or newer; this is "
                        + Runtime.version().feature()));
        try {
            return new VirtualThreads(settings, (ExecutorService) factory.invoke());
        } catch (Throwable e) {
            throw new IllegalStateException("cannot create a virtual-thread executor", e);
        }
    }

    private static Optional<MethodHandle> lookUpFactory() {
        try {
            return Optional.of(MethodHandles.publicLookup().findStatic(Executors.class,
                    "newVirtualThreadPerTaskExecutor", MethodType.methodType(ExecutorService.class)));
        } catch (NoSuchMethodException | IllegalAccessException e) {
            return Optional.empty();
        }
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

    /** Sums the chunks of {@code plan} (at least two) over {@code workers} virtual threads, the caller as worker 0. */
    private long split(long[] data, ChunkPlan plan) {
        int threads = Math.min(settings.workers(), plan.count());
        @SuppressWarnings("unchecked")
        Future<Long>[] others = new Future[threads - 1];
        for (int w = 1; w < threads; w++) {
            int first = w;
            others[w - 1] = executor.submit(() -> sumStrided(data, plan, first, threads));
        }
        long sum = sumStrided(data, plan, 0, threads);
        for (Future<Long> other : others) {
            sum += PoolThreads.await(other);
        }
        return sum;
    }

    private static long sumStrided(long[] data, ChunkPlan plan, int first, int stride) {
        long sum = 0;
        for (int i = first; i < plan.count(); i += stride) {
            sum += Ranges.loop(data, plan.lo(i), plan.hi(i));
        }
        return sum;
    }

    @Override
    public ChunkDecider decider() {
        return decider;
    }

    @Override
    public void close() {
        PoolThreads.shutdown(executor);
    }
}
