package dev.sumbench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import dev.sumbench.core.ExitCodes;
import dev.sumbench.stats.CompareFixtures;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CompareCommandTest {

    private static final String OLD = CompareFixtures.path("aa-long-1.json").toString();
    private static final String NEW = CompareFixtures.path("aa-long-2.json").toString();

    @TempDir
    Path dir;

    @Test
    void anAaPairExitsZeroAndShowsTildesForUnchangedRows() {
        CliRun run = CliRun.of("compare", OLD, NEW);
        assertEquals(ExitCodes.OK, run.exitCode(), run.err());
        assertEquals("", run.err());
        assertTrue(run.out().startsWith("compare " + OLD + " → " + NEW + "\n"), run.out());
        assertTrue(run.out().contains("SumTime.loop"));
        assertTrue(run.out().contains("5+5 forks"));
        assertTrue(run.out().lines().filter(l -> l.matches(".*\\s~\\s.*")).count() >= 23, run.out());
        assertTrue(run.out().contains("geomean"));
        assertTrue(run.out().contains("no row is significantly worse by more than 5 %"));
        assertTrue(run.out().contains("no .meta.json beside either run"));
    }

    @Test
    void anInjectedSlowdownBeyondTheThresholdExitsThreeSaysSlowerAndSaysItWasInjected() {
        CliRun run = CliRun.of("compare", OLD, NEW, "--inject-slowdown", "20%");
        assertEquals(ExitCodes.REGRESSION, run.exitCode(), run.out());
        assertTrue(run.out().contains("slower"));
        assertTrue(run.out().lines().filter(l -> l.endsWith("forks")).noneMatch(l -> l.contains("faster")), run.out());
        assertTrue(run.out().contains("(0 faster or better, "), run.out());
        assertTrue(run.out().contains("  * the new run was made 20% slower on purpose (--inject-slowdown: times × 1.2, "
                + "throughputs ÷ 1.2): a check of compare, not a measurement\n"), run.out());
        assertTrue(run.out().contains("rows are significantly worse by more than 5 %"), run.out());
        // the same slowdown under a 200 % threshold is reported, but is no regression
        CliRun lenient = CliRun.of("compare", OLD, NEW, "--inject-slowdown", "20%", "--threshold",
                "200%");
        assertEquals(ExitCodes.OK, lenient.exitCode());
        assertTrue(lenient.out().contains("slower"));
    }

    @Test
    void csvOnlyIsComparedFromSummariesWithAWarning() {
        CliRun run = CliRun.of("compare", CompareFixtures.path("aa-long-1.csv").toString(),
                CompareFixtures.path("aa-long-2.csv").toString(), "--format", "md");
        assertTrue(run.exitCode() == ExitCodes.OK || run.exitCode() == ExitCodes.REGRESSION, run.err());
        assertTrue(run.out().startsWith("### compare "), run.out());
        assertTrue(run.out().contains("20+20 samples"), run.out());
        assertTrue(run.out().contains("- warning: 24 of 24 rows have no raw data"), run.out());
    }

    @Test
    void csvFormatHasOneLinePerRowPlusHeader() {
        CliRun run = CliRun.of("compare", OLD, NEW, "--format", "csv");
        assertEquals(ExitCodes.OK, run.exitCode());
        assertEquals(1 + 24 + 1, run.out().lines().count()); // header, rows, geomean
        assertTrue(run.out().startsWith("benchmark,mode,params,old,±,new,±,change,p,n\n"), run.out());
    }

    @Test
    void rowsOnOneSideOnlyAreListed() throws IOException {
        Path partial = dir.resolve("partial.json");
        ArrayNode rows = (ArrayNode) new ObjectMapper().readTree(Path.of(NEW).toFile());
        rows.remove(0);
        new ObjectMapper().writeValue(partial.toFile(), rows);
        CliRun run = CliRun.of("compare", OLD, partial.toString());
        assertEquals(ExitCodes.OK, run.exitCode(), run.err());
        assertEquals(1, run.out().lines().filter(l -> l.contains("only in old")).count(), run.out());
    }

    @Test
    void badInputIsOneLineOnStderrAndExitCodeTwo() throws IOException {
        Path garbage = dir.resolve("garbage.json");
        Files.writeString(garbage, "[{\"benchmark\": 1");
        String[][] cases = {
            {"compare", OLD},
            {"compare", OLD, dir.resolve("missing.json").toString()},
            {"compare", OLD, garbage.toString()},
            {"compare", OLD, NEW, "--alpha", "0"},
            {"compare", OLD, NEW, "--alpha", "1.5"},
            {"compare", OLD, NEW, "--alpha", "x"},
            {"compare", OLD, NEW, "--threshold", "abc"},
            {"compare", OLD, NEW, "--threshold", "-5%"},
            {"compare", OLD, NEW, "--format", "xml"},
            {"compare", OLD, NEW, "--inject-slowdown", "much"},
        };
        for (String[] args : cases) {
            CliRun run = CliRun.of(args);
            assertEquals(ExitCodes.BAD_INPUT, run.exitCode(), String.join(" ", args) + ": " + run.err());
            assertEquals(1, run.errLines(), String.join(" ", args) + ": " + run.err());
            assertTrue(run.err().startsWith("sumbench compare: "), run.err());
            assertEquals("", run.out());
        }
        CliRun missing = CliRun.of("compare", OLD, dir.resolve("missing.json").toString());
        assertTrue(missing.err().contains("missing.json"), missing.err());
    }
}
