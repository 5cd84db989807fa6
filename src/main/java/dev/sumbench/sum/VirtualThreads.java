package dev.sumbench.sum;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * {@code virtual-threads} (JDK 21+ only): {@code workers} virtual threads per sum, from
 * {@code Executors.newVirtualThreadPerTaskExecutor()}: the caller sums its share of the {@link DefaultChunking} plan
 * and {@code workers - 1} virtual threads the rest, as {@code thread-pool}'s pool threads do ({@link CallerShare}). Virtual threads are cheap to create but run on the same carrier
 * cores as platform threads, so for CPU-bound summing they show what creation per task costs, not extra parallelism.
 *
 * <p>The strategy owns its executor; {@link #close()} shuts it down. {@link #sum} is thread-safe.
 */
public final class VirtualThreads implements ChunkingStrategy {

    public static final String ID = "virtual-threads";

    /** The fixed rule's chunks per worker, as for {@code thread-pool}. */
    private static final int FIXED_CHUNKS_PER_WORKER = 1;

    /** {@code Executors.newVirtualThreadPerTaskExecutor()}, looked up once; absent below JDK 21. */
    private static final Optional<MethodHandle> FACTORY = lookUpFactory();

    /** The split hands out ranges of the caller's array: nothing is copied. */
    private static final boolean NO_COPY = false;

    private final Settings settings;
    /** Created in the constructor, shut down in close(). */
    private final ExecutorService executor;

    private final ChunkDecider decider;
    /** Its split, made once (a method reference made in every sum would be an allocation per call). */
    private final Calibration.Splitter splitter = this::split;

    private VirtualThreads(Settings settings, ExecutorService executor) {
        this.settings = settings;
        this.executor = executor;
        this.decider = new ChunkDecider(ID, settings, FIXED_CHUNKS_PER_WORKER, ChunkDecider.OneChunk.IN_CALLER,
                splitter, NO_COPY);
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

    private long split(long[] data, ChunkPlan plan) {
        int workers = settings.workers();
        return CallerShare.sum(data, plan, workers,
                (d, p, from) -> CallerShare.startStrided(executor, workers, d, p, from));
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
