package dev.sumbench.process;

import dev.sumbench.sum.Calibration;
import dev.sumbench.sum.DefaultChunking;
import dev.sumbench.sum.Ranges;
import dev.sumbench.sum.Settings;
import dev.sumbench.sum.SplitCosts;
import dev.sumbench.sum.SumStrategy;
import java.util.Optional;

/**
 * {@code process-pipe}: a {@link ProcessPool} of {@code workers} child JVMs, started once; every sum copies each
 * chunk's values through its worker's stdin (in frames of up to 1 MiB) and reads the partial sum back from its stdout.
 * The data is copied on every call: this is the cost of "own memory, explicit communication".
 *
 * <p>Chunks come from the {@link DefaultChunking} decision with one chunk per worker by default. A range the adaptive
 * default does not split is summed in the caller, as the thread strategies do: the data is in the caller's memory,
 * and a round trip to a child JVM costs more than summing it. An explicit chunk, and the fixed rule, send even a
 * single chunk to one worker, so that the dispatch benchmark measures a process.
 *
 * <p>The strategy owns its pool and {@link #close()} reaps it. {@link #sum} is thread-safe (see {@link ProcessPool}).
 * A dead worker makes {@link #sum} throw {@link BrokenPoolException}, now and on every later call.
 */
public final class ProcessPipe implements SumStrategy {

    public static final String ID = "process-pipe";

    /** One chunk per worker by default: a fixed pool with round-robin assignment has nothing to balance. */
    static final int DEFAULT_CHUNKS_PER_WORKER = 1;

    private final Settings settings;
    private final ProcessPool pool;
    /** The measured costs of the adaptive default chunking, or null when it does not apply. */
    private final SplitCosts costs;

    public ProcessPipe(Settings settings, WorkerLauncher launcher) {
        this.settings = settings;
        this.pool = ProcessPool.start(settings.workers(), launcher);
        this.costs = costs(ID, settings, pool);
    }

    /**
     * The measured costs of the adaptive default chunking of a pool strategy, or null when it does not apply. Both
     * transports send a tiny chunk's request through the same pipes, so the pipe transport measures the hand-off of
     * both (a shared-memory request would need data placed first).
     */
    static SplitCosts costs(String id, Settings settings, ProcessPool pool) {
        return settings.adaptive() ? Calibration.costs(id, settings, pool::sumValues) : null;
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public Settings settings() {
        return settings;
    }

    /** The pool (for tests and monitoring). */
    public ProcessPool pool() {
        return pool;
    }

    @Override
    public long sum(long[] data, int lo, int hi) {
        Ranges.check(data, lo, hi);
        pool.checkUsable();
        DefaultChunking.Decision decision = decision(lo, hi);
        if (decision.inCaller()) {
            return Ranges.loop(data, lo, hi);
        }
        return pool.sumValues(data, decision.plan());
    }

    private DefaultChunking.Decision decision(int lo, int hi) {
        return DefaultChunking.decide(ID, settings, lo, hi, DEFAULT_CHUNKS_PER_WORKER, Calibration.current(costs));
    }

    @Override
    public Optional<DefaultChunking.Decision> decision(int n) {
        return Optional.of(decision(0, n));
    }

    @Override
    public Optional<SplitCosts> splitCosts() {
        return Optional.ofNullable(Calibration.current(costs));
    }

    @Override
    public void close() {
        pool.close();
    }
}
