package dev.sumbench.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sumbench.sum.StrategyCatalog;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class StrategyStyleTest {

    /** The Okabe–Ito palette (Okabe & Ito 2008) without its yellow, a dark grey and Paul Tol's olive, as #RRGGBB. */
    private static final Set<String> PALETTE = Set.of("#000000", "#E69F00", "#56B4E9", "#009E73", "#0072B2",
            "#D55E00", "#CC79A7", "#555555", "#999933", "#882255");

    @Test
    void everyStrategyOfTheRegistryHasItsOwnColourAndShapeAndNoneIsYellow() {
        Set<String> pairs = new HashSet<>();
        Set<String> shapes = new HashSet<>();
        Set<String> colours = new HashSet<>();
        for (String id : StrategyCatalog.ids()) {
            StrategyStyle style = StrategyStyle.of(id);
            assertTrue(PALETTE.contains(style.hex()), id + ": " + style.hex());
            assertTrue(colours.add(style.hex()), id + " shares its colour " + style.hex());
            String shape = outline(style.shape());
            assertTrue(shapes.add(shape), id + " shares its shape " + shape);
            assertTrue(pairs.add(style.hex() + shape), id);
        }
        assertEquals(StrategyCatalog.ids().size(), pairs.size());
    }

    /** The shape's outline as text: its path segments and their points. */
    private static String outline(java.awt.Shape shape) {
        StringBuilder text = new StringBuilder();
        double[] points = new double[6];
        for (java.awt.geom.PathIterator it = shape.getPathIterator(null); !it.isDone(); it.next()) {
            text.append(it.currentSegment(points)).append(java.util.Arrays.toString(points));
        }
        return text.toString();
    }

    @Test
    void theSameStrategyGetsTheSameStyleWhateverElseIsCharted() {
        assertEquals(StrategyStyle.of("thread-pool"), StrategyStyle.of("thread-pool"));
        assertEquals("#0072B2", StrategyStyle.of("thread-pool").hex());
        assertEquals("#999999", StrategyStyle.of("no-such-strategy").hex());
        assertEquals(List.of("#000000", "#555555", "#999933"), List.of(StrategyStyle.of("sequential").hex(),
                StrategyStyle.of("sequential-stream").hex(), StrategyStyle.of("process-spawn").hex()));
    }
}
