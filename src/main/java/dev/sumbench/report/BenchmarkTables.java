package dev.sumbench.report;

import dev.sumbench.results.Metric;
import dev.sumbench.results.Result;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Tables for any JMH rows: one per benchmark class, a row per method and params with the primary metric and then each
 * secondary metric on its own line. Scores keep at least three significant digits and times are scaled
 * ({@link Formats#scale}); a {@code file} column says where each row came from when rows of several files are
 * merged. The definitions are noted once, under the last table.
 */
public final class BenchmarkTables {

    /* Implementation notes
     * One table per class rather than per method: a class's methods are usually variants of one question, and side
     * by side they can be read at a glance (a file of 390 methods gives 13 tables, not 390). The notes would be the
     * same under every table, so they go under the last one only. A parameter named like one of the fixed columns
     * (threads, mode, ...) gets "(@Param)" after its name, so that no two columns have the same header. Rejected:
     * one table per file with a class column: the params differ per class and most cells would be empty. */

    /** The column headers after the params; a param with one of these names is renamed. */
    private static final Set<String> FIXED_HEADERS = Set.of("file", "method", "mode", "threads", "metric", "score",
            "± error", "unit", "samples");

    /**
     * A row and the name of the file it came from.
     *
     * @param source the file's name (as the report's heading names it)
     * @param row    the row
     */
    public record Sourced(String source, Result row) {
    }

    /** Which metrics of each row a table shows. */
    public enum Metrics {
        /** The primary metric, then every secondary one. */
        ALL,
        /** Only the secondary metrics (for rows whose primary metric another table shows). */
        SECONDARY_ONLY
    }

    private BenchmarkTables() {
    }

    /** One table per benchmark class (in the order they first appear), rows in file order, from one file. */
    public static List<Table> of(List<Result> rows) {
        return of(rows.stream().map(r -> new Sourced("", r)).toList(), Metrics.ALL, "", false);
    }

    /**
     * One table per benchmark class, in the order the classes first appear, rows in file order, with {@code metrics}
     * of each row; each title starts with {@code titlePrefix}. With rows from more than one source, a {@code file}
     * column comes first. With {@code meanPerSample}, a metric JMH adds up over its samples (an event counter) shows
     * its mean per sample, as sumbench's own tables show such a figure; without, JMH's score, as JMH prints it.
     */
    public static List<Table> of(List<Sourced> rows, Metrics metrics, String titlePrefix, boolean meanPerSample) {
        Map<String, List<Sourced>> byClass = new LinkedHashMap<>();
        for (Sourced row : rows) {
            if (metrics == Metrics.SECONDARY_ONLY && row.row().secondary().isEmpty()) {
                continue;
            }
            byClass.computeIfAbsent(className(row.row().benchmark()), b -> new ArrayList<>()).add(row);
        }
        List<Table> tables = new ArrayList<>();
        List<String> classes = new ArrayList<>(byClass.keySet());
        for (int i = 0; i < classes.size(); i++) {
            List<Sourced> group = byClass.get(classes.get(i));
            boolean last = i == classes.size() - 1;
            tables.add(table(titlePrefix + classes.get(i), group, metrics, meanPerSample,
                    last ? notes(rows, meanPerSample) : List.of()));
        }
        return tables;
    }

    /** The class part of a benchmark name: all but the last dotted part (the whole name when it has no dot). */
    static String className(String benchmark) {
        int dot = benchmark.lastIndexOf('.');
        return dot > 0 ? benchmark.substring(0, dot) : benchmark;
    }

    private static String methodName(String benchmark) {
        int dot = benchmark.lastIndexOf('.');
        return dot > 0 ? benchmark.substring(dot + 1) : benchmark;
    }

    private static Table table(String title, List<Sourced> rows, Metrics metrics, boolean meanPerSample,
                               List<String> notes) {
        boolean sources = rows.stream().map(Sourced::source).distinct().count() > 1;
        List<String> params = new ArrayList<>(new TreeSet<>(rows.stream()
                .flatMap(r -> r.row().params().keySet().stream()).toList()));
        List<Table.Column> columns = new ArrayList<>();
        if (sources) {
            columns.add(Table.Column.left("file"));
        }
        columns.add(Table.Column.left("method"));
        for (String param : params) {
            boolean numeric = rows.stream().map(r -> r.row().param(param)).allMatch(v -> v == null || isNumber(v));
            String header = FIXED_HEADERS.contains(param) ? param + " (@Param)" : param;
            columns.add(numeric ? Table.Column.right(header) : Table.Column.left(header));
        }
        columns.addAll(List.of(Table.Column.left("mode"), Table.Column.right("threads"), Table.Column.left("metric"),
                Table.Column.right("score"), Table.Column.right("± error"), Table.Column.left("unit"),
                Table.Column.right("samples")));
        Table.Builder table = Table.builder(title, columns.toArray(Table.Column[]::new));
        for (Sourced sourced : rows) {
            Result row = sourced.row();
            List<String> lead = new ArrayList<>();
            if (sources) {
                lead.add(sourced.source());
            }
            lead.add(methodName(row.benchmark()));
            for (String param : params) {
                String value = row.param(param);
                lead.add(value == null ? Formats.NONE : value);
            }
            lead.add(row.mode());
            lead.add(Integer.toString(row.threads()));
            if (metrics == Metrics.ALL) {
                table.row(cells(lead, "score", row.primary(), false));
            }
            for (Map.Entry<String, Metric> secondary : row.secondary().entrySet()) {
                table.row(cells(lead, ":" + secondary.getKey(), secondary.getValue(), meanPerSample));
            }
        }
        notes.forEach(table::note);
        return table.build();
    }

    /** The definitions, once for all tables: the confidence levels the rows' errors are at. */
    private static List<String> notes(List<Sourced> rows, boolean meanPerSample) {
        List<String> levels = rows.stream().map(r -> r.row().primary().confidence()).distinct().sorted()
                .map(Formats::confidence).toList();
        boolean summed = meanPerSample && rows.stream().flatMap(r -> r.row().secondary().values().stream())
                .anyMatch(Metric::summedOverSamples);
        return List.of("± error: JMH's half-width at " + String.join(" or ", levels) + " confidence (NaN: too few "
                + "samples), in the row's unit; times scaled to s, ms, µs or ns; metric ':label': a secondary metric "
                + "(profilers, @Group members, percentiles)" + (summed ? "; '(mean per sample)': JMH adds such a "
                + "metric up over all its samples (an event counter), so its score grows with the samples: shown is "
                + "the mean of one sample, the figure the other tables use" : ""));
    }

    private static boolean isNumber(String value) {
        return value.matches("[+-]?\\d+(\\.\\d+)?");
    }

    private static List<String> cells(List<String> lead, String metricName, Metric metric, boolean meanPerSample) {
        List<String> cells = new ArrayList<>(lead);
        boolean summed = meanPerSample && metric.summedOverSamples();
        double score = summed ? metric.perSample() : metric.score();
        Formats.Scale scale = Formats.scale(score, metric.scoreUnit());
        cells.add(summed ? metricName + " (mean per sample)" : metricName);
        cells.add(scale.format(score));
        cells.add(summed ? Formats.NONE : scale.format(metric.error()));
        cells.add(scale.unit());
        cells.add(Long.toString(metric.samples()));
        return cells;
    }
}
