package dev.sumbench.sum;

/**
 * One way of summing a range of a {@code long[]}.
 *
 * <p>A strategy is created once (through {@link Strategies#create}), sums any range {@code [lo, hi)} many times, and is
 * closed once. It owns whatever it starts (threads, child processes, files) and {@link #close()} releases all of it;
 * {@code close()} is idempotent. The sum wraps on overflow exactly like {@link java.util.stream.LongStream#sum()}, so
 * every strategy and every chunking returns the same value for the same range.
 *
 * <p>Thread safety: unless a class says otherwise, {@link #sum} may be called by one thread at a time.
 */
public interface SumStrategy extends AutoCloseable {

    /** The strategy id, one of {@link Strategies#ids()}. */
    String id();

    /** The settings this strategy was created with (workers, chunk). */
    Settings settings();

    /**
     * Sums {@code data[lo] + ... + data[hi - 1]}, wrapping on overflow.
     *
     * @throws IndexOutOfBoundsException if {@code [lo, hi)} is not a range of {@code data}
     * @throws IllegalStateException if the strategy is closed
     */
    long sum(long[] data, int lo, int hi);

    /** Sums the whole array. */
    default long sum(long[] data) {
        return sum(data, 0, data.length);
    }

    /** Releases threads, processes and files; idempotent, never throws a checked exception. */
    @Override
    void close();
}
