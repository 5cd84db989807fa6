package dev.sumbench.process;

import dev.sumbench.sum.ChunkDecider;
import dev.sumbench.sum.ChunkingStrategy;
import dev.sumbench.sum.DefaultChunking;
import dev.sumbench.sum.Ranges;
import dev.sumbench.sum.Settings;

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
public final class ProcessPipe implements ChunkingStrategy {

    public static final String ID = "process-pipe";

    /** One chunk per worker by default: a fixed pool with round-robin assignment has nothing to balance. */
    static final int DEFAULT_CHUNKS_PER_WORKER = 1;

    private final Settings settings;
    private final ProcessPool pool;
    /** The default-chunking decisions, with the costs calibrated at start. */
    private final ChunkDecider decider;

    public ProcessPipe(Settings settings, WorkerLauncher launcher) {
        this.settings = settings;
        this.pool = ProcessPool.start(settings.workers(), launcher);
        this.decider = new ChunkDecider(ID, settings, DEFAULT_CHUNKS_PER_WORKER, pool::sumValues);
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
        if (decider.inCaller(hi - lo)) {
            return Ranges.loop(data, lo, hi);
        }
        DefaultChunking.Decision decision = decider.decide(lo, hi);
        if (decision.inCaller()) {
            return Ranges.loop(data, lo, hi);
        }
        return decider.sum(data, lo, hi, decision, pool::sumValues);
    }

    @Override
    public ChunkDecider decider() {
        return decider;
    }

    @Override
    public void close() {
        pool.close();
    }
}
