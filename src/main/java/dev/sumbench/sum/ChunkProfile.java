package dev.sumbench.sum;

import java.util.Map;
import java.util.OptionalInt;

/**
 * Tuned default chunk sizes, keyed by strategy id and workers, as {@code scripts/tune} writes them. A strategy whose
 * {@code chunk} is {@link Settings#DEFAULT_CHUNK} asks the profile first and falls back to its built-in rule.
 *
 * <p>The profile maps {@code "strategy/workers"} to a list of (size, chunk) steps sorted by size: for a range of
 * {@code n} elements the recommendation of the largest tuned size {@code <= n} applies (the smallest one below all).
 *
 * @param chunks recommended chunk per key, as sorted {@code long[]{size, chunk}} pairs
 */
public record ChunkProfile(Map<String, long[][]> chunks) {

    /** No tuning: every strategy uses its built-in default. */
    public static final ChunkProfile NONE = new ChunkProfile(Map.of());

    public ChunkProfile {
        chunks = Map.copyOf(chunks);
    }

    /** The key under which a strategy's recommendations are stored. */
    public static String key(String strategy, int workers) {
        return strategy + "/" + workers;
    }

    /**
     * The tuned chunk for a range of {@code n} elements, if this profile has one for the strategy and workers; empty
     * also where the entry is {@link Settings#DEFAULT_CHUNK} (the tuning kept the strategy's own default there).
     */
    public OptionalInt chunkFor(String strategy, int workers, int n) {
        long[][] steps = chunks.get(key(strategy, workers));
        if (steps == null || steps.length == 0) {
            return OptionalInt.empty();
        }
        long[] chosen = steps[0];
        for (long[] step : steps) {
            if (step[0] <= n) {
                chosen = step;
            }
        }
        if (chosen[1] == Settings.DEFAULT_CHUNK) {
            return OptionalInt.empty();
        }
        return OptionalInt.of((int) Math.max(1, Math.min(Integer.MAX_VALUE, chosen[1])));
    }
}
