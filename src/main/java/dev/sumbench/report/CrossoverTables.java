package dev.sumbench.report;

import dev.sumbench.stats.CrossoverAnalysis;
import dev.sumbench.stats.MeasuredCrossover;
import java.awt.BasicStroke;
import java.awt.Color;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.NumberTickUnit;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYErrorRenderer;
import org.jfree.data.xy.YIntervalSeries;
import org.jfree.data.xy.YIntervalSeriesCollection;

/**
 * The crossover tables (4b, and 4c for the default chunking size by size) and the chart: layout only, the figures are
 * {@link CrossoverAnalysis}'s.
 */
public final class CrossoverTables {

    /** The name of the default chunking in CrossoverBenchmark's rows. */
    static final String DEFAULT_CHUNKING = "default";
    /** The chart's file suffix. */
    public static final String CHART_SUFFIX = "-crossover.png";

    private CrossoverTables() {
    }

    /** Table 4b: from which size on each strategy and chunking beats sequential, with its interval. */
    public static Table table(CrossoverAnalysis analysis) {
        int cores = analysis.rows().stream().mapToInt(CrossoverAnalysis.Row::cores).max().orElse(0);
        Table.Builder table = Table.builder("4b. Crossover: from which size on each strategy beats sequential "
                        + "(measured" + (cores > 0 ? ", " + cores + " cores" : "") + ")",
                Table.Column.left("strategy"), Table.Column.left("chunking"), Table.Column.left("pattern"),
                Table.Column.right("workers"),
                Table.Column.right("beats sequential from"), Table.Column.left("95 % interval"),
                Table.Column.left("between measured sizes"), Table.Column.right("forks"),
                Table.Column.right("hand-off (dispatch)"));
        List<String> notes = new ArrayList<>();
        for (CrossoverAnalysis.Row row : analysis.rows()) {
            MeasuredCrossover c = row.crossover();
            table.row(row.strategy(), row.chunking(), CrossoverAnalysis.pattern(row.idle()),
                    Integer.toString(row.workers()), estimate(c), interval(c),
                    c.bracket().isEmpty() ? Formats.NONE : Formats.size(c.bracket().get(0)) + " – "
                            + Formats.size(c.bracket().get(1)),
                    Integer.toString(c.fewestForks()), row.handOff().map(Durations::format).orElse(Formats.NONE));
            if (!c.note().isEmpty() && c.kind() != MeasuredCrossover.Kind.NOT_REACHED) { // "not by" says it
                notes.add(row.strategy() + " " + row.chunking() + " " + CrossoverAnalysis.pattern(row.idle()) + ": "
                        + c.note());
            }
        }
        table.note("the size where the speedup over sequential crosses 1, interpolated (log speedup linear in log "
                + "size) between the two measured sizes around the last crossing; the interval: every size where a "
                + "t-test over the fork means cannot tell the speedup from 1 (each fork one sample)");
        table.note("chunking default: the strategy's own rule (it sums a range in the caller until splitting is "
                + "measured to pay, so it is at par there); halves: always one chunk per worker, so every call pays "
                + "the hand-off");
        table.note("pattern hot: calls back to back (a loop of sums); after 1ms idle: each call after that idle time, "
                + "outside the timed region, timed call by call (an occasional sum), against sequential after the "
                + "same idle time" + (analysis.patterns().size() < 2 ? "; this run has one pattern only (the "
                + "quick matrix measures the hot crossover only)" : ""));
        table.note("hand-off (dispatch): the dispatch benchmark's time per call at 10 elements, one chunk per worker; "
                + "with halves the crossing is roughly where the work saved, size × per-element cost × (1 − 1/workers), "
                + "pays for it. Table 4's fixed cost is a line's intercept, not this hand-off");
        notes.forEach(table::note);
        analysis.notes().forEach(table::note);
        return table.build();
    }

