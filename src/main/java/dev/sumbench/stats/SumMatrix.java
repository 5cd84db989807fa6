package dev.sumbench.stats;

import dev.sumbench.results.Result;
import dev.sumbench.results.Run;
import dev.sumbench.sum.StrategyCatalog;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * sumbench's view of one or more runs: the summing benchmark's rows as cells keyed by strategy, size, workers and
 * cores, each with its time per call in nanoseconds.
 *
 * <p>The rows are recognised by their params, not by class names, so the view survives renames: a row belongs to the
 * matrix when it has params {@code strategy} and {@code size}, no params beyond {@code strategy}, {@code size},
 * {@code workers}, {@code chunk} and {@code cores}, and a time or throughput unit. When several benchmarks qualify
 * (the sum and the chunk-size sweep), the one with the most (strategy, size) pairs is the matrix. Missing
 * {@code workers} counts as 1; missing or zero {@code cores} is taken from the run's metadata, else unknown (0).
 */
public final class SumMatrix {

    /* Implementation notes
     * A chunk sweep inside the matrix benchmark is reduced to one cell per (strategy, size, workers, cores): the
     * default chunk (0) when it was measured, else the fastest chunk, with a note. Rows of merged runs with the same
     * key (the same run given twice) keep the first; a note says how many were dropped. Strategies are listed in
     * StrategyCatalog's order, unknown ones after them by name. */

    /** The params that a matrix row may have. */
    static final Set<String> MATRIX_PARAMS = Set.of("strategy", "size", "workers", "chunk", "cores");

    /** The baseline every speedup is measured against. */
    public static final String BASELINE = StrategyCatalog.BASELINE;

    /**
     * One measured cell.
     *
     * @param strategy the strategy id
     * @param size     elements summed per call
     * @param workers  threads or processes
     * @param chunk    elements per task (0 = the strategy's default)
     * @param cores    CPUs the JVM could use (0 = unknown)
     * @param nanos    time per call in nanoseconds, with JMH's interval
     * @param row      the JMH row it came from
     */
    public record Cell(String strategy, long size, int workers, int chunk, int cores, Summary nanos, Result row) {
    }

    private final List<Cell> cells;
    private final String benchmark;
    private final List<Caveat> notes;

    private SumMatrix(List<Cell> cells, String benchmark, List<Caveat> notes) {
        this.cells = List.copyOf(cells);
        this.benchmark = benchmark;
        this.notes = List.copyOf(notes);
    }

    /** The matrix of {@code runs}, merged (e.g. the runs of a core sweep); empty when no row qualifies. */
    public static SumMatrix of(List<Run> runs) {
        Map<String, List<Cell>> byBenchmark = new LinkedHashMap<>();
        for (Run run : runs) {
            int metaCores = run.metadata().map(meta -> meta.cores()).orElse(0);
            for (Result row : run.results()) {
                cell(row, metaCores).ifPresent(cell ->
                        byBenchmark.computeIfAbsent(row.benchmark(), b -> new ArrayList<>()).add(cell));
            }
        }
        if (byBenchmark.isEmpty()) {
            return new SumMatrix(List.of(), "", List.of());
        }
        String chosen = byBenchmark.entrySet().stream()
                .max(Comparator.comparingLong((Map.Entry<String, List<Cell>> e) -> e.getValue().stream()
                        .map(c -> c.strategy() + "@" + c.size()).distinct().count()))
                .orElseThrow().getKey();
        List<Caveat> notes = new ArrayList<>();
        Map<List<Object>, List<Cell>> byKey = new LinkedHashMap<>();
        int duplicates = 0;
        Set<List<Object>> seen = new java.util.HashSet<>();
        for (Cell cell : byBenchmark.get(chosen)) {
            if (!seen.add(List.of(cell.strategy(), cell.size(), cell.workers(), cell.cores(), cell.chunk()))) {
                duplicates++;
                continue;
            }
            byKey.computeIfAbsent(List.of(cell.strategy(), cell.size(), cell.workers(), cell.cores()),
                    k -> new ArrayList<>()).add(cell);
        }
        if (duplicates > 0) {
            notes.add(Caveat.of(Caveat.Code.DUPLICATE_ROWS, duplicates));
        }
        List<Cell> cells = new ArrayList<>();
        boolean choseFastestChunk = false;
        for (List<Cell> sameKey : byKey.values()) {
            Optional<Cell> defaultChunk = sameKey.stream().filter(c -> c.chunk() == 0).findFirst();
            if (defaultChunk.isPresent()) {
                cells.add(defaultChunk.get());
            } else {
                cells.add(sameKey.stream().min(Comparator.comparingDouble(c -> c.nanos().center())).orElseThrow());
                choseFastestChunk |= sameKey.size() > 1;
            }
        }
        if (choseFastestChunk) {
            notes.add(Caveat.of(Caveat.Code.FASTEST_CHUNK_PER_CELL));
        }
        return new SumMatrix(cells, chosen, notes);
    }

