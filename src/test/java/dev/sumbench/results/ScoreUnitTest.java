package dev.sumbench.results;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ScoreUnitTest {

    @ParameterizedTest
    @CsvSource({"ns/op, 2, 2", "us/op, 2, 2000", "ms/op, 2, 2e6", "s/op, 2, 2e9", "min/op, 1, 60e9",
        "ops/ns, 2, 0.5", "ops/us, 2, 500", "ops/ms, 4, 250000", "ops/s, 1000, 1e6", "ops/min, 1, 60e9",
        "ops/hr, 1, 3600e9", "ops/day, 1, 86400e9"})
    void timeAndThroughputUnitsConvertToNanosPerOp(String unit, double score, double nanosPerOp) {
        assertEquals(nanosPerOp, ScoreUnit.parse(unit).toNanosPerOp(score), nanosPerOp * 1e-12);
    }

    @Test
    void directionComesFromTheUnit() {
        assertEquals(Optional.of(true), ScoreUnit.parse("us/op").lowerIsBetter());
        assertEquals(Optional.of(false), ScoreUnit.parse("ops/s").lowerIsBetter());
        assertEquals(Optional.empty(), ScoreUnit.parse("B/op").lowerIsBetter());
        assertEquals(Optional.empty(), ScoreUnit.parse("MB/sec").lowerIsBetter());
    }

    @Test
    void otherUnitsAreKeptAsWrittenAndDoNotConvert() {
        ScoreUnit unit = ScoreUnit.parse("B/op");
        assertEquals("B/op", unit.text());
        assertEquals(ScoreUnit.Kind.OTHER, unit.kind());
        assertFalse(unit.isTime());
        assertThrows(IllegalStateException.class, () -> unit.toNanosPerOp(1));
    }
}
