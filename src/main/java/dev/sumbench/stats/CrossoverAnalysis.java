package dev.sumbench.stats;

import dev.sumbench.results.Metric;
import dev.sumbench.results.Result;
import dev.sumbench.results.Run;
import dev.sumbench.sum.StrategyCatalog;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.DoubleStream;

/**
 * The crossover table: for each strategy and chunking of the crossover benchmark's rows, from which size on it beats
 * {@code sequential} ({@link MeasuredCrossover}), beside the hand-off that the dispatch benchmark measured for it.
 *
 * <p>Crossover rows are those of a benchmark class whose name contains "crossover", with params {@code strategy},
 * {@code size} and {@code chunking}. {@code sequential}'s rows are the baseline; it ignores the chunking, so its rows of
 * every chunking at one size are pooled (their forks together). Rows of a core sweep count at the most cores only.
 *
 * <p>Two patterns of use: rows without an {@code idle} param (or with idle 0) are the hot pattern, a loop of sums
 * called back to back; rows with an idle time above 0 (the benchmark's {@code afterIdle}) are an occasional sum, and
 * their baseline is {@code sequential} under the same idle time, never the hot loop. The hand-off beside a row is the
 * dispatch benchmark's under the same pattern (its {@code handOff} for hot, its {@code afterIdle} at the same idle).
 *
 * @param rows  one per strategy and chunking, in the suite's strategy order, then by chunking
 * @param notes what the analysis could not do, as caveats
 */
public record CrossoverAnalysis(List<Row> rows, List<Caveat> notes) {

    /**
     * One strategy and chunking.
     *
     * @param strategy  the strategy id
     * @param chunking  {@code default}, {@code halves}, ...
     * @param idle      the idle time before each call as the rows name it ({@code 1ms}), or {@link #HOT}
     * @param workers   its workers
     * @param cores     the CPUs (0 = unknown)
     * @param crossover what its measurements say
     * @param handOff   the dispatch benchmark's time per call for this strategy, in nanoseconds, if the runs have it
     */
    public record Row(String strategy, String chunking, String idle, int workers, int cores,
                      MeasuredCrossover crossover, Optional<Double> handOff) {

        /** Whether this row is the hot pattern (calls back to back). */
        public boolean hot() {
            return idle.equals(HOT);
        }
    }

    /** The idle label of the hot pattern: no idle time between calls. */
    public static final String HOT = "0";

    public CrossoverAnalysis {
        rows = List.copyOf(rows);
        notes = List.copyOf(notes);
    }

    /** Whether the runs have no crossover rows. */
    public boolean isEmpty() {
        return rows.isEmpty();
    }

    /** The crossover analysis of {@code runs}. */
    public static CrossoverAnalysis of(List<Run> runs) {
        List<Result> rows = new ArrayList<>();
        Map<String, Double> handOffs = handOffsByPattern(runs);
        int mostCores = 0;
        for (Run run : runs) {
            int metaCores = run.metadata().map(m -> m.cores()).orElse(0);
            for (Result row : run.results()) {
                if (isCrossover(row)) {
                    rows.add(row);
                    mostCores = Math.max(mostCores, cores(row, metaCores));
                }
            }
        }
        List<Caveat> notes = new ArrayList<>();
        boolean withoutRawData = false;
        Map<List<Object>, SortedMap<Long, double[]>> baselines = new LinkedHashMap<>();
        Map<List<Object>, SortedMap<Long, double[]>> candidates = new LinkedHashMap<>();
        Set<Result> seen = new HashSet<>();
        for (Run run : runs) {
            int metaCores = run.metadata().map(m -> m.cores()).orElse(0);
            for (Result row : run.results()) {
                if (!isCrossover(row) || !seen.add(row)) {
                    continue;
                }
                int cores = cores(row, metaCores);
                if (mostCores > 0 && cores != mostCores) {
                    continue;
                }
                withoutRawData |= !row.primary().hasRawData();
                long size = Long.parseLong(row.param("size"));
                int workers = Roles.intParam(row, "workers", 1);
                double[] forks = forkNanos(row.primary());
                String idle = idle(row);
                if (row.param("strategy").equals(SumMatrix.BASELINE)) {
                    baselines.computeIfAbsent(List.of(workers, cores, idle), k -> new TreeMap<>())
                            .merge(size, forks, CrossoverAnalysis::concat);
                } else {
                    candidates.computeIfAbsent(List.of(row.param("strategy"), row.param("chunking"), workers, cores,
                            idle), k -> new TreeMap<>()).merge(size, forks, CrossoverAnalysis::concat);
                }
            }
        }
        if (withoutRawData) {
            notes.add(Caveat.of(Caveat.Code.NO_FORK_DATA));
        }
        List<Row> result = new ArrayList<>();
        for (Map.Entry<List<Object>, SortedMap<Long, double[]>> candidate : candidates.entrySet()) {
            List<Object> key = candidate.getKey();
            String strategy = (String) key.get(0);
            int workers = (Integer) key.get(2);
            int cores = (Integer) key.get(3);
            String idle = (String) key.get(4);
            SortedMap<Long, double[]> baseline = baselines.get(List.of(workers, cores, idle));
            if (baseline == null) {
                notes.add(Caveat.of(Caveat.Code.NO_BASELINE, strategy, key.get(1), pattern(idle), workers));
                continue;
            }
            Optional<MeasuredCrossover> crossover = MeasuredCrossover.of(candidate.getValue(), baseline);
            if (crossover.isEmpty()) {
                notes.add(Caveat.of(Caveat.Code.TOO_FEW_SIZES, strategy, key.get(1)));
                continue;
            }
            result.add(new Row(strategy, (String) key.get(1), idle, workers, cores, crossover.get(),
                    Optional.ofNullable(handOffs.get(strategy + "|" + idle))));
        }
        result.sort(Comparator.comparingInt((Row r) -> order(r.strategy())).thenComparing(Row::strategy)
                .thenComparing(Row::chunking).thenComparing(r -> !r.hot()).thenComparing(Row::idle));
        return new CrossoverAnalysis(result, notes);
    }

