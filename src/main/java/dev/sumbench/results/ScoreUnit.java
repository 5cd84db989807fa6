package dev.sumbench.results;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * What a JMH score unit means: time per operation ({@code ns/op} ... {@code day/op}), operations per time
 * ({@code ops/ns} ... {@code ops/day}), or anything else ({@code B/op}, {@code MB/sec}, {@code #}), which is kept as
 * written.
 *
 * @param text        the unit as JMH wrote it
 * @param kind        what the unit measures
 * @param timeInNanos for {@link Kind#TIME_PER_OP} and {@link Kind#OPS_PER_TIME}, the length of the unit's time in
 *                    nanoseconds ({@code us} is 1000); {@link Double#NaN} otherwise
 */
public record ScoreUnit(String text, Kind kind, double timeInNanos) {

    /* Implementation notes
     * JMH prints time units with TimeValue.tuToString: ns, us, ms, s, min, hr, day. "μs" and "sec" are accepted too,
     * since other tools that write JMH-like files use them. */

    /** What a unit measures, and so which direction is better. */
    public enum Kind {
        /** Time per operation: lower is better. */
        TIME_PER_OP,
        /** Operations per time: higher is better. */
        OPS_PER_TIME,
        /** Anything else (bytes per op, counts, rates of other things): no direction assumed. */
        OTHER
    }

    private static final Map<String, Double> NANOS_PER_TIME_UNIT = Map.ofEntries(
            Map.entry("ns", 1.0),
            Map.entry("us", 1e3), Map.entry("μs", 1e3), Map.entry("µs", 1e3),
            Map.entry("ms", 1e6),
            Map.entry("s", 1e9), Map.entry("sec", 1e9),
            Map.entry("min", 60e9),
            Map.entry("hr", 3600e9), Map.entry("h", 3600e9),
            Map.entry("day", 86400e9));

    /** The meaning of {@code text}, e.g. {@code us/op} or {@code ops/ms}. */
    public static ScoreUnit parse(String text) {
        String unit = text.strip();
        int slash = unit.indexOf('/');
        if (slash > 0) {
            String left = unit.substring(0, slash).toLowerCase(Locale.ROOT);
            String right = unit.substring(slash + 1).toLowerCase(Locale.ROOT);
            if (right.equals("op") && NANOS_PER_TIME_UNIT.containsKey(left)) {
                return new ScoreUnit(text, Kind.TIME_PER_OP, NANOS_PER_TIME_UNIT.get(left));
            }
            if (left.equals("ops") && NANOS_PER_TIME_UNIT.containsKey(right)) {
                return new ScoreUnit(text, Kind.OPS_PER_TIME, NANOS_PER_TIME_UNIT.get(right));
            }
        }
        return new ScoreUnit(text, Kind.OTHER, Double.NaN);
    }

    /** Whether a lower score is better ({@code true} for time per op), if the unit says. */
    public Optional<Boolean> lowerIsBetter() {
        return switch (kind) {
            case TIME_PER_OP -> Optional.of(true);
            case OPS_PER_TIME -> Optional.of(false);
            case OTHER -> Optional.empty();
        };
    }

    /** Whether a score in this unit converts to nanoseconds per operation. */
    public boolean isTime() {
        return kind != Kind.OTHER;
    }

    /**
     * A score in this unit as nanoseconds per operation (throughput is inverted: 2 ops/us is 500 ns/op).
     *
     * @throws IllegalStateException if the unit is not a time or a throughput
     */
    public double toNanosPerOp(double score) {
        return switch (kind) {
            case TIME_PER_OP -> score * timeInNanos;
            case OPS_PER_TIME -> timeInNanos / score;
            case OTHER -> throw new IllegalStateException("not a time unit: " + text);
        };
    }
}
