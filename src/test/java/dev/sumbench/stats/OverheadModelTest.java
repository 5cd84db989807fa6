package dev.sumbench.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Regression and crossover on synthetic data with known answers. */
class OverheadModelTest {

    private static final List<Double> SIZES = List.of(10.0, 1_000.0, 100_000.0, 10_000_000.0);

    private static List<OverheadModel.Point> line(double fixed, double perElement) {
        return SIZES.stream().map(n -> new OverheadModel.Point(n, fixed + perElement * n)).toList();
    }

    @Test
    void exactLineIsRecoveredWithRSquaredOne() {
        OverheadModel model = OverheadModel.fit(line(5_000, 0.5)).orElseThrow();
        assertEquals(5_000, model.fixedNanos(), 1e-6);
        assertEquals(0.5, model.perElementNanos(), 1e-12);
        assertEquals(1.0, model.rSquared(), 1e-12);
        assertEquals(List.of(), model.warnings());
        assertEquals(5_000 + 0.5 * 2_000, model.predict(2_000), 1e-6);
    }

    @Test
    void proportionalNoiseStillGivesTheFixedCostOfTheSmallSizes() {
        // ±2 % alternating noise: the fixed cost (5 µs) is only visible at the small sizes
        List<OverheadModel.Point> points = new ArrayList<>();
        double[] noise = {1.02, 0.98, 1.02, 0.98, 0.99, 1.01, 0.99, 1.01};
        int i = 0;
        for (int repeat = 0; repeat < 2; repeat++) {
            for (double n : SIZES) {
                points.add(new OverheadModel.Point(n, (5_000 + 0.5 * n) * noise[i++]));
            }
        }
        OverheadModel model = OverheadModel.fit(points).orElseThrow();
        assertEquals(5_000, model.fixedNanos(), 5_000 * 0.03);
        assertEquals(0.5, model.perElementNanos(), 0.5 * 0.03);
        assertTrue(model.rSquared() > 0.99, "R² " + model.rSquared());
    }

    @Test
    void timesThatAreNotALineGetALowRSquaredAndAWarning() {
        // constant-ish, then a jump: no line fits well in relative terms
        List<OverheadModel.Point> points = List.of(new OverheadModel.Point(10, 1_000), new OverheadModel.Point(100, 50),
                new OverheadModel.Point(1_000, 1_000), new OverheadModel.Point(10_000, 60));
        OverheadModel model = OverheadModel.fit(points).orElseThrow();
        assertTrue(model.rSquared() < OverheadModel.POOR_FIT, "R² " + model.rSquared());
        assertTrue(model.warnings().contains(Caveat.of(Caveat.Code.POOR_FIT, model.rSquared())), model.warnings().toString());
    }

    @Test
    void twoSizesFitExactlyAndSaySo() {
        OverheadModel model = OverheadModel.fit(List.of(new OverheadModel.Point(10, 110),
                new OverheadModel.Point(1_000, 1_100))).orElseThrow();
        assertEquals(100, model.fixedNanos(), 1e-9);
        assertEquals(1.0, model.perElementNanos(), 1e-12);
        assertEquals(List.of(Caveat.of(Caveat.Code.TWO_SIZES)), model.warnings());
    }

    @Test
    void oneSizeOrNoPositiveTimeGivesNoModel() {
        assertTrue(OverheadModel.fit(List.of(new OverheadModel.Point(10, 5), new OverheadModel.Point(10, 6)))
                .isEmpty());
        assertTrue(OverheadModel.fit(List.of(new OverheadModel.Point(10, 0), new OverheadModel.Point(100, -1)))
                .isEmpty());
        assertTrue(OverheadModel.fit(List.of()).isEmpty());
    }

    @Test
    void crossoverIsWhereTheLinesMeet() {
        OverheadModel sequential = OverheadModel.fit(line(10, 1.0)).orElseThrow();
        OverheadModel forkJoin = OverheadModel.fit(line(20_010, 0.4)).orElseThrow();
        Crossover crossover = forkJoin.crossoverAgainst(sequential);
        assertEquals(Crossover.Kind.AT, crossover.kind());
        assertEquals(20_000 / 0.6, crossover.size(), 1e-3);
        assertFalse(crossover.extrapolated());
        // at the crossover the two predictions are equal
        assertEquals(sequential.predict(crossover.size()), forkJoin.predict(crossover.size()), 1e-6);
    }

    @Test
    void crossoverBeyondTheMeasuredSizesIsMarkedExtrapolated() {
        OverheadModel sequential = OverheadModel.fit(line(10, 1.0)).orElseThrow();
        OverheadModel spawn = OverheadModel.fit(line(50_000_000, 0.5)).orElseThrow();
        Crossover crossover = spawn.crossoverAgainst(sequential);
        assertEquals(Crossover.Kind.AT, crossover.kind());
        assertEquals(99_999_980, crossover.size(), 1e-3);
        assertTrue(crossover.extrapolated());
    }

    @Test
    void noLowerPerElementCostMeansNever() {
        OverheadModel sequential = OverheadModel.fit(line(10, 1.0)).orElseThrow();
        assertEquals(Crossover.Kind.NEVER, OverheadModel.fit(line(5_000, 1.0)).orElseThrow()
                .crossoverAgainst(sequential).kind());
        assertEquals(Crossover.Kind.NEVER, OverheadModel.fit(line(5_000, 2.0)).orElseThrow()
                .crossoverAgainst(sequential).kind());
    }

    @Test
    void lowerFixedAndPerElementCostMeansAlways() {
        OverheadModel sequential = OverheadModel.fit(line(100, 1.0)).orElseThrow();
        Crossover crossover = OverheadModel.fit(line(50, 0.5)).orElseThrow().crossoverAgainst(sequential);
        assertEquals(Crossover.Kind.ALWAYS, crossover.kind());
        assertTrue(Double.isNaN(crossover.size()));
    }
}
