package dev.sumbench.report;

import dev.sumbench.files.OutputFiles;
import dev.sumbench.files.RefusedFileException;
import dev.sumbench.results.Result;
import dev.sumbench.results.Run;
import dev.sumbench.results.RunMeta;
import dev.sumbench.results.RunReader;
import dev.sumbench.stats.BandwidthAnalysis;
import dev.sumbench.stats.CrossoverAnalysis;
import dev.sumbench.stats.SumAnalysis;
import dev.sumbench.stats.SumMatrix;
import dev.sumbench.stats.TradeOffAnalysis;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * The tables of one or more runs as one document: for sumbench's runs its seven tables (and charts), then generic
 * tables for any other rows; for other projects' runs, generic tables only. Rendered in one {@link TableFormat}.
 */
public final class Report {

    /* Implementation notes
     * A run is sumbench's when its rows make a non-empty SumMatrix (rows with strategy and size params), whatever the
     * class names. Charts are placed after the table they illustrate, as Markdown image links relative to the
     * document, so <run>.md and <run>-*.png can move together. CSV has no headings: each table is preceded by one
     * record holding its title, and tables are separated by an empty line. */

    /**
     * A table and the chart drawn after it.
     *
     * @param table       the table
     * @param chartSuffix the chart's file suffix ({@code -time.png}), or empty
     * @param generic     whether it is a generic table (rows outside sumbench's tables)
     */
    record Section(Table table, Optional<String> chartSuffix, boolean generic) {

        Section(Table table, Optional<String> chartSuffix) {
            this(table, chartSuffix, false);
        }
    }

    /**
     * At most this many iterations per fork in every row make a run a smoke test: {@code -Dbench.quick} measures 3
     * iterations of 50 ms per fork, too few to average out a JIT's or a neighbour's hiccup.
     */
    private static final int SMOKE_TEST_ITERATIONS = 3;
    /** Fewer forks than this give a row no interval (the fork is the sampling unit). */
    private static final int FORKS_FOR_AN_INTERVAL = 3;
    /** Above this share of rows wider than ±10 %, the run is too noisy to answer. */
    private static final double NOISY_SHARE = 0.25;

    /** The summary's line before the answer's lines. */
    public static final String ANSWER_HEADING = "the answer of this run:";

    private final List<Run> runs;
    private final SumAnalysis analysis;
    private final CrossoverAnalysis crossover;
    private final List<Section> sections;
    private final TradeOffAnalysis tradeOff;

    private Report(List<Run> runs, SumAnalysis analysis, CrossoverAnalysis crossover, List<Section> sections,
                   TradeOffAnalysis tradeOff) {
        this.runs = List.copyOf(runs);
        this.analysis = analysis;
        this.crossover = crossover;
        this.sections = List.copyOf(sections);
        this.tradeOff = tradeOff;
    }

