package dev.sumbench.results;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads JMH's CSV ({@code -rf csv}) and SCSV ({@code -rf scsv}) result files into {@link Result} rows.
 *
 * <p>The header is {@code "Benchmark","Mode","Threads","Samples","Score","Score Error (99.9%)","Unit"} followed by one
 * {@code "Param: NAME"} column per parameter of any benchmark in the file. A row whose benchmark is
 * {@code NAME:LABEL} is a secondary metric of the row before it with the same params ({@code :gc.alloc.rate.norm},
 * {@code :p0.50} in sample mode, {@code :·gc.alloc.rate} before JMH 1.37). CSV carries no fork count and no raw data:
 * such rows have {@code forks} 0 and empty {@link Metric#rawData()}.
 */
final class JmhCsvReader {

    /* Implementation notes
     * JMH formats numbers with String.format in the writing JVM's default locale: a ru-RU run writes "528,857143" and
     * "Score Error (99,9%)". The confidence in the header therefore also tells the decimal separator of the whole
     * file; numbers are then parsed with that separator and no grouping (JMH never groups digits). Guessing per cell
     * instead would misread "1,000" in a file whose separator is a dot.
     * Line numbers: JMH never puts a line break inside a field, so record n (1-based, header excluded) is on line
     * n + 1; commons-csv's record number is used as such. */

    private static final List<String> REQUIRED = List.of("Benchmark", "Mode", "Threads", "Samples", "Score", "Unit");
    private static final Pattern ERROR_HEADER = Pattern.compile("Score Error \\((\\d+)([.,])?(\\d*)%\\)");
    private static final String PARAM_PREFIX = "Param: ";

    private final Path file;

    JmhCsvReader(Path file) {
        this.file = file;
    }

    List<Result> read(String content) {
        String firstLine = content.lines().findFirst().orElse("");
        char delimiter = firstLine.startsWith("\"Benchmark\";") || firstLine.startsWith("Benchmark;") ? ';' : ',';
        CSVFormat format = CSVFormat.RFC4180.builder().setDelimiter(delimiter).setHeader().setSkipHeaderRecord(true)
                .setIgnoreSurroundingSpaces(true).setAllowMissingColumnNames(true).get();
        try (CSVParser parser = CSVParser.parse(content, format)) {
            Header header = header(parser.getHeaderNames());
            List<Builder> rows = new ArrayList<>();
            Map<Result.Key, Builder> byKey = new LinkedHashMap<>();
            for (CSVRecord record : parser) {
                long line = record.getRecordNumber() + 1;
                row(record, line, header, rows, byKey);
            }
            if (rows.isEmpty()) {
                throw new MalformedResultsException(file, 2, "expected at least one benchmark row, found none");
            }
            return rows.stream().map(Builder::build).toList();
        } catch (IOException e) {
            throw new MalformedResultsException(file, 0, "expected JMH CSV, found text it cannot parse: "
                    + e.getMessage(), e);
        } catch (UncheckedIOException | IllegalArgumentException | IllegalStateException e) {
            throw new MalformedResultsException(file, 0, "expected JMH CSV, found text it cannot parse ("
                    + e.getMessage() + ")", e);
        }
    }

    private record Header(Map<String, Integer> columns, String errorColumn, double confidence, char decimal,
                          Map<String, String> paramColumns) {
    }

    private Header header(List<String> names) {
        Map<String, Integer> columns = new LinkedHashMap<>();
        for (int i = 0; i < names.size(); i++) {
            columns.putIfAbsent(names.get(i), i);
        }
        for (String required : REQUIRED) {
            if (!columns.containsKey(required)) {
                throw new MalformedResultsException(file, 1, "expected a JMH CSV header with a \"" + required
                        + "\" column, found " + quoteAll(names));
            }
        }
        String errorColumn = null;
        double confidence = Double.NaN;
        char decimal = '.';
        Map<String, String> params = new TreeMap<>();
        for (String name : names) {
            Matcher matcher = ERROR_HEADER.matcher(name);
            if (matcher.matches()) {
                errorColumn = name;
                String fraction = matcher.group(3);
                confidence = new java.math.BigDecimal(matcher.group(1) + "." + (fraction.isEmpty() ? "0" : fraction))
                        .movePointLeft(2).doubleValue();
                decimal = matcher.group(2) == null ? '.' : matcher.group(2).charAt(0);
            } else if (name.startsWith(PARAM_PREFIX)) {
                params.put(name, name.substring(PARAM_PREFIX.length()));
            }
        }
        if (errorColumn == null) {
            throw new MalformedResultsException(file, 1, "expected a JMH CSV header with a \"Score Error (99.9%)\" "
                    + "column, found " + quoteAll(names));
        }
        return new Header(columns, errorColumn, confidence, decimal, params);
    }

    private void row(CSVRecord record, long line, Header header, List<Builder> rows, Map<Result.Key, Builder> byKey) {
        if (record.size() == 1 && record.get(0).isBlank()) {
            return;
        }
        if (!record.isConsistent()) {
            throw new MalformedResultsException(file, line, "expected " + header.columns().size() + " fields as in "
                    + "the header, found " + record.size());
        }
        String name = text(record, "Benchmark", line);
        String mode = text(record, "Mode", line);
        Map<String, String> params = new TreeMap<>();
        header.paramColumns().forEach((column, param) -> {
            String value = record.get(column);
            if (!value.isEmpty()) {
                params.put(param, value);
            }
        });
        int threads = (int) integer(record, "Threads", line);
        long samples = integer(record, "Samples", line);
        double score = number(record, "Score", header.decimal(), line);
        double error = number(record, header.errorColumn(), header.decimal(), line);
        String unit = record.get("Unit");
        Metric metric = new Metric(score, error, header.confidence(), unit, samples, List.of());
        int colon = name.indexOf(':');
        if (colon < 0) {
            String problem = Numbers.scoreProblem(score, unit);
            if (problem != null) {
                throw new MalformedResultsException(file, line, "expected " + problem + " in \"Score\", found \""
                        + record.get("Score") + "\"");
            }
            Builder row = new Builder(name, mode, params, threads, metric);
            rows.add(row);
            byKey.put(new Result.Key(name, mode, row.params), row);
        } else {
            String benchmark = name.substring(0, colon);
            String label = Labels.secondary(name.substring(colon + 1));
            Builder primary = byKey.get(new Result.Key(benchmark, mode, params));
            if (primary == null) {
                throw new MalformedResultsException(file, line, "expected the row of \"" + benchmark + "\" (" + mode
                        + ", " + params + ") before its secondary metric \"" + label + "\", found none");
            }
            primary.secondary.put(label, metric);
        }
    }

    private String text(CSVRecord record, String column, long line) {
        String value = record.get(column);
        if (value.isEmpty()) {
            throw new MalformedResultsException(file, line, "expected a value in \"" + column + "\", found an empty "
                    + "field");
        }
        return value;
    }

    private long integer(CSVRecord record, String column, long line) {
        String value = record.get(column);
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw new MalformedResultsException(file, line, "expected a whole number in \"" + column + "\", found \""
                    + value + "\"");
        }
    }

    private double number(CSVRecord record, String column, char decimal, long line) {
        String value = record.get(column);
        Double parsed = Numbers.parse(value, decimal);
        if (parsed == null) {
            throw new MalformedResultsException(file, line, "expected a number with decimal separator '" + decimal
                    + "' in \"" + column + "\", found \"" + value + "\"");
        }
        return parsed;
    }

    private static String quoteAll(List<String> names) {
        return names.isEmpty() ? "an empty line"
                : names.stream().map(n -> "\"" + n + "\"").reduce((a, b) -> a + "," + b).orElseThrow();
    }

    /** A primary row being read, collecting its secondary rows. */
    private static final class Builder {
        final String benchmark;
        final String mode;
        final Map<String, String> params;
        final int threads;
        final Metric primary;
        final Map<String, Metric> secondary = new LinkedHashMap<>();

        Builder(String benchmark, String mode, Map<String, String> params, int threads, Metric primary) {
            this.benchmark = benchmark;
            this.mode = mode;
            this.params = Map.copyOf(params);
            this.threads = threads;
            this.primary = primary;
        }

        Result build() {
            return new Result(benchmark, mode.toLowerCase(Locale.ROOT), params, threads, 0, primary, secondary);
        }
    }
}
