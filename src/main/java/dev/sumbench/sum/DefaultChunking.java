package dev.sumbench.sum;

import java.util.Locale;
import java.util.OptionalInt;
import java.util.OptionalLong;

/**
 * The chunking rule every parallel strategy shares when it is given {@code chunk = 0}.
 *
 * <p>In order:
 * <ol>
 * <li>an explicit chunk ({@code chunk > 0}) wins: chunks of that size, handed to the workers even when there is one;
 * <li>a tuned {@link ChunkProfile}: below the strategy's minimum parallel size the range is summed in the caller;
 *     above it, the profile's chunk (or, without one, the rule below decides the count);
 * <li>the {@link Settings#rule()}:
 *   <ul>
 *   <li>{@link ChunkingRule#ADAPTIVE} (the default): split only where splitting pays by the measured costs, the
 *       strategy's hand-off and the loop's per-element cost ({@link SplitCosts}, measured by {@link Calibration} when
 *       the strategy starts): below {@link SplitCosts#minParallelSize} the range is summed in the caller;
 *   <li>{@link ChunkingRule#FIXED} (the former default, kept for comparison): never a chunk smaller than
 *       {@link #MIN_PARALLEL_CHUNK}, at most {@code workers * chunksPerWorker} chunks; a range of one chunk is summed
 *       in the caller by the thread strategies and by one worker by the process strategies.
 *   </ul>
 * </ol>
 */
public final class DefaultChunking {

    /*
     * Implementation notes. The fixed rule's 2^16 was a guess at "a chunk is finished before another thread could be
     * woken for it"; it split at 131 072 elements whatever the machine, where a fork-join hand-off from outside the
     * pool can cost more than half the work it saves. The adaptive rule replaces the guess by the two costs that decide
     * it, measured on the machine and JVM that runs (a few milliseconds when the strategy starts, cached per JVM), and
     * by a safety margin for the model's gaps (SplitCosts). The decision is a pure function of the costs, so tests
     * check it on given costs without timing anything.
     */

    /** Smallest chunk the fixed rule hands to another thread. */
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
        /** At or above the profile's minimum parallel size (the number), the count from the rule. */
        FROM_PROFILE_MINIMUM,
        /** Below the minimum parallel size of the measured costs (the number; Long.MAX_VALUE: never). */
        BELOW_MEASURED_MINIMUM,
        /**
         * At or above the minimum parallel size of the measured costs (the number): split where the strategy's own
         * sums measured a split to pay ({@link ChunkDecider#sum}).
         */
        FROM_MEASURED_MINIMUM,
        /** The fixed rule (the number: its smallest chunk). */
        FIXED
    }

    /**
     * How a range is summed. Made on every sum, so it formats nothing until {@link #reason()} is asked for.
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
                case BELOW_MEASURED_MINIMUM -> "adaptive: below the minimum parallel size "
                        + (number == Long.MAX_VALUE ? "(never: one worker or one core)" : Long.toString(number));
                case FROM_MEASURED_MINIMUM -> "adaptive: at or above the floor of " + number
                        + " elements, where the strategy's own sums decide";
                case FIXED -> "fixed: chunks of at least " + number;
            };
        }
    }

    /**
     * The plan of the fixed rule (or of an explicit chunk or profile) for summing {@code [lo, hi)} with
     * {@code settings}; the decision without measured costs.
     *
     * @param strategy        the strategy id (looked up in the profile)
     * @param chunksPerWorker chunks per worker the strategy wants by default (1 for a pool that hands one chunk to
     *                        each worker, 4 for work stealing: ForkJoin's and parallel streams' own habit)
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
        boolean adaptive = settings.rule() == ChunkingRule.ADAPTIVE && costs != null;
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
            int count = adaptive ? Math.max(workers, costs.chunks(n, workers, chunksPerWorker, SplitCosts.margin()))
                    : (int) Math.min((long) workers * chunksPerWorker, n);
            return new Decision(ChunkPlan.byCount(lo, hi, count), false, Why.FROM_PROFILE_MINIMUM, min);
        }
        if (adaptive) {
            double margin = SplitCosts.margin();
            long min = costs.minParallelSize(workers, margin);
            if (n < min) {
                return inCaller(lo, hi, Why.BELOW_MEASURED_MINIMUM, min);
            }
            if (tuned.isPresent()) {
                return new Decision(ChunkPlan.bySize(lo, hi, tuned.getAsInt()), false, Why.PROFILE_CHUNK,
                        tuned.getAsInt());
            }
            int count = costs.chunks(n, workers, chunksPerWorker, margin);
            return new Decision(ChunkPlan.byCount(lo, hi, count), false, Why.FROM_MEASURED_MINIMUM, min);
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

    /**
     * What {@code sum --verbose} and {@code demo} print about the default chunking of a strategy: its rule, the
     * measured inputs and the minimum parallel size.
     */
    public static String describe(Settings settings, SplitCosts costs) {
        if (settings.chunk() > 0) {
            return "chunking: explicit chunk " + settings.chunk();
        }
        if (settings.rule() == ChunkingRule.FIXED || costs == null) {
            return "chunking: fixed (chunks of at least " + MIN_PARALLEL_CHUNK + " elements, "
                    + "then a fixed count per worker)";
        }
        double margin = SplitCosts.margin();
        long min = costs.minParallelSize(settings.workers(), margin);
        return String.format(Locale.ROOT, "chunking: adaptive, tuned %s: %s, margin %.3g -> minimum parallel size %s",
                costs.pattern().id(), costs.describe(), margin,
                min == Long.MAX_VALUE ? "never (one worker or one core)" : Long.toString(min));
    }
}
