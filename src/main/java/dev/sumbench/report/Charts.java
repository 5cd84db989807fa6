package dev.sumbench.report;

import dev.sumbench.stats.SumAnalysis;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.NumberTickUnit;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYErrorRenderer;
import org.jfree.data.xy.YIntervalSeries;
import org.jfree.data.xy.YIntervalSeriesCollection;

/**
 * sumbench's charts as PNG images, drawn headless with JFreeChart: time per call against size on log-log axes, and
 * speedup against workers and against cores with the ideal line (up to the machine's cores), each point with its
 * interval as an error bar. Every strategy has the same colour and shape in every chart ({@link StrategyStyle}).
 * Rendering only: the points come from {@link SumAnalysis}. Nothing is written here;
 * {@link dev.sumbench.files.OutputFiles} writes the bytes.
 */
public final class Charts {

    /* Implementation notes
     * java.awt.headless is set before the first AWT class loads (this class's initialiser runs before any JFreeChart
     * code it calls), so charts draw on machines without a display and never open a window. Images are rendered to
     * bytes first, so that a failure leaves no half-written file. */

    static {
        System.setProperty("java.awt.headless", "true");
    }

    /** Width and height of every chart, in pixels: readable on a page, small as a PNG. */
    static final int WIDTH = 900;
    static final int HEIGHT = 560;
    /** How far apart series sharing a size stand on a log axis, in decades per series. */
    static final double DODGE_DECADES = 0.012;
    /** How far the outermost of the series sharing a worker count stands from it, in steps of the axis. */
    private static final double DODGE_STEPS = 0.2;
    /** Width of an error bar's cap, in pixels. */
    private static final double CAP_LENGTH = 6;

    /**
     * A rendered chart.
     *
     * @param suffix  what the file name ends with after the stem, e.g. {@code -time.png}
     * @param title   the chart's title, also the link text
     * @param caption one line under the chart: what to read from it
     * @param png     the PNG bytes
     */
    public record Chart(String suffix, String title, String caption, byte[] png) {
    }

    private Charts() {
    }

    /**
     * The charts drawn and the notes on those that could not be.
     *
     * @param charts  the charts drawn
     * @param skipped one line per chart not drawn, saying why
     */
    public record Drawn(List<Chart> charts, List<String> skipped) {
    }

    /** The charts of {@code analysis}: time, speedup vs workers, and speedup vs cores for a core sweep. */
    public static List<Chart> of(SumAnalysis analysis) {
        return draw(analysis).charts();
    }

    /**
     * {@link #of}, with a note instead of a chart where the values cannot be drawn (JFreeChart cannot scale an axis
     * to values such as {@code Double.MAX_VALUE}): the tables still say them.
     */
    public static Drawn draw(SumAnalysis analysis) {
        List<Chart> charts = new ArrayList<>();
        List<String> skipped = new ArrayList<>();
        if (analysis.matrix().isEmpty()) {
            return new Drawn(charts, skipped);
        }
        String cores = analysis.cores() > 0 ? ", " + analysis.cores() + " cores" : "";
        String timeTitle = "Time per call vs size (best workers" + cores + ")";
        drawInto(charts, skipped, "-time.png", timeTitle, "Lower is faster; where a strategy's line crosses below "
                + "sequential's (black circles) it starts to pay off. Bars: each time's 95 % interval over the fork "
                + "means, as in table 1 (JMH's 99.9 % error where the file has no raw data); points that share a size "
                + "are drawn side by side.",
                () -> timeChart(analysis.timeSeries(), timeTitle));
        Map<String, List<SumAnalysis.XY>> byWorkers = analysis.speedupByWorkers();
        if (!byWorkers.isEmpty()) {
            long size = analysis.matrix().sizes().get(analysis.matrix().sizes().size() - 1);
            String title = "Speedup over sequential vs workers (size " + Formats.size(size) + cores + ")";
            drawInto(charts, skipped, "-speedup-workers.png", title, "Above 1 is faster than sequential; the closer "
                    + "to the dashed ideal line" + (analysis.cores() > 0 ? " (drawn up to the " + analysis.cores()
                    + " cores)" : "") + ", the better more workers pay off. Bars: the speedup's 95 % interval over "
                    + "fork means, as in table 2, where bounded; points that share a worker count are drawn side by "
                    + "side.",
                    () -> speedupChart(byWorkers, title, "workers", analysis.cores()));
        }
        Map<String, List<SumAnalysis.XY>> byCores = analysis.speedupByCores();
        if (!byCores.isEmpty()) {
            String title = "Speedup over sequential vs cores (size "
                    + Formats.size(analysis.scalingSize().orElse(0)) + ")";
            drawInto(charts, skipped, "-speedup-cores.png", title, "How each strategy scales with the cores it may "
                    + "use: a line that flattens below the dashed ideal means overhead or memory bandwidth, not serial "
                    + "work alone. Bars: the speedup's 95 % interval over fork means, as in table 5, where bounded.",
                    () -> speedupChart(byCores, title, "cores", 0));
        }
        return new Drawn(charts, skipped);
    }

