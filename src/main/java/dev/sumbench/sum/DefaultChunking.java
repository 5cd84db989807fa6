package dev.sumbench.sum;

import java.util.OptionalInt;
import java.util.OptionalLong;

/**
 * The chunking rule every parallel strategy shares when it is given {@code chunk = 0}.
 *
 * <p>In order:
 * <ol>
 * <li>an explicit chunk ({@code chunk > 0}) wins: chunks of that size, handed to the workers even when there is one;
 * <li>a tuned {@link ChunkProfile}: below the strategy's minimum parallel size the range is summed in the caller;
 *     above it, the profile's chunk (or, without one, one chunk per worker);
 * <li>the {@link Settings#rule()}:
 *   <ul>
 *   <li>{@link ChunkingRule#ADAPTIVE} (the default): the measured rule of {@link SplitCosts}, split {@code n}
 *       elements only when {@code n·c·(1 − 1/p) − n·t > m·h}, with the costs the strategy measured when it started
 *       ({@link Calibration}); below that size the range is summed in the caller, from it on in one chunk per worker;
 *   <li>{@link ChunkingRule#FIXED} (the former default, kept for comparison): never a chunk smaller than
 *       {@link #MIN_PARALLEL_CHUNK}, at most {@code workers * chunksPerWorker} chunks.
 *   </ul>
 * </ol>
 */
public final class DefaultChunking {

    /*
     * Implementation notes. The fixed rule's 2^16 is a guess at "a chunk is finished before another thread could be
     * woken for it"; it splits at 131 072 elements whatever the machine. The measured rule replaces the guess by the
     * costs that decide it, measured on the machine and JVM that runs. Both are pure functions of their inputs, so
     * tests check them on given costs without timing anything. Under the measured rule a split gets one chunk per
     * worker: the workers all start at once and sum equal shares, and each further chunk would cost another hand-off.
     */

    /** The fixed rule's smallest chunk: a guess at a chunk that outlasts waking a thread (kept for comparison). */
    public static final int MIN_PARALLEL_CHUNK = 1 << 16;

    private DefaultChunking() {
    }

    /** Why a decision is what it is; with its number, {@link Decision#reason()} says it in words. */
    public enum Why {
        /** An explicit chunk (the number): its plan, even of one chunk, goes to the workers. */
        EXPLICIT,
        /** Below the profile's minimum parallel size (the number). */
        BELOW_PROFILE_MINIMUM,
        /** The profile's chunk (the number), at or above its minimum parallel size or where splitting pays. */
        PROFILE_CHUNK,
        /** At or above the profile's minimum parallel size (the number): one chunk per worker. */
        FROM_PROFILE_MINIMUM,
        /** Below the measured rule's minimum parallel size (the number; Long.MAX_VALUE: never). */
        BELOW_MEASURED_MINIMUM,
        /** At or above the measured rule's minimum parallel size (the number): one chunk per worker. */
        FROM_MEASURED_MINIMUM,
        /** The fixed rule (the number: its smallest chunk). */
        FIXED
    }

    /**
     * How a range is summed.
     *
     * @param plan     the chunks; with {@code inCaller} it is one chunk
     * @param inCaller whether the caller sums the whole range itself, handing nothing to any worker
     * @param why      why
     * @param number   the size or chunk that {@code why} refers to
     */
    public record Decision(ChunkPlan plan, boolean inCaller, Why why, long number) {

        /** Why, in a few words for {@code sum --verbose}. */
        public String reason() {
            return switch (why) {
                case EXPLICIT -> "explicit chunk " + number;
                case BELOW_PROFILE_MINIMUM -> "below the profile's minimum parallel size " + number;
                case PROFILE_CHUNK -> "profile: chunk " + number;
                case FROM_PROFILE_MINIMUM -> "profile: split from " + number + " elements";
                case BELOW_MEASURED_MINIMUM -> "measured rule: below the minimum parallel size "
                        + (number == Long.MAX_VALUE ? "(never)" : Long.toString(number));
                case FROM_MEASURED_MINIMUM -> "measured rule: at or above the minimum parallel size " + number;
                case FIXED -> "fixed: chunks of at least " + number;
            };
        }
    }

