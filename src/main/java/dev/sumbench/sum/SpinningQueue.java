package dev.sumbench.sum;

import java.util.concurrent.LinkedBlockingQueue;

/**
 * The work queue of {@link ThreadPool}: a {@link LinkedBlockingQueue} whose {@link #take()} polls for a short while,
 * yielding the CPU between polls, before it blocks. An idle worker that has just finished a chunk thus picks up the next
 * one without being unparked, which is most of the hand-off cost at small sizes.
 *
 * <p>Thread-safe, like its superclass.
 */
final class SpinningQueue<E> extends LinkedBlockingQueue<E> {

    /*
     * Implementation notes. A worker parked in take() is woken by a futex call and the scheduler: 10..40 us on the
     * virtual machines we measure, far more than summing a small chunk. Polling keeps the worker runnable for
     * `spinNanos` after its last task; Thread.yield() between polls hands the core to any other runnable thread (the
     * caller, on a 2-core machine), so spinning costs idle CPU time, not the caller's. poll() on an empty queue is one
     * volatile read (LinkedBlockingQueue checks its count before locking). Rejected: a SynchronousQueue (same parking),
     * and spinning in every caller of poll(timeout) (ThreadPool's core threads only ever call take()).
     */

    private static final long serialVersionUID = 1L;

    /** How long take() polls before it blocks. */
    private final long spinNanos;

    SpinningQueue(long spinNanos) {
        this.spinNanos = spinNanos;
    }

    @Override
    public E take() throws InterruptedException {
        E element = poll();
        if (element != null) {
            return element;
        }
        long deadline = System.nanoTime() + spinNanos;
        while (System.nanoTime() - deadline < 0) {
            Thread.yield();
            element = poll();
            if (element != null) {
                return element;
            }
            if (Thread.interrupted()) {
                throw new InterruptedException();
            }
        }
        return super.take();
    }
}