    private static void drawInto(List<Chart> charts, List<String> skipped, String suffix, String title,
                                 String caption, java.util.function.Supplier<JFreeChart> chart) {
        try {
            charts.add(new Chart(suffix, title, caption, png(chart.get())));
        } catch (IllegalArgumentException e) {
            skipped.add("no chart '" + title + "': its values cannot be drawn (" + e.getMessage() + ")");
        }
    }

    static JFreeChart timeChart(Map<String, List<SumAnalysis.XY>> series, String title) {
        YIntervalSeriesCollection data = new YIntervalSeriesCollection();
        List<String> strategies = new ArrayList<>();
        int n = series.size();
        series.forEach((strategy, points) -> {
            // side by side at a shared size: a small factor on the log axis, the same for every size
            double factor = Math.pow(10, DODGE_DECADES * (strategies.size() - (n - 1) / 2.0));
            data.addSeries(toSeries(strategy, points, x -> x * factor));
            strategies.add(strategy);
        });
        LogAxis x = new LogAxis("size (elements)");
        LogAxis y = new LogAxis("time per call");
        for (LogAxis axis : List.of(x, y)) {
            axis.setBase(10);
            axis.setSmallestValue(1e-3);
            // one tick per decade
            axis.setAutoTickUnitSelection(false);
            axis.setTickUnit(new NumberTickUnit(1.0), false, false);
            axis.setMinorTickCount(9);
            axis.setMinorTickMarksVisible(true);
        }
        x.setNumberFormatOverride(new java.text.DecimalFormat("#,##0.###",
                java.text.DecimalFormatSymbols.getInstance(java.util.Locale.ROOT)));
        // ticks as durations, 100 ns / 1 µs / 10 ms, like the tables' cells
        y.setNumberFormatOverride(new DurationTicks());
        return chart(title, data, strategies, x, y, false);
    }

    static JFreeChart speedupChart(Map<String, List<SumAnalysis.XY>> series, String title, String xLabel,
                                   int machineCores) {
        YIntervalSeriesCollection data = new YIntervalSeriesCollection();
        List<String> strategies = new ArrayList<>();
        double maxX = 1;
        int n = series.size();
        for (Map.Entry<String, List<SumAnalysis.XY>> entry : series.entrySet()) {
            // side by side at a shared worker or core count, within a fifth of a step either way
            double offset = n < 2 ? 0 : DODGE_STEPS * (strategies.size() - (n - 1) / 2.0) / ((n - 1) / 2.0);
            data.addSeries(toSeries(entry.getKey(), entry.getValue(), x -> x + offset));
            strategies.add(entry.getKey());
            for (SumAnalysis.XY point : entry.getValue()) {
                maxX = Math.max(maxX, point.x());
            }
        }
        // the ideal speedup equals the workers only while each has a core of its own
        double idealTo = machineCores > 0 ? Math.min(maxX, machineCores) : maxX;
        YIntervalSeries ideal = new YIntervalSeries("ideal (speedup = " + xLabel + ")");
        ideal.add(1, 1, 1, 1);
        ideal.add(idealTo, idealTo, idealTo, idealTo);
        data.addSeries(ideal);
        NumberAxis x = new NumberAxis(xLabel);
        x.setTickUnit(new NumberTickUnit(Math.max(1, Math.ceil(maxX / 16))));
        x.setRange(0.5, maxX + 0.5);
        NumberAxis y = new NumberAxis("speedup over sequential (×)");
        y.setAutoRangeIncludesZero(true);
        return chart(title, data, strategies, x, y, true);
    }

