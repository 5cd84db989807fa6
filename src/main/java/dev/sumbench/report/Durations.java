package dev.sumbench.report;

/**
 * Human-readable durations with at least three significant digits: {@code 812 ns}, {@code 12.3 µs}, {@code 1.25 s}.
 * The formatting is {@link Formats}'; this class names the two operations the tables use most.
 */
public final class Durations {

    private Durations() {
    }

    /** Formats {@code nanos} in the largest unit that keeps the value at 1 or more: {@link Formats#duration}. */
    public static String format(double nanos) {
        return Formats.duration(nanos);
    }

    /** At least three significant digits, no exponent above 10^-4: {@link Formats#significant}. */
    public static String significant(double value) {
        return Formats.significant(value);
    }
}
