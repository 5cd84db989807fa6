package dev.sumbench.process;

import dev.sumbench.sum.ChunkPlan;
import dev.sumbench.sum.DefaultChunking;
import dev.sumbench.sum.Ranges;
import dev.sumbench.sum.Settings;
import dev.sumbench.sum.SumStrategy;

/**
 * {@code process-spawn}: the teaching note's pattern, {@code with ProcessPoolExecutor() as executor} inside the
 * function. Every {@link #sum} starts a {@link ProcessPool}, sends the chunks through the pipe (as
 * {@link ProcessPipe} does), and closes the pool again, so its time is mostly JVM start-up: compare it with the start
 * of a bare JVM ({@link WorkerLauncher#bareCommand()}).
 *
 * <p>Each call starts {@code min(workers, chunks)} children: a child that would get no chunk is not started. Nothing
 * outlives a call; {@link #close()} only refuses later calls. {@link #sum} is thread-safe (each call has its own
 * pool).
 */
public final class ProcessSpawn implements SumStrategy {

    /*
     * Implementation notes. The pipe transport, not the shared one: a pool that lives for one call would have to
     * create, fill, map and unlink a file every time, which costs more than copying the chunk through the pipe at any
     * size a single call can afford, and the pipe is what ProcessPoolExecutor itself uses (it pickles the arguments).
     */

    public static final String ID = "process-spawn";

    private final Settings settings;
    private final WorkerLauncher launcher;
    private volatile boolean closed;

    public ProcessSpawn(Settings settings, WorkerLauncher launcher) {
        this.settings = settings;
        this.launcher = launcher;
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
        if (closed) {
            throw new IllegalStateException(ID + " is closed");
        }
        Ranges.check(data, lo, hi);
        ChunkPlan plan = DefaultChunking.plan(ID, settings, lo, hi, ProcessPipe.FIXED_CHUNKS_PER_WORKER);
        try (ProcessPool pool = ProcessPool.start(Math.min(settings.workers(), plan.count()), launcher)) {
            return pool.sumValues(data, plan);
        }
    }

    @Override
    public void close() {
        closed = true;
    }
}
