package dev.sumbench.stats;

import dev.sumbench.stats.SumMatrix.Cell;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The figures of sumbench's tables, computed from a {@link SumMatrix}: time per size, speedup over
 * {@code sequential}, efficiency, the overhead model with its crossover, and scaling over cores. Pure functions of the
 * matrix; no I/O, no formatting.
 */
public final class SumAnalysis {

    /* Implementation notes
     * Tables 1 to 4 describe the machine at its most cores (the last step of a core sweep, or the only run); table 5
     * is the sweep itself. Every speedup is against sequential at the same size and the same cores (for the sweep:
     * sequential at the fewest cores, the single-core time that Karp–Flatt needs). */

    private final SumMatrix matrix;

    public SumAnalysis(SumMatrix matrix) {
        this.matrix = matrix;
    }

    /** The matrix analysed. */
    public SumMatrix matrix() {
        return matrix;
    }

    /** The core count tables 1 to 4 describe: the most (0 when unknown). */
    public int cores() {
        return matrix.mostCores();
    }

    /**
     * Table 1's row: at one size, each strategy's fastest cell over its worker counts.
     *
     * @param size the size
     * @param best strategy id to its fastest cell (absent strategies were not measured at this size)
     */
    public record TimeRow(long size, Map<String, Cell> best) {
    }

    /** Table 1: per size, the fastest cell of each strategy. */
    public List<TimeRow> timeBySize() {
        List<TimeRow> rows = new ArrayList<>();
        for (long size : matrix.sizes()) {
            Map<String, Cell> best = new LinkedHashMap<>();
            for (String strategy : matrix.strategies()) {
                matrix.best(strategy, size, cores()).ifPresent(cell -> best.put(strategy, cell));
            }
            if (!best.isEmpty()) {
                rows.add(new TimeRow(size, best));
            }
        }
        return rows;
    }

    /**
     * Tables 2 and 3's row: one strategy at one worker count, its speedup over {@code sequential} at each size.
     *
     * @param strategy the strategy
     * @param workers  its workers
     * @param cores    the cores (0 = unknown)
     * @param bySize   size to speedup (sizes without a baseline or without this cell are absent)
     */
    public record SpeedupRow(String strategy, int workers, int cores, Map<Long, Ratio> bySize) {

        /** Speedup ÷ workers at {@code size}. */
        public Optional<Ratio> efficiencyPerWorker(long size) {
            return Optional.ofNullable(bySize.get(size)).map(r -> r.dividedBy(workers));
        }

        /** Speedup ÷ cores at {@code size}, when the cores are known. */
        public Optional<Ratio> efficiencyPerCore(long size) {
            return cores <= 0 ? Optional.empty() : Optional.ofNullable(bySize.get(size)).map(r -> r.dividedBy(cores));
        }
    }

    /** Tables 2 and 3: every strategy but {@code sequential}, at every worker count, against {@code sequential}. */
    public List<SpeedupRow> speedups() {
        List<SpeedupRow> rows = new ArrayList<>();
        for (String strategy : matrix.strategies()) {
            if (strategy.equals(SumMatrix.BASELINE)) {
                continue;
            }
            for (int workers : matrix.workers(strategy, cores())) {
                Map<Long, Ratio> bySize = new LinkedHashMap<>();
                for (long size : matrix.sizes()) {
                    Optional<Cell> cell = matrix.cell(strategy, size, workers, cores());
                    Optional<Cell> baseline = matrix.baseline(size, cores());
                    if (cell.isPresent() && baseline.isPresent()) {
                        bySize.put(size, Ratio.speedup(baseline.get().nanos(), cell.get().nanos()));
                    }
                }
                if (!bySize.isEmpty()) {
                    rows.add(new SpeedupRow(strategy, workers, cores(), bySize));
                }
            }
        }
        return rows;
    }

