package dev.sumbench.report;

import dev.sumbench.stats.BandwidthAnalysis;
import dev.sumbench.stats.OverheadModel;
import dev.sumbench.stats.Ratio;
import dev.sumbench.stats.Summary;
import dev.sumbench.stats.SumAnalysis;
import dev.sumbench.stats.SumMatrix;
import dev.sumbench.stats.TradeOffAnalysis;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * sumbench's seven tables, laid out from the figures of {@link SumAnalysis}, {@link BandwidthAnalysis} and
 * {@link TradeOffAnalysis}. Layout only: every number comes from the stats package.
 */
public final class SumTables {

    /** What the teaching note said about each aspect, in the order of {@link TradeOffAnalysis#aspects()}. */
    private static final List<String> TEACHING_NOTE = List.of(
            "processes cost more to start; threads start cheaply",
            "processes need explicit communication; threads share memory",
            "processes have their own memory: data must be sent; threads share it",
            "processes escape the GIL (the JVM has none: threads run in parallel too)",
            "processes have their own memory; threads share one heap");

    private SumTables() {
    }

    /** Table 1: time per call by size, each strategy at its best worker count. */
    public static Table timeBySize(SumAnalysis analysis) {
        List<String> strategies = analysis.matrix().strategies();
        List<Table.Column> columns = new ArrayList<>();
        columns.add(Table.Column.right("size"));
        strategies.forEach(s -> columns.add(Table.Column.right(s)));
        Table.Builder table = Table.builder("1. Time per call by size (each strategy at its best worker count"
                + cores(analysis) + ")", columns.toArray(Table.Column[]::new));
        for (SumAnalysis.TimeRow row : analysis.timeBySize()) {
            List<String> cells = new ArrayList<>();
            cells.add(Formats.size(row.size()));
            for (String strategy : strategies) {
                SumMatrix.Cell cell = row.best().get(strategy);
                cells.add(cell == null ? Formats.NONE : Formats.time(cell.nanos()) + workers(strategy, cell.workers()));
            }
            table.row(cells);
        }
        table.note("each cell: JMH's score ± its " + Formats.confidence(Summary.FORK_CONFIDENCE) + " interval over fork "
                + "means as a share of the score (JMH's 99.9 % error over iterations where there is no raw data), "
                + "and the fastest worker count (none for sequential, which runs on the caller's thread)");
        warnings(analysis.matrix()).forEach(table::note);
        return table.build();
    }

    /** Table 2: speedup over sequential at the same size, per strategy and worker count. */
    public static Table speedup(SumAnalysis analysis) {
        Table.Builder table = Table.builder("2. Speedup over sequential at the same size" + cores(analysis),
                sizeColumns(analysis, "strategy", "workers"));
        for (SumAnalysis.SpeedupRow row : analysis.speedups()) {
            List<String> cells = new ArrayList<>(List.of(row.strategy(), Integer.toString(row.workers())));
            for (long size : analysis.matrix().sizes()) {
                Ratio speedup = row.bySize().get(size);
                cells.add(speedup == null ? Formats.NONE : Formats.ratio(speedup));
            }
            table.row(cells);
        }
        boolean fractions = analysis.speedups().stream().flatMap(r -> r.bySize().values().stream())
                .anyMatch(r -> r.value() < 0.01);
        table.note("speedup = sequential's time ÷ the strategy's time; above 1 is faster" + (fractions ? "; below "
                + "0.01 it is written as a fraction (1/3,040× is 3,040 times slower)" : "") + ". In brackets: its "
                + Formats.confidence(Summary.FORK_CONFIDENCE) + " interval over fork means (Welch's t of the log fork "
                + "means; both levels of variance), or, without raw data, one from both 99.9 % intervals (jointly at "
                + "least 99.8 %, over iterations); none with fewer than 3 forks, or where it is unbounded; it "
                + "straddles 1 where the difference is noise");
        oneWorkerAbovePar(analysis).ifPresent(table::note);
        aboveCores(analysis).ifPresent(table::note);
        return table.build();
    }