    private static JFreeChart chart(String title, YIntervalSeriesCollection data, List<String> strategies,
                                    ValueAxis x, ValueAxis y, boolean lastIsIdeal) {
        XYErrorRenderer renderer = new XYErrorRenderer();
        renderer.setDrawXError(false);
        renderer.setDrawYError(true);
        renderer.setCapLength(CAP_LENGTH);
        renderer.setDefaultLinesVisible(true);
        renderer.setErrorPaint(null);
        for (int i = 0; i < strategies.size(); i++) {
            StrategyStyle style = StrategyStyle.of(strategies.get(i));
            renderer.setSeriesStroke(i, new BasicStroke(2f));
            renderer.setSeriesPaint(i, style.color());
            renderer.setSeriesShape(i, style.shape());
            renderer.setSeriesLinesVisible(i, true);
            renderer.setSeriesShapesVisible(i, true);
        }
        if (lastIsIdeal) {
            int ideal = data.getSeriesCount() - 1;
            renderer.setSeriesPaint(ideal, StrategyStyle.GREY);
            renderer.setSeriesLinesVisible(ideal, true);
            renderer.setSeriesShapesVisible(ideal, false);
            renderer.setSeriesStroke(ideal, new BasicStroke(1.5f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f,
                    new float[] {6f, 4f}, 0f));
        }
        XYPlot plot = new XYPlot(data, x, y, renderer);
        plot.setBackgroundPaint(Color.WHITE);
        plot.setDomainGridlinePaint(Color.LIGHT_GRAY);
        plot.setRangeGridlinePaint(Color.LIGHT_GRAY);
        JFreeChart chart = new JFreeChart(title, JFreeChart.DEFAULT_TITLE_FONT, plot, true);
        chart.setBackgroundPaint(Color.WHITE);
        return chart;
    }

    /**
     * A series with each point's interval, each x moved by {@code dodge} so that series sharing an x stand side by
     * side; a point without a bounded interval gets none drawn (low = high = y).
     */
    static YIntervalSeries toSeries(String name, List<SumAnalysis.XY> points,
                                    java.util.function.DoubleUnaryOperator dodge) {
        YIntervalSeries series = new YIntervalSeries(name);
        for (SumAnalysis.XY point : points) {
            double x = dodge.applyAsDouble(point.x());
            if (point.hasInterval()) {
                // a log axis cannot draw zero: a lower end at or below zero is drawn to the point itself
                double lo = point.lo() > 0 ? point.lo() : point.y();
                series.add(x, point.y(), lo, point.hi());
            } else {
                series.add(x, point.y(), point.y(), point.y());
            }
        }
        return series;
    }

    /** Tick labels of a time axis in nanoseconds: {@code 100 ns}, {@code 1 µs}, {@code 10 ms}. */
    private static final class DurationTicks extends java.text.NumberFormat {

        @Override
        public StringBuffer format(double nanos, StringBuffer to, java.text.FieldPosition position) {
            if (!(nanos > 0) || !Double.isFinite(nanos)) {
                return to.append(Formats.significant(nanos));
            }
            double unit = Formats.timeUnitNanos(nanos);
            String value = new java.math.BigDecimal(Formats.significant(nanos / unit)).stripTrailingZeros()
                    .toPlainString();
            return to.append(value).append(' ').append(Formats.timeUnitSymbol(nanos));
        }

        @Override
        public StringBuffer format(long nanos, StringBuffer to, java.text.FieldPosition position) {
            return format((double) nanos, to, position);
        }

        @Override
        public Number parse(String source, java.text.ParsePosition position) {
            throw new UnsupportedOperationException("tick labels are not parsed");
        }
    }

    static byte[] png(JFreeChart chart) {
        return png(chart.createBufferedImage(WIDTH, HEIGHT));
    }

    static byte[] png(BufferedImage image) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ChartUtils.writeBufferedImageAsPNG(out, image);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
