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
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * sumbench's charts as PNG images, drawn headless with JFreeChart: time per call against size on log-log axes, and
 * speedup against workers and against cores with the ideal line. Rendering only: the points come from
 * {@link SumAnalysis}. Nothing is written here; {@link dev.sumbench.files.OutputFiles} writes the bytes.
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
    private static final int WIDTH = 900;
    private static final int HEIGHT = 560;
    /** Colours that stay apart on white and for most colour-blind readers (Okabe–Ito, without yellow). */
    private static final List<Color> PALETTE = List.of(new Color(0x000000), new Color(0xE69F00),
            new Color(0x56B4E9), new Color(0x009E73), new Color(0x0072B2), new Color(0xD55E00), new Color(0xCC79A7),
            new Color(0x999933), new Color(0x882255));

    /**
     * A rendered chart.
     *
     * @param suffix what the file name ends with after the stem, e.g. {@code -time.png}
     * @param title  the chart's title, also the link text
     * @param png    the PNG bytes
     */
    public record Chart(String suffix, String title, byte[] png) {
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
        drawInto(charts, skipped, "-time.png", timeTitle, () -> timeChart(analysis.timeSeries(), timeTitle));
        Map<String, List<SumAnalysis.XY>> byWorkers = analysis.speedupByWorkers();
        if (!byWorkers.isEmpty()) {
            long size = analysis.matrix().sizes().get(analysis.matrix().sizes().size() - 1);
            String title = "Speedup over sequential vs workers (size " + Formats.size(size) + cores + ")";
            drawInto(charts, skipped, "-speedup-workers.png", title, () -> speedupChart(byWorkers, title, "workers"));
        }
        Map<String, List<SumAnalysis.XY>> byCores = analysis.speedupByCores();
        if (!byCores.isEmpty()) {
            String title = "Speedup over sequential vs cores (size "
                    + Formats.size(analysis.scalingSize().orElse(0)) + ")";
            drawInto(charts, skipped, "-speedup-cores.png", title, () -> speedupChart(byCores, title, "cores"));
        }
        return new Drawn(charts, skipped);
    }

    private static void drawInto(List<Chart> charts, List<String> skipped, String suffix, String title,
                                 java.util.function.Supplier<JFreeChart> chart) {
        try {
            charts.add(new Chart(suffix, title, png(chart.get())));
        } catch (IllegalArgumentException e) {
            skipped.add("no chart '" + title + "': its values cannot be drawn (" + e.getMessage() + ")");
        }
    }

    static JFreeChart timeChart(Map<String, List<SumAnalysis.XY>> series, String title) {
        XYSeriesCollection data = new XYSeriesCollection();
        series.forEach((strategy, points) -> data.addSeries(toSeries(strategy, points)));
        LogAxis x = new LogAxis("size (elements)");
        LogAxis y = new LogAxis("time per call (ns)");
        for (LogAxis axis : List.of(x, y)) {
            axis.setBase(10);
            axis.setSmallestValue(1e-3);
            // one tick per decade, written out: 1,000 / 10,000 / ...
            axis.setAutoTickUnitSelection(false);
            axis.setTickUnit(new NumberTickUnit(1.0), false, false);
            axis.setMinorTickCount(9);
            axis.setMinorTickMarksVisible(true);
            axis.setNumberFormatOverride(new java.text.DecimalFormat("#,##0.###",
                    java.text.DecimalFormatSymbols.getInstance(java.util.Locale.ROOT)));
        }
        return chart(title, data, x, y, false);
    }

    static JFreeChart speedupChart(Map<String, List<SumAnalysis.XY>> series, String title, String xLabel) {
        XYSeriesCollection data = new XYSeriesCollection();
        double maxX = 1;
        for (Map.Entry<String, List<SumAnalysis.XY>> entry : series.entrySet()) {
            data.addSeries(toSeries(entry.getKey(), entry.getValue()));
            for (SumAnalysis.XY point : entry.getValue()) {
                maxX = Math.max(maxX, point.x());
            }
        }
        XYSeries ideal = new XYSeries("ideal (speedup = " + xLabel + ")");
        ideal.add(1, 1);
        ideal.add(maxX, maxX);
        data.addSeries(ideal);
        NumberAxis x = new NumberAxis(xLabel);
        x.setTickUnit(new NumberTickUnit(Math.max(1, Math.ceil(maxX / 16))));
        x.setRange(0.5, maxX + 0.5);
        NumberAxis y = new NumberAxis("speedup over sequential (×)");
        y.setAutoRangeIncludesZero(true);
        return chart(title, data, x, y, true);
    }

    private static JFreeChart chart(String title, XYSeriesCollection data, ValueAxis x, ValueAxis y,
                                    boolean lastIsIdeal) {
        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, true);
        for (int i = 0; i < data.getSeriesCount(); i++) {
            renderer.setSeriesStroke(i, new BasicStroke(2f));
            renderer.setSeriesPaint(i, PALETTE.get(i % PALETTE.size()));
        }
        if (lastIsIdeal) {
            int ideal = data.getSeriesCount() - 1;
            renderer.setSeriesPaint(ideal, Color.GRAY);
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

    private static XYSeries toSeries(String name, List<SumAnalysis.XY> points) {
        XYSeries series = new XYSeries(name);
        for (SumAnalysis.XY point : points) {
            series.add(point.x(), point.y());
        }
        return series;
    }

    /** The palette's colour for series {@code index} (shared with the crossover chart). */
    static Color color(int index) {
        return PALETTE.get(index % PALETTE.size());
    }

    static byte[] png(JFreeChart chart) {
        BufferedImage image = chart.createBufferedImage(WIDTH, HEIGHT);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ChartUtils.writeBufferedImageAsPNG(out, image);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
