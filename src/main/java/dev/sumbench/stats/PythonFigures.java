package dev.sumbench.stats;

import dev.sumbench.results.Result;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The Python original's figures for table 7, from a run of {@code scripts/seed-python} (benchmarks
 * {@code python.SeedPython.*}, param {@code variant}): CPython's threads and processes beside the JVM's.
 */
final class PythonFigures {

    /* Implementation notes
     * seed-python writes JMH's JSON, so its rows arrive like any other; they are recognised by the benchmark prefix
     * "python." and their variant param. Each figure is the row's score (the mean over every fork's iterations). The
     * start-up of a process pool is the cold variant (a pool per call, the note's pattern) minus the warm one at the
     * smallest size: what the pool's creation adds to a call; the dispatch is the note's exercise as written (1..10,
     * two halves, the pool created inside the call) and the warm pool at the smallest size; the speedup is the warm
     * pools' at the largest size over sequential-python. */

    static final String PREFIX = "python.";

    private PythonFigures() {
    }

    /** Whether {@code row} comes from seed-python. */
    static boolean isPython(Result row) {
        return row.benchmark().startsWith(PREFIX) && row.param("variant") != null;
    }

    /** Entries for start-up, dispatch and speedup, in the order of table 7's first four aspects (moving: none). */
    static List<TradeOffAnalysis.Aspect> addTo(List<TradeOffAnalysis.Aspect> aspects, List<Result> rows) {
        List<Result> python = rows.stream().filter(PythonFigures::isPython).toList();
        if (python.isEmpty()) {
            return aspects;
        }
        List<TradeOffAnalysis.Aspect> out = new ArrayList<>();
        for (TradeOffAnalysis.Aspect aspect : aspects) {
            List<TradeOffAnalysis.Entry> threads = new ArrayList<>(aspect.threads());
            List<TradeOffAnalysis.Entry> processes = new ArrayList<>(aspect.processes());
            List<TradeOffAnalysis.Source> sources = new ArrayList<>(aspect.sources());
            switch (aspect.kind()) {
                case START_UP -> {
                    startUp(python, "threads-python", threads);
                    startUp(python, "processes-python", processes);
                    sources.add(TradeOffAnalysis.Source.PYTHON_START_UP);
                }
                case DISPATCH -> {
                    exercise(python, "threads", threads);
                    warm(python, "threads-python", threads);
                    exercise(python, "processes", processes);
                    warm(python, "processes-python", processes);
                    sources.add(TradeOffAnalysis.Source.PYTHON_DISPATCH);
                }
                case SPEEDUP -> {
                    speedup(python, "threads-python", threads);
                    speedup(python, "processes-python", processes);
                    sources.add(TradeOffAnalysis.Source.PYTHON_SPEEDUP);
                }
                default -> {
                }
            }
            out.add(new TradeOffAnalysis.Aspect(aspect.kind(), aspect.measure(), threads, processes, sources));
        }
        return out;
    }

    private static void startUp(List<Result> rows, String warm, List<TradeOffAnalysis.Entry> into) {
        Optional<Long> smallest = sizes(rows, warm).stream().findFirst();
        if (smallest.isEmpty()) {
            return;
        }
        Optional<Result> cold = sum(rows, warm + "-cold", smallest.get());
        Optional<Result> hot = sum(rows, warm, smallest.get());
        if (cold.isPresent() && hot.isPresent()) {
            into.add(new TradeOffAnalysis.Entry("CPython " + warm + " pool", nanos(cold.get()) - nanos(hot.get()), "",
                    TradeOffAnalysis.Detail.of(TradeOffAnalysis.Detail.Code.PYTHON_COLD, smallest.get(),
                            workers(hot.get()))));
        }
    }

    private static void exercise(List<Result> rows, String variant, List<TradeOffAnalysis.Entry> into) {
        rows.stream().filter(r -> r.benchmark().endsWith(".exercise") && variant.equals(r.param("variant")))
                .findFirst().ifPresent(r -> into.add(new TradeOffAnalysis.Entry("CPython " + variant, nanos(r), "",
                        TradeOffAnalysis.Detail.of(TradeOffAnalysis.Detail.Code.PYTHON_EXERCISE, workers(r)))));
    }

    private static void warm(List<Result> rows, String variant, List<TradeOffAnalysis.Entry> into) {
        Optional<Long> smallest = sizes(rows, variant).stream().findFirst();
        smallest.flatMap(size -> sum(rows, variant, size)).ifPresent(r -> into.add(new TradeOffAnalysis.Entry(
                "CPython " + variant + " (warm pool)", nanos(r), "",
                TradeOffAnalysis.Detail.of(TradeOffAnalysis.Detail.Code.PYTHON_WARM, r.param("size"), workers(r)))));
    }

    private static void speedup(List<Result> rows, String variant, List<TradeOffAnalysis.Entry> into) {
        List<Long> sizes = sizes(rows, variant);
        if (sizes.isEmpty()) {
            return;
        }
        long largest = sizes.get(sizes.size() - 1);
        Optional<Result> pool = sum(rows, variant, largest);
        Optional<Result> sequential = sum(rows, "sequential-python", largest);
        if (pool.isPresent() && sequential.isPresent()) {
            into.add(new TradeOffAnalysis.Entry("CPython " + variant, nanos(sequential.get()) / nanos(pool.get()), "",
                    TradeOffAnalysis.Detail.of(TradeOffAnalysis.Detail.Code.PYTHON_SPEEDUP, workers(pool.get()), largest,
                            variant.startsWith("threads"))));
        }
    }

    private static List<Long> sizes(List<Result> rows, String variant) {
        return rows.stream().filter(r -> r.benchmark().endsWith(".sum") && variant.equals(r.param("variant")))
                .map(r -> parse(r.param("size"))).filter(s -> s > 0).sorted().distinct().toList();
    }

    private static Optional<Result> sum(List<Result> rows, String variant, long size) {
        return rows.stream().filter(r -> r.benchmark().endsWith(".sum") && variant.equals(r.param("variant"))
                && parse(r.param("size")) == size).findFirst();
    }

    private static double nanos(Result row) {
        return Summary.nanosPerOp(row.primary()).center();
    }

    private static String workers(Result row) {
        String workers = row.param("workers");
        return workers == null ? "?" : workers;
    }

    private static long parse(String value) {
        try {
            return value == null ? -1 : Long.parseLong(value);
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