    /**
     * A note for the rows of one worker whose interval lies above 1: one worker sums in the caller, by the same loop
     * as sequential, so what they gain is not parallelism.
     */
    static Optional<String> oneWorkerAbovePar(SumAnalysis analysis) {
        List<String> rows = new ArrayList<>();
        for (SumAnalysis.SpeedupRow row : analysis.speedups()) {
            if (row.workers() != 1) {
                continue;
            }
            for (long size : analysis.matrix().sizes()) {
                Ratio r = row.bySize().get(size);
                if (r != null && r.hasInterval() && r.lo() > 1) {
                    rows.add(row.strategy() + " at " + Formats.size(size));
                }
            }
        }
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of("1 worker above 1× (" + String.join(", ", rows) + "): not parallelism. One worker sums "
                + "in the caller by the same loop as sequential, but sequential's loop is inlined into JMH's own "
                + "measurement loop and compiles to other, here slower, code than the loop a strategy calls; with the "
                + "loop kept out of line everywhere (-XX:CompileCommand=dontinline,dev.sumbench.sum.Ranges::loop) the "
                + "two are at par (docs/tables.md). Read gains of a few per cent of any row that way, not as a "
                + "strategy's merit");
    }

    /**
     * How far above its workers (at most the cores) a speedup must be to be flagged as impossible: below it, the few
     * per cent by which the same loop's compiled code differs (table 2's note on one worker).
     */
    private static final double IMPOSSIBLE_MARGIN = 1.25;

    /**
     * A note for any speedup well above its workers or the cores: no strategy can be that fast, so the rows were not
     * measured alike.
     */
    static Optional<String> aboveCores(SumAnalysis analysis) {
        if (analysis.cores() <= 0) {
            return Optional.empty();
        }
        List<String> rows = new ArrayList<>();
        for (SumAnalysis.SpeedupRow row : analysis.speedups()) {
            for (long size : analysis.matrix().sizes()) {
                Ratio r = row.bySize().get(size);
                if (r != null && r.value() > Math.min(row.workers(), analysis.cores()) * IMPOSSIBLE_MARGIN) {
                    rows.add(row.strategy() + " " + Formats.workers(row.workers()) + " at " + Formats.size(size) + " ("
                            + Formats.times(r.value()) + ")");
                }
            }
        }
        return rows.isEmpty() ? Optional.empty() : Optional.of("above its worker or core count, which cannot be "
                + "parallelism: " + String.join(", ", rows) + ". The rows were measured under different conditions "
                + "(a busy machine, a different cache state, too few forks): do not read these cells as speedups; "
                + "measure again on a quiet machine");
    }

    /** Table 3: parallel efficiency, speedup ÷ the workers that can run at once (at most the cores). */
    public static Table efficiency(SumAnalysis analysis) {
        boolean coresKnown = analysis.cores() > 0;
        Table.Builder table = Table.builder("3. Parallel efficiency" + cores(analysis),
                sizeColumns(analysis, "strategy", "workers"));
        boolean above = false;
        for (SumAnalysis.SpeedupRow row : analysis.speedups()) {
            List<String> cells = new ArrayList<>(List.of(row.strategy(), Integer.toString(row.workers())));
            boolean perCore = coresKnown && row.workers() > analysis.cores();
            for (long size : analysis.matrix().sizes()) {
                Optional<Ratio> efficiency = perCore ? row.efficiencyPerCore(size) : row.efficiencyPerWorker(size);
                if (efficiency.isEmpty()) {
                    cells.add(Formats.NONE);
                    continue;
                }
                boolean aboveIdeal = efficiency.get().value() > 1;
                above |= aboveIdeal;
                cells.add(Formats.percent(efficiency.get().value()) + (aboveIdeal ? " (above ideal)" : ""));
            }
            table.row(cells);
        }
        table.note(coresKnown ? "each cell: speedup ÷ the workers that can run at once (the workers, at most the "
                + "cores); 100% is ideal"
                : "each cell: speedup ÷ workers; 100% is ideal (the cores are unknown: no .meta.json, no cores param)");
        if (above) {
            table.note("above ideal: more than each worker's share, which no parallel work reaches; table 2's notes "
                    + "say why such cells occur");
        }
        return table.build();
    }

    /** Table 4: the overhead model per strategy and worker count, without the dispatch benchmark's hand-offs. */
    public static Table overheadModel(SumAnalysis analysis) {
        return overheadModel(analysis, Map.of(), false);
    }

