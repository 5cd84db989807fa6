package dev.sumbench.sum;

import java.util.OptionalInt;

/**
 * The chunking rule every parallel strategy shares when it is given {@code chunk = 0}.
 *
 * <p>In order: an explicit chunk wins; then a tuned {@link ChunkProfile} entry; then the built-in rule: never split a
 * range into chunks smaller than {@link #MIN_PARALLEL_CHUNK}, and make at most {@code workers * chunksPerWorker} chunks.
 * So a small range is summed in the caller as one chunk and costs no hand-off at all.
 */
public final class DefaultChunking {

    /*
     * Implementation notes. A hand-off to another thread costs about 10..30 us here (a park/unpark pair on each side;
     * `sumbench demo` shows it), while the vectorised loop sums about 2..4 elements per ns from cache. Below roughly
     * 2^16 elements a chunk is finished before another thread could even be woken for it, so the default never makes
     * smaller ones. `scripts/tune` replaces this rule with measured values through a ChunkProfile.
     */

    /** Smallest chunk the default rule hands to another thread: see the implementation notes. */
    public static final int MIN_PARALLEL_CHUNK = 1 << 16;

    private DefaultChunking() {
    }

    /**
     * The plan for summing {@code [lo, hi)} with {@code settings}.
     *
     * @param strategy        the strategy id (looked up in the profile)
     * @param chunksPerWorker chunks per worker the strategy wants by default (1 for a pool that hands one chunk to
     *                        each worker, 4 for work stealing: ForkJoin's and parallel streams' own habit)
     */
    public static ChunkPlan plan(String strategy, Settings settings, int lo, int hi, int chunksPerWorker) {
        if (settings.chunk() > 0) {
            return ChunkPlan.bySize(lo, hi, settings.chunk());
        }
        int n = hi - lo;
        OptionalInt tuned = settings.profile().chunkFor(strategy, settings.workers(), n);
        if (tuned.isPresent()) {
            return ChunkPlan.bySize(lo, hi, tuned.getAsInt());
        }
        int worthSplitting = Math.max(1, n / MIN_PARALLEL_CHUNK);
        long wanted = (long) settings.workers() * chunksPerWorker;
        return ChunkPlan.byCount(lo, hi, (int) Math.min(worthSplitting, wanted));
    }
}
