package dev.sumbench.stats;

import dev.sumbench.results.Metric;
import dev.sumbench.results.Result;
import dev.sumbench.results.Run;
import dev.sumbench.sum.Family;
import dev.sumbench.sum.StrategyCatalog;
import dev.sumbench.sum.StrategyInfo;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Table 7: the teaching note's trade-off table of processes against threads, with measured figures instead of words.
 *
 * @param aspects start-up, dispatch, moving 1 MiB, speedup at the most cores, memory per worker: in that order
 */
public record TradeOffAnalysis(List<Aspect> aspects) {

    /* Implementation notes
     * Rows of a core sweep count at the most cores only, like tables 1 to 4.
     * Each aspect takes the most direct measurement the run has and falls back to the overhead model:
     * - start-up: SpawnBenchmark-like rows (thread start, bare JVM start, process-spawn), plus process-spawn's fixed
     *   cost, which is mostly the start-up of its JVMs;
     * - dispatch: DispatchBenchmark-like rows, else each strategy's fixed cost at its most workers;
     * - moving 1 MiB (131 072 longs) to one worker: the per-element cost above sequential's, at the fewest workers,
     *   times 131 072. For threads this is the hand-off of a shared array (no copy); for process-pipe the copy
     *   through the pipe; for process-shared the mapped file's page-ins;
     * - speedup at the most cores: the best strategy of each family at the largest size;
     * - memory per worker: the memory benchmark's RSS and PSS per worker (MemoryFigures), else any secondary metric
 *   whose label names rss, footprint or memory, divided by workers. */

    /** The aspects, in the table's order. */
    public enum Kind {
        /** Starting a worker. */
        START_UP,
        /** Handing almost no work to a worker and back. */
        DISPATCH,
        /** Moving 1 MiB to a worker. */
        MOVING,
        /** The speedup at the most cores. */
        SPEEDUP,
        /** Memory per worker. */
        MEMORY
    }

    /** Where an aspect's figures come from; the report words them. */
    public enum Source {
        /** The spawn benchmark's rows and process-spawn's fixed cost from the overhead model. */
        SPAWN_ROWS,
        /** The dispatch benchmark's rows. */
        DISPATCH_ROWS,
        /** The dispatch benchmark's rows, back to back and after an idle time. */
        DISPATCH_ROWS_AFTER_IDLE,
        /** The overhead model's fixed cost, without a dispatch benchmark. */
        DISPATCH_MODEL,
        /** The per-element cost above sequential's, times 1 MiB of longs. */
        MOVING_MODEL,
        /** The best of each family at the largest size (table 2). */
        BEST_SPEEDUP,
        /** The memory benchmark's RSS and PSS. */
        MEMORY_BENCHMARK,
        /** Secondary metrics whose label names rss, footprint or memory. */
        MEMORY_METRICS,
        /** CPython: cold pool minus warm pool at the smallest size. */
        PYTHON_START_UP,
        /** CPython: the teaching exercise as written and a warm pool. */
        PYTHON_DISPATCH,
        /** CPython: warm pool over sequential-python. */
        PYTHON_SPEEDUP
    }

    /** 1 MiB of longs. */
    public static final long ELEMENTS_PER_MIB = (1 << 20) / Long.BYTES;

    private static final Pattern MEMORY_LABEL = Pattern.compile("(?i).*(rss|footprint|memory).*");

    /** How an aspect's values read. */
    public enum Measure {
        /** A time in nanoseconds. */
        NANOS,
        /** A speedup (a ratio). */
        SPEEDUP,
        /** A value in the unit its entry names. */
        OTHER
    }

    /**
     * One measured figure in a cell.
     *
     * @param label  what was measured (a strategy id, a method name)
     * @param value  the value (nanoseconds for {@link Measure#NANOS})
     * @param unit   for {@link Measure#OTHER}, the unit as measured; empty otherwise
     * @param detail workers, cores, size or the source, as a code with its values
     */
    public record Entry(String label, double value, String unit, Detail detail) {
    }

    /**
     * What a figure was measured under, as a code and the values it names; the report puts it in words.
     *
     * @param code   what the values are
     * @param values the values, in the order its constant's comment lists them
     */
    public record Detail(Detail.Code code, List<Object> values) {

