package dev.sumbench.process;

import dev.sumbench.sum.ChunkPlan;
import dev.sumbench.sum.SystemProperties;
import java.io.IOException;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;

/**
 * A pool of child JVMs that sum ranges of {@code long[]} data: the engine of the {@code process-*} strategies.
 *
 * <p>{@link #start} launches {@code workers} children with {@link WorkerLauncher} (the parent's own {@code java} and
 * class path, no shell) and returns once each one has said hello, or throws {@link PoolStartException}. Work goes to
 * the children as frames of the {@link Protocol}: {@link #sumValues} copies the values through the pipe,
 * {@link #sumShared} sends offsets into data that {@link #map} made the children map. Chunk {@code i} of a plan goes
 * to worker {@code i % workers}; the caller waits for every reply and adds them up.
 *
 * <p>Failure: when a child dies, every request pending anywhere in the pool fails within a second with a
 * {@link BrokenPoolException} that names the worker, its pid, exit code or signal, the chunk it held and its stderr
 * tail; the pool is then broken and every later call fails at once with the same cause. A child also exits by itself
 * when its stdin ends, so if this JVM dies, even by {@code kill -9}, its children follow at once.
 *
 * <p>Stalls: a worker that holds a request and makes no progress (no frame of the request accepted, no reply) for its
 * stall limit, e.g. one stopped with {@code kill -STOP}, is killed by the pool's watchdog and breaks the pool the same
 * way, with a message that names it, its pid and its state ({@code T} = stopped, from {@code /proc/<pid>/stat} where
 * there is one). The limit is {@code max(floor, bytes of the request / }
 * {@link #MIN_PROGRESS_BYTES_PER_SECOND}{@code )}:
 * the floor is the system property {@value #STALL_PROPERTY} in milliseconds, default {@link #DEFAULT_STALL_MILLIS};
 * the second term grants a single request over a large chunk (an 800 MB sum: 80 s) time even on a slow machine.
 *
 * <p>Ownership and threads: the creator owns the pool and must {@link #close()} it (idempotent: a shutdown frame, then
 * {@code destroyForcibly} after {@link #SHUTDOWN_GRACE_MILLIS}; it reaps every child, broken or not). A JVM shutdown
 * hook kills the children of pools still open at exit. The pool is <em>thread-safe</em>: several threads may call the
 * {@code sum} methods at once; each worker serves the requests in the order they reached it, and every caller gets the
 * sum of its own plan.
 */
public final class ProcessPool implements AutoCloseable {

    /*
     * Implementation notes. Per worker there are two daemon threads, a reader for stdout and a drainer for stderr
     * (WorkerProcess); the caller writes requests itself, under the worker's write lock, and then waits on one
     * PendingReply per chunk. Waiting spins for SPIN_NANOS before parking, but only when the machine has cores to spare
     * beyond the workers (SPARE_CORES_TO_SPIN): otherwise the spinning caller would take the core a worker needs.
     *
     * Broken state: `broken` is set once (first death wins) before open requests are failed, and a caller re-checks it
     * after appending a request, so no request can slip between the two and wait forever. Closing sets `closing` first,
     * so that the ends of the workers that close() itself causes are not reported as deaths.
     *
     * The pipe transport writes the chunks from the caller's thread, one after the other. Measured as CPU time per GB
     * (robust on a loaded machine), the writing caller costs about as much as one worker reading and summing, so one
     * writer is what bounds process-pipe's throughput. A writer thread per worker would fill several pipes at once on a
     * machine with cores to spare; not done, since it adds a hand-off to every call and the single writer already
     * moves a few GB/s.
     *
     * Rejected: a queue that idle workers pull chunks from. It balances uneven chunks, but chunks of one plan are equal
     * by construction (ChunkPlan), and a pull costs a round trip per chunk; round-robin assignment costs nothing.
     */

