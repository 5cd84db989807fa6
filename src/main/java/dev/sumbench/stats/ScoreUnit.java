package dev.sumbench.stats;

import java.util.Map;
import java.util.OptionalDouble;
import java.util.Set;

/**
 * A JMH score unit understood: its {@link Direction}, and how it converts into a unit of the same kind
 * ({@code us/op} into {@code ns/op}, {@code ops/ms} into {@code ops/s}), so that runs with different
 * {@code @OutputTimeUnit}s still compare.
 *
 * @param text      the unit as JMH wrote it
 * @param direction which way the score improves
 * @param kind      what the unit measures
 * @param quantity  the non-time part ({@code op} in {@code ns/op}, {@code ops} in {@code ops/s}, {@code B} in
 *                  {@code B/op}); the whole text for other units
 * @param scale     the factor that turns a value in this unit into the kind's base unit (seconds per operation,
 *                  operations per second); 1 for other units
 */
public record ScoreUnit(String text, Direction direction, Kind kind, String quantity, double scale) {

    /** What a unit measures. */
    public enum Kind {
        /** A time per something: {@code ns/op}, {@code s/op}. */
        TIME_PER,
        /** Something per time: {@code ops/s}, {@code MB/sec}. */
        PER_TIME,
        /** Neither, e.g. {@code B/op} or a profiler's count. */
        OTHER
    }

    /** JMH's time unit names (TimeUnit short forms and the profilers' {@code sec}) in seconds. */
    private static final Map<String, Double> SECONDS = Map.ofEntries(
            Map.entry("ns", 1e-9), Map.entry("us", 1e-6), Map.entry("µs", 1e-6), Map.entry("μs", 1e-6),
            Map.entry("ms", 1e-3), Map.entry("s", 1.0), Map.entry("sec", 1.0), Map.entry("min", 60.0),
            Map.entry("hr", 3600.0), Map.entry("day", 86400.0));

    /** Units per operation that grow when things get worse ({@code B/op}: allocation per operation). */
    private static final Set<String> COSTS_PER_OPERATION = Set.of("B", "bytes", "counts");

    /** Reads {@code text}; never fails: an unknown unit has {@link Direction#UNKNOWN}. */
    public static ScoreUnit parse(String text) {
        String unit = text == null ? "" : text.strip();
        int slash = unit.indexOf('/');
        if (slash > 0 && slash == unit.lastIndexOf('/')) {
            String numerator = unit.substring(0, slash);
            String denominator = unit.substring(slash + 1);
            Double perTime = SECONDS.get(denominator);
            Double time = SECONDS.get(numerator);
            if (perTime != null && time == null) {
                return new ScoreUnit(unit, Direction.HIGHER_IS_BETTER, Kind.PER_TIME, numerator, 1 / perTime);
            }
            if (time != null && perTime == null) {
                return new ScoreUnit(unit, Direction.LOWER_IS_BETTER, Kind.TIME_PER, denominator, time);
            }
            if (COSTS_PER_OPERATION.contains(numerator) && denominator.startsWith("op")) {
                return new ScoreUnit(unit, Direction.LOWER_IS_BETTER, Kind.OTHER, unit, 1);
            }
        }
        return new ScoreUnit(unit, Direction.UNKNOWN, Kind.OTHER, unit, 1);
    }

    /**
     * The factor that converts a value in this unit into {@code target}, if the two measure the same thing
     * ({@code us/op} into {@code ns/op}: 1000); empty when they do not ({@code ns/op} into {@code ops/s}).
     */
    public OptionalDouble factorTo(ScoreUnit target) {
        if (text.equals(target.text)) {
            return OptionalDouble.of(1);
        }
        if (kind == Kind.OTHER || kind != target.kind || !quantity.equals(target.quantity)) {
            return OptionalDouble.empty();
        }
        return OptionalDouble.of(scale / target.scale);
    }

    /** Whether a change reads as faster/slower (time and rate units) rather than better/worse. */
    public boolean isSpeed() {
        return kind != Kind.OTHER;
    }
}