    /** The report of {@code runs}, merged. */
    public static Report of(List<Run> runs) {
        SumMatrix matrix = SumMatrix.of(runs);
        SumAnalysis analysis = new SumAnalysis(matrix);
        TradeOffAnalysis tradeOff = matrix.isEmpty() ? new TradeOffAnalysis(List.of())
                : TradeOffAnalysis.of(runs, analysis);
        List<Section> sections = new ArrayList<>();
        CrossoverAnalysis crossover = CrossoverAnalysis.of(runs);
        List<BenchmarkTables.Sourced> all = sourced(runs).stream()
                .filter(r -> crossover.isEmpty() || !CrossoverAnalysis.isCrossover(r.row())).toList();
        Optional<Section> crossoverSection = crossover.isEmpty() ? Optional.empty()
                : Optional.of(new Section(CrossoverTables.table(crossover), Optional.of(CrossoverTables.CHART_SUFFIX)));
        Optional<Section> defaultsSection = crossover.isEmpty() ? Optional.empty()
                : CrossoverTables.defaultsBySize(crossover).map(t -> new Section(t, Optional.empty()));
        if (!matrix.isEmpty()) {
            sections.add(new Section(SumTables.timeBySize(analysis), Optional.of("-time.png")));
            sections.add(new Section(SumTables.speedup(analysis), Optional.of("-speedup-workers.png")));
            sections.add(new Section(SumTables.efficiency(analysis), Optional.empty()));
            sections.add(new Section(SumTables.overheadModel(analysis, CrossoverAnalysis.handOffs(runs),
                    !crossover.isEmpty()), Optional.empty()));
            crossoverSection.ifPresent(sections::add);
            defaultsSection.ifPresent(sections::add);
            sections.add(SumTables.scaling(analysis).map(t -> new Section(t, Optional.of("-speedup-cores.png")))
                    .orElseGet(() -> new Section(SumTables.noScaling(), Optional.empty())));
            sections.add(new Section(SumTables.bandwidth(BandwidthAnalysis.of(runs, matrix)), Optional.empty()));
            sections.add(new Section(SumTables.tradeOff(tradeOff), Optional.empty()));
            Set<Result> used = matrix.rows();
            // the profilers' metrics (-prof gc) of the rows in sumbench's tables, which show the primary metric only
            for (Table table : BenchmarkTables.of(all.stream().filter(r -> used.contains(r.row())).toList(),
                    BenchmarkTables.Metrics.SECONDARY_ONLY, "Secondary metrics (profilers): ", true)) {
                sections.add(new Section(table, Optional.empty()));
            }
            all = all.stream().filter(r -> !used.contains(r.row())).toList();
        } else {
            crossoverSection.ifPresent(sections::add);
            defaultsSection.ifPresent(sections::add);
        }
        // in sumbench's own runs a summed counter shows its mean per sample, the figure its tables use
        for (Table table : BenchmarkTables.of(all, BenchmarkTables.Metrics.ALL, "", !matrix.isEmpty())) {
            sections.add(new Section(table, Optional.empty(), true));
        }
        return new Report(runs, analysis, crossover, sections, tradeOff);
    }

    /** The answer's lines (empty for runs that are not sumbench's): they lead the document and end the summary. */
    public List<Answer.Line> answer() {
        if (!isSumbench() && crossover.isEmpty()) {
            return List.of();
        }
        return Answer.lines(analysis, crossover, tradeOff, cannotAnswer());
    }

    /** The crossover analysis behind table 4b (empty without crossover rows). */
    public CrossoverAnalysis crossover() {
        return crossover;
    }

    /** Every row of {@code runs} with its file's name, in file order. */
    private static List<BenchmarkTables.Sourced> sourced(List<Run> runs) {
        List<BenchmarkTables.Sourced> rows = new ArrayList<>();
        for (Run run : runs) {
            String name = String.valueOf(run.source().getFileName());
            run.results().forEach(row -> rows.add(new BenchmarkTables.Sourced(name, row)));
        }
        return rows;
    }

    /** Whether the runs are sumbench's own (they have its summing rows). */
    public boolean isSumbench() {
        return !analysis.matrix().isEmpty();
    }

    /** The analysis behind the tables. */
    public SumAnalysis analysis() {
        return analysis;
    }

    /** Every table, in order. */
    public List<Table> tables() {
        return sections.stream().map(Section::table).toList();
    }

    /** The charts of the report (none for other projects' runs). */
    public List<Charts.Chart> charts() {
        return drawCharts().charts();
    }

    /** The charts, with a note for each that cannot be drawn; none for a run that is not sumbench's. */
    public Charts.Drawn drawCharts() {
        Charts.Drawn drawn = analysis == null ? new Charts.Drawn(List.of(), List.of()) : Charts.draw(analysis);
        List<Charts.Chart> charts = new ArrayList<>(drawn.charts());
        if (!crossover.isEmpty()) {
            charts.add(CrossoverTables.chart(crossover));
        }
        return new Charts.Drawn(charts, drawn.skipped());
    }

    /**
     * The whole document in {@code format}. With {@code chartStem} (Markdown only), each of {@code charts} is linked
     * after its table as {@code <chartStem><suffix>}.
     */
    public String render(TableFormat format, Optional<String> chartStem, List<Charts.Chart> charts) {
        return switch (format) {
            case MD -> markdown(chartStem, charts);
            case TEXT -> text();
            case CSV -> csv();
        };
    }

