package dev.sumbench.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sumbench.results.ScoreUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DirectionTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
        "ns/op, LOWER_IS_BETTER", "us/op, LOWER_IS_BETTER", "µs/op, LOWER_IS_BETTER", "s/op, LOWER_IS_BETTER",
        "min/op, LOWER_IS_BETTER", "ops/s, HIGHER_IS_BETTER", "ops/ms, HIGHER_IS_BETTER", "ops/us, HIGHER_IS_BETTER",
        "ops/min, HIGHER_IS_BETTER", "B/op, UNKNOWN", "MB/sec, UNKNOWN", "#, UNKNOWN"})
    void theDirectionComesFromTheUnit(String unit, Direction direction) {
        assertEquals(direction, Direction.of(ScoreUnit.parse(unit)));
    }

    @Test
    void unitsOfTheSameKindConvert() {
        assertEquals(1000.0, conversion("us/op", "ns/op"), 1e-9);
        assertEquals(1e-3, conversion("ops/s", "ops/ms"), 1e-15);
        assertEquals(60.0, conversion("ops/s", "ops/min"), 1e-9);
        assertEquals(1.0, conversion("B/op", "B/op"));
        assertTrue(Direction.conversion(ScoreUnit.parse("ns/op"), ScoreUnit.parse("ops/s")).isEmpty());
        assertTrue(Direction.conversion(ScoreUnit.parse("B/op"), ScoreUnit.parse("MB/sec")).isEmpty());
    }

    @Test
    void costRatioReadsThroughputTheOtherWayRound() {
        assertEquals(1.25, Direction.LOWER_IS_BETTER.costRatio(100, 125), 1e-12);
        assertEquals(1.25, Direction.HIGHER_IS_BETTER.costRatio(125, 100), 1e-12);
        assertTrue(Direction.HIGHER_IS_BETTER.improves(100, 110));
        assertTrue(Direction.LOWER_IS_BETTER.improves(110, 100));
    }

    private static double conversion(String from, String to) {
        return Direction.conversion(ScoreUnit.parse(from), ScoreUnit.parse(to)).orElseThrow();
    }
}