    /**
     * Table 4: the overhead model per strategy and worker count, beside the hand-off the dispatch benchmark measured
     * for each strategy ({@code handOffs}, nanoseconds by strategy id).
     *
     * @param crossoverTable whether table 4b (the measured crossover) follows
     */
    public static Table overheadModel(SumAnalysis analysis, Map<String, Double> handOffs, boolean crossoverTable) {
        Table.Builder table = Table.builder("4. Overhead model: time = fixed + per element × size" + cores(analysis),
                Table.Column.left("strategy"), Table.Column.right("workers"), Table.Column.right("fixed cost (µs)"),
                Table.Column.right("hand-off (dispatch)"), Table.Column.right("per element (ns)"),
                Table.Column.right("R²"), Table.Column.right("faster from (measured sizes)"));
        Set<String> warnings = new LinkedHashSet<>();
        for (SumAnalysis.ModelRow row : analysis.models()) {
            Optional<OverheadModel> model = row.model();
            boolean baseline = row.strategy().equals(SumMatrix.BASELINE);
            Double handOff = handOffs.get(row.strategy());
            table.row(row.strategy(), Integer.toString(row.workers()),
                    model.map(m -> Formats.significant(m.fixedNanos() / 1e3) + (m.fixedNanos() < 0
                            ? " (below 0: noise)" : "")).orElse(Formats.NONE),
                    handOff == null ? Formats.NONE : Durations.format(handOff),
                    model.map(m -> Formats.significant(m.perElementNanos())).orElse(Formats.NONE),
                    model.map(m -> Formats.decimals(m.rSquared(), 3)).orElse(Formats.NONE),
                    baseline ? "(baseline)" : row.firstFasterMeasured().isPresent()
                            ? Formats.size(row.firstFasterMeasured().getAsLong()) : "never");
            model.ifPresent(m -> m.warnings().forEach(w -> warnings.add(row.strategy() + " " + row.workers()
                    + "w: " + Caveats.words(w))));
        }
        table.note("fixed cost and per-element cost: least squares over the sizes, weighted by 1/time² so that "
                + "every size counts alike; R² of that fit");
        table.note("the fixed cost is the line's intercept, not a hand-off: with the default chunking the sizes where "
                + "splitting does not pay are summed in the caller and never hand off, so it comes out near 0 for the "
                + "thread strategies; the hand-off is the dispatch benchmark's figure beside it (one chunk per worker, 10 "
                + "elements)" + (handOffs.isEmpty() ? ", absent here (no dispatch benchmark in the run)" : ""));
        table.note("faster from (measured sizes): the smallest measured size from which on every measured size was "
                + "faster; " + (crossoverTable ? "table 4b measures the crossover itself, with an interval"
                : "the crossover benchmark measures the crossover itself, with an interval (not in this run)")
                + ". Where the two lines cross is left out: it moves by orders of magnitude with the baseline row");
        warnings.forEach(table::note);
        return table.build();
    }

    /** What a best-of-k row's interval is, said where one is shown. */
    static final String SELECTED = "best workers: the fastest worker count, selected after the measurement: its "
            + "speedup interval is the one a count chosen in advance would have, so it covers the selected count's "
            + "true speedup less often than its 95 % (the winner of several equal counts looks faster than it is); "
            + "to confirm, rerun that count alone";

    /** Table 5: scaling with cores, from a core sweep; empty when the runs are not one. */
    public static Optional<Table> scaling(SumAnalysis analysis) {
        List<SumAnalysis.ScalingRow> rows = analysis.scaling();
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        Table.Builder table = Table.builder("5. Scaling with cores (size " + Formats.size(rows.get(0).size()) + ")",
                Table.Column.left("strategy"), Table.Column.right("cores"), Table.Column.right("best workers"),
                Table.Column.right("time"), Table.Column.right("speedup"), Table.Column.right("efficiency"),
                Table.Column.right("serial fraction (Karp–Flatt)"));
        for (SumAnalysis.ScalingRow row : rows) {
            table.row(row.strategy(), Integer.toString(row.cores()), workerCount(row.strategy(), row.best().workers()),
                    Formats.time(row.best().nanos()), Formats.ratio(row.speedup()), Formats.percent(row.efficiency()),
                    Double.isNaN(row.serialFraction()) ? Formats.NONE : Formats.significant(row.serialFraction()));
        }
        table.note("speedup over sequential at " + analysis.matrix().coreCounts().get(0) + " core(s); efficiency = "
                + "speedup ÷ cores");
        table.note("serial fraction e = (1/speedup − 1/cores) ÷ (1 − 1/cores): 0 is perfect scaling; an e that grows "
                + "with the cores means overhead (hand-off, memory bandwidth) rather than serial work");
        table.note(SELECTED);
        return Optional.of(table.build());
    }

    /** Table 5's place when the run is not a core sweep: what it would show and how to measure it. */
    public static Table noScaling() {
        return Table.builder("5. Scaling with cores: not measured in this run", Table.Column.left("how to measure"))
                .row("scripts/bench-cores runs the suite at each core count; its runs' tables show this table")
                .build();
    }