    /** Most workers a pool accepts: each child is a JVM of tens of MiB; more than any machine we measure has cores. */
    public static final int MAX_WORKERS = 256;
    /** How long close() lets children exit after the shutdown frame before it kills them. */
    public static final long SHUTDOWN_GRACE_MILLIS = 500;
    /** How long close() waits for killed children to be reaped. */
    private static final long KILLED_EXIT_MILLIS = 5_000;
    /** How long close() waits for a worker's threads once its process is gone. */
    private static final long THREAD_JOIN_MILLIS = 1_000;
    /**
     * How long a caller spins for replies before it parks. A round trip of a small chunk (two pipe writes, a worker
     * wake-up, a reader-thread wake-up) takes some tens of microseconds, and a park/unpark pair would add 5..20 us to
     * it; spinning this long covers the round trip, and a long sum parks after a negligible fraction of its time.
     */
    static final long SPIN_NANOS = 100_000;

    /**
     * Cores beyond the workers that a caller needs before it spins: one for itself and one for the reader thread that
     * receives the reply. With fewer, the spinning caller would take the core that a worker or the reader needs.
     */
    private static final int SPARE_CORES_TO_SPIN = 2;

    /** The system property that sets the stall floor, in milliseconds (read when a pool starts). */
    public static final String STALL_PROPERTY = SystemProperties.WORKER_STALL_MILLIS;
    /**
     * The default stall floor: 60 s. A request of a benchmark's chunk takes milliseconds; a minute without any
     * progress is a stopped or wedged worker on any machine, not a slow one.
     */
    public static final long DEFAULT_STALL_MILLIS = 60_000;
    /**
     * The slowest progress taken as progress: 10 MiB/s of data per request, some hundred times below the memory
     * bandwidth of any machine this runs on, so that a loaded or throttled machine never trips the watchdog.
     */
    public static final long MIN_PROGRESS_BYTES_PER_SECOND = 10L << 20;
    /** Longest pause of the watchdog between two looks; shorter when the floor is short. */
    private static final long WATCHDOG_PERIOD_MILLIS = 1_000;

    private static final AtomicLong POOL_IDS = new AtomicLong();

    private final long id = POOL_IDS.incrementAndGet();
    private final WorkerProcess[] workers;
    private final AtomicLong nextTask = new AtomicLong();
    /** Whether callers spin before parking: only with a core to spare. */
    private final boolean spin;
    /** The first death, once the pool is broken; set once. */
    private final AtomicReference<BrokenPoolException> broken = new AtomicReference<>();
    /** Set when close() begins: from then on, a worker's end is not a death. */
    private volatile boolean closing;
    /** {@link #unusable}'s handle: read opaque on every sum (see checkUsable), set volatile. */
    private static final VarHandle UNUSABLE;