    private String markdown(Optional<String> chartStem, List<Charts.Chart> charts) {
        StringBuilder out = new StringBuilder();
        out.append("# ").append(isSumbench() || !crossover.isEmpty() ? "sumbench: " : "JMH results: ").append(names()).append("\n\n");
        for (String line : runLines()) {
            out.append("- ").append(line).append('\n');
        }
        List<Answer.Line> answer = answer();
        if (!answer.isEmpty()) {
            out.append("\n## The answer of this run\n\n");
            for (Answer.Line line : answer) {
                out.append("- ").append(line.render(table -> " ([table " + table + "](#" + anchor(table) + "))"))
                        .append('\n');
            }
            out.append("\n## The tables\n");
        }
        boolean otherRowsHeading = false;
        for (Section section : sections) {
            if (isSumbench() && section.generic() && !otherRowsHeading) {
                out.append("\n## Other rows\n");
                otherRowsHeading = true;
            }
            out.append('\n').append(TableFormat.MD.render(section.table()));
            Optional<Charts.Chart> chart = charts.stream()
                    .filter(c -> section.chartSuffix().equals(Optional.of(c.suffix()))).findFirst();
            if (chartStem.isPresent() && chart.isPresent()) {
                out.append("\n![").append(chart.get().title()).append("](").append(chartStem.get())
                        .append(chart.get().suffix()).append(")\n");
                if (!chart.get().caption().isEmpty()) {
                    out.append("\n*").append(chart.get().caption()).append("*\n");
                }
            }
        }
        return out.toString();
    }

    private String text() {
        StringBuilder out = new StringBuilder();
        out.append(isSumbench() || !crossover.isEmpty() ? "sumbench: " : "JMH results: ").append(names()).append('\n');
        for (String line : runLines()) {
            out.append("  ").append(line).append('\n');
        }
        List<Answer.Line> answer = answer();
        if (!answer.isEmpty()) {
            out.append("\nThe answer of this run\n");
            answer.forEach(line -> out.append("  ").append(line.text()).append('\n'));
        }
        for (Section section : sections) {
            out.append('\n').append(TableFormat.TEXT.render(section.table()));
        }
        return out.toString();
    }

