package dev.sumbench.stats;

import dev.sumbench.results.Result;
import dev.sumbench.results.Run;
import dev.sumbench.results.ScoreUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalLong;
import java.util.TreeMap;

/**
 * A strategy's minimum parallel size, read from a sweep over sizes: the smallest size measured from which on, at that
 * size and every larger one measured, its best split (a row with {@code 0 < chunk < size}) costs less than not
 * splitting. Not splitting is the {@code sequential} row of the same benchmark, size and cores when the run has one,
 * else the strategy's own row with one chunk ({@code chunk >= size}, summed in the caller by the thread strategies).
 *
 * <p>A crossover sweep (rows with a {@code chunking} param and no {@code chunk}) counts too: its {@code halves} rows
 * split at every size (one chunk per worker), so against {@code sequential} of the same benchmark method, size, cores
 * and idle time they say where splitting pays. Its {@code default} rows are not read: the default rule sums in the
 * caller below its own threshold, so they say where that rule starts to split, not where splitting pays. Rows with an
 * {@code idle} time above 0 are the after-idle pattern (an occasional sum) and give their own answer ({@link #idle}).
 *
 * @param benchmark the benchmark
 * @param strategy  the strategy id
 * @param workers   workers
 * @param cores     the {@code cores} param, if the rows have one
 * @param size      the minimum parallel size; empty when splitting does not pay at the largest size measured
 * @param sizes     how many sizes were compared
 * @param warnings  what limits the answer
 * @param idle      the idle time before each call as the rows name it ({@code 1ms}), or {@link #HOT} for calls back
 *                  to back
 */
public record MinParallelSize(String benchmark, String strategy, long workers, OptionalLong cores, OptionalLong size,
                              int sizes, List<Caveat> warnings, String idle) {

    /** The idle label of calls back to back. */
    public static final String HOT = CrossoverAnalysis.HOT;
    /** The crossover chunking whose rows split at every size. */
    static final String HALVES = "halves";

    /** Whether this answer is for calls back to back. */
    public boolean hot() {
        return idle.equals(HOT);
    }

    /*
     * Implementation notes. "From which on, at every larger size" rather than "the smallest size where it pays":
     * a single noisy win at a small size must not move the default below a loss. The comparison is of point
     * estimates (the score); a size where the two are within noise may come out either way, which moves the answer
     * by one step of the sweep. That is the resolution of the sweep, stated in the tune table; the adaptive rule's
     * margin is what guards the default against it.
     */

    static final String STRATEGY = "strategy";
    static final String SIZE = "size";
    static final String WORKERS = "workers";
    static final String CORES = "cores";
    static final String CHUNKING = "chunking";
    static final String BASELINE = "sequential";

    public MinParallelSize {
        warnings = List.copyOf(warnings);
    }

    /** The minimum parallel size of every strategy × workers (× cores) of {@code run} that has split rows. */
    public static List<MinParallelSize> of(Run run) {
        record Group(String benchmark, String strategy, long workers, String cores, String idle) {
        }
        Map<Group, TreeMap<Long, double[]>> groups = new java.util.LinkedHashMap<>();
        Map<String, Double> baselines = new TreeMap<>();
        for (Result row : run.results()) {
            long size = number(row.param(SIZE));
            String strategy = row.param(STRATEGY);
            double cost = costNanos(row);
            if (size < 1 || strategy == null || !(cost > 0)) {
                continue;
            }
            String cores = Objects.toString(row.param(CORES), "");
            String idle = CrossoverAnalysis.idle(row);
            if (strategy.equals(BASELINE)) {
                baselines.merge(row.benchmark() + "/" + cores + "/" + idle + "/" + size, cost, Math::min);
                continue;
            }
            long chunk = number(row.param(ChunkTuning.CHUNK));
            String chunking = row.param(CHUNKING);
            if (chunk < 1 && chunking != null) {
                // a crossover row: halves splits in one chunk per worker at every size; default is not read
                chunk = chunking.equals(HALVES) ? 1 : -1;
            }
            long workers = number(row.param(WORKERS));
            if (chunk < 1 || workers < 1) {
                continue;
            }
            double[] costs = groups.computeIfAbsent(new Group(row.benchmark(), strategy, workers, cores, idle),
                    g -> new TreeMap<>()).computeIfAbsent(size, s -> new double[] {Double.NaN, Double.NaN});
            int slot = chunk < size ? 0 : 1;
            costs[slot] = Double.isNaN(costs[slot]) ? cost : Math.min(costs[slot], cost);
        }
        List<MinParallelSize> sizes = new ArrayList<>();
        groups.forEach((group, bySize) -> {
            List<Caveat> warnings = new ArrayList<>();
            boolean processes = group.strategy().startsWith("process-");
            Long from = null;
            int compared = 0;
            for (Map.Entry<Long, double[]> entry : bySize.descendingMap().entrySet()) {
                double split = entry.getValue()[0];
                Double sequential = baselines.get(group.benchmark() + "/" + group.cores() + "/" + group.idle() + "/"
                        + entry.getKey());
                double whole = sequential != null ? sequential : processes ? Double.NaN : entry.getValue()[1];
                if (Double.isNaN(split) || Double.isNaN(whole)) {
                    continue;
                }
                compared++;
                if (split >= whole) {
                    break;
                }
                from = entry.getKey();
            }
            if (compared == 0) {
                return;
            }
            if (from == null) {
                warnings.add(Caveat.of(Caveat.Code.SPLIT_NEVER_PAYS, bySize.lastKey()));
            } else if (from.equals(bySize.firstKey())) {
                warnings.add(Caveat.of(Caveat.Code.SPLIT_PAYS_AT_SMALLEST, from));
            }
            OptionalLong cores = group.cores().isEmpty() ? OptionalLong.empty()
                    : OptionalLong.of(number(group.cores()));
            sizes.add(new MinParallelSize(group.benchmark(), group.strategy(), group.workers(), cores,
                    from == null ? OptionalLong.empty() : OptionalLong.of(from), compared, warnings, group.idle()));
        });
        return sizes;
    }

    /** Time per operation in ns, or NaN when the unit is not a time or a throughput. */
    static double costNanos(Result row) {
        ScoreUnit unit = ScoreUnit.parse(row.primary().unit());
        double score = row.primary().score();
        return switch (unit.kind()) {
            case TIME_PER_OP -> score * unit.timeInNanos();
            case OPS_PER_TIME -> unit.timeInNanos() / score;
            case OTHER -> Double.NaN;
        };
    }

    private static long number(String text) {
        if (text == null) {
            return -1;
        }
        try {
            return Long.parseLong(text.strip());
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
