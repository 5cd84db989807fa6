package dev.sumbench.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ScoreUnitTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
        "ns/op, LOWER_IS_BETTER", "us/op, LOWER_IS_BETTER", "µs/op, LOWER_IS_BETTER", "s/op, LOWER_IS_BETTER",
        "min/op, LOWER_IS_BETTER", "ops/s, HIGHER_IS_BETTER", "ops/ms, HIGHER_IS_BETTER", "ops/us, HIGHER_IS_BETTER",
        "ops/min, HIGHER_IS_BETTER", "MB/sec, HIGHER_IS_BETTER", "B/op, LOWER_IS_BETTER", "#, UNKNOWN",
        "ms, UNKNOWN", "widgets, UNKNOWN"})
    void theDirectionComesFromTheUnit(String unit, Direction direction) {
        assertEquals(direction, ScoreUnit.parse(unit).direction());
    }

    @Test
    void unitsOfTheSameKindConvert() {
        assertEquals(1000.0, ScoreUnit.parse("us/op").factorTo(ScoreUnit.parse("ns/op")).orElseThrow(), 1e-9);
        assertEquals(1e-3, ScoreUnit.parse("ops/s").factorTo(ScoreUnit.parse("ops/ms")).orElseThrow(), 1e-15);
        assertEquals(60.0, ScoreUnit.parse("ops/s").factorTo(ScoreUnit.parse("ops/min")).orElseThrow(), 1e-9);
        assertTrue(ScoreUnit.parse("ns/op").factorTo(ScoreUnit.parse("ops/s")).isEmpty());
        assertTrue(ScoreUnit.parse("B/op").factorTo(ScoreUnit.parse("ns/op")).isEmpty());
        assertEquals(1.0, ScoreUnit.parse("B/op").factorTo(ScoreUnit.parse("B/op")).orElseThrow());
    }

    @Test
    void costRatioReadsThroughputTheOtherWayRound() {
        assertEquals(1.25, Direction.LOWER_IS_BETTER.costRatio(100, 125), 1e-12);
        assertEquals(1.25, Direction.HIGHER_IS_BETTER.costRatio(125, 100), 1e-12);
        assertTrue(Direction.HIGHER_IS_BETTER.improves(100, 110));
        assertTrue(Direction.LOWER_IS_BETTER.improves(110, 100));
    }
}