        /** The kinds of detail. */
        public enum Code {
            /** The benchmark class. Values: its simple name. */
            CLASS,
            /** The overhead model's fixed cost. Values: workers. */
            FIXED_COST,
            /** A dispatch row. Values: workers (0: none), the idle time ("": none), the time after idle, sequential's
             *  time after idle (both ns, NaN: none). */
            DISPATCH,
            /** Moving 1 MiB. Values: workers, whether the array is shared. */
            MOVING,
            /** The best speedup. Values: workers, cores (0: unknown), size. */
            SPEEDUP,
            /** A secondary metric divided by workers. Values: its label in lower case, workers. */
            METRIC_PER_WORKER,
            /** The memory benchmark. Values: PSS in MiB, whether the workers are child JVMs, workers, forks. */
            MEMORY,
            /** No /proc/&lt;pid&gt;/smaps_rollup on this system. */
            NO_PROC,
            /** CPython's cold pool minus its warm pool. Values: the size, workers (a param). */
            PYTHON_COLD,
            /** The teaching exercise in CPython. Values: workers (a param). */
            PYTHON_EXERCISE,
            /** A warm CPython pool. Values: the size (a param), workers (a param). */
            PYTHON_WARM,
            /** A CPython pool's speedup. Values: workers (a param), the size, whether the pool is of threads. */
            PYTHON_SPEEDUP
        }

        public Detail {
            values = List.copyOf(values);
        }

        /** The detail {@code code} naming {@code values}. */
        public static Detail of(Code code, Object... values) {
            return new Detail(code, List.of(values));
        }
    }

    /**
     * One row of the table.
     *
     * @param kind      the aspect
     * @param measure   how its values read
     * @param threads   figures of threads (empty: not measured)
     * @param processes figures of processes (empty: not measured)
     * @param sources   where the figures come from
     */
    public record Aspect(Kind kind, Measure measure, List<Entry> threads, List<Entry> processes,
                         List<Source> sources) {

        public Aspect {
            threads = List.copyOf(threads);
            processes = List.copyOf(processes);
            sources = List.copyOf(sources);
        }
    }

    public TradeOffAnalysis {
        aspects = List.copyOf(aspects);
    }

    /** Table 7 of {@code runs}, whose analysis is {@code analysis}. */
    public static TradeOffAnalysis of(List<Run> runs, SumAnalysis analysis) {
        List<Result> rows = new ArrayList<>();
        for (Run run : runs) {
            int metaCores = run.metadata().map(m -> m.cores()).orElse(0);
            for (Result row : run.results()) {
                int cores = Roles.intParam(row, "cores", 0) > 0 ? Roles.intParam(row, "cores", 0) : metaCores;
                if (cores == 0 || analysis.cores() == 0 || cores == analysis.cores()) {
                    rows.add(row);
                }
            }
        }
        return new TradeOffAnalysis(PythonFigures.addTo(List.of(startUp(rows, analysis), dispatch(rows, analysis),
                moving(analysis), speedup(analysis), memory(rows)), rows));
    }

    private static Aspect startUp(List<Result> rows, SumAnalysis analysis) {
        Sides sides = new Sides();
        for (Result row : rows) {
            if (Roles.isSpawn(row) && row.primary().scoreUnit().isTime()) {
                String label = Roles.label(row);
                sides.add(Roles.family(row), new Entry(label, Summary.nanosPerOp(row.primary()).center(), "",
                        Detail.of(Detail.Code.CLASS, Roles.className(row))));
            }
        }
        for (SumAnalysis.ModelRow model : analysis.models()) {
            boolean startsEveryCall = StrategyCatalog.find(model.strategy())
                    .map(StrategyInfo::startsWorkersEveryCall).orElse(false);
            if (startsEveryCall && model.model().isPresent()) {
                sides.add(StrategyCatalog.family(model.strategy()), new Entry(model.strategy(), model.model().get().fixedNanos(), "",
                        Detail.of(Detail.Code.FIXED_COST, model.workers())));
            }
        }
        return sides.aspect(Kind.START_UP, Measure.NANOS, Source.SPAWN_ROWS);
    }

    private static Aspect dispatch(List<Result> rows, SumAnalysis analysis) {
        Sides sides = new Sides();
        HandOffAnalysis handOffs = HandOffAnalysis.of(rows);
        for (Result row : rows) {
            if (Roles.isDispatch(row) && row.primary().scoreUnit().isTime()
                    && row.param(HandOffAnalysis.IDLE) == null) {
                String label = Roles.label(row);
                int workers = Roles.intParam(row, "workers", 0);
                Optional<HandOffAnalysis.Row> idle = handOffs.of(label, workers);
                sides.add(Roles.family(row), new Entry(label, Summary.nanosPerOp(row.primary()).center(), "",
                        Detail.of(Detail.Code.DISPATCH, workers, idle.map(HandOffAnalysis.Row::idle).orElse(""),
                                idle.map(r -> r.afterIdle().center()).orElse(Double.NaN),
                                idle.flatMap(HandOffAnalysis.Row::afterIdleSequential).map(Summary::center)
                                        .orElse(Double.NaN))));
            }
        }
        if (!sides.isEmpty()) {
            return sides.aspect(Kind.DISPATCH, Measure.NANOS,
                    handOffs.rows().isEmpty() ? Source.DISPATCH_ROWS : Source.DISPATCH_ROWS_AFTER_IDLE);
        }
        for (SumAnalysis.ModelRow model : lastPerStrategy(analysis.models())) {
            model.model().ifPresent(m -> sides.add(StrategyCatalog.family(model.strategy()), new Entry(model.strategy(),
                    m.fixedNanos(), "", Detail.of(Detail.Code.FIXED_COST, model.workers()))));
        }
        return sides.aspect(Kind.DISPATCH, Measure.NANOS, Source.DISPATCH_MODEL);
    }