    /** Table 6: bandwidth of the large-size rows and their share of the measured ceiling. */
    public static Table bandwidth(BandwidthAnalysis bandwidth) {
        Table.Builder table = Table.builder("6. Memory bandwidth (size ≥ " + Formats.size(bandwidth.threshold()) + ")",
                Table.Column.left("row"), Table.Column.right("workers"), Table.Column.right("cores"),
                Table.Column.right("size"), Table.Column.right("time"), Table.Column.right("GB/s"),
                Table.Column.right("share of ceiling"));
        for (BandwidthAnalysis.Row row : bandwidth.rows()) {
            table.row((row.kernel() ? "bandwidth kernel: " : "") + row.label(),
                    row.kernel() || !row.label().equals(SumMatrix.BASELINE) ? Integer.toString(row.workers())
                            : "(" + row.workers() + ")",
                    row.cores() > 0 ? Integer.toString(row.cores()) : Formats.NONE, Formats.size(row.size()),
                    Formats.time(row.nanos()), Formats.significant(row.gbps()), Formats.percent(row.share()));
        }
        if (bandwidth.rows().stream().noneMatch(row -> !row.kernel())) {
            table.note("no row of size ≥ " + Formats.size(bandwidth.threshold()) + ": the largest measured size, "
                    + Formats.size(bandwidth.largestSize()) + " (" + Formats.size(bandwidth.largestSize()
                    * dev.sumbench.stats.Bandwidth.BYTES_PER_ELEMENT / 1024) + " KiB), fits in the caches of common "
                    + "CPUs, so its GB/s would be the caches' speed, not memory's; run larger sizes to measure memory "
                    + "bandwidth");
        }
        if (bandwidth.rows().stream().anyMatch(row -> row.label().equals(SumMatrix.BASELINE))) {
            table.note("sequential's workers in brackets: the run's workers param, which sequential ignores (it runs "
                    + "on the caller's thread)");
        }
        if (bandwidth.rows().stream().anyMatch(row -> row.share() > 1)) {
            table.note("a share above 100% cannot be: no sum reads memory faster than the kernel that measures the "
                    + "ceiling; those rows and the kernel's were measured under different conditions (a busy machine, "
                    + "too few forks, data left in the caches): measure again on a quiet machine");
        }
        table.note("GB/s = 8 bytes × size ÷ time per call; " + (Double.isNaN(bandwidth.ceilingGbps())
                ? "no ceiling: " + ceilingSource(bandwidth)
                : "ceiling " + Formats.significant(bandwidth.ceilingGbps()) + " GB/s: " + ceilingSource(bandwidth)));
        return table.build();
    }

    /** Table 7: the teaching note's trade-off table, measured. */
    public static Table tradeOff(TradeOffAnalysis tradeOff) {
        Table.Builder table = Table.builder("7. Processes vs threads, measured", Table.Column.left("aspect"),
                Table.Column.left("threads"), Table.Column.left("processes"), Table.Column.left("the teaching note said"),
                Table.Column.left("measured by"));
        List<TradeOffAnalysis.Aspect> aspects = tradeOff.aspects();
        for (int i = 0; i < aspects.size(); i++) {
            TradeOffAnalysis.Aspect aspect = aspects.get(i);
            table.row(name(aspect.kind()), entries(aspect, aspect.threads()), entries(aspect, aspect.processes()),
                    i < TEACHING_NOTE.size() ? TEACHING_NOTE.get(i) : "",
                    String.join("; ", aspect.sources().stream().map(SumTables::source).toList()));
        }
        return table.build();
    }

    /** Where table 6's ceiling comes from, or why there is none. */
    static String ceilingSource(BandwidthAnalysis bandwidth) {
        return bandwidth.ceilingRow().map(top -> "the fastest row of the bandwidth kernel (" + top.label() + ", "
                + top.workers() + " workers" + (top.cores() > 0 ? ", " + top.cores() + " cores" : "") + ")")
                .orElse("the runs have no row of the bandwidth kernel (BandwidthBenchmark) at size ≥ "
                        + String.format(java.util.Locale.ROOT, "%,d", bandwidth.threshold()));
    }

    /** Table 7's name of an aspect. */
    static String name(TradeOffAnalysis.Kind kind) {
        return switch (kind) {
            case START_UP -> "start-up cost";
            case DISPATCH -> "dispatch cost (hand-off of almost no work)";
            case MOVING -> "moving 1 MiB to a worker";
            case SPEEDUP -> "speedup at the most cores";
            case MEMORY -> "memory per worker";
        };
    }

