package dev.sumbench.stats;

import dev.sumbench.results.ScoreUnit;
import java.util.OptionalDouble;

/**
 * Which way a score improves, read from its unit: time per operation goes down, operations per time go up; any other
 * unit has no direction sumbench assumes.
 */
public enum Direction {
    /** Time per operation: smaller is better. */
    LOWER_IS_BETTER,
    /** Operations per time: larger is better. */
    HIGHER_IS_BETTER,
    /** Any other unit ({@code B/op}, {@code MB/sec}, counts): changes are reported as higher or lower. */
    UNKNOWN;

    /** The direction of scores in {@code unit}: lower is better for time per operation, higher for throughput. */
    public static Direction of(ScoreUnit unit) {
        return unit.lowerIsBetter().map(lower -> lower ? LOWER_IS_BETTER : HIGHER_IS_BETTER).orElse(UNKNOWN);
    }

    /**
     * The factor that converts a score in {@code from} into {@code to} when both measure the same thing
     * ({@code us/op} into {@code ns/op}: 1000; {@code ops/s} into {@code ops/ms}: 0.001); empty when they do not
     * ({@code ns/op} into {@code ops/s}, or two different units of another kind).
     */
    public static OptionalDouble conversion(ScoreUnit from, ScoreUnit to) {
        if (from.text().strip().equals(to.text().strip())) {
            return OptionalDouble.of(1);
        }
        if (from.kind() != to.kind()) {
            return OptionalDouble.empty();
        }
        return switch (from.kind()) {
            case TIME_PER_OP -> OptionalDouble.of(from.timeInNanos() / to.timeInNanos());
            case OPS_PER_TIME -> OptionalDouble.of(to.timeInNanos() / from.timeInNanos());
            case OTHER -> OptionalDouble.empty();
        };
    }

    /** Whether a score moving from {@code oldValue} to {@code newValue} is an improvement; false if unknown. */
    public boolean improves(double oldValue, double newValue) {
        return switch (this) {
            case LOWER_IS_BETTER -> newValue < oldValue;
            case HIGHER_IS_BETTER -> newValue > oldValue;
            case UNKNOWN -> false;
        };
    }

    /**
     * How much more a row costs after the change, as a ratio of "time" (&gt; 1: worse): {@code new / old} when lower
     * is better, {@code old / new} when higher is better, so that rows of both kinds can be averaged.
     */
    public double costRatio(double oldValue, double newValue) {
        return this == HIGHER_IS_BETTER ? oldValue / newValue : newValue / oldValue;
    }
}