    static {
        try {
            UNUSABLE = MethodHandles.lookup().findVarHandle(ProcessPool.class, "unusable",
                    boolean.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    /**
     * Set (volatile) once the pool is broken or closing, after either: what {@link #checkUsable} reads on every sum,
     * one load instead of three, through {@link #UNUSABLE}.
     */
    private boolean unusable;
    private final AtomicBoolean closed = new AtomicBoolean();
    /** The stall floor of this pool, in nanoseconds. */
    private final long stallFloorNanos;
    /** Kills stalled workers; started once the pool is up. */
    private Thread watchdog;
    /** Test and demo hook: runs on the caller's thread after the first frame of each chunk is written. */
    private volatile ChunkHook chunkHook;

    /** Observes dispatch; see {@link #onFirstFrame}. */
    interface ChunkHook {
        void afterFirstFrame(int worker, int chunk);
    }

    private ProcessPool(int count) {
        this.workers = new WorkerProcess[count];
        this.spin = Runtime.getRuntime().availableProcessors() >= count + SPARE_CORES_TO_SPIN;
        this.stallFloorNanos = TimeUnit.MILLISECONDS.toNanos(stallFloorMillis());
    }

    /**
     * The stall floor: {@value #STALL_PROPERTY} in milliseconds, else the default.
     *
     * @throws IllegalArgumentException if the property is set and not a positive whole number
     */
    static long stallFloorMillis() {
        Long millis = SystemProperties.wholeNumber(STALL_PROPERTY, n -> n > 0, "a whole number of milliseconds > 0");
        return millis != null ? millis : DEFAULT_STALL_MILLIS;
    }

    /** The stall limit of a request over {@code bytes} bytes of data (see the class comment). */
    long stallLimitNanos(long bytes) {
        long forData = (long) (bytes / (double) MIN_PROGRESS_BYTES_PER_SECOND * 1e9);
        return Math.max(stallFloorNanos, forData);
    }

    private void startWatchdog() {
        watchdog = new Thread(this::watch, "sumbench-process-" + id + "-watchdog");
        watchdog.setDaemon(true);
        watchdog.start();
    }

    private void watch() {
        long period = Math.min(TimeUnit.MILLISECONDS.toNanos(WATCHDOG_PERIOD_MILLIS), stallFloorNanos / 4);
        while (!closing && broken.get() == null) {
            LockSupport.parkNanos(this, period);
            long now = System.nanoTime();
            for (WorkerProcess worker : workers) {
                PendingReply stalled = worker.stalledAt(now, this::stallLimitNanos);
                if (stalled != null && !closing) {
                    worker.markStalled("made no progress for " + TimeUnit.NANOSECONDS.toMillis(
                            stallLimitNanos(stalled.workBytes)) + " ms (" + ProcessState.describe(worker.pid)
                            + ") and was killed");
                    worker.process.destroyForcibly();
                }
            }
        }
    }

    /**
     * Starts {@code workers} children and waits for their hellos.
     *
     * @throws IllegalArgumentException if {@code workers} is not 1..{@link #MAX_WORKERS}
     * @throws PoolStartException       if a child cannot be launched, dies or says something else than a hello, or is
     *                                  silent past the launcher's start timeout; every child is reaped by then
     */
    public static ProcessPool start(int workers, WorkerLauncher launcher) {
        if (workers < 1 || workers > MAX_WORKERS) {
            throw new IllegalArgumentException("a process pool needs 1.." + MAX_WORKERS + " workers, got " + workers);
        }
        ProcessPool pool = new ProcessPool(workers);
        Cleanup.register(pool);
        try {
            for (int i = 0; i < workers; i++) {
                List<String> command = launcher.command(i);
                Process process;
                try {
                    process = new ProcessBuilder(command).start();
                } catch (IOException e) {
                    throw new PoolStartException("cannot start worker " + i + " with " + command.get(0) + ": "
                            + e.getMessage(), e);
                }
                pool.workers[i] = new WorkerProcess(pool, i, process, "sumbench-process-" + pool.id + "-w" + i);
            }
            long deadline = System.nanoTime() + launcher.startTimeout().toNanos();
            for (WorkerProcess worker : pool.workers) {
                pool.awaitHello(worker, deadline, launcher);
            }
            pool.startWatchdog();
            return pool;
        } catch (RuntimeException e) {
            pool.close();
            throw e;
        }
    }

    private void awaitHello(WorkerProcess worker, long deadline, WorkerLauncher launcher) {
        if (!worker.hello.awaitDone(deadline)) {
            worker.process.destroyForcibly();
            worker.waitExit(KILLED_EXIT_MILLIS);
            worker.stderr().awaitEnd(THREAD_JOIN_MILLIS);
            throw new PoolStartException(worker.label() + " did not say hello within "
                    + launcher.startTimeout().toMillis() + " ms (" + String.join(" ", launcher.command(worker.index))
                    + "); stderr tail: " + worker.stderr().forMessage(), null);
        }
        worker.hello.await(System.nanoTime());
    }

    /** Number of child processes. */
    public int workers() {
        return workers.length;
    }

    /** The children, in worker order (for monitoring and tests; destroying one breaks the pool). */
    public List<ProcessHandle> processes() {
        List<ProcessHandle> handles = new ArrayList<>();
        for (WorkerProcess worker : workers) {
            handles.add(worker.process.toHandle());
        }
        return handles;
    }

    /** The first death if the pool is broken. */
    public Optional<BrokenPoolException> broken() {
        return Optional.ofNullable(broken.get());
    }

    // ---------------------------------------------------------------------------------------------- work

    /**
     * Pipe transport: sends the values of each chunk of {@code plan} (over {@code data}) through its worker's stdin and
     * returns the wrapped sum of the replies.
     *
     * @throws IndexOutOfBoundsException if the plan's range is not a range of {@code data}
     * @throws BrokenPoolException        if a worker died (now or before)
     * @throws IllegalStateException      if the pool is closed
     */
    public long sumValues(long[] data, ChunkPlan plan) {
        Objects.checkFromToIndex(plan.lo(), plan.hi(), data.length);
        PendingReply[] replies = new PendingReply[plan.count()];
        for (int i = 0; i < plan.count(); i++) {
            WorkerProcess worker = workerFor(i);
            Runnable hook = hookFor(worker.index, i);
            replies[i] = worker.sendValues(nextTask.incrementAndGet(), data, plan, i, hook);
        }
        return awaitSum(replies);
    }

    /**
     * Shared transport: asks each chunk's worker to sum the values {@code [lo(i), hi(i))} of its mapping (see
     * {@link #map}) and returns the wrapped sum of the replies.
     *
     * @throws BrokenPoolException   if a worker died (now or before), also if a range was outside its mapping (the
     *                               worker rejects the request and exits)
     * @throws IllegalStateException if the pool is closed
     */
    public long sumShared(ChunkPlan plan) {
        PendingReply[] replies = new PendingReply[plan.count()];
        for (int i = 0; i < plan.count(); i++) {
            WorkerProcess worker = workerFor(i);
            replies[i] = worker.sendShared(nextTask.incrementAndGet(), plan, i);
            Runnable hook = hookFor(worker.index, i);
            if (hook != null) {
                hook.run();
            }
        }
        return awaitSum(replies);
    }

    /**
     * Makes every worker map the first {@code bytes} bytes of {@code path} read-only (replacing what it mapped before)
     * and waits until all have: the file may be deleted afterwards.
     */
    public void map(String path, long bytes) {
        PendingReply[] replies = new PendingReply[workers.length];
        for (WorkerProcess worker : workers) {
            replies[worker.index] = worker.sendMap(nextTask.incrementAndGet(),
                    "the mapping of " + (bytes >> 20) + " MiB of " + path, path, bytes);
        }
        awaitSum(replies);
    }

    private WorkerProcess workerFor(int chunk) {
        return workers[chunk % workers.length];
    }

    private Runnable hookFor(int worker, int chunk) {
        ChunkHook hook = chunkHook;
        return hook == null ? null : () -> hook.afterFirstFrame(worker, chunk);
    }

    private long awaitSum(PendingReply[] replies) {
        long spinUntil = System.nanoTime() + (spin ? SPIN_NANOS : 0);
        long sum = 0;
        for (PendingReply reply : replies) {
            sum += reply.await(spinUntil);
        }
        return sum;
    }

    /** Sets the hook that runs after the first frame of every chunk (tests and the crash demo kill workers there). */
    void onFirstFrame(ChunkHook hook) {
        this.chunkHook = hook;
    }

    /** Throws if the pool takes no more work: the broken cause (a copy), or IllegalStateException once closed. */
    void checkUsable() {
        // opaque on every sum: it sees the flag soon after it is set, and orders nothing else, so a sum the caller
        // keeps pays a plain load; read again with volatile semantics before the cause is read, which the setter
        // wrote first
        if ((boolean) UNUSABLE.getOpaque(this) && (boolean) UNUSABLE.getVolatile(this)) {
            throwWhyUnusable();
        }
    }

    private void throwWhyUnusable() {
        BrokenPoolException cause = broken.get();
        if (cause != null) {
            throw cause.forCaller();
        }
        if (closing) {
            throw new IllegalStateException("the process pool is closed");
        }
    }

    // ---------------------------------------------------------------------------------------------- ending

    /**
     * Called by a worker's reader thread when the worker's stdout ended: a start failure before its hello, nothing
     * during close(), otherwise a death that breaks the pool.
     *
     * @param violation what the worker did wrong if the reader stopped it, else null
     */
    void workerEnded(WorkerProcess worker, String violation) {
        if (!worker.hello.isDone()) {
            ExitStatus status = worker.awaitExitAfterEnd();
            String what = violation != null ? "did not say a proper hello: " + violation
                    : status.code() == ExitStatus.STILL_RUNNING ? "closed its stdout before saying hello"
                    : status.describe() + " before saying hello";
            worker.hello.fail(new PoolStartException(worker.label() + " " + what + "; stderr tail: "
                    + worker.stderr().forMessage(), null));
            return;
        }
        if (closing) {
            worker.failOpen(closedWhilePending());
            return;
        }
        String held = worker.held();
        ExitStatus status = worker.awaitExitAfterEnd();
        if (status.code() == ExitStatus.STILL_RUNNING) {
            worker.process.destroyForcibly();
        }
        StringBuilder message = new StringBuilder("process pool broken: ").append(worker.label()).append(' ');
        if (worker.stall() != null) {
            message.append(worker.stall());
        } else if (violation != null) {
            message.append("broke the protocol (").append(violation).append(") and was killed");
        } else if (status.code() == ExitStatus.STILL_RUNNING) {
            message.append("closed its stdout and was killed");
        } else {
            message.append(status.describe());
        }
        message.append(held == null ? " while idle" : " while it held " + held);
        String lastError = worker.lastError();
        if (lastError != null) {
            message.append("; it reported: ").append(lastError);
        }
        String tail = worker.stderr().forMessage();
        message.append("; stderr tail: ").append(tail);
        BrokenPoolException death = new BrokenPoolException(message.toString(), worker.index, worker.pid,
                status.code(), held, tail, null);
        broken.compareAndSet(null, death);
        UNUSABLE.setVolatile(this, true);
        BrokenPoolException first = broken.get();
        for (WorkerProcess each : workers) {
            if (each != null) {
                each.failOpen(first);
            }
        }
    }

    private static IllegalStateException closedWhilePending() {
        return new IllegalStateException("the process pool was closed while a request was pending");
    }

    /**
     * Shuts every child down and reaps it: a SHUTDOWN frame and the end of stdin, then {@code destroyForcibly} after
     * {@link #SHUTDOWN_GRACE_MILLIS}. Requests still pending fail. Idempotent; never throws.
     */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        closing = true;
        UNUSABLE.setVolatile(this, true);
        try {
            for (WorkerProcess worker : workers) {
                if (worker != null) {
                    worker.requestShutdown(SHUTDOWN_GRACE_MILLIS);
                }
            }
            long graceEnd = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(SHUTDOWN_GRACE_MILLIS);
            for (WorkerProcess worker : workers) {
                if (worker != null) {
                    worker.waitExit(TimeUnit.NANOSECONDS.toMillis(graceEnd - System.nanoTime()));
                }
            }
            killAll();
            for (WorkerProcess worker : workers) {
                if (worker != null) {
                    worker.waitExit(KILLED_EXIT_MILLIS);
                    worker.joinThreads(THREAD_JOIN_MILLIS);
                    worker.failOpen(closedWhilePending());
                }
            }
            if (watchdog != null) {
                LockSupport.unpark(watchdog);
                joinQuietly(watchdog);
            }
        } finally {
            Cleanup.unregister(this);
        }
    }

    /**
     * The JVM is exiting with this pool open: kill the children at once, and let the callers still waiting hear
     * "closed" rather than a death that is only the exit's doing.
     */
    void killAtExit() {
        closing = true;
        UNUSABLE.setVolatile(this, true);
        killAll();
    }

    private static void joinQuietly(Thread thread) {
        try {
            thread.join(THREAD_JOIN_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Kills every child that is still alive, without waiting. */
    private void killAll() {
        for (WorkerProcess worker : workers) {
            if (worker != null && worker.process.isAlive()) {
                worker.process.destroyForcibly();
            }
        }
    }
}