    /** The earliest crossing of each strategy over its chunkings (an {@link MeasuredCrossover.Kind#AT} first). */
    public List<Row> bestPerStrategy() {
        return bestPerStrategy(HOT);
    }

    /** {@link #bestPerStrategy()} among the rows of one pattern: {@link #HOT} or an idle time ({@code 1ms}). */
    public List<Row> bestPerStrategy(String idle) {
        Map<String, Row> best = new LinkedHashMap<>();
        for (Row row : rows) {
            if (row.idle().equals(idle)) {
                best.merge(row.strategy(), row, (a, b) -> rank(b) < rank(a) ? b : a);
            }
        }
        return List.copyOf(best.values());
    }

    /** The patterns the rows have: {@link #HOT} first, then each idle time in the rows' order. */
    public List<String> patterns() {
        Set<String> patterns = new java.util.LinkedHashSet<>();
        rows.stream().filter(Row::hot).findFirst().ifPresent(r -> patterns.add(HOT));
        rows.forEach(r -> patterns.add(r.idle()));
        return List.copyOf(patterns);
    }

    /** {@code hot} or {@code after 1ms idle}. */
    public static String pattern(String idle) {
        return idle.equals(HOT) ? "hot" : "after " + idle + " idle";
    }

    /** The row's idle label: {@link #HOT} without an idle param or with an idle time of 0. */
    static String idle(Result row) {
        String idle = row.param(HandOffAnalysis.IDLE);
        return idle == null || HandOffAnalysis.isZero(idle) ? HOT : idle.strip();
    }

    private static double rank(Row row) {
        return switch (row.crossover().kind()) {
            case BELOW_SMALLEST -> 0;
            case AT -> row.crossover().size();
            case NOT_REACHED -> Double.POSITIVE_INFINITY;
        };
    }

    /** The dispatch benchmark's time per call by strategy, in nanoseconds (the first row of each strategy). */
    public static Map<String, Double> handOffs(List<Run> runs) {
        Map<String, Double> handOffs = new LinkedHashMap<>();
        for (Run run : runs) {
            for (Result row : run.results()) {
                if (Roles.isDispatch(row) && row.param("strategy") != null && row.primary().scoreUnit().isTime()) {
                    handOffs.putIfAbsent(row.param("strategy"), Summary.nanosPerOp(row.primary()).center());
                }
            }
        }
        return handOffs;
    }

    /**
     * The dispatch benchmark's time per call by strategy and pattern ({@code thread-pool|0}, {@code thread-pool|1ms}),
     * in nanoseconds (the first row of each).
     */
    static Map<String, Double> handOffsByPattern(List<Run> runs) {
        Map<String, Double> handOffs = new LinkedHashMap<>();
        for (Run run : runs) {
            for (Result row : run.results()) {
                if (Roles.isDispatch(row) && row.param("strategy") != null && row.primary().scoreUnit().isTime()) {
                    handOffs.putIfAbsent(row.param("strategy") + "|" + idle(row),
                            Summary.nanosPerOp(row.primary()).center());
                }
            }
        }
        return handOffs;
    }

    /** Whether {@code row} is a crossover benchmark's row. */
    public static boolean isCrossover(Result row) {
        return Roles.className(row).toLowerCase(java.util.Locale.ROOT).contains("crossover")
                && row.param("strategy") != null && row.param("size") != null && row.param("chunking") != null
                && row.primary().scoreUnit().isTime() && isLong(row.param("size"));
    }

    private static boolean isLong(String value) {
        try {
            Long.parseLong(value);
            return true;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private static int cores(Result row, int metaCores) {
        int cores = Roles.intParam(row, "cores", 0);
        return cores > 0 ? cores : metaCores;
    }

    /** Each fork's mean in nanoseconds per call; without raw data, the score as one fork. */
    private static double[] forkNanos(Metric metric) {
        double[] forks = metric.hasRawData() ? Samples.forkMeans(metric) : new double[] {metric.score()};
        return Arrays.stream(forks).map(v -> metric.scoreUnit().toNanosPerOp(v)).toArray();
    }

    private static double[] concat(double[] a, double[] b) {
        return DoubleStream.concat(Arrays.stream(a), Arrays.stream(b)).toArray();
    }

    private static int order(String strategy) {
        int index = StrategyCatalog.ids().indexOf(strategy);
        return index < 0 ? Integer.MAX_VALUE : index;
    }
}