    /**
     * The plan of the fixed rule (or of an explicit chunk or profile) for summing {@code [lo, hi)} with
     * {@code settings}; the decision without measured costs.
     *
     * @param strategy        the strategy id (looked up in the profile)
     * @param chunksPerWorker the fixed rule's chunks per worker (1 for a pool that hands one chunk to each worker, 4
     *                        for work stealing: ForkJoin's and parallel streams' own habit)
     */
    public static ChunkPlan plan(String strategy, Settings settings, int lo, int hi, int chunksPerWorker) {
        return decide(strategy, settings, lo, hi, chunksPerWorker, null).plan();
    }

    /**
     * The decision for summing {@code [lo, hi)} with {@code settings}.
     *
     * @param costs the strategy's measured costs, or {@code null} when it has none (then the fixed rule applies)
     */
    public static Decision decide(String strategy, Settings settings, int lo, int hi, int chunksPerWorker,
                                  SplitCosts costs) {
        if (settings.chunk() > 0) {
            return new Decision(ChunkPlan.bySize(lo, hi, settings.chunk()), false, Why.EXPLICIT, settings.chunk());
        }
        int n = hi - lo;
        int workers = settings.workers();
        boolean measured = settings.rule() == ChunkingRule.ADAPTIVE && costs != null;
        ChunkProfile profile = settings.profile();
        boolean tunedProfile = !profile.isEmpty();
        OptionalLong minParallel = tunedProfile ? profile.minParallelFor(strategy, workers) : OptionalLong.empty();
        OptionalInt tuned = tunedProfile ? profile.chunkFor(strategy, workers, n) : OptionalInt.empty();
        if (minParallel.isPresent()) {
            long min = minParallel.getAsLong();
            if (n < min) {
                return inCaller(lo, hi, Why.BELOW_PROFILE_MINIMUM, min);
            }
            if (tuned.isPresent()) {
                return new Decision(ChunkPlan.bySize(lo, hi, tuned.getAsInt()), false, Why.PROFILE_CHUNK,
                        tuned.getAsInt());
            }
            int count = measured ? workers : (int) Math.min((long) workers * chunksPerWorker, n);
            return new Decision(ChunkPlan.byCount(lo, hi, count), false, Why.FROM_PROFILE_MINIMUM, min);
        }
        if (measured) {
            long min = costs.minParallelSize(workers);
            if (n < min) {
                return inCaller(lo, hi, Why.BELOW_MEASURED_MINIMUM, min);
            }
            if (tuned.isPresent()) {
                return new Decision(ChunkPlan.bySize(lo, hi, tuned.getAsInt()), false, Why.PROFILE_CHUNK,
                        tuned.getAsInt());
            }
            return new Decision(ChunkPlan.byCount(lo, hi, workers), false, Why.FROM_MEASURED_MINIMUM, min);
        }
        if (tuned.isPresent()) {
            return new Decision(ChunkPlan.bySize(lo, hi, tuned.getAsInt()), false, Why.PROFILE_CHUNK,
                    tuned.getAsInt());
        }
        int worthSplitting = Math.max(1, n / MIN_PARALLEL_CHUNK);
        long wanted = (long) workers * chunksPerWorker;
        ChunkPlan plan = ChunkPlan.byCount(lo, hi, (int) Math.min(worthSplitting, wanted));
        return new Decision(plan, false, Why.FIXED, MIN_PARALLEL_CHUNK);
    }

    private static Decision inCaller(int lo, int hi, Why why, long number) {
        return new Decision(ChunkPlan.byCount(lo, hi, 1), true, why, number);
    }

    /** The rule of {@code settings} in words, where it uses no measured costs (explicit chunk, fixed rule). */
    public static String describe(Settings settings) {
        if (settings.chunk() > 0) {
            return "chunking: explicit chunk " + settings.chunk();
        }
        return "chunking: fixed (chunks of at least " + MIN_PARALLEL_CHUNK + " elements, then a fixed count per "
                + "worker)";
    }
}