    /**
     * Table 4's row: the overhead model of one strategy at one worker count.
     *
     * @param strategy           the strategy
     * @param workers            its workers
     * @param model              the fitted line (absent with fewer than two sizes)
     * @param crossover          where it starts to beat {@code sequential} (absent for {@code sequential} itself or
     *                           without a model of either)
     * @param firstFasterMeasured the smallest measured size from which on every measured size was faster than
     *                           {@code sequential} (absent when the largest was not)
     */
    public record ModelRow(String strategy, int workers, Optional<OverheadModel> model, Optional<Crossover> crossover,
                           OptionalLong firstFasterMeasured) {
    }

    /** The overhead model of {@code sequential} (its fewest workers), the baseline of every crossover. */
    public Optional<OverheadModel> baselineModel() {
        List<OverheadModel.Point> points = new ArrayList<>();
        for (long size : matrix.sizes()) {
            matrix.baseline(size, cores()).ifPresent(c -> points.add(new OverheadModel.Point(size, c.nanos().center())));
        }
        return OverheadModel.fit(points);
    }

    /** Table 4: every strategy at every worker count (sequential first, as the baseline). */
    public List<ModelRow> models() {
        Optional<OverheadModel> baseline = baselineModel();
        List<ModelRow> rows = new ArrayList<>();
        for (String strategy : matrix.strategies()) {
            boolean isBaseline = strategy.equals(SumMatrix.BASELINE);
            List<Integer> workerCounts = matrix.workers(strategy, cores());
            if (isBaseline) {
                workerCounts = workerCounts.isEmpty() ? workerCounts : List.of(workerCounts.get(0));
            }
            for (int workers : workerCounts) {
                List<OverheadModel.Point> points = new ArrayList<>();
                for (long size : matrix.sizes()) {
                    matrix.cell(strategy, size, workers, cores())
                            .ifPresent(c -> points.add(new OverheadModel.Point(size, c.nanos().center())));
                }
                Optional<OverheadModel> model = OverheadModel.fit(points);
                Optional<Crossover> crossover = isBaseline || baseline.isEmpty() ? Optional.empty()
                        : model.map(m -> m.crossoverAgainst(baseline.get()));
                rows.add(new ModelRow(strategy, workers, model, crossover,
                        isBaseline ? OptionalLong.empty() : firstFasterMeasured(strategy, workers)));
            }
        }
        return rows;
    }

    private OptionalLong firstFasterMeasured(String strategy, int workers) {
        Long first = null;
        for (long size : matrix.sizes()) {
            Optional<Cell> cell = matrix.cell(strategy, size, workers, cores());
            Optional<Cell> baseline = matrix.baseline(size, cores());
            if (cell.isEmpty() || baseline.isEmpty()) {
                continue;
            }
            boolean faster = cell.get().nanos().center() < baseline.get().nanos().center();
            if (faster && first == null) {
                first = size;
            } else if (!faster) {
                first = null;
            }
        }
        return first == null ? OptionalLong.empty() : OptionalLong.of(first);
    }

    /**
     * Table 5's row: one strategy at one core count of a sweep, at the largest size measured at every count.
     *
     * @param strategy   the strategy
     * @param size       the size
     * @param cores      the cores
     * @param best       its fastest cell at these cores
     * @param speedup    over {@code sequential} at the fewest cores
     * @param efficiency speedup ÷ cores
     * @param serialFraction the Karp–Flatt serial fraction (NaN at 1 core)
     */
    public record ScalingRow(String strategy, long size, int cores, Cell best, Ratio speedup, double efficiency,
                             double serialFraction) {
    }

    /** Whether the runs form a core sweep: two or more known core counts. */
    public boolean isCoreSweep() {
        return matrix.coreCounts().stream().filter(c -> c > 0).count() >= 2;
    }

    /** The size table 5 uses: the largest measured at every core count (absent when there is none). */
    public OptionalLong scalingSize() {
        List<Integer> counts = matrix.coreCounts();
        return matrix.sizes().stream().filter(size -> counts.stream()
                        .allMatch(c -> matrix.baseline(size, c).isPresent()))
                .mapToLong(Long::longValue).max();
    }

