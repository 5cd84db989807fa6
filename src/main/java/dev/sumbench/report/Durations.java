package dev.sumbench.report;

import java.util.Locale;

/** Human-readable durations with three significant digits: {@code 812 ns}, {@code 12.3 µs}, {@code 1.25 s}. */
public final class Durations {

    private Durations() {
    }

    /** Formats {@code nanos} in the largest unit that keeps the value at 1 or more. */
    public static String format(double nanos) {
        if (Double.isNaN(nanos)) {
            return "n/a";
        }
        double abs = Math.abs(nanos);
        if (abs < 1e3) {
            return significant(nanos) + " ns";
        } else if (abs < 1e6) {
            return significant(nanos / 1e3) + " µs";
        } else if (abs < 1e9) {
            return significant(nanos / 1e6) + " ms";
        }
        return significant(nanos / 1e9) + " s";
    }

    /** Three significant digits, no exponent: {@code 812}, {@code 12.3}, {@code 1.25}. */
    public static String significant(double value) {
        double abs = Math.abs(value);
        String pattern = abs >= 100 ? "%.0f" : abs >= 10 ? "%.1f" : "%.2f";
        return String.format(Locale.ROOT, pattern, value);
    }
}
