package dev.sumbench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sumbench.core.ExitCodes;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * {@code tables} (every format) and {@code compare} (each file against itself, each old/new pair) over every file of
 * the corpus of real JMH result files committed in public repositories ({@code ../shared/jmh-corpus} beside the
 * project, or {@code -Dsumbench.corpus=DIR}; skipped when absent). For each file: the exit code, and every primary and
 * secondary row present with its benchmark, params, mode, threads, metric label, score to three significant digits
 * and unit; a file compared with itself changes by +0.0 % and is never slower or faster.
 *
 * <p>The expected rows are read here, independently of sumbench's readers: the JSON with Jackson's tree model, the
 * CSV with commons-csv; the expected display of a score (benchstat's time scaling, three significant digits) is
 * checked as a property of the printed number, not by calling sumbench's formatter.
 */
class CorpusConformanceTest {

    /** Where the corpus is when no {@code sumbench.corpus} property names it: beside the project's directory. */
    private static final String DEFAULT_CORPUS = "../shared/jmh-corpus";

    /** Files whose old and new versions do not share the name stem (SOURCES.md pairs them). */
    private static final Map<String, String> EXTRA_PAIRS = Map.of(
            "dkomanov-scalaser-avgt-sample-2016-old.csv", "dkomanov-scalaser-avgt-2016-new.csv",
            "casbin-jcasbin-jmh137-thrpt-avgt-ss-params-old.json", "casbin-jcasbin-jmh137-thrpt-ss-params-new.json");

    /** JMH's time units, in nanoseconds, as a reader of JMH's files knows them. */
    private static final Map<String, Double> NANOS = Map.of("ns", 1.0, "us", 1e3, "µs", 1e3, "μs", 1e3,
            "ms", 1e6, "s", 1e9, "min", 60e9, "hr", 3600e9, "day", 86400e9);

    /** The units a time per operation may be printed in, after scaling. */
    private static final Map<String, Double> PRINTED_TIME_UNITS = Map.of("ns", 1.0, "µs", 1e3, "ms", 1e6, "s", 1e9);

    /** An expected row: one metric (primary: label "") of one JMH row. */
    private record Row(String benchmark, Map<String, String> params, String mode, int threads, String label,
                       double score, String unit, List<List<Double>> raw) {

        Row(String benchmark, Map<String, String> params, String mode, int threads, String label, double score,
            String unit) {
            this(benchmark, params, mode, threads, label, score, unit, List.of());
        }

        /**
         * What compare's centre may be: JMH's score without raw data; with it, the mean of all iterations or of the
         * fork means (JMH's score of a profiler's count is a sum, of a thread group's rate a sum over threads, so it
         * differs from the iterations' mean).
         */
        List<Row> centres() {
            if (raw.isEmpty()) {
                return List.of(this);
            }
            double all = raw.stream().flatMap(List::stream).mapToDouble(Double::doubleValue).average().orElse(
                    Double.NaN);
            double forks = raw.stream().filter(f -> !f.isEmpty())
                    .mapToDouble(f -> f.stream().mapToDouble(Double::doubleValue).average().orElseThrow())
                    .average().orElse(Double.NaN);
            return List.of(withScore(all), withScore(forks));
        }

        private Row withScore(double centre) {
            return new Row(benchmark, params, mode, threads, label, centre, unit, List.of());
        }

        String key() {
            return benchmark + (label.isEmpty() ? "" : ":" + label) + " " + mode + " " + params;
        }
    }

    private static Path corpus() {
        String property = System.getProperty("sumbench.corpus");
        return Path.of(property == null || property.isBlank() ? DEFAULT_CORPUS : property);
    }

    private static List<Path> files() throws IOException {
        Path corpus = corpus();
        Assumptions.assumeTrue(Files.isDirectory(corpus), "no JMH corpus at " + corpus.toAbsolutePath()
                + " (set -Dsumbench.corpus=DIR)");
        try (Stream<Path> list = Files.list(corpus)) {
            return list.filter(p -> p.toString().endsWith(".json") || p.toString().endsWith(".csv")).sorted()
                    .toList();
        }
    }

    // ---- the expected rows, read independently ------------------------------------------------------------------

    private static List<Row> expected(Path file) throws IOException {
        return file.toString().endsWith(".json") ? fromJson(file) : fromCsv(file);
    }

    private static List<Row> fromJson(Path file) throws IOException {
        JsonNode root = new ObjectMapper().readTree(file.toFile());
        List<Row> rows = new ArrayList<>();
        for (JsonNode node : root) {
            Map<String, String> params = new TreeMap<>();
            JsonNode paramsNode = node.get("params");
            if (paramsNode != null) {
                paramsNode.fields().forEachRemaining(e -> params.put(e.getKey(), e.getValue().asText()));
            }
            String benchmark = node.get("benchmark").asText();
            String mode = node.get("mode").asText();
            int threads = node.get("threads").asInt();
            JsonNode primary = node.get("primaryMetric");
            rows.add(new Row(benchmark, params, mode, threads, "", number(primary.get("score")),
                    primary.get("scoreUnit").asText(), raw(primary)));
            JsonNode secondary = node.get("secondaryMetrics");
            if (secondary != null) {
                for (Iterator<Map.Entry<String, JsonNode>> it = secondary.fields(); it.hasNext(); ) {
                    Map.Entry<String, JsonNode> metric = it.next();
                    rows.add(new Row(benchmark, params, mode, threads, withoutDot(metric.getKey()),
                            number(metric.getValue().get("score")), metric.getValue().get("scoreUnit").asText(),
                            raw(metric.getValue())));
                }
            }
        }
        return rows;
    }

    /** Per fork, each iteration's score ({@code rawData}); empty when the metric has none (sample mode). */
    private static List<List<Double>> raw(JsonNode metric) {
        JsonNode rawData = metric.get("rawData");
        List<List<Double>> forks = new ArrayList<>();
        if (rawData != null) {
            for (JsonNode fork : rawData) {
                List<Double> iterations = new ArrayList<>();
                fork.forEach(value -> iterations.add(number(value)));
                forks.add(iterations);
            }
        }
        return forks;
    }

    private static double number(JsonNode node) {
        return node.isNumber() ? node.asDouble() : Double.parseDouble(node.asText());
    }

    /** JMH 1.36 and older write profiler labels with a leading middle dot. */
    private static String withoutDot(String label) {
        return label.startsWith("\u00B7") ? label.substring(1) : label;
    }

    private static List<Row> fromCsv(Path file) throws IOException {
        List<Row> rows = new ArrayList<>();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8);
             CSVParser parser = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
                     .parse(reader)) {
            List<String> header = parser.getHeaderNames();
            for (CSVRecord record : parser) {
                Map<String, String> params = new TreeMap<>();
                for (int i = 7; i < header.size(); i++) {
                    String value = record.get(i);
                    if (!value.isEmpty()) {
                        params.put(header.get(i).substring("Param: ".length()), value);
                    }
                }
                String name = record.get(0);
                int colon = name.indexOf(':');
                String benchmark = colon < 0 ? name : name.substring(0, colon);
                String label = colon < 0 ? "" : name.substring(colon + 1);
                rows.add(new Row(benchmark, params, record.get(1), Integer.parseInt(record.get(2)), label,
                        localNumber(record.get(4)), record.get(6)));
            }
        }
        return rows;
    }

    /** A number as JMH's CSV writes it in the machine's locale: {@code 0,084770} in French or Russian. */
    private static double localNumber(String text) {
        String plain = text.strip();
        if (plain.contains(",") && !plain.contains(".")) {
            plain = plain.replace(',', '.');
        }
        return Double.parseDouble(plain);
    }

    // ---- what a printed score must be -------------------------------------------------------------------------

    /**
     * Checks that {@code printed} (in {@code printedUnit}) shows {@code row}'s score: a time per operation scaled to
     * s, ms, µs or ns so that it reads from 1 to under 1000 (ns below, s above), any other unit as JMH wrote it; at
     * least three significant digits; equal to the score within half a unit of the third significant digit.
     */
    private static void assertScore(Row row, String printed, String printedUnit, String where) {
        if (Double.isNaN(row.score())) {
            assertEquals("NaN", printed, where);
            return;
        }
        double expected = row.score();
        Matcher time = Pattern.compile("(ns|us|µs|μs|ms|s|min|hr|day)/op").matcher(row.unit());
        if (time.matches()) {
            Matcher printedTime = Pattern.compile("(ns|µs|ms|s)/op").matcher(printedUnit);
            assertTrue(printedTime.matches(), where + ": a time unit, got " + printedUnit);
            expected = row.score() * NANOS.get(time.group(1)) / PRINTED_TIME_UNITS.get(printedTime.group(1));
            double magnitude = Math.abs(expected);
            boolean ns = printedTime.group(1).equals("ns");
            boolean s = printedTime.group(1).equals("s");
            assertTrue(expected == 0 || (magnitude >= 0.9995 || ns) && (magnitude < 1000 || s), where
                    + ": " + row.score() + " " + row.unit() + " printed as " + printed + " " + printedUnit);
        } else {
            assertEquals(row.unit(), printedUnit, where);
        }
        assertTrue(significantDigits(printed) >= 3 || expected == 0, where + ": fewer than 3 digits in " + printed);
        double value = Double.parseDouble(printed);
        double tolerance = expected == 0 ? 0
                : 0.5 * Math.pow(10, Math.floor(Math.log10(Math.abs(expected))) - 2) * (1 + 1e-9);
        assertTrue(Math.abs(value - expected) <= tolerance, where + ": expected " + expected + " to 3 significant "
                + "digits, got " + printed);
    }

    private static int significantDigits(String number) {
        String mantissa = number.replaceFirst("^[+-]", "").replaceFirst("[eE].*$", "").replace(".", "");
        return mantissa.replaceFirst("^0+", "").length();
    }

    // ---- tables -----------------------------------------------------------------------------------------------

    /** A data row of a generic table, read back from {@code tables --format csv}. */
    private record Printed(String key, int threads, String score, String unit, List<String> cells) {
    }

    private static List<Printed> printedTables(String csv) throws IOException {
        List<Printed> rows = new ArrayList<>();
        String title = null;
        List<String> header = null;
        try (CSVParser parser = CSVFormat.RFC4180.parse(new StringReader(csv))) {
            for (CSVRecord record : parser) {
                if (record.size() == 1) {
                    title = record.get(0);
                    header = null;
                } else if (header == null) {
                    header = record.toList();
                } else {
                    Map<String, String> cells = new LinkedHashMap<>();
                    for (int i = 0; i < header.size(); i++) {
                        cells.put(header.get(i), record.get(i));
                    }
                    rows.add(printed(title, cells, record.toList()));
                }
            }
        }
        return rows;
    }

    private static final Set<String> FIXED = Set.of("file", "method", "mode", "threads", "metric", "score",
            "± error", "unit", "samples");

    private static Printed printed(String title, Map<String, String> cells, List<String> all) {
        String method = cells.get("method");
        String benchmark = title.equals(method) ? method : title + "." + method;
        Map<String, String> params = new TreeMap<>();
        cells.forEach((header, value) -> {
            if (!FIXED.contains(header) && !value.equals("—")) {
                params.put(header.replace(" (@Param)", ""), value);
            }
        });
        String metric = cells.get("metric");
        String label = metric.equals("score") ? "" : metric.substring(1);
        String key = benchmark + (label.isEmpty() ? "" : ":" + label) + " " + cells.get("mode") + " " + params;
        return new Printed(key, Integer.parseInt(cells.get("threads")), cells.get("score"), cells.get("unit"), all);
    }

    private static void checkTables(Path file) throws IOException {
        List<Row> expected = expected(file);
        CliRun csv = CliRun.of("tables", file.toString(), "--format", "csv");
        assertEquals(0, csv.exitCode(), csv.err());
        assertEquals("", csv.err());
        Map<String, List<Printed>> printed = new HashMap<>();
        List<Printed> all = printedTables(csv.out());
        all.forEach(p -> printed.computeIfAbsent(p.key(), k -> new ArrayList<>()).add(p));
        assertEquals(expected.size(), all.size(), file + ": rows printed");
        for (Row row : expected) {
            List<Printed> candidates = printed.getOrDefault(row.key(), List.of());
            assertFalse(candidates.isEmpty(), file + ": no row " + row.key() + " in " + printed.keySet().stream()
                    .limit(5).toList());
            // rows with the same key differ in threads or score: take the one that matches
            Printed match = candidates.stream().filter(p -> p.threads() == row.threads())
                    .min(Comparator.comparingDouble(p -> distance(p, row))).orElse(null);
            if (match == null) {
                fail(file + ": " + row.key() + " with " + row.threads() + " threads");
            }
            assertScore(row, match.score(), match.unit(), file.getFileName() + " " + row.key());
            candidates.remove(match);
        }
        // the Markdown and text renderings hold the same rows
        CliRun md = CliRun.of("tables", file.toString(), "--format", "md");
        CliRun text = CliRun.of("tables", file.toString(), "--format", "text");
        assertEquals(0, md.exitCode(), md.err());
        assertEquals(0, text.exitCode(), text.err());
        Set<String> mdLines = Set.copyOf(md.out().lines().toList());
        Set<String> textLines = Set.copyOf(text.out().lines().map(CorpusConformanceTest::collapse).toList());
        for (Printed row : all) {
            String mdLine = "| " + String.join(" | ", row.cells().stream().map(c -> c.replace("|", "\\|")).toList())
                    + " |";
            assertTrue(mdLines.contains(mdLine), file + ": not in the Markdown: " + mdLine);
            String textLine = collapse(String.join(" ", row.cells()));
            assertTrue(textLines.contains(textLine), file + ": not in the text: " + textLine);
        }
        assertEquals(1, md.out().lines().filter(l -> l.startsWith("- ± error: JMH's half-width")).count(),
                file + ": the definitions once");
    }

    private static double distance(Printed printed, Row row) {
        try {
            return Math.abs(Double.parseDouble(printed.score()) - row.score());
        } catch (NumberFormatException e) {
            return Double.MAX_VALUE;
        }
    }

    private static String collapse(String line) {
        return line.strip().replaceAll("\\s+", " ");
    }

    // ---- compare ----------------------------------------------------------------------------------------------

    /** A row of {@code compare --format csv}. */
    private record Compared(String benchmark, String mode, String params, String old, String change,
                            String verdict) {
    }

    private static List<Compared> compared(String csv) throws IOException {
        List<Compared> rows = new ArrayList<>();
        try (CSVParser parser = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new StringReader(csv))) {
            for (CSVRecord record : parser) {
                if (!record.get(0).equals("geomean")) {
                    rows.add(new Compared(record.get(0), record.get(1), record.get(2), record.get(3), record.get(7),
                            record.get("verdict")));
                }
            }
        }
        return rows;
    }

    /** The compare row of {@code row}: same mode and params, and a name that is a dotted tail of the full name. */
    private static List<Compared> find(List<Compared> rows, String name, String mode, Map<String, String> params) {
        String paramText = String.join(" ", params.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                .toList());
        List<Compared> found = rows.stream().filter(c -> c.mode().equals(mode) && c.params().equals(paramText)
                && (name.equals(c.benchmark()) || name.endsWith("." + c.benchmark()))).toList();
        // a shorter name may also be the tail of a longer one: the longest tail is this row's
        int longest = found.stream().mapToInt(c -> c.benchmark().length()).max().orElse(0);
        return found.stream().filter(c -> c.benchmark().length() == longest).toList();
    }

    private static String fullName(Row row) {
        return row.benchmark() + (row.label().isEmpty() ? "" : ":" + row.label());
    }

    private static void checkSelfComparison(Path file) throws IOException {
        List<Row> expected = expected(file);
        CliRun run = CliRun.of("compare", file.toString(), file.toString(), "--metric", "all", "--format", "csv");
        // a file against itself never regresses; with too few forks its rows are undecided (exit 4), never silent
        assertTrue(run.exitCode() == ExitCodes.OK || run.exitCode() == ExitCodes.UNDECIDED,
                file + ": exit " + run.exitCode() + " " + run.err());
        assertEquals("", run.err());
        List<Compared> rows = compared(run.out());
        Map<String, Long> keys = new HashMap<>();
        expected.forEach(r -> keys.merge(r.key(), 1L, Long::sum));
        for (Row row : expected) {
            List<Compared> found = find(rows, fullName(row), row.mode(), row.params());
            assertEquals(1, found.size(), file + ": " + row.key() + " in compare: " + found);
            Compared match = found.get(0);
            assertTrue(match.change().startsWith("+0.0%") || match.change().equals("—"),
                    file + ": a file against itself changed: " + match);
            assertTrue(match.verdict().equals("equivalent") || match.verdict().startsWith("inconclusive"),
                    file + ": a file against itself judged " + match.verdict() + ": " + match);
            if (keys.get(row.key()) == 1 && !row.mode().equals("sample") && !match.old().equals("n/a")) {
                // sample mode: compare's centre is the mean of the iterations' means, from histograms not read here
                int space = match.old().lastIndexOf(' ');
                String value = match.old().substring(0, space);
                String unit = match.old().substring(space + 1);
                List<AssertionError> misses = new ArrayList<>();
                for (Row centre : row.centres()) {
                    try {
                        assertScore(centre, value, unit, file.getFileName() + " compare " + row.key());
                        misses.clear();
                        break;
                    } catch (AssertionError e) {
                        misses.add(e);
                    }
                }
                if (!misses.isEmpty()) {
                    throw misses.get(0);
                }
            }
        }
    }

    private static void checkPair(Path oldFile, Path newFile) throws IOException {
        List<Row> oldRows = expected(oldFile);
        List<Row> newRows = expected(newFile);
        Set<String> oldKeys = new java.util.HashSet<>(oldRows.stream().map(Row::key).toList());
        Set<String> newKeys = new java.util.HashSet<>(newRows.stream().map(Row::key).toList());
        Set<String> common = new java.util.HashSet<>(oldKeys);
        common.retainAll(newKeys);
        CliRun run = CliRun.of("compare", oldFile.toString(), newFile.toString(), "--metric", "all", "--format",
                "csv");
        if (common.isEmpty()) {
            assertEquals(ExitCodes.BAD_INPUT, run.exitCode(), oldFile + " vs " + newFile + ": " + run.out());
            assertEquals(1, run.errLines(), run.err());
            assertTrue(run.err().startsWith("sumbench compare: nothing to compare"), run.err());
            assertEquals("", run.out());
            return;
        }
        assertTrue(run.exitCode() == ExitCodes.OK || run.exitCode() == ExitCodes.REGRESSION
                        || run.exitCode() == ExitCodes.UNDECIDED,
                oldFile + " vs " + newFile + ": exit " + run.exitCode() + " " + run.err());
        List<Compared> rows = compared(run.out());
        for (Row row : oldRows) {
            List<Compared> found = find(rows, fullName(row), row.mode(), row.params());
            assertFalse(found.isEmpty(), oldFile.getFileName() + " → " + newFile.getFileName() + ": " + row.key());
            boolean both = common.contains(row.key());
            assertTrue(found.stream().allMatch(c -> c.change().equals("only in old") != both),
                    row.key() + " " + found);
        }
        for (Row row : newRows) {
            if (!common.contains(row.key())) {
                List<Compared> found = find(rows, fullName(row), row.mode(), row.params());
                assertTrue(found.stream().anyMatch(c -> c.change().equals("only in new")), row.key() + " " + found);
            }
        }
    }

    // ---- the tests --------------------------------------------------------------------------------------------

    @TestFactory
    Stream<DynamicTest> everyFileOfTheCorpusIsTabulatedWithEveryRowAndItsScoreToThreeDigits() throws IOException {
        return files().stream().map(file -> DynamicTest.dynamicTest("tables " + file.getFileName(),
                () -> checkTables(file)));
    }

    @TestFactory
    Stream<DynamicTest> everyFileComparedWithItselfHasEveryRowAndNoChange() throws IOException {
        return files().stream().map(file -> DynamicTest.dynamicTest("compare " + file.getFileName() + " itself",
                () -> checkSelfComparison(file)));
    }

    @TestFactory
    Stream<DynamicTest> everyOldNewPairIsComparedRowByRow() throws IOException {
        List<Path> files = files();
        List<Path[]> pairs = new ArrayList<>();
        for (Path file : files) {
            String name = file.getFileName().toString();
            String paired = EXTRA_PAIRS.getOrDefault(name, name.replaceFirst("-old\\.(json|csv)$", "-new.$1"));
            if (!paired.equals(name) && Files.exists(file.resolveSibling(paired))) {
                pairs.add(new Path[] {file, file.resolveSibling(paired)});
            }
        }
        assertEquals(12, pairs.size(), "old/new pairs found: " + pairs.size());
        return pairs.stream().map(pair -> DynamicTest.dynamicTest("compare " + pair[0].getFileName() + " "
                + pair[1].getFileName(), () -> checkPair(pair[0], pair[1])));
    }

    @TestFactory
    Stream<DynamicTest> theCorpusHoldsEveryFileItsSourcesName() throws IOException {
        List<Path> files = files();
        String sources = Files.readString(corpus().resolve("SOURCES.md"));
        List<String> listed = sources.lines().filter(l -> l.matches("\\| [^ |]+\\.(json|csv) \\|.*"))
                .map(l -> l.substring(2, l.indexOf(" |", 2))).sorted().toList();
        return Stream.of(DynamicTest.dynamicTest("SOURCES.md lists " + listed.size() + " files", () ->
                assertEquals(listed, files.stream().map(f -> f.getFileName().toString()).sorted().toList())));
    }
}
