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
            if (!c.notes().isEmpty() && c.kind() != MeasuredCrossover.Kind.NOT_REACHED) { // "not by" says it
                notes.add(row.strategy() + " " + row.chunking() + " " + CrossoverAnalysis.pattern(row.idle()) + ": "
                        + String.join("; ", Caveats.words(c.notes())));
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
        Caveats.words(analysis.notes()).forEach(table::note);
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
        if (c.kind() == MeasuredCrossover.Kind.NOT_REACHED) {
            return "none: not faster at the largest size measured";
        }
        if (c.kind() != MeasuredCrossover.Kind.AT) {
            return Formats.NONE;
        }
        if (!c.hasInterval()) {
            return "none (" + c.fewestForks() + " fork" + (c.fewestForks() == 1 ? "" : "s") + ")";
        }
        return "[" + (c.lowerOpen() ? "≤ " : "") + Formats.size(Math.rint(c.lower())) + ", "
                + (c.upperOpen() ? "≥ " : "") + Formats.size(Math.rint(c.upper())) + "]";
    }

    /** Panels per row of the crossover chart. */
    private static final int PANEL_COLUMNS = 2;
    /** Size of one panel, in pixels: two side by side make a chart as wide as the others. */
    private static final int PANEL_WIDTH = 560;
    private static final int PANEL_HEIGHT = 380;

    /**
     * The chart: one panel per strategy (small multiples), each with its speedup against size (log size axis) for
     * each chunking and pattern, the 1× line, and each size's interval as a bar; every panel on the same axes.
     */
    public static Charts.Chart chart(CrossoverAnalysis analysis) {
        String title = "Speedup over sequential vs size (crossover benchmark)";
        List<String> strategies = analysis.rows().stream().map(CrossoverAnalysis.Row::strategy).distinct().toList();
        double minX = Double.POSITIVE_INFINITY;
        double maxX = 1;
        double maxY = 1;
        for (CrossoverAnalysis.Row row : analysis.rows()) {
            for (MeasuredCrossover.Point p : row.crossover().points()) {
                minX = Math.min(minX, p.size());
                maxX = Math.max(maxX, p.size());
                maxY = Math.max(maxY, Double.isFinite(p.upper()) ? Math.max(p.upper(), p.speedup()) : p.speedup());
            }
        }
        int columns = Math.min(PANEL_COLUMNS, Math.max(1, strategies.size()));
        int rows = (strategies.size() + columns - 1) / columns;
        java.awt.image.BufferedImage image = new java.awt.image.BufferedImage(PANEL_WIDTH * columns,
                PANEL_HEIGHT * Math.max(1, rows), java.awt.image.BufferedImage.TYPE_INT_RGB);
        java.awt.Graphics2D g = image.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, image.getWidth(), image.getHeight());
        for (int i = 0; i < strategies.size(); i++) {
            JFreeChart panel = panel(analysis, strategies.get(i), minX, maxX, maxY);
            panel.draw(g, new java.awt.geom.Rectangle2D.Double((i % columns) * PANEL_WIDTH,
                    (i / columns) * PANEL_HEIGHT, PANEL_WIDTH, PANEL_HEIGHT));
        }
        g.dispose();
        return new Charts.Chart(CHART_SUFFIX, title, "One panel per strategy, on the same axes. Above the dashed 1× "
                + "line the strategy beats sequential; where a line crosses it is the crossover size (table 4b). "
                + "Colour: the strategy's own for its default chunking (or its only one), grey for halves; solid: hot (a loop of sums), "
                + "dashed: after idle (an occasional sum). Bars: the speedup's 95 % interval over fork means at each "
                + "size; points that share a size are drawn side by side.", Charts.png(image));
    }

    /** One strategy's panel: a series per chunking and pattern. */
    private static JFreeChart panel(CrossoverAnalysis analysis, String strategy, double minX, double maxX,
                                    double maxY) {
        YIntervalSeriesCollection data = new YIntervalSeriesCollection();
        List<CrossoverAnalysis.Row> rows = analysis.rows().stream().filter(r -> r.strategy().equals(strategy))
                .toList();
        XYErrorRenderer renderer = new XYErrorRenderer();
        renderer.setDrawXError(false);
        renderer.setDefaultLinesVisible(true);
        renderer.setDefaultShapesVisible(true);
        StrategyStyle style = StrategyStyle.of(strategy);
        for (int i = 0; i < rows.size(); i++) {
            CrossoverAnalysis.Row row = rows.get(i);
            YIntervalSeries series = new YIntervalSeries(row.chunking() + ", " + CrossoverAnalysis.pattern(row.idle()));
            double factor = Math.pow(10, Charts.DODGE_DECADES * 2 * (i - (rows.size() - 1) / 2.0));
            for (MeasuredCrossover.Point p : row.crossover().points()) {
                double lo = Double.isNaN(p.lower()) ? p.speedup() : p.lower();
                double hi = Double.isFinite(p.upper()) ? p.upper() : p.speedup();
                series.add(p.size() * factor, p.speedup(), lo, hi);
            }
            data.addSeries(series);
            // the strategy's colour for its default chunking, or for its only one
            boolean defaultChunking = row.chunking().equals(DEFAULT_CHUNKING)
                    || rows.stream().allMatch(r -> r.chunking().equals(row.chunking()));
            renderer.setSeriesPaint(i, defaultChunking ? style.color() : StrategyStyle.GREY);
            renderer.setSeriesShape(i, defaultChunking ? style.shape() : new java.awt.geom.Ellipse2D.Double(-4, -4,
                    8, 8));
            renderer.setSeriesStroke(i, row.hot() ? new BasicStroke(2f) : new BasicStroke(1.5f,
                    BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {5f, 4f}, 0f));
            renderer.setSeriesLinesVisible(i, true);
        }
        LogAxis x = new LogAxis("size (elements, log scale)");
        x.setBase(2);
        x.setSmallestValue(1);
        x.setAutoTickUnitSelection(false);
        x.setTickUnit(new NumberTickUnit(2.0), false, false);
        x.setNumberFormatOverride(new java.text.DecimalFormat("#,##0",
                java.text.DecimalFormatSymbols.getInstance(Locale.ROOT)));
        if (Double.isFinite(minX)) {
            x.setRange(minX / 1.6, maxX * 1.6);
        }
        NumberAxis y = new NumberAxis("speedup over sequential (×)");
        y.setRange(0, maxY * 1.08);
        XYPlot plot = new XYPlot(data, x, y, renderer);
        ValueMarker par = new ValueMarker(1.0, Color.DARK_GRAY, new BasicStroke(1.5f, BasicStroke.CAP_BUTT,
                BasicStroke.JOIN_MITER, 10f, new float[] {6f, 4f}, 0f));
        // the label inside the plot, at its left end, above the line: never clipped by the plot's right edge
        par.setLabel("1× = sequential");
        par.setLabelAnchor(org.jfree.chart.ui.RectangleAnchor.TOP_LEFT);
        par.setLabelTextAnchor(org.jfree.chart.ui.TextAnchor.BOTTOM_LEFT);
        par.setLabelOffset(new org.jfree.chart.ui.RectangleInsets(2, 6, 2, 2));
        plot.addRangeMarker(par);
        plot.setBackgroundPaint(Color.WHITE);
        plot.setDomainGridlinePaint(Color.LIGHT_GRAY);
        plot.setRangeGridlinePaint(Color.LIGHT_GRAY);
        JFreeChart chart = new JFreeChart(strategy, JFreeChart.DEFAULT_TITLE_FONT, plot, true);
        chart.setBackgroundPaint(Color.WHITE);
        return chart;
    }
}