    private String csv() {
        StringBuilder out = new StringBuilder();
        for (Section section : sections) {
            if (out.length() > 0) {
                out.append('\n');
            }
            StringWriter title = new StringWriter();
            try (CSVPrinter printer = new CSVPrinter(title, CSVFormat.RFC4180.builder().setRecordSeparator('\n')
                    .get())) {
                printer.printRecord(section.table().title());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            out.append(title).append(TableFormat.CSV.render(section.table()));
        }
        return out.toString();
    }

    private String names() {
        return String.join(", ", runs.stream().map(run -> String.valueOf(run.source().getFileName())).toList());
    }

    /**
     * Why the run cannot answer, for sumbench's runs: every row measured at most {@value #SMOKE_TEST_ITERATIONS}
     * iterations per fork (a smoke test, as {@code -Dbench.quick} runs), rows with too few forks for an interval, or
     * too many rows wider than ±10 %; empty when it can.
     */
    Optional<String> cannotAnswer() {
        if (!isSumbench()) {
            return Optional.empty();
        }
        Set<Result> rows = analysis.matrix().rows();
        int forks = rows.stream().mapToInt(Result::forks).max().orElse(0);
        int iterations = rows.stream().flatMap(row -> row.primary().rawData().stream()).mapToInt(List::size).max()
                .orElse(0);
        long fewForks = rows.stream().filter(row -> row.forks() < FORKS_FOR_AN_INTERVAL).count();
        long wide = analysis.matrix().cells().stream().filter(c -> c.nanos().relativeHalfWidth() > 0.10).count();
        int cells = analysis.matrix().cells().size();
        if (iterations > 0 && iterations <= SMOKE_TEST_ITERATIONS) {
            return Optional.of("a smoke test (" + forks + " fork" + (forks == 1 ? "" : "s") + " of at most "
                    + iterations + " iteration" + (iterations == 1 ? "" : "s") + " per row, as -Dbench.quick runs): "
                    + "it shows that the suite runs, not how fast anything is");
        }
        if (fewForks > 0) {
            return Optional.of(fewForks + " of " + rows.size() + " rows have fewer than " + FORKS_FOR_AN_INTERVAL
                    + " forks, so no interval: run with -f 5");
        }
        if (cells > 0 && wide > NOISY_SHARE * cells) {
            return Optional.of("too noisy: " + wide + " of " + cells + " rows have an interval wider than ±10%; run "
                    + "again on a quiet machine");
        }
        return Optional.empty();
    }

    /** The Markdown anchor of table {@code number}'s heading ({@code 4b}), as GitHub makes it. */
    private String anchor(String number) {
        return sections.stream().map(s -> s.table().title()).filter(t -> t.startsWith(number + ". ")).findFirst()
                .map(Report::slug).orElse("");
    }

    /** GitHub's heading anchor: lower case, letters, digits, spaces as hyphens, hyphens and underscores kept. */
    static String slug(String heading) {
        StringBuilder out = new StringBuilder();
        heading.toLowerCase(Locale.ROOT).codePoints().forEach(c -> {
            if (Character.isLetterOrDigit(c) || c == '-' || c == '_') {
                out.appendCodePoint(c);
            } else if (c == ' ') {
                out.append('-');
            }
        });
        return out.toString();
    }

    /** One line per run: its file, and its machine and JDK from the metadata when there is some. */
    List<String> runLines() {
        List<String> lines = new ArrayList<>();
        for (Run run : runs) {
            String name = String.valueOf(run.source().getFileName());
            Optional<RunMeta> meta = run.metadata();
            if (meta.isEmpty()) {
                lines.add(name + ": " + run.results().size() + " rows" + inProcess(run) + " (no .meta.json)");
                continue;
            }
            RunMeta m = meta.get();
            lines.add(String.format(Locale.ROOT, "%s: %d rows; %s, %d cores (%d online), %.1f GiB; %s; JDK %s %s; "
                            + "JMH %s; commit %s%s; %s", name, run.results().size(), m.cpuModel(), m.cores(),
                    m.onlineCpus(), m.memoryBytes() / (double) (1L << 30), m.os(), m.jdkVendor(), m.jdkVersion(),
                    m.jmhVersion(), m.gitCommit(), m.gitDirty() ? " (dirty)" : "", m.date()));
        }
        return lines;
    }

    /**
     * "; 0 forks (in-process)" when rows of {@code run} ran in JMH's own JVM ({@code forks: 0} in JSON, which keeps
     * their iterations; CSV has no forks, so its rows are not counted).
     */
    private static String inProcess(Run run) {
        long rows = run.results().stream().filter(r -> r.forks() == 0 && r.primary().hasRawData()).count();
        if (rows == 0) {
            return "";
        }
        return rows == run.results().size() ? "; 0 forks (in-process, -f 0)"
                : "; " + rows + " with 0 forks (in-process, -f 0)";
    }

    /**
     * A few lines for a console after a run: what was read and the bandwidth, then the answer's lines, the same as
     * the document's.
     */
    public List<String> summary() {
        List<String> lines = new ArrayList<>();
        long rows = runs.stream().mapToLong(run -> run.results().size()).sum();
        if (!isSumbench()) {
            long benchmarks = runs.stream().flatMap(run -> run.results().stream()).map(Result::benchmark).distinct()
                    .count();
            lines.add("tables: " + rows + " rows of " + benchmarks + " benchmarks from " + names());
            if (!crossover.isEmpty()) {
                lines.add(ANSWER_HEADING);
                answer().forEach(line -> lines.add("  " + line.text()));
            }
            return lines;
        }
        SumMatrix matrix = analysis.matrix();
        List<Long> sizes = matrix.sizes();
        List<Integer> workers = matrix.workers();
        List<Integer> cores = matrix.coreCounts();
        lines.add("tables: " + rows + " rows from " + names() + "; " + matrix.strategies().size() + " strategies, sizes "
                + range(Formats.size(sizes.get(0)), Formats.size(sizes.get(sizes.size() - 1))) + ", workers "
                + range(workers.get(0).toString(), workers.get(workers.size() - 1).toString())
                + (cores.get(cores.size() - 1) > 0 ? ", cores " + range(cores.get(0).toString(),
                cores.get(cores.size() - 1).toString()) : ""));
        BandwidthAnalysis bandwidth = BandwidthAnalysis.of(runs, matrix);
        bandwidth.rows().stream().filter(r -> !r.kernel()).max(Comparator.comparingDouble(BandwidthAnalysis.Row::gbps))
                .ifPresent(top -> lines.add("bandwidth: " + top.label() + workersNote(top.label(), top.workers()) + " "
                        + Formats.significant(top.gbps()) + " GB/s" + (Double.isNaN(bandwidth.ceilingGbps())
                        ? " (no ceiling: " + SumTables.ceilingSource(bandwidth) + ")"
                        : ", " + Formats.percent(top.share()) + " of the ceiling "
                                + Formats.significant(bandwidth.ceilingGbps()) + " GB/s" + (top.share() > 1
                                ? " (above the ceiling: the rows were not measured alike; see table 6)" : ""))));
        lines.add(ANSWER_HEADING);
        answer().forEach(line -> lines.add("  " + line.text()));
        return lines;
    }

    /** " (2 workers)", or nothing for sequential, which runs on the caller's thread whatever its workers param. */
    private static String workersNote(String strategy, int workers) {
        return strategy.equals(SumMatrix.BASELINE) ? "" : " (" + Formats.workers(workers) + ")";
    }

    private static String range(String first, String last) {
        return first.equals(last) ? first : first + ".." + last;
    }

    /**
     * Writes the document in {@code format} to {@code out} and, where {@code withCharts} and the format is Markdown,
     * its charts beside it, linked from it; all of them whole or not at all, as every output is written
     * ({@link OutputFiles}: never over one of the runs read or their metadata, nor over a link or special file).
     *
     * @return the files written, the document first
     * @throws RefusedFileException if one of the files may not be written; nothing is written then
     */
    public List<Path> writeDocument(Path out, TableFormat format, boolean withCharts) throws IOException {
        return writeDocument(out, format, withCharts, note -> { });
    }

    /** {@link #writeDocument(Path, TableFormat, boolean)}, telling {@code notes} of each chart that cannot be drawn. */
    public List<Path> writeDocument(Path out, TableFormat format, boolean withCharts, Consumer<String> notes)
            throws IOException {
        Charts.Drawn drawn = withCharts && format == TableFormat.MD ? drawCharts()
                : new Charts.Drawn(List.of(), List.of());
        drawn.skipped().forEach(notes);
        List<Charts.Chart> chartList = drawn.charts();
        String stem = chartStem(out);
        Map<Path, byte[]> files = new LinkedHashMap<>();
        for (Charts.Chart chart : chartList) {
            files.put(out.resolveSibling(stem + chart.suffix()), chart.png());
        }
        files.put(out, render(format, Optional.of(stem), chartList).getBytes(StandardCharsets.UTF_8));
        List<Path> inputs = new ArrayList<>();
        for (Run run : runs) {
            inputs.add(run.source());
            inputs.add(RunReader.metaPath(run.source()));
        }
        List<Path> written = OutputFiles.replaceAll(files, inputs);
        // the document is moved into place last (it links the charts); name it first
        List<Path> documentFirst = new ArrayList<>(List.of(out));
        written.stream().filter(p -> !p.equals(out)).forEach(documentFirst::add);
        return documentFirst;
    }

    /** The stem that chart files of an output file {@code out} share: its name without {@code .md/.txt/.csv}. */
    public static String chartStem(Path out) {
        String name = String.valueOf(out.getFileName());
        int dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(0, dot) : name;
    }
}
