package dev.sumbench.report;

import dev.sumbench.results.ScoreUnit;
import dev.sumbench.stats.Ratio;
import dev.sumbench.stats.Summary;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.List;
import java.util.Locale;

/**
 * How the tables, compare and the charts write numbers: the same everywhere, in {@link Locale#ROOT}, whatever the
 * machine's locale. Every measured value keeps at least {@value #SIGNIFICANT_DIGITS} significant digits, and times
 * are scaled to ns, µs, ms or s so that they read between 1 and 1000, as benchstat does.
 */
public final class Formats {

    /* Implementation notes
     * Hand-written rather than java.text.DecimalFormat or String.format("%.3g"): %g switches to an exponent at 10^-4
     * and keeps trailing digits in big numbers ("1.22e+10"), and DecimalFormat's significant-digit patterns write an
     * exponent too. What a reader wants is "12.2 s", "0.00904" and "1234567": three significant digits, never fewer,
     * all the integer digits of a large number, and an exponent only below 10^-4 where the zeros would hide the
     * digits. The rounding is half up (as String.format and JMH round) on the shortest decimal of the double (FormatsTest checks the
     * values against hand-worked ones). */

    /** Digits a measured value keeps at least: enough to tell 0.00904 from 0.00939. */
    public static final int SIGNIFICANT_DIGITS = 3;

    /** Below this magnitude a value is written with an exponent ({@code 1.23e-05}): the zeros would hide it. */
    private static final double SMALLEST_PLAIN = 1e-4;

    /** Below this a speedup is written as a fraction: {@code 1/133,000×} reads where {@code 7.53e-06×} does not. */
    private static final double SMALLEST_PLAIN_RATIO = 0.01;

    /**
     * The time units a time is scaled to, largest first, in nanoseconds: like benchstat, nothing above seconds, so
     * that every time of a table reads in a unit people compare at a glance.
     */
    private static final List<TimeScale> TIME_SCALES = List.of(new TimeScale("s", 1e9), new TimeScale("ms", 1e6),
            new TimeScale("µs", 1e3), new TimeScale("ns", 1));

    private record TimeScale(String symbol, double nanos) {
    }

    /**
     * A value in a unit chosen for reading: {@code 12.2} and {@code s/op}.
     *
     * @param factor what a score in the original unit is multiplied by
     * @param unit   the unit to print after the scaled value
     */
    public record Scale(double factor, String unit) {

        /** {@code value} in this scale, with at least three significant digits. */
        public String format(double value) {
            return significant(value * factor);
        }

        /** {@code value} in this scale with its unit: {@code 12.2 s/op}. */
        public String withUnit(double value) {
            return format(value) + " " + unit;
        }
    }

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

    /**
     * At least three significant digits, all integer digits, no grouping: {@code 1234567}, {@code 812}, {@code 12.3},
     * {@code 1.25}, {@code 0.00904}; below 10^-4 with an exponent: {@code 3.00e-09}.
     */
    public static String significant(double value) {
        if (Double.isNaN(value)) {
            return "NaN";
        } else if (Double.isInfinite(value)) {
            return value > 0 ? "∞" : "-∞";
        } else if (value == 0) {
            return "0";
        }
        BigDecimal exact = new BigDecimal(Double.toString(value));
        double abs = Math.abs(value);
        if (abs < SMALLEST_PLAIN) {
            BigDecimal rounded = exact.round(new MathContext(SIGNIFICANT_DIGITS, RoundingMode.HALF_UP));
            int exponent = rounded.precision() - rounded.scale() - 1;
            BigDecimal mantissa = rounded.movePointLeft(exponent).setScale(SIGNIFICANT_DIGITS - 1,
                    RoundingMode.HALF_UP);
            return mantissa.toPlainString() + String.format(Locale.ROOT, "e%+03d", exponent);
        }
        // digits before the point (at least 1); decimals to make up three significant digits
        int integerDigits = exact.precision() - exact.scale();
        int decimals = Math.max(0, SIGNIFICANT_DIGITS - integerDigits);
        BigDecimal rounded = exact.setScale(decimals, RoundingMode.HALF_UP);
        if (decimals > 0 && rounded.precision() - rounded.scale() > integerDigits) {
            // rounding carried into a new digit (99.96 -> 100.0): one decimal fewer keeps three digits (100)
            rounded = exact.setScale(decimals - 1, RoundingMode.HALF_UP);
        }
        return rounded.toPlainString();
    }