    /** Table 7's words for where an aspect's figures come from. */
    static String source(TradeOffAnalysis.Source source) {
        return switch (source) {
            case SPAWN_ROWS -> "spawn benchmark rows; process-spawn's fixed cost from the overhead model";
            case DISPATCH_ROWS -> "dispatch benchmark rows";
            case DISPATCH_ROWS_AFTER_IDLE -> "dispatch benchmark rows, back to back; after idle: each call after the "
                    + "idle time, beside sequential's under the same idle time";
            case DISPATCH_MODEL -> "fixed cost of the overhead model (no dispatch benchmark in the run)";
            case MOVING_MODEL -> "per-element cost above sequential's (overhead model) × "
                    + String.format(java.util.Locale.ROOT, "%,d", TradeOffAnalysis.ELEMENTS_PER_MIB) + " longs";
            case BEST_SPEEDUP -> "best of each family at the largest size (table 2)";
            case MEMORY_BENCHMARK -> "memory benchmark: RSS and PSS from /proc/<pid>/smaps_rollup after one sum";
            case MEMORY_METRICS -> "secondary metrics naming rss, footprint or memory";
            case PYTHON_START_UP -> "CPython: cold pool − warm pool at the smallest size (seed-python)";
            case PYTHON_DISPATCH -> "CPython: the note's exercise as written and a warm pool (seed-python)";
            case PYTHON_SPEEDUP -> "CPython: warm pool over sequential-python (seed-python)";
        };
    }

    private static String entries(TradeOffAnalysis.Aspect aspect, List<TradeOffAnalysis.Entry> entries) {
        if (entries.isEmpty()) {
            return "not measured";
        }
        List<String> texts = new ArrayList<>();
        for (TradeOffAnalysis.Entry entry : entries) {
            if (Double.isNaN(entry.value())) {
                texts.add(label(entry) + " not measured (" + detail(entry.detail()) + ")");
                continue;
            }
            texts.add(label(entry) + " " + entryValue(aspect, entry));
        }
        return String.join("; ", texts);
    }

    /** One figure of table 7 as the table writes it: {@code 39.2 MiB RSS (PSS 21.7 MiB; ...)}. */
    static String entryValue(TradeOffAnalysis.Aspect aspect, TradeOffAnalysis.Entry entry) {
        String value = switch (aspect.measure()) {
            case NANOS -> Durations.format(entry.value()) + (entry.value() < 0 ? " (below 0: noise, read as 0)" : "");
            case SPEEDUP -> Formats.times(entry.value());
            case OTHER -> Formats.number(entry.value()) + " " + entry.unit();
        };
        String detail = detail(entry.detail());
        return value + (detail.isEmpty() ? "" : " (" + detail + ")");
    }

    private static String label(TradeOffAnalysis.Entry entry) {
        return entry.label() + (entry.detail().code() == TradeOffAnalysis.Detail.Code.PYTHON_EXERCISE
                ? " (the note's exercise)" : "");
    }

    /** What a figure of table 7 was measured under, in words. */
    public static String detail(TradeOffAnalysis.Detail detail) {
        List<Object> v = detail.values();
        return switch (detail.code()) {
            case CLASS -> String.valueOf(v.get(0));
            case FIXED_COST -> "fixed cost, " + workers((Integer) v.get(0));
            case DISPATCH -> {
                int workers = (Integer) v.get(0);
                String idle = (String) v.get(1);
                double sequential = (Double) v.get(3);
                String afterIdle = idle.isEmpty() ? "" : "after " + idle + " idle " + micros((Double) v.get(2))
                        + (Double.isNaN(sequential) ? "" : " (sequential " + micros(sequential) + ")");
                yield String.join("; ", java.util.stream.Stream.of(workers > 0 ? workers(workers) : "", afterIdle)
                        .filter(s -> !s.isEmpty()).toList());
            }
            case MOVING -> workers((Integer) v.get(0)) + ((Boolean) v.get(1) ? ", shared array, no copy" : "");
            case SPEEDUP -> workers((Integer) v.get(0)) + ((Integer) v.get(1) > 0 ? ", " + v.get(1) + " cores" : "")
                    + String.format(java.util.Locale.ROOT, ", size %,d", v.get(2));
            case METRIC_PER_WORKER -> v.get(0) + " ÷ " + workers((Integer) v.get(1));
            case MEMORY -> String.format(java.util.Locale.ROOT, "PSS %s MiB; %s, %d workers, mean of %d forks",
                    threeDigits((Double) v.get(0)), (Boolean) v.get(1) ? "per child JVM"
                            : "the caller's growth ÷ workers", v.get(2), v.get(3));
            case NO_PROC -> "no /proc/<pid>/smaps_rollup on this system (Linux only)";
            case PYTHON_COLD -> "cold − warm at size " + String.format(java.util.Locale.ROOT, "%,d", v.get(0)) + ", "
                    + v.get(1) + " workers";
            case PYTHON_EXERCISE -> "1..10 in two halves, pool per call, " + v.get(0) + " workers";
            case PYTHON_WARM -> "size " + v.get(0) + ", " + v.get(1) + " workers";
            case PYTHON_SPEEDUP -> v.get(0) + " workers" + String.format(java.util.Locale.ROOT, ", size %,d", v.get(1))
                    + ((Boolean) v.get(2) ? ", the GIL: one thread runs Python at a time" : "");
        };
    }

