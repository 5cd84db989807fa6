package dev.sumbench.process;

import dev.sumbench.sum.Calibration;
import dev.sumbench.sum.ChunkDecider;
import dev.sumbench.sum.ChunkingStrategy;
import dev.sumbench.sum.Ranges;
import dev.sumbench.sum.Settings;

/**
 * {@code process-pipe}: a {@link ProcessPool} of {@code workers} child JVMs, started once; every sum copies each
 * chunk's values through its worker's stdin (in frames of up to 1 MiB) and reads the partial sum back from its stdout.
 * The data is copied on every call: this is the cost of "own memory, explicit communication".
 *
 * <p>Chunks come from the {@link dev.sumbench.sum.DefaultChunking} decision with one chunk per worker by default. The
 * measured rule counts the copy as the split path's own cost per element (t), and since copying an element through a
 * pipe costs more than summing it, it keeps every range in the caller: the default never loses to the loop. An
 * explicit chunk, and the fixed rule, send even a single chunk to one worker, so that the dispatch benchmark measures
 * a process. The caller does not sum a share itself: it is busy writing the chunks into the pipes.
 *
 * <p>The strategy owns its pool and {@link #close()} reaps it. {@link #sum} is thread-safe (see {@link ProcessPool}).
 * A dead worker makes {@link #sum} throw {@link BrokenPoolException}, now and on every later call.
 */
public final class ProcessPipe implements ChunkingStrategy {

    public static final String ID = "process-pipe";

    /** The fixed rule's chunks per worker: a fixed pool with round-robin assignment has nothing to balance. */
    static final int FIXED_CHUNKS_PER_WORKER = 1;

    /** Every split copies its chunks through the pipes. */
    private static final boolean COPIES = true;

    private final Settings settings;
    private final ProcessPool pool;
    private final ChunkDecider decider;
    /** Its split, made once (a method reference made in every sum would be an allocation per call). */
    private final Calibration.Splitter splitter;

    public ProcessPipe(Settings settings, WorkerLauncher launcher) {
        this.settings = settings;
        this.pool = ProcessPool.start(settings.workers(), launcher);
        this.splitter = pool::sumValues;
        this.decider = new ChunkDecider(ID, settings, FIXED_CHUNKS_PER_WORKER, ChunkDecider.OneChunk.BY_A_WORKER,
                splitter, COPIES);
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
        return decider.sum(data, lo, hi, splitter);
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