    private static Aspect moving(SumAnalysis analysis) {
        Sides sides = new Sides();
        Optional<OverheadModel> baseline = analysis.baselineModel();
        if (baseline.isPresent()) {
            for (SumAnalysis.ModelRow model : firstPerStrategy(analysis.models())) {
                if (model.strategy().equals(SumMatrix.BASELINE) || model.model().isEmpty()) {
                    continue;
                }
                double extra = model.model().get().perElementNanos() - baseline.get().perElementNanos();
                Optional<Family> family = StrategyCatalog.family(model.strategy());
                boolean shared = family.equals(Optional.of(Family.THREADS));
                sides.add(family, new Entry(model.strategy(), extra * ELEMENTS_PER_MIB, "",
                        Detail.of(Detail.Code.MOVING, model.workers(), shared)));
            }
        }
        return sides.aspect(Kind.MOVING, Measure.NANOS, Source.MOVING_MODEL);
    }

    private static Aspect speedup(SumAnalysis analysis) {
        Sides sides = new Sides();
        SumMatrix matrix = analysis.matrix();
        if (!matrix.isEmpty()) {
            long size = matrix.sizes().get(matrix.sizes().size() - 1);
            for (Family family : List.of(Family.THREADS, Family.PROCESSES)) {
                analysis.speedups().stream()
                        .filter(row -> StrategyCatalog.family(row.strategy()).equals(Optional.of(family))
                                && row.bySize().containsKey(size))
                        .max(Comparator.comparingDouble(row -> row.bySize().get(size).value()))
                        .ifPresent(row -> sides.add(Optional.of(family), new Entry(row.strategy(), row.bySize().get(size).value(),
                                "", Detail.of(Detail.Code.SPEEDUP, row.workers(), row.cores(), size))));
            }
        }
        return sides.aspect(Kind.SPEEDUP, Measure.SPEEDUP, Source.BEST_SPEEDUP);
    }

    private static Aspect memory(List<Result> rows) {
        Optional<Aspect> measured = MemoryFigures.aspect(rows);
        if (measured.isPresent()) {
            return measured.get();
        }
        Sides sides = new Sides();
        for (Result row : rows) {
            for (Map.Entry<String, Metric> metric : row.secondary().entrySet()) {
                if (MEMORY_LABEL.matcher(metric.getKey()).matches()) {
                    String label = Roles.label(row);
                    int workers = Math.max(1, Roles.intParam(row, "workers", 1));
                    sides.add(Roles.family(row), new Entry(label, metric.getValue().score() / workers,
                            metric.getValue().unit(), Detail.of(Detail.Code.METRIC_PER_WORKER,
                            metric.getKey().toLowerCase(Locale.ROOT), workers)));
                }
            }
        }
        return sides.aspect(Kind.MEMORY, Measure.OTHER, Source.MEMORY_METRICS);
    }

    private static List<SumAnalysis.ModelRow> firstPerStrategy(List<SumAnalysis.ModelRow> models) {
        List<SumAnalysis.ModelRow> first = new ArrayList<>();
        for (SumAnalysis.ModelRow model : models) {
            if (first.stream().noneMatch(m -> m.strategy().equals(model.strategy()))) {
                first.add(model);
            }
        }
        return first;
    }

    private static List<SumAnalysis.ModelRow> lastPerStrategy(List<SumAnalysis.ModelRow> models) {
        List<SumAnalysis.ModelRow> last = new ArrayList<>();
        for (SumAnalysis.ModelRow model : models) {
            last.removeIf(m -> m.strategy().equals(model.strategy()));
            last.add(model);
        }
        return last;
    }

    /** Collects the entries of threads and processes; sequential ones are left out. */
    private static final class Sides {
        private final List<Entry> threads = new ArrayList<>();
        private final List<Entry> processes = new ArrayList<>();

        void add(Optional<Family> family, Entry entry) {
            if (family.equals(Optional.of(Family.THREADS))) {
                threads.add(entry);
            } else if (family.equals(Optional.of(Family.PROCESSES))) {
                processes.add(entry);
            }
        }

        boolean isEmpty() {
            return threads.isEmpty() && processes.isEmpty();
        }

        Aspect aspect(Kind kind, Measure measure, Source source) {
            return new Aspect(kind, measure, threads, processes, List.of(source));
        }
    }
}