    /** Table 5: each strategy at each core count of the sweep (empty unless {@link #isCoreSweep()}). */
    public List<ScalingRow> scaling() {
        OptionalLong size = scalingSize();
        if (!isCoreSweep() || size.isEmpty()) {
            return List.of();
        }
        int fewest = matrix.coreCounts().get(0);
        Summary baseline = matrix.baseline(size.getAsLong(), fewest).orElseThrow().nanos();
        List<ScalingRow> rows = new ArrayList<>();
        for (String strategy : matrix.strategies()) {
            for (int cores : matrix.coreCounts()) {
                Optional<Cell> best = matrix.best(strategy, size.getAsLong(), cores);
                if (best.isEmpty()) {
                    continue;
                }
                Ratio speedup = Ratio.speedup(baseline, best.get().nanos());
                rows.add(new ScalingRow(strategy, size.getAsLong(), cores, best.get(), speedup,
                        Scaling.efficiency(speedup.value(), cores),
                        Scaling.karpFlattSerialFraction(speedup.value(), cores)));
            }
        }
        return rows;
    }

    /**
     * A point of a chart series.
     *
     * @param x  the x value (size, workers or cores)
     * @param y  the y value (nanoseconds or speedup)
     * @param lo the lower end of y's interval ({@link Double#NaN} when there is none)
     * @param hi the upper end of y's interval ({@link Double#NaN} when there is none; may be infinite)
     */
    public record XY(double x, double y, double lo, double hi) {

        /** A point without an interval. */
        public XY(double x, double y) {
            this(x, y, Double.NaN, Double.NaN);
        }

        static XY of(double x, Summary nanos) {
            return nanos.hasInterval() ? new XY(x, nanos.center(), nanos.lo(), nanos.hi()) : new XY(x, nanos.center());
        }

        static XY of(double x, Ratio ratio) {
            return ratio.hasInterval() ? new XY(x, ratio.value(), ratio.lo(), ratio.hi()) : new XY(x, ratio.value());
        }

        /** Whether y has a bounded interval to draw. */
        public boolean hasInterval() {
            return Double.isFinite(lo) && Double.isFinite(hi);
        }
    }

    /** Chart data: per strategy, its best time per call (ns) over the sizes, at the most cores. */
    public Map<String, List<XY>> timeSeries() {
        Map<String, List<XY>> series = new LinkedHashMap<>();
        for (String strategy : matrix.strategies()) {
            List<XY> points = new ArrayList<>();
            for (long size : matrix.sizes()) {
                matrix.best(strategy, size, cores()).ifPresent(c -> points.add(XY.of(size, c.nanos())));
            }
            if (!points.isEmpty()) {
                series.put(strategy, points);
            }
        }
        return series;
    }

    /** Chart data: per strategy, its speedup over the worker counts at the largest size, at the most cores. */
    public Map<String, List<XY>> speedupByWorkers() {
        Map<String, List<XY>> series = new LinkedHashMap<>();
        if (matrix.isEmpty()) {
            return series;
        }
        long size = matrix.sizes().get(matrix.sizes().size() - 1);
        for (SpeedupRow row : speedups()) {
            Ratio speedup = row.bySize().get(size);
            if (speedup != null) {
                series.computeIfAbsent(row.strategy(), s -> new ArrayList<>()).add(XY.of(row.workers(), speedup));
            }
        }
        return series;
    }

    /** Chart data: per strategy, its speedup over the core counts of a sweep (empty unless a sweep). */
    public Map<String, List<XY>> speedupByCores() {
        Map<String, List<XY>> series = new LinkedHashMap<>();
        for (ScalingRow row : scaling()) {
            series.computeIfAbsent(row.strategy(), s -> new ArrayList<>()).add(XY.of(row.cores(), row.speedup()));
        }
        return series;
    }
}
