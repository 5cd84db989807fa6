package dev.sumbench.report;

import dev.sumbench.results.Metric;
import dev.sumbench.results.Result;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Tables for any JMH rows: one per benchmark, a column per parameter, the primary metric and then each secondary
 * metric on its own line, with units as JMH gave them.
 */
public final class BenchmarkTables {

    private BenchmarkTables() {
    }

    /** One table per benchmark (in the order they first appear), rows in file order. */
    public static List<Table> of(List<Result> rows) {
        Map<String, List<Result>> byBenchmark = new LinkedHashMap<>();
        for (Result row : rows) {
            byBenchmark.computeIfAbsent(row.benchmark(), b -> new ArrayList<>()).add(row);
        }
        List<Table> tables = new ArrayList<>();
        byBenchmark.forEach((benchmark, group) -> tables.add(table(benchmark, group)));
        return tables;
    }

    private static Table table(String benchmark, List<Result> rows) {
        List<String> params = new ArrayList<>(new TreeSet<>(rows.stream()
                .flatMap(r -> r.params().keySet().stream()).toList()));
        List<Table.Column> columns = new ArrayList<>();
        for (String param : params) {
            boolean numeric = rows.stream().map(r -> r.param(param)).allMatch(v -> v == null || isNumber(v));
            columns.add(numeric ? Table.Column.right(param) : Table.Column.left(param));
        }
        columns.addAll(List.of(Table.Column.left("mode"), Table.Column.right("threads"), Table.Column.left("metric"),
                Table.Column.right("score"), Table.Column.right("± error"), Table.Column.left("unit"),
                Table.Column.right("samples")));
        Table.Builder table = Table.builder(benchmark, columns.toArray(Table.Column[]::new));
        for (Result row : rows) {
            table.row(cells(row, params, "score", row.primary()));
            for (Map.Entry<String, Metric> secondary : row.secondary().entrySet()) {
                table.row(cells(row, params, ":" + secondary.getKey(), secondary.getValue()));
            }
        }
        double confidence = rows.get(0).primary().confidence();
        table.note("± error: JMH's half-width at " + Formats.confidence(confidence) + " confidence (NaN: too few samples); metric ':label': a secondary metric (profilers, percentiles)");
        return table.build();
    }

    private static boolean isNumber(String value) {
        return value.matches("[+-]?\\d+(\\.\\d+)?");
    }

    private static List<String> cells(Result row, List<String> params, String metricName, Metric metric) {
        List<String> cells = new ArrayList<>();
        for (String param : params) {
            String value = row.param(param);
            cells.add(value == null ? Formats.NONE : value);
        }
        cells.add(row.mode());
        cells.add(Integer.toString(row.threads()));
        cells.add(metricName);
        cells.add(Formats.number(metric.score()));
        cells.add(Formats.number(metric.error()));
        cells.add(metric.unit());
        cells.add(Long.toString(metric.samples()));
        return cells;
    }
}
