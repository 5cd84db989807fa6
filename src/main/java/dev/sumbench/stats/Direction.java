package dev.sumbench.stats;

/** Which way a score improves, read from its unit: time per operation goes down, operations per time go up. */
public enum Direction {
    /** Time per operation, bytes per operation: smaller is better. */
    LOWER_IS_BETTER,
    /** Operations per time, bytes per time: larger is better. */
    HIGHER_IS_BETTER,
    /** A unit sumbench does not know: changes are reported as higher or lower, never as better or worse. */
    UNKNOWN;

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