    /**
     * Table 4c: the default chunking of each strategy against sequential at every measured size, one row per size and
     * pattern (speedup with its 95 % interval over the forks); empty when the run has no default-chunking rows.
     */
    public static Optional<Table> defaultsBySize(CrossoverAnalysis analysis) {
        List<CrossoverAnalysis.Row> rows = analysis.rows().stream()
                .filter(r -> r.chunking().equals(DEFAULT_CHUNKING)).toList();
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        List<String> strategies = rows.stream().map(CrossoverAnalysis.Row::strategy).distinct().toList();
        List<Table.Column> columns = new ArrayList<>(List.of(Table.Column.right("size"), Table.Column.left("pattern")));
        strategies.forEach(strategy -> columns.add(Table.Column.right(strategy)));
        int cores = rows.stream().mapToInt(CrossoverAnalysis.Row::cores).max().orElse(0);
        Table.Builder table = Table.builder("4c. The default chunking against sequential, size by size (measured"
                + (cores > 0 ? ", " + cores + " cores" : "") + ")", columns.toArray(Table.Column[]::new));
        for (String idle : analysis.patterns()) {
            SortedSet<Long> sizes = new TreeSet<>();
            rows.stream().filter(r -> r.idle().equals(idle))
                    .forEach(r -> r.crossover().points().forEach(p -> sizes.add(p.size())));
            for (long size : sizes) {
                List<String> cells = new ArrayList<>(List.of(Formats.size(size), CrossoverAnalysis.pattern(idle)));
                for (String strategy : strategies) {
                    cells.add(rows.stream().filter(r -> r.idle().equals(idle) && r.strategy().equals(strategy))
                            .flatMap(r -> r.crossover().points().stream()).filter(p -> p.size() == size)
                            .findFirst().map(CrossoverTables::speedup).orElse(Formats.NONE));
                }
                table.row(cells.toArray(String[]::new));
            }
        }
        table.note("speedup over sequential (> 1: faster) of each strategy with chunk 0, the mean over the forks "
                + "with its 95 % interval (each fork one sample); where the default sums in the caller it is at par, "
                + "and the first size clearly above 1 is where it starts to split");
        return Optional.of(table.build());
    }

    /** {@code 1.02× [0.98, 1.05]}, without the interval where there is none. */
    private static String speedup(MeasuredCrossover.Point p) {
        String value = Formats.times(p.speedup());
        return Double.isNaN(p.lower()) || !Double.isFinite(p.upper()) ? value
                : value + " [" + Formats.significant(p.lower()) + ", " + Formats.significant(p.upper()) + "]";
    }

    /** {@code ≈ 70,000}, {@code below 4,096}, {@code not by 1,048,576}. */
    static String estimate(MeasuredCrossover c) {
        List<MeasuredCrossover.Point> points = c.points();
        return switch (c.kind()) {
            case AT -> "≈ " + Formats.size(Math.rint(c.size()));
            case BELOW_SMALLEST -> "below " + Formats.size(points.get(0).size());
            case NOT_REACHED -> "not by " + Formats.size(points.get(points.size() - 1).size());
        };
    }

    /** {@code [52,000, 91,000]}, with {@code ≤}/{@code ≥} for an end at the measured range's edge. */
    static String interval(MeasuredCrossover c) {
        if (c.kind() != MeasuredCrossover.Kind.AT) {
            return Formats.NONE;
        }
        if (!c.hasInterval()) {
            return "none (" + c.fewestForks() + " fork" + (c.fewestForks() == 1 ? "" : "s") + ")";
        }
        return "[" + (c.lowerOpen() ? "≤ " : "") + Formats.size(Math.rint(c.lower())) + ", "
                + (c.upperOpen() ? "≥ " : "") + Formats.size(Math.rint(c.upper())) + "]";
    }

    /**
     * One line for the console: per pattern of use, the earliest crossing of each strategy; "a loop of sums (hot):
     * thread-pool from ≈ 74,273 [...] (default, 2 workers), fork-join not by 1,048,576 ...; an occasional sum ...".
     */
    public static String summary(CrossoverAnalysis analysis) {
        List<String> patterns = new ArrayList<>();
        for (String idle : analysis.patterns()) {
            List<String> parts = new ArrayList<>();
            for (CrossoverAnalysis.Row row : analysis.bestPerStrategy(idle)) {
                MeasuredCrossover c = row.crossover();
                String interval = c.kind() == MeasuredCrossover.Kind.AT ? " " + interval(c) : "";
                String from = c.kind() == MeasuredCrossover.Kind.AT ? "from " : "";
                parts.add(row.strategy() + " " + from + estimate(c) + interval + " (" + row.chunking() + ", "
                        + Formats.workers(row.workers()) + ")");
            }
            String pattern = idle.equals(CrossoverAnalysis.HOT) ? "a loop of sums (hot)"
                    : "an occasional sum (after " + idle + " idle)";
            patterns.add(pattern + ": " + String.join(", ", parts));
        }
        if (analysis.patterns().equals(List.of(CrossoverAnalysis.HOT))) {
            patterns.add("an occasional sum: not measured (no afterIdle rows)");
        }
        return "beats sequential (measured, 95 %): " + String.join("; ", patterns);
    }

