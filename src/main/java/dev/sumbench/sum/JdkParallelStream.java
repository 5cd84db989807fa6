package dev.sumbench.sum;

import java.util.Arrays;

/**
 * {@code jdk-parallel-stream}: the peer row, exactly {@code Arrays.stream(data, lo, hi).parallel().sum()} as users write
 * it, with no chunking of sumbench's. It runs on the common {@link java.util.concurrent.ForkJoinPool}, whose
 * parallelism is the JVM's (by default the available processors less one), and the calling thread takes part in the
 * work; {@code workers} and {@code chunk} do not change it (the suite leaves the common pool at the JVM's default).
 *
 * <p>Owns nothing; {@link #close()} does nothing. {@link #sum} is thread-safe.
 */
public final class JdkParallelStream implements SumStrategy {

    public static final String ID = "jdk-parallel-stream";

    private final Settings settings;

    public JdkParallelStream(Settings settings) {
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
        return Arrays.stream(data, lo, hi).parallel().sum();
    }

    @Override
    public void close() {
        // the common pool is the JVM's
    }
}
