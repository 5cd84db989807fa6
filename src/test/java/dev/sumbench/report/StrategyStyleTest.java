package dev.sumbench.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sumbench.sum.StrategyCatalog;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class StrategyStyleTest {

    /** The Okabe–Ito palette (Okabe & Ito 2008), as #RRGGBB. */
    private static final Set<String> OKABE_ITO = Set.of("#000000", "#E69F00", "#56B4E9", "#009E73", "#F0E442",
            "#0072B2", "#D55E00", "#CC79A7");

    @Test
    void everyStrategyOfTheRegistryHasItsOwnOkabeItoColourAndShapePair() {
        Set<String> pairs = new HashSet<>();
        Set<String> shapes = new HashSet<>();
        for (String id : StrategyCatalog.ids()) {
            StrategyStyle style = StrategyStyle.of(id);
            assertTrue(OKABE_ITO.contains(style.hex()), id + ": " + style.hex());
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
        assertEquals(List.of("#000000", "#000000"), List.of(StrategyStyle.of("sequential").hex(),
                StrategyStyle.of("sequential-stream").hex()));
    }
}
