package dev.sumbench.sum;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An idle time before each timed call ({@code sum --idle}, {@code demo --idle}, the dispatch benchmark's {@code idle}
 * param): a number with a unit, {@code ns}, {@code us}, {@code ms} or {@code s}, or {@code 0}. Examples: {@code 0},
 * {@code 500us}, {@code 2ms}, {@code 1s}.
 */
public final class IdleTime {

    /**
     * The longest idle time accepted: a probe of a few hundred calls should take seconds, and any pool has parked
     * its threads long before a second has passed.
     */
    public static final long MAX_NANOS = 1_000_000_000L;

    private static final Pattern FORMAT = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*(ns|us|µs|ms|s)?");

    private IdleTime() {
    }

    /** Parks the calling thread for about {@code nanos} (the thread is off its core meanwhile). */
    public static void park(long nanos) {
        long deadline = System.nanoTime() + nanos;
        for (long left = nanos; left > 0; left = deadline - System.nanoTime()) {
            java.util.concurrent.locks.LockSupport.parkNanos(left);
        }
    }

    /** The idle time {@code text} in nanoseconds, 0 when it is no idle time (for labels read from result files). */
    public static long parseNanosOrZero(String text) {
        try {
            return parseNanos(text);
        } catch (IllegalArgumentException e) {
            return 0;
        }
    }

    /**
     * The idle time {@code text} in nanoseconds.
     *
     * @throws IllegalArgumentException with a one-line message, if {@code text} is no idle time of 0 to 1 s
     */
    public static long parseNanos(String text) {
        String value = text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
        Matcher m = FORMAT.matcher(value);
        if (!m.matches()) {
            throw new IllegalArgumentException("expected a time like 0, 500us, 2ms or 1s, got '" + text + "'");
        }
        double number = Double.parseDouble(m.group(1));
        String unit = m.group(2);
        if (unit == null && number != 0) {
            throw new IllegalArgumentException("expected a unit (ns, us, ms or s) after " + m.group(1) + ", got '"
                    + text + "'");
        }
        double nanos = number * switch (unit == null ? "ns" : unit) {
            case "ns" -> 1;
            case "us", "µs" -> 1e3;
            case "ms" -> 1e6;
            default -> 1e9;
        };
        if (nanos > MAX_NANOS) {
            throw new IllegalArgumentException("must be at most 1s, got '" + text + "'");
        }
        return Math.round(nanos);
    }
}
