package dev.sumbench.process;

import dev.sumbench.sum.Calibration;
import dev.sumbench.sum.ChunkDecider;
import dev.sumbench.sum.ChunkingStrategy;
import dev.sumbench.sum.ChunkPlan;
import dev.sumbench.sum.Ranges;
import dev.sumbench.sum.Settings;
import java.lang.ref.WeakReference;
import java.nio.file.Path;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * {@code process-shared}: a {@link ProcessPool} of {@code workers} child JVMs, started once, that map the data
 * read-only from a file in {@code /dev/shm}; a sum sends only offsets and lengths. The array is placed in the file on
 * the first call that the chunking rule splits, and again only when a call passes a different array, so repeated sums
 * of the same data measure dispatch and summing only.
 *
 * <p>Chunks come from the {@link dev.sumbench.sum.DefaultChunking} decision, one per worker by default; see {@link ProcessPipe} for
 * a range the decision does not split.
 *
 * <p>Contract on the data: a call is recognised as "the same data" when it passes the same array object, of the same
 * length, with the same values at {@link #SAMPLES} evenly spread positions. An array changed in place elsewhere
 * between calls is not noticed: pass a new array, or call {@link #forget()} after changing it.
 *
 * <p>The strategy owns its pool and file; {@link #close()} reaps the children and removes the file (which is in fact
 * already unlinked once every worker mapped it). {@link #sum} is thread-safe: calls with the data already in place run
 * in parallel; a call that must place new data waits until the calls in flight are done.
 */
public final class ProcessShared implements ChunkingStrategy {

    /*
     * Implementation notes. A read-write lock guards the placement: sums hold the read lock while their requests are
     * in flight, a placement holds the write lock, so the file is never rewritten under a worker that is summing it.
     * A new file (and a MAP to every worker) is made only when the data does not fit the current one; otherwise the
     * data is rewritten in place through the open channel. Directories that JVMs killed during a placement left
     * behind are removed when a strategy starts and before each new file. The array is held through a WeakReference:
     * the strategy must not keep a benchmark's data alive, and a collected array cannot come back as "the same".
     */

    public static final String ID = "process-shared";

    /** Values compared to recognise the data placed last: a cheap guard against an array refilled in place. */
    public static final int SAMPLES = 16;

    /** A split sends offsets into data placed once: nothing is copied per sum. */
    private static final boolean NO_COPY = false;

    private final Settings settings;
    private final ProcessPool pool;
    private final Path base;
    private final ChunkDecider decider;
    private final ReentrantReadWriteLock placement = new ReentrantReadWriteLock();

    /** The current file, or null before the first placement; guarded by placement's write lock. */
    private SharedData shared;
    /** What was placed last; written under the write lock, read under the read lock. */
    private WeakReference<long[]> placed = new WeakReference<>(null);
    private int placedLength;
    private long[] placedSamples = new long[0];
    /** Its split, made once (a method reference made in every sum would be an allocation per call). */
    private final Calibration.Splitter splitter = this::sumPlaced;

    public ProcessShared(Settings settings, WorkerLauncher launcher) {
        this(settings, launcher, SharedDirectory.base());
    }

    /** With the shared directory under {@code base} instead of /dev/shm (tests). */
    ProcessShared(Settings settings, WorkerLauncher launcher, Path base) {
        this.settings = settings;
        this.base = base;
        SharedDirectory.removeStale(base);
        this.pool = ProcessPool.start(settings.workers(), launcher);
        // measured on its own split path: the calibration's arrays are placed in shared memory like any other
        this.decider = new ChunkDecider(ID, settings, ProcessPipe.FIXED_CHUNKS_PER_WORKER,
                ChunkDecider.OneChunk.BY_A_WORKER, splitter, NO_COPY);
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

    /** Sums {@code plan} over {@code data} in the workers, placing the data in shared memory first if it is not. */
    private long sumPlaced(long[] data, ChunkPlan plan) {
        Lock read = placement.readLock();
        read.lock();
        boolean reading = true;
        try {
            if (!holds(data)) {
                read.unlock();
                reading = false;
                Lock write = placement.writeLock();
                write.lock();
                try {
                    if (!holds(data)) {
                        place(data);
                    }
                    read.lock();
                    reading = true;
                } finally {
                    write.unlock();
                }
            }
            return pool.sumShared(plan);
        } finally {
            if (reading) {
                read.unlock();
            }
        }
    }

    /** Makes the next call place its data again (after the array was changed in place). */
    public void forget() {
        placement.writeLock().lock();
        try {
            placed = new WeakReference<>(null);
        } finally {
            placement.writeLock().unlock();
        }
    }

    private boolean holds(long[] data) {
        if (placed.get() != data || data.length != placedLength) {
            return false;
        }
        long[] samples = placedSamples;
        for (int i = 0; i < samples.length; i++) {
            if (data[sampleIndex(i, samples.length, data.length)] != samples[i]) {
                return false;
            }
        }
        return true;
    }

    /** Called under the write lock. */
    private void place(long[] data) {
        long bytes = data.length * (long) Long.BYTES;
        placed = new WeakReference<>(null);
        if (bytes > 0) {
            if (shared == null || shared.capacityBytes() < bytes) {
                SharedData fresh = SharedData.create(base, bytes);
                try {
                    fresh.write(data);
                    pool.map(fresh.path(), bytes);
                } catch (RuntimeException e) {
                    fresh.close();
                    throw e;
                }
                fresh.unlink();
                if (shared != null) {
                    shared.close();
                }
                shared = fresh;
            } else {
                shared.write(data);
            }
        }
        int count = Math.min(SAMPLES, data.length);
        long[] samples = new long[count];
        for (int i = 0; i < count; i++) {
            samples[i] = data[sampleIndex(i, count, data.length)];
        }
        placedSamples = samples;
        placedLength = data.length;
        placed = new WeakReference<>(data);
    }

    /** Sample {@code i} of {@code count}: evenly spread over the array, first and last included. */
    private static int sampleIndex(int i, int count, int length) {
        return count == 1 ? 0 : (int) ((long) i * (length - 1) / (count - 1));
    }

    @Override
    public ChunkDecider decider() {
        return decider;
    }

    @Override
    public void close() {
        pool.close();
        placement.writeLock().lock();
        try {
            if (shared != null) {
                shared.close();
            }
        } finally {
            placement.writeLock().unlock();
        }
    }
}