    /**
     * The scale to write a score in {@code unit} at {@code value}: a time per operation is scaled to the one of s, ms,
     * µs, ns that puts it at 1 or more ({@code 12188133826 ns/op} is {@code 12.2 s/op}); any other unit is kept as
     * JMH wrote it.
     */
    public static Scale scale(double value, ScoreUnit unit) {
        if (unit.kind() != ScoreUnit.Kind.TIME_PER_OP || !Double.isFinite(value)) {
            return new Scale(1, unit.text());
        }
        String perWhat = unit.text().substring(unit.text().indexOf('/'));
        TimeScale time = timeScale(value * unit.timeInNanos());
        return new Scale(unit.timeInNanos() / time.nanos(), time.symbol() + perWhat);
    }

    /** A score with its unit, scaled for reading: {@code 12.2 s/op}, {@code 0.00904 ops/ms}. */
    public static String score(double value, ScoreUnit unit) {
        return Double.isNaN(value) ? "n/a" : scale(value, unit).withUnit(value);
    }

    /** A duration in nanoseconds, scaled: {@code 812 ns}, {@code 12.3 µs}, {@code 1.25 s}; {@code n/a} for NaN. */
    public static String duration(double nanos) {
        if (Double.isNaN(nanos)) {
            return "n/a";
        }
        TimeScale scale = timeScale(nanos);
        return significant(nanos / scale.nanos()) + " " + scale.symbol();
    }

    /** The unit (s, ms, µs or ns) and its length in nanoseconds in which {@code nanos} reads at 1 or more. */
    public static double timeUnitNanos(double nanos) {
        return timeScale(nanos).nanos();
    }

    /** The symbol of {@link #timeUnitNanos}: {@code s}, {@code ms}, {@code µs} or {@code ns}. */
    public static String timeUnitSymbol(double nanos) {
        return timeScale(nanos).symbol();
    }

    private static TimeScale timeScale(double nanos) {
        double abs = Math.abs(nanos);
        for (TimeScale scale : TIME_SCALES) {
            // compared on the rounded value, so that 999.96 ns reads 1.00 µs, not 1000 ns
            if (abs >= scale.nanos() * (1 - 0.5e-3)) {
                return scale;
            }
        }
        return TIME_SCALES.get(TIME_SCALES.size() - 1);
    }

    /** A time per call with its relative half-width: {@code 12.3 µs ±4%}. */
    public static String time(Summary nanos) {
        String relative = Double.isNaN(nanos.relativeHalfWidth()) ? " ±?" : " ±" + percent(nanos.relativeHalfWidth());
        return duration(nanos.center()) + relative;
    }

    /** A speedup: {@code 1.85×}; below 0.01 as a fraction, {@code 1/3,040×} (3,040 times slower). */
    public static String times(double ratio) {
        return Double.isFinite(ratio) ? ratioNumber(ratio) + "×" : significant(ratio);
    }

    /**
     * A ratio without its sign: {@code 1.85}, {@code 0.0341}; below {@value #SMALLEST_PLAIN_RATIO} as one over three
     * significant digits of its inverse, grouped ({@code 1/133,000}), where the decimal would need an exponent or a
     * row of zeros.
     */
    public static String ratioNumber(double ratio) {
        if (!(ratio > 0 && ratio < SMALLEST_PLAIN_RATIO)) {
            return significant(ratio);
        }
        BigDecimal inverse = new BigDecimal(1 / ratio).round(new MathContext(SIGNIFICANT_DIGITS, RoundingMode.HALF_UP));
        return "1/" + String.format(Locale.ROOT, "%,d", inverse.toBigInteger());
    }

    /**
     * A speedup with its interval: {@code 1.85× [1.60, 2.10]}; without the interval when it has none or when it is
     * unbounded ({@code [0, ∞]}: one of the two intervals reaches zero, so it says nothing).
     */
    public static String ratio(Ratio ratio) {
        if (!hasUsefulInterval(ratio)) {
            return times(ratio.value());
        }
        return times(ratio.value()) + " [" + ratioNumber(ratio.lo()) + ", " + ratioNumber(ratio.hi()) + "]";
    }

    /** Whether {@link #ratio} prints an interval: there is one, and it is bounded above. */
    public static boolean hasUsefulInterval(Ratio ratio) {
        return ratio.hasInterval() && Double.isFinite(ratio.hi());
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

    /** A plain measured number: {@link #significant}. */
    public static String number(double value) {
        return significant(value);
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
