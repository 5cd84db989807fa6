package dev.sumbench.sum;

import java.util.Arrays;

/**
 * {@code sequential-stream}: {@code Arrays.stream(data, lo, hi).sum()} in the calling thread: the Stream API's cost over
 * the plain loop. It ignores {@code workers} and {@code chunk}. Stateless and thread-safe.
 */
public final class SequentialStream implements SumStrategy {

    public static final String ID = "sequential-stream";

    private final Settings settings;

    public SequentialStream(Settings settings) {
        this.settings = settings;
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
        Ranges.check(data, lo, hi);
        return Arrays.stream(data, lo, hi).sum();
    }

    @Override
    public void close() {
        // nothing to release
    }
}
