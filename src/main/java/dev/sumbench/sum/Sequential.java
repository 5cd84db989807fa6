package dev.sumbench.sum;

/**
 * {@code sequential}: a plain indexed loop in the calling thread, the baseline of every table. It ignores
 * {@code workers} and {@code chunk}. Stateless and thread-safe.
 */
public final class Sequential implements SumStrategy {

    public static final String ID = "sequential";

    private final Settings settings;

    public Sequential(Settings settings) {
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
        return Ranges.loop(data, lo, hi);
    }

    @Override
    public void close() {
        // nothing to release
    }
}
