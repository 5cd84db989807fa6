package dev.sumbench.stats;

import dev.sumbench.results.Result;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Hot against after idle: each strategy's dispatch cost back to back (rows without an {@code idle} param, the
 * dispatch benchmark's {@code handOff}) beside the same call after an idle time (rows whose {@code idle} param is
 * above 0, its {@code afterIdle}), each less {@code sequential}'s time under the same idle time and the same method,
 * so that what remains is the hand-off and not the cold cache or core that the idle time costs any code.
 *
 * @param rows one per strategy × workers × idle time that has an after-idle row, in the run's order
 */
public record HandOffAnalysis(List<Row> rows) {

    /*
     * Implementation notes. Rows pair by strategy and workers (and cores); the hot figure is the handOff row, whose
     * mean (AverageTime) and the after-idle row's mean (SampleTime's primary score) are both means per call, so they
     * compare, each with JMH's interval (Summary). Medians would be the robust choice for after-idle samples, but JMH
     * stores them only as percentiles of the pooled samples, not per fork, and the fork is the sampling unit.
     */

    /** The param that holds the idle time. */
    public static final String IDLE = "idle";
    /** The baseline strategy, measured under the same idle time. */
    public static final String BASELINE = "sequential";
    /** An idle label that means no idle time. */
    private static final Pattern ZERO = Pattern.compile("0+(\\.0*)?\\s*(ns|us|µs|ms|s)?");

    public HandOffAnalysis {
        rows = List.copyOf(rows);
    }

    /**
     * One strategy's hand-off, hot and after idle.
     *
     * @param strategy          the strategy id
     * @param workers           workers (0 when the rows have no such param)
     * @param idle              the idle time as the row names it ({@code 1ms})
     * @param hot               the back-to-back time per call, if the run has it
     * @param hotSequential     {@code sequential}'s back-to-back time, if the run has it
     * @param afterIdle         the time per call after the idle time
     * @param afterIdleSequential {@code sequential}'s time per call after the same idle time, if the run has it
     */
    public record Row(String strategy, int workers, String idle, Optional<Summary> hot,
                      Optional<Summary> hotSequential, Summary afterIdle, Optional<Summary> afterIdleSequential) {

        /** The hot hand-off: hot less hot sequential (or hot alone without a baseline), in ns. */
        public Optional<Double> hotHandOffNanos() {
            return hot.map(h -> h.center() - hotSequential.map(Summary::center).orElse(0.0));
        }

        /** The after-idle hand-off: after idle less sequential after the same idle (or alone), in ns. */
        public double afterIdleHandOffNanos() {
            return afterIdle.center() - afterIdleSequential.map(Summary::center).orElse(0.0);
        }

        /** How many times the hot hand-off the after-idle one costs, if both are known and the hot one is > 0. */
        public Optional<Double> ratio() {
            return hotHandOffNanos().filter(h -> h > 0).map(h -> afterIdleHandOffNanos() / h);
        }
    }

    /** The hot and after-idle hand-offs of the dispatch rows among {@code rows}. */
    public static HandOffAnalysis of(List<Result> rows) {
        Map<String, Summary> hot = new LinkedHashMap<>();
        Map<String, Summary> cold = new LinkedHashMap<>();
        Map<String, Result> coldRows = new LinkedHashMap<>();
        for (Result row : rows) {
            if (!Roles.isDispatch(row) || !row.primary().scoreUnit().isTime()) {
                continue;
            }
            String idle = row.param(IDLE);
            String key = key(Roles.label(row), row);
            if (idle == null) {
                hot.putIfAbsent(key, Summary.nanosPerOp(row.primary()));
            } else if (!isZero(idle)) {
                cold.putIfAbsent(key + "|" + idle, Summary.nanosPerOp(row.primary()));
                coldRows.putIfAbsent(key + "|" + idle, row);
            }
        }
        List<Row> result = new ArrayList<>();
        coldRows.forEach((coldKey, row) -> {
            String strategy = Roles.label(row);
            if (strategy.equals(BASELINE)) {
                return;
            }
            String idle = row.param(IDLE);
            String key = key(strategy, row);
            String baseline = key(BASELINE, row);
            result.add(new Row(strategy, Roles.intParam(row, "workers", 0), idle, Optional.ofNullable(hot.get(key)),
                    Optional.ofNullable(hot.get(baseline)), cold.get(coldKey),
                    Optional.ofNullable(cold.get(baseline + "|" + idle))));
        });
        return new HandOffAnalysis(result);
    }

    /** The after-idle row of {@code strategy} with {@code workers}, if there is one (the first idle time). */
    public Optional<Row> of(String strategy, int workers) {
        return rows.stream().filter(r -> r.strategy().equals(strategy) && r.workers() == workers).findFirst();
    }

    /**
     * Whether an idle label means no idle time: 0 with or without a unit. Read from the label rather than parsed by
     * the probe's own parser, which statistics do not depend on; any other label counts as an idle time.
     */
    static boolean isZero(String idle) {
        return ZERO.matcher(idle.strip()).matches();
    }

    private static String key(String strategy, Result row) {
        return strategy + "/" + row.param("workers") + "/" + row.param("cores");
    }
}
