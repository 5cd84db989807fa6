package dev.sumbench.sum;

/**
 * How a strategy is set up: {@code workers} threads or processes doing the summing, and {@code chunk} elements per
 * task ({@link #DEFAULT_CHUNK} = the strategy's own documented default, which may come from a tuned
 * {@link ChunkProfile}); with the default chunk, {@code rule} says how that default is decided (see
 * {@link DefaultChunking}).
 *
 * @param workers threads or processes that sum, at least 1
 * @param chunk   elements per task, 0 for the strategy's default
 * @param profile tuned default chunks, or {@link ChunkProfile#NONE}
 * @param rule    the default-chunking rule: adaptive (the measured rule) or fixed (the built-in size rule)
 */
public record Settings(int workers, int chunk, ChunkProfile profile, ChunkingRule rule) {

    /** {@code chunk} value that asks for the strategy's own default. */
    public static final int DEFAULT_CHUNK = 0;

    /** Most workers a strategy accepts: far above any core count we measure, low enough to catch typos. */
    public static final int MAX_WORKERS = 1024;

    public Settings {
        if (workers < 1 || workers > MAX_WORKERS) {
            throw new IllegalArgumentException("workers must be 1.." + MAX_WORKERS + ", got " + workers);
        }
        if (chunk < 0) {
            throw new IllegalArgumentException("chunk must be >= 0 (0 = default), got " + chunk);
        }
        if (profile == null) {
            throw new IllegalArgumentException("profile must not be null (use ChunkProfile.NONE)");
        }
        if (rule == null) {
            throw new IllegalArgumentException("rule must not be null");
        }
    }

    /** With the rule of the property {@link ChunkingRule#PROPERTY}, read here, once per settings. */
    public Settings(int workers, int chunk, ChunkProfile profile) {
        this(workers, chunk, profile, ChunkingRule.fromSystemProperty());
    }

    public Settings(int workers, int chunk) {
        this(workers, chunk, ChunkProfile.NONE);
    }

    /** One worker per available processor, default chunk. */
    public static Settings defaults() {
        return new Settings(Runtime.getRuntime().availableProcessors(), DEFAULT_CHUNK);
    }

    /** These settings with {@code rule} instead. */
    public Settings with(ChunkingRule rule) {
        return new Settings(workers, chunk, profile, rule);
    }

    /** Whether a strategy with these settings decides its chunks by the measured rule. */
    public boolean adaptive() {
        return chunk == DEFAULT_CHUNK && rule == ChunkingRule.ADAPTIVE;
    }
}