    private static Optional<Cell> cell(Result row, int metaCores) {
        if (row.param("strategy") == null || row.param("size") == null
                || !MATRIX_PARAMS.containsAll(row.params().keySet()) || !row.primary().scoreUnit().isTime()) {
            return Optional.empty();
        }
        try {
            long size = Long.parseLong(row.param("size"));
            int workers = row.param("workers") == null ? 1 : Integer.parseInt(row.param("workers"));
            int chunk = row.param("chunk") == null ? 0 : Integer.parseInt(row.param("chunk"));
            int cores = row.param("cores") == null ? 0 : Integer.parseInt(row.param("cores"));
            if (cores <= 0) {
                cores = metaCores;
            }
            return Optional.of(new Cell(row.param("strategy"), size, workers, chunk, cores,
                    Summary.nanosPerOp(row.primary()), row));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** Whether no row qualified: the runs are not sumbench's (or have no summing benchmark). */
    public boolean isEmpty() {
        return cells.isEmpty();
    }

    /** The benchmark whose rows make the matrix (empty string when empty). */
    public String benchmark() {
        return benchmark;
    }

    /** Every cell. */
    public List<Cell> cells() {
        return cells;
    }

    /** Remarks on how the matrix was built (duplicates, chunk choice). */
    public List<Caveat> notes() {
        return notes;
    }

    /** The rows the matrix uses. */
    public Set<Result> rows() {
        return cells.stream().map(Cell::row).collect(Collectors.toCollection(LinkedHashSet::new));
    }

    /** Strategy ids, in {@link StrategyCatalog}'s order, unknown ones after them by name. */
    public List<String> strategies() {
        return cells.stream().map(Cell::strategy).distinct().sorted(strategyOrder()).toList();
    }

    /** {@link StrategyCatalog}'s order of strategy ids, unknown ones last by name. */
    public static Comparator<String> strategyOrder() {
        return StrategyCatalog.order();
    }

    /** Sizes, ascending. */
    public List<Long> sizes() {
        return distinct(Cell::size);
    }

    /** Worker counts, ascending. */
    public List<Integer> workers() {
        return distinct(Cell::workers);
    }

    /** Core counts, ascending (0 = unknown). */
    public List<Integer> coreCounts() {
        return distinct(Cell::cores);
    }

    /** The largest core count (the full machine of a sweep), 0 when unknown. */
    public int mostCores() {
        List<Integer> counts = coreCounts();
        return counts.get(counts.size() - 1);
    }

    /** Sizes measured for {@code strategy} at {@code cores}, ascending. */
    public List<Long> sizes(String strategy, int cores) {
        return cells.stream().filter(c -> c.strategy().equals(strategy) && c.cores() == cores).map(Cell::size)
                .distinct().sorted().toList();
    }

    /** Worker counts measured for {@code strategy} at {@code cores}, ascending. */
    public List<Integer> workers(String strategy, int cores) {
        return cells.stream().filter(c -> c.strategy().equals(strategy) && c.cores() == cores).map(Cell::workers)
                .distinct().sorted().toList();
    }

    /** The cell of {@code strategy} at {@code size}, {@code workers} and {@code cores}. */
    public Optional<Cell> cell(String strategy, long size, int workers, int cores) {
        return cells.stream().filter(c -> c.strategy().equals(strategy) && c.size() == size
                && c.workers() == workers && c.cores() == cores).findFirst();
    }

    /** The fastest cell of {@code strategy} at {@code size} and {@code cores}, over its worker counts. */
    public Optional<Cell> best(String strategy, long size, int cores) {
        return cells.stream().filter(c -> c.strategy().equals(strategy) && c.size() == size && c.cores() == cores)
                .min(Comparator.comparingDouble(c -> c.nanos().center()));
    }

    /**
     * The {@code sequential} cell at {@code size} and {@code cores}, with the fewest workers (workers mean nothing to
     * it; taking the fastest of several equal measurements would bias every speedup down).
     */
    public Optional<Cell> baseline(long size, int cores) {
        return cells.stream().filter(c -> c.strategy().equals(BASELINE) && c.size() == size && c.cores() == cores)
                .min(Comparator.comparingInt(Cell::workers));
    }

    private <T extends Comparable<T>> List<T> distinct(Function<Cell, T> key) {
        return List.copyOf(cells.stream().map(key).collect(Collectors.toCollection(TreeSet::new)));
    }
}
