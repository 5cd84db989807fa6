package dev.sumbench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sumbench.core.ExitCodes;
import dev.sumbench.results.Fixtures;
import org.junit.jupiter.api.Test;

/** What compare shows besides its verdicts: secondary metrics on request, and nothing to compare as bad input. */
class CompareDisplayTest {

    private static final String SIZED = Fixtures.path("en/sized.json").toString();

    @Test
    void secondaryMetricsAreLeftOutWithALineThatSaysWhichAndHowToAskForThem() {
        CliRun run = CliRun.of("compare", SIZED, SIZED);
        // one fork a side: the gate cannot decide a row, so the exit code says "undecided", not "passed"
        assertEquals(ExitCodes.UNDECIDED, run.exitCode(), run.err());
        assertFalse(run.out().contains(":gc.alloc.rate.norm"), run.out());
        assertTrue(run.out().contains("not compared: 4 secondary metrics of both runs (gc.alloc.rate, "
                + "gc.alloc.rate.norm, gc.count, gc.time); --metric LABEL or --metric all compares them"), run.out());
    }

    @Test
    void aNamedSecondaryMetricIsComparedRowByRow() {
        CliRun run = CliRun.of("compare", SIZED, SIZED, "--metric", "gc.alloc.rate.norm");
        assertEquals(ExitCodes.UNDECIDED, run.exitCode(), run.err());
        assertTrue(run.out().lines().anyMatch(l -> l.matches("Sized\\.copy:gc\\.alloc\\.rate\\.norm\\s+avgt\\s+"
                + "size=1000\\s+8017 B/op .*\\+0\\.0%.*no direction.*")), run.out());
        assertTrue(run.out().contains("not compared: 3 secondary metrics of both runs (gc.alloc.rate, gc.count, "
                + "gc.time)"), run.out());
        CliRun all = CliRun.of("compare", SIZED, SIZED, "--metric", "all");
        assertTrue(all.out().contains("Sized.copy:gc.time"), all.out());
        assertFalse(all.out().contains("not compared"), all.out());
    }

    @Test
    void anUnknownMetricIsBadInput() {
        CliRun run = CliRun.of("compare", SIZED, SIZED, "--metric", "gc.alloc.rate.nrom");
        assertEquals(ExitCodes.BAD_INPUT, run.exitCode());
        assertEquals(1, run.errLines(), run.err());
        assertTrue(run.err().startsWith("sumbench compare: --metric gc.alloc.rate.nrom: expected a secondary metric "
                + "of OLD or NEW, found only gc.alloc.rate, gc.alloc.rate.norm, gc.count, gc.time"), run.err());
        assertEquals("", run.out());
    }

    @Test
    void twoRunsWithNoRowInCommonAreBadInputNotASuccess() {
        CliRun run = CliRun.of("compare", SIZED, Fixtures.path("en/modes.json").toString());
        assertEquals(ExitCodes.BAD_INPUT, run.exitCode(), run.out());
        assertEquals(1, run.errLines(), run.err());
        assertEquals("sumbench compare: nothing to compare: no row of OLD matches one of NEW by benchmark, mode and "
                + "params (OLD: 4 rows of 2 benchmarks, params [size]; NEW: 2 rows of 2 benchmarks, params [])",
                run.err().strip());
        assertEquals("", run.out());
    }

    @Test
    void valuesKeepThreeSignificantDigitsInTheRunsUnitScaled() {
        CliRun run = CliRun.of("compare", SIZED, SIZED, "--metric", "gc.alloc.rate.norm");
        assertTrue(run.out().lines().anyMatch(l -> l.matches("Sized\\.sum:gc\\.alloc\\.rate\\.norm\\s+thrpt\\s+"
                + "size=10\\s+0\\.000787 B/op .*")), run.out());
        assertTrue(run.out().lines().anyMatch(l -> l.matches("Sized\\.copy\\s+avgt\\s+size=1000\\s+23\\.1 µs/op .*")),
                run.out());
    }
}