    private static String firstChunking(CrossoverAnalysis analysis, String strategy) {
        return analysis.rows().stream().filter(r -> r.strategy().equals(strategy)).findFirst()
                .map(CrossoverAnalysis.Row::chunking).orElse("");
    }

    /** The chart: speedup against size, log size axis, the 1× line, and each size's interval as a bar. */
    public static Charts.Chart chart(CrossoverAnalysis analysis) {
        String title = "Speedup over sequential vs size (crossover benchmark)";
        YIntervalSeriesCollection data = new YIntervalSeriesCollection();
        double minX = Double.POSITIVE_INFINITY;
        double maxX = 1;
        for (CrossoverAnalysis.Row row : analysis.rows()) {
            YIntervalSeries series = new YIntervalSeries(row.strategy() + " / " + row.chunking()
                    + (row.hot() ? "" : " / " + CrossoverAnalysis.pattern(row.idle())));
            for (MeasuredCrossover.Point p : row.crossover().points()) {
                double lo = Double.isNaN(p.lower()) ? p.speedup() : p.lower();
                double hi = Double.isNaN(p.upper()) ? p.speedup() : p.upper();
                series.add(p.size(), p.speedup(), lo, hi);
                minX = Math.min(minX, p.size());
                maxX = Math.max(maxX, p.size());
            }
            data.addSeries(series);
        }
        LogAxis x = new LogAxis("size (elements, log scale)");
        x.setBase(2);
        x.setSmallestValue(1);
        x.setAutoTickUnitSelection(false);
        x.setTickUnit(new NumberTickUnit(2.0), false, false);
        x.setNumberFormatOverride(new java.text.DecimalFormat("#,##0",
                java.text.DecimalFormatSymbols.getInstance(Locale.ROOT)));
        if (Double.isFinite(minX)) {
            x.setRange(minX / 1.5, maxX * 1.5);
        }
        NumberAxis y = new NumberAxis("speedup over sequential (×)");
        y.setAutoRangeIncludesZero(true);
        XYErrorRenderer renderer = new XYErrorRenderer();
        renderer.setDrawXError(false);
        renderer.setDefaultLinesVisible(true);
        renderer.setDefaultShapesVisible(true);
        // each strategy's own colour and shape (StrategyStyle); a second chunking of the same strategy is dashed; an
        // after-idle series is drawn thin, beside its hot one
        for (int i = 0; i < data.getSeriesCount(); i++) {
            String strategy = analysis.rows().get(i).strategy();
            StrategyStyle style = StrategyStyle.of(strategy);
            CrossoverAnalysis.Row row = analysis.rows().get(i);
            float width = row.hot() ? 2f : 1f;
            boolean dashed = !row.chunking().equals(firstChunking(analysis, strategy));
            renderer.setSeriesStroke(i, dashed ? new BasicStroke(width, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER,
                    10f, new float[] {3f, 3f}, 0f) : new BasicStroke(width));
            renderer.setSeriesPaint(i, style.color());
            renderer.setSeriesShape(i, style.shape());
            renderer.setSeriesLinesVisible(i, true);
        }
        XYPlot plot = new XYPlot(data, x, y, renderer);
        ValueMarker par = new ValueMarker(1.0, Color.GRAY, new BasicStroke(1.5f, BasicStroke.CAP_BUTT,
                BasicStroke.JOIN_MITER, 10f, new float[] {6f, 4f}, 0f));
        par.setLabel("1× (sequential)");
        plot.addRangeMarker(par);
        plot.setBackgroundPaint(Color.WHITE);
        plot.setDomainGridlinePaint(Color.LIGHT_GRAY);
        plot.setRangeGridlinePaint(Color.LIGHT_GRAY);
        JFreeChart chart = new JFreeChart(title, JFreeChart.DEFAULT_TITLE_FONT, plot, true);
        chart.setBackgroundPaint(Color.WHITE);
        return new Charts.Chart(CHART_SUFFIX, title, "Above the dashed 1× line the strategy beats sequential; "
                + "where its line crosses it is the crossover size. Bars: the speedup's interval at each size.",
                Charts.png(chart));
    }
}
