package dev.sumbench.process;

import dev.sumbench.sum.ChunkPlan;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.concurrent.locks.LockSupport;

/**
 * One request sent to a worker and not yet answered: completed by the worker's reader thread with the reply's value,
 * or failed (the worker died, the pool was closed). The thread that created it waits for it with {@link #await}.
 */
final class PendingReply {

    /*
     * Implementation notes. The state moves once from PENDING to DONE or FAILED, through WRITING so that the value
     * or failure is written by the one thread that won the race and published by the volatile write of the final
     * state. The waiter spins first (a park/unpark pair costs more than a small task) and then parks with a bounded
     * timeout, re-reading the state after each wake-up; the completer unparks it after publishing.
     */

    private static final int PENDING = 0;
    private static final int WRITING = 1;
    private static final int DONE = 2;
    private static final int FAILED = 3;

    /**
     * Longest single park of a waiter: it is always unparked when its reply arrives, so this only bounds the damage of
     * a lost wake-up (none is known).
     */
    private static final long PARK_NANOS = 50_000_000L;

    private static final VarHandle STATE;

    static {
        try {
            STATE = MethodHandles.lookup().findVarHandle(PendingReply.class, "state", int.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    /** The task id the reply must carry. */
    final long task;
    /** What the request was, for messages; see {@link #what()}. */
    private final String label;
    /** The plan of a chunk request, else null; with {@code chunk}, described only when a message needs it. */
    private final ChunkPlan plan;
    private final int chunk;
    /** The thread that waits; unparked on completion. */
    private final Thread waiter;
    private volatile int state;
    /** Written by the completer before state becomes DONE. */
    private long value;
    /** Written by the failer before state becomes FAILED. */
    private RuntimeException failure;

    /** Bytes of data the worker reads to answer: what its stall limit grows with. */
    final long workBytes;

    /** A request described by {@code label}, over {@code workBytes} bytes of data. */
    PendingReply(long task, String label, long workBytes) {
        this(task, label, null, 0, workBytes);
    }

    /** A request described by {@code label}, with no data to speak of. */
    PendingReply(long task, String label) {
        this(task, label, null, 0, 0);
    }

    /** The request of chunk {@code chunk} of {@code plan}. */
    PendingReply(long task, ChunkPlan plan, int chunk) {
        this(task, null, plan, chunk, (plan.hi(chunk) - (long) plan.lo(chunk)) * Long.BYTES);
    }

    private PendingReply(long task, String label, ChunkPlan plan, int chunk, long workBytes) {
        this.task = task;
        this.label = label;
        this.plan = plan;
        this.chunk = chunk;
        this.workBytes = workBytes;
        this.waiter = Thread.currentThread();
    }

    /** What the request was: "chunk 1 of 2 [5, 10)", or its label. */
    String what() {
        return plan == null ? label
                : "chunk " + chunk + " of " + plan.count() + " [" + plan.lo(chunk) + ", " + plan.hi(chunk) + ")";
    }

    /** Completes with {@code replyValue}; false if it was already completed or failed. */
    boolean complete(long replyValue) {
        if (!STATE.compareAndSet(this, PENDING, WRITING)) {
            return false;
        }
        value = replyValue;
        state = DONE;
        LockSupport.unpark(waiter);
        return true;
    }

    /** Fails with {@code cause}; false if it was already completed or failed. */
    boolean fail(RuntimeException cause) {
        if (!STATE.compareAndSet(this, PENDING, WRITING)) {
            return false;
        }
        failure = cause;
        state = FAILED;
        LockSupport.unpark(waiter);
        return true;
    }

    boolean isDone() {
        return state >= DONE;
    }

    /**
     * Waits until the reply arrived or failed, or {@code System.nanoTime()} passed {@code deadline}; true if it did.
     *
     * @throws IllegalStateException if the wait was interrupted (the interrupt stays set)
     */
    boolean awaitDone(long deadline) {
        while (state < DONE) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return false;
            }
            LockSupport.parkNanos(this, Math.min(left, PARK_NANOS));
            if (Thread.interrupted()) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for " + what());
            }
        }
        return true;
    }

    /**
     * Waits for the reply, spinning while {@code System.nanoTime()} is before {@code spinUntil}, then parking.
     *
     * @return the reply's value
     * @throws BrokenPoolException   if the worker died (a copy for this caller; its cause is the pool's first failure)
     * @throws IllegalStateException if the pool was closed or the wait was interrupted (the interrupt stays set)
     */
    long await(long spinUntil) {
        int current;
        while ((current = state) < DONE) {
            if (System.nanoTime() - spinUntil < 0) {
                Thread.onSpinWait();
            } else {
                LockSupport.parkNanos(this, PARK_NANOS);
                if (Thread.interrupted()) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("interrupted while waiting for " + what());
                }
            }
        }
        if (current == DONE) {
            return value;
        }
        throw failure instanceof BrokenPoolException broken ? broken.forCaller() : failure;
    }
}
