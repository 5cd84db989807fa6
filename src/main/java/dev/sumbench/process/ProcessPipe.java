package dev.sumbench.process;

import dev.sumbench.sum.ChunkPlan;
import dev.sumbench.sum.DefaultChunking;
import dev.sumbench.sum.Ranges;
import dev.sumbench.sum.Settings;
import dev.sumbench.sum.SumStrategy;

/**
 * {@code process-pipe}: a {@link ProcessPool} of {@code workers} child JVMs, started once; every sum copies each
 * chunk's values through its worker's stdin (in frames of up to 1 MiB) and reads the partial sum back from its stdout.
 * The data is copied on every call: this is the cost of "own memory, explicit communication".
 *
 * <p>Chunks come from the {@link DefaultChunking} plan with one chunk per worker by default. A range the plan keeps as
 * one chunk still goes to one worker (unlike the thread strategies, which sum it in the caller): summing it here would
 * not measure a process at all.
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

    public ProcessPipe(Settings settings, WorkerLauncher launcher) {
        this.settings = settings;
        this.pool = ProcessPool.start(settings.workers(), launcher);
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
        ChunkPlan plan = DefaultChunking.plan(ID, settings, lo, hi, DEFAULT_CHUNKS_PER_WORKER);
        return pool.sumValues(data, plan);
    }

    @Override
    public void close() {
        pool.close();
    }
}