    /** The PSS beside a memory figure, {@code PSS 21.7 MiB}, or the detail in words where there is none. */
    static String pss(TradeOffAnalysis.Detail detail) {
        return detail.code() == TradeOffAnalysis.Detail.Code.MEMORY
                ? "PSS " + threeDigits((Double) detail.values().get(0)) + " MiB" : detail(detail);
    }

    private static String workers(int workers) {
        return workers + (workers == 1 ? " worker" : " workers");
    }

    /** A time in the unit that keeps it between 1 and 1000 (ns, µs, ms, s), three significant digits. */
    private static String micros(double nanos) {
        String[] units = {"ns", "µs", "ms", "s"};
        double value = nanos;
        int unit = 0;
        while (Math.abs(value) >= 999.5 && unit < units.length - 1) {
            value /= 1_000;
            unit++;
        }
        return String.format(java.util.Locale.ROOT, "%.3g %s", value, units[unit]);
    }

    /** Three significant digits, as the tables write a measured value beside it ({@code 0.377}, {@code 21.7}). */
    private static String threeDigits(double value) {
        if (value == 0 || !Double.isFinite(value)) {
            return String.format(java.util.Locale.ROOT, "%.0f", value);
        }
        int decimals = Math.max(0, 2 - (int) Math.floor(Math.log10(Math.abs(value))));
        return String.format(java.util.Locale.ROOT, "%." + decimals + "f", value);
    }

    /** " (2w)" after a time, or nothing for sequential, which has no workers. */
    private static String workers(String strategy, int workers) {
        return strategy.equals(SumMatrix.BASELINE) ? "" : " (" + workers + "w)";
    }

    /** A worker count for a cell, or "—" for sequential, which has no workers. */
    private static String workerCount(String strategy, int workers) {
        return strategy.equals(SumMatrix.BASELINE) ? Formats.NONE : Integer.toString(workers);
    }

    private static Table.Column[] sizeColumns(SumAnalysis analysis, String... leading) {
        List<Table.Column> columns = new ArrayList<>();
        columns.add(Table.Column.left(leading[0]));
        for (int i = 1; i < leading.length; i++) {
            columns.add(Table.Column.right(leading[i]));
        }
        analysis.matrix().sizes().forEach(size -> columns.add(Table.Column.right("size " + Formats.size(size))));
        return columns.toArray(Table.Column[]::new);
    }

    private static String cores(SumAnalysis analysis) {
        return analysis.cores() > 0 ? ", " + analysis.cores() + " cores" : "";
    }

    /** The matrix's own notes and the measurement warnings, counted, not repeated per cell. */
    private static List<String> warnings(SumMatrix matrix) {
        List<String> notes = new ArrayList<>(Caveats.words(matrix.notes()));
        long noInterval = matrix.cells().stream().filter(c -> !c.nanos().hasInterval()).count();
        long wide = matrix.cells().stream().filter(c -> c.nanos().relativeHalfWidth() > 0.10).count();
        if (noInterval > 0) {
            notes.add(noInterval + " of " + matrix.cells().size() + " rows have no interval (fewer than 3 forks, or "
                    + "fewer than 3 samples without raw data): the fork is the sampling unit; run with -f 5");
        }
        if (wide > 0) {
            notes.add(wide + " of " + matrix.cells().size() + " rows have an interval wider than ±10%: run more "
                    + "forks or iterations, on a quiet machine");
        }
        return notes;
    }
}
