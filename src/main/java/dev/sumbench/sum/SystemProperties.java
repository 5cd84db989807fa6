package dev.sumbench.sum;

import java.util.function.LongPredicate;

/**
 * The {@code sumbench.*} system properties, checked like any other input before a command runs: a value that cannot
 * be meant is refused with one line naming the property, instead of failing deep inside a strategy or being ignored.
 */
public final class SystemProperties {

    /** How long a caller spins on a pending result before it parks, in nanoseconds ({@link PoolThreads}). */
    public static final String CALLER_SPIN_NANOS = "sumbench.callerSpinNanos";
    /** The floor of a process worker's stall limit, in milliseconds ({@code ProcessPool}). */
    public static final String WORKER_STALL_MILLIS = "sumbench.workerStallMillis";

    private SystemProperties() {
    }

    /**
     * Checks every {@code sumbench.*} property that is set.
     *
     * @throws IllegalArgumentException naming the first property whose value is not one it takes
     */
    public static void check() {
        String rule = System.getProperty(ChunkingRule.PROPERTY);
        if (rule != null) {
            try {
                ChunkingRule.parse(rule);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("-D" + ChunkingRule.PROPERTY + ": " + e.getMessage(), e);
            }
        }
        wholeNumber(CALLER_SPIN_NANOS, n -> n >= 0, "a whole number of nanoseconds >= 0");
        wholeNumber(WORKER_STALL_MILLIS, n -> n > 0, "a whole number of milliseconds > 0");
    }

    /**
     * The value of {@code name} as a whole number, or {@code fallback} when it is not set.
     *
     * @throws IllegalArgumentException if it is set and not a whole number that {@code valid} accepts
     */
    static long wholeNumber(String name, long fallback, LongPredicate valid, String expected) {
        Long value = wholeNumber(name, valid, expected);
        return value == null ? fallback : value;
    }

    /** The value of {@code name}, checked, or null when it is not set. */
    public static Long wholeNumber(String name, LongPredicate valid, String expected) {
        String text = System.getProperty(name);
        if (text == null) {
            return null;
        }
        try {
            long value = Long.parseLong(text.strip());
            if (valid.test(value)) {
                return value;
            }
        } catch (NumberFormatException e) {
            // refused below, with the same words as a value out of range
        }
        throw new IllegalArgumentException("-D" + name + ": expected " + expected + ", got '" + text + "'");
    }
}
