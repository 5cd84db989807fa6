package dev.sumbench.report;

import dev.sumbench.sum.StrategyCatalog;
import java.awt.Color;
import java.awt.Shape;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Rectangle2D;
import java.util.List;
import org.jfree.chart.util.ShapeUtils;

/**
 * The one colour and marker shape of each strategy, the same in every chart: the colours are the Okabe–Ito palette
 * without its yellow, a dark grey, an olive and a wine (safe for the common colour-vision deficiencies, readable on white),
 * assigned by the strategy's place in {@link StrategyCatalog#ids()}; every strategy has a colour and a shape of its
 * own.
 *
 * @param color the line and marker colour
 * @param shape the marker shape
 */
public record StrategyStyle(Color color, Shape shape) {

    /* Implementation notes
     * Okabe & Ito, "Color Universal Design" (2008): black, orange, sky blue, bluish green, blue, vermillion, reddish
     * purple; their yellow is left out, pale on white. Ten strategies need three more colours that stay apart from
     * those for the common deficiencies and read on white: a dark grey for sequential-stream (the baseline's stream
     * variant, beside the baseline's black), and from Paul Tol's "muted" scheme (designed to the same standard) olive
     * (#999933) for process-spawn and wine (#882255) for jdk-parallel-stream, the JDK's idiom beside ours. Orange and
     * vermillion go to strategies of different families (a process and fork/join) with different shapes, so that they
     * never need telling apart by hue. A strategy outside the registry (another version's id in an old file) is light
     * grey with a circle; the test checks that every known id has a colour and a shape of its own. */

    private static final Color BLACK = new Color(0x000000);
    private static final Color ORANGE = new Color(0xE69F00);
    private static final Color SKY_BLUE = new Color(0x56B4E9);
    private static final Color BLUISH_GREEN = new Color(0x009E73);
    private static final Color DARK_GREY = new Color(0x555555);
    private static final Color OLIVE = new Color(0x999933);
    private static final Color WINE = new Color(0x882255);
    private static final Color BLUE = new Color(0x0072B2);
    private static final Color VERMILLION = new Color(0xD55E00);
    private static final Color REDDISH_PURPLE = new Color(0xCC79A7);
    /** For ids outside the registry and for the ideal line: a neutral grey. */
    static final Color GREY = new Color(0x999999);

    /** Marker size in pixels: large enough to tell the shapes apart on a 900-pixel-wide chart. */
    private static final double SIZE = 8;

    /** In the order of {@link StrategyCatalog#ids()}. */
    private static final List<StrategyStyle> STYLES = List.of(
            new StrategyStyle(BLACK, circle()),                                  // sequential
            new StrategyStyle(DARK_GREY, ShapeUtils.createDiagonalCross((float) SIZE / 2, 1.2f)), // sequential-stream
            new StrategyStyle(BLUE, square()),                                   // thread-pool
            new StrategyStyle(VERMILLION, ShapeUtils.createUpTriangle((float) SIZE / 2 + 1)),  // fork-join
            new StrategyStyle(BLUISH_GREEN, ShapeUtils.createDiamond((float) SIZE / 2 + 1)),   // parallel-stream
            new StrategyStyle(WINE, new Ellipse2D.Double(-SIZE / 2 - 1, -SIZE / 4, SIZE + 2, SIZE / 2)), // jdk
            new StrategyStyle(REDDISH_PURPLE, ShapeUtils.createDownTriangle((float) SIZE / 2 + 1)), // virtual-threads
            new StrategyStyle(ORANGE, ShapeUtils.createRegularCross((float) SIZE / 2 + 1, 1.5f)), // process-pipe
            new StrategyStyle(SKY_BLUE, new Rectangle2D.Double(-SIZE / 2 - 1, -SIZE / 4, SIZE + 2, SIZE / 2)), // shared
            new StrategyStyle(OLIVE, new Rectangle2D.Double(-SIZE / 2 - 1, -SIZE / 2 - 1, SIZE + 2, SIZE + 2))); // spawn

    private static final StrategyStyle UNKNOWN = new StrategyStyle(GREY, circle());

    static {
        if (STYLES.size() != StrategyCatalog.ids().size()) {
            throw new IllegalStateException("one style per strategy of the registry: " + STYLES.size() + " styles, "
                    + StrategyCatalog.ids().size() + " strategies");
        }
    }

    /** The style of strategy {@code id}; grey with a circle for an id the registry does not know. */
    public static StrategyStyle of(String id) {
        int index = StrategyCatalog.ids().indexOf(id);
        return index < 0 ? UNKNOWN : STYLES.get(index);
    }

    /** The colour as {@code #RRGGBB}. */
    public String hex() {
        return String.format(java.util.Locale.ROOT, "#%06X", color.getRGB() & 0xFFFFFF);
    }

    private static Shape circle() {
        return new Ellipse2D.Double(-SIZE / 2, -SIZE / 2, SIZE, SIZE);
    }

    private static Shape square() {
        return new Rectangle2D.Double(-SIZE / 2, -SIZE / 2, SIZE, SIZE);
    }
}
