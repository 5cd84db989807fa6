package dev.sumbench.report;

import dev.sumbench.stats.Ratio;
import dev.sumbench.stats.Summary;
import java.util.Locale;

/** How the tables write numbers: the same everywhere, in {@link Locale#ROOT}, whatever the machine's locale. */
public final class Formats {

    /** Shown for a value that was not measured. */
    public static final String NONE = "—";

    private Formats() {
    }

    /** A size with thousands separators: {@code 1,000,000}. */
    public static String size(long size) {
        return String.format(Locale.ROOT, "%,d", size);
    }

    /** A size that may be fractional or huge: {@code 33,317} or {@code 2.1e+09}. */
    public static String size(double size) {
        if (!Double.isFinite(size)) {
            return NONE;
        }
        return size < 1e9 ? String.format(Locale.ROOT, "%,.0f", size) : String.format(Locale.ROOT, "%.2g", size);
    }

    /** A time per call with its relative half-width: {@code 12.3 µs ±4%}. */
    public static String time(Summary nanos) {
        String relative = Double.isNaN(nanos.relativeHalfWidth()) ? " ±?" : " ±" + percent(nanos.relativeHalfWidth());
        return Durations.format(nanos.center()) + relative;
    }

    /** A speedup: {@code 1.85×}. */
    public static String times(double ratio) {
        return Double.isFinite(ratio) ? Durations.significant(ratio) + "×" : Durations.significant(ratio);
    }

    /** A speedup with its interval: {@code 1.85× [1.60, 2.10]}. */
    public static String ratio(Ratio ratio) {
        if (!ratio.hasInterval()) {
            return times(ratio.value());
        }
        return times(ratio.value()) + " [" + bound(ratio.lo()) + ", " + bound(ratio.hi()) + "]";
    }

    private static String bound(double value) {
        return Double.isInfinite(value) ? "∞" : Durations.significant(value);
    }

    /** A share as a whole percentage: {@code 46%}. */
    public static String percent(double share) {
        if (Double.isNaN(share)) {
            return NONE;
        }
        double percent = 100 * share;
        return (Math.abs(percent) >= 10 || percent == 0 ? String.format(Locale.ROOT, "%.0f", percent)
                : String.format(Locale.ROOT, "%.1f", percent)) + "%";
    }

    /** A confidence level as JMH prints it: {@code 99.9%}. */
    public static String confidence(double confidence) {
        if (Double.isNaN(confidence)) {
            return "unknown";
        }
        return new java.math.BigDecimal(confidence * 100).round(new java.math.MathContext(6)).stripTrailingZeros()
                .toPlainString() + "%";
    }

    /** A plain number as JMH's own console does, three decimals; large values with fewer. */
    public static String number(double value) {
        if (Double.isNaN(value)) {
            return "NaN";
        } else if (Double.isInfinite(value)) {
            return value > 0 ? "∞" : "-∞";
        }
        double abs = Math.abs(value);
        if (abs != 0 && abs < 0.001) {
            return String.format(Locale.ROOT, "%.3g", value);
        }
        return String.format(Locale.ROOT, abs >= 1e5 ? "%.0f" : abs >= 100 ? "%.1f" : "%.3f", value);
    }

    /** A fixed number of decimals: {@code 0.98}. */
    public static String decimals(double value, int decimals) {
        return Double.isNaN(value) ? NONE : String.format(Locale.ROOT, "%." + decimals + "f", value);
    }

    /** "1 worker", "2 workers". */
    public static String workers(int workers) {
        return workers + (workers == 1 ? " worker" : " workers");
    }
}
