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
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CompareCommandTest {

    private static final String OLD = CompareFixtures.path("aa-long-1.json").toString();
    private static final String NEW = CompareFixtures.path("aa-long-2.json").toString();
    private static final String QUIET_OLD = CompareFixtures.path("aa-quiet-1.json").toString();
    private static final String QUIET_NEW = CompareFixtures.path("aa-quiet-2.json").toString();

    @TempDir
    Path dir;

    @Test
    void aNoisyAaPairIsUndecidedNotPassedAndSaysSoInItsFirstLines() {
        CliRun run = CliRun.of("compare", OLD, NEW);
        assertEquals(ExitCodes.UNDECIDED, run.exitCode(), run.err());
        assertEquals("", run.err());
        assertTrue(run.out().startsWith("compare " + OLD + " → " + NEW + "\nverdict: 0 slower and 0 faster beyond "
                + "±5%, 0 equivalent within ±5%, 24 inconclusive, of 24 rows\n"), run.out());
        assertTrue(run.out().contains("SumTime.loop"));
        assertTrue(run.out().contains("5+5 forks"));
        assertEquals(24, run.out().lines().filter(l -> l.contains("5+5 forks  inconclusive (")).count(), run.out());
        assertTrue(run.out().contains("geomean"));
        assertTrue(run.out().contains("inconclusive (too noisy): the cost ratio's interval reaches beyond 1 ± 5%"),
                run.out());
        assertTrue(run.out().contains("no .meta.json beside either run"));
    }

    @Test
    void noRowReadsSlowerOrFasterUnlessItsVerdictSaysSo() {
        // the rank test flags rows of this pair that the gate cannot decide: only the verdict column has words
        CliRun run = CliRun.of("compare", CompareFixtures.path("aa-sequential-1.json").toString(),
                CompareFixtures.path("aa-sequential-2.json").toString(), "--rank-test");
        assertEquals(ExitCodes.REGRESSION, run.exitCode(), run.err());
        List<String> rows = run.out().lines().filter(l -> l.contains(" forks  ")).toList();
        assertEquals(24, rows.size(), run.out());
        for (String row : rows) {
            String beforeVerdict = row.substring(0, row.lastIndexOf(" forks  "));
            assertFalse(beforeVerdict.contains("slower") || beforeVerdict.contains("faster"), row);
        }
        // the rows that changed come first, slower before faster, then the undecided ones
        assertTrue(rows.subList(0, 7).stream().allMatch(l -> l.endsWith("slower")), run.out());
        assertTrue(rows.subList(7, 9).stream().allMatch(l -> l.endsWith("faster")), run.out());
        assertTrue(run.out().contains("rank p: two-sided exact Mann-Whitney U over the fork means"), run.out());
    }

    @Test
    void thresholdAndAlphaTakeAFractionOrAPercentageMeaningTheSame() {
        CliRun fraction = CliRun.of("compare", QUIET_OLD, QUIET_NEW, "--threshold", "0.05", "--alpha", "0.05");
        CliRun percent = CliRun.of("compare", QUIET_OLD, QUIET_NEW, "--threshold", "5%", "--alpha", "5%");
        assertEquals(percent.out(), fraction.out());
        assertEquals(ExitCodes.UNDECIDED, fraction.exitCode(), fraction.err());
    }

    @Test
    void aPairWithTooFewForksIsUndecidedAndSaysSo() {
        // a real pair of committed JMH files, 1 fork of 3 iterations a side, falling from 673 to 20.3 ops/ms
        Path corpus = Files.isDirectory(Path.of("../shared/jmh-corpus")) ? Path.of("../shared/jmh-corpus")
                : Path.of("../../shared/jmh-corpus");
        Path old = corpus.resolve("casbin-jcasbin-jmh137-thrpt-avgt-ss-params-old.json");
        Path neu = corpus.resolve("casbin-jcasbin-jmh137-thrpt-ss-params-new.json");
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.isRegularFile(old) && Files.isRegularFile(neu),
                "the JMH corpus is not beside the repository");
        CliRun run = CliRun.of("compare", old.toString(), neu.toString());
        assertEquals(ExitCodes.UNDECIDED, run.exitCode(), run.out());
        assertTrue(run.out().contains("only 1+1 forks: an interval and a verdict need >= 3 forks per side"),
                run.out());
    }

    @Test
    void sampleModeRowsAreComparedOnEachForksMedianOrAChosenPercentileAndTheLegendSaysWhich() {
        String a = "results/reference/epyc-2vcpu/20261201-183800_vm_jdk17_A.json";
        String b = "results/reference/epyc-2vcpu/20261201-183800_vm_jdk17_B.json";
        CliRun median = CliRun.of("compare", a, b);
        // the committed A/A pair: the after-idle rows' medians, 5 forks a side
        assertTrue(median.out().contains("168 ns/op  ±10.0%   176 ns/op   ±16%  +4.3% [-8.6%, +19.0%]"), median.out());
        assertTrue(median.out().contains("170 ns/op   ±8.7%   174 ns/op  ±8.1%  +2.4% [-5.5%, +10.9%]"), median.out());
        assertTrue(median.out().contains("  * sample mode (8 rows): old, new and change are over each fork's median of "
                + "JMH's histogram of every timed operation, not its mean, which a few long outliers move "
                + "(--percentile P for another)\n"), median.out());
        CliRun p99 = CliRun.of("compare", a, b, "--percentile", "99");
        assertTrue(p99.out().contains("  * sample mode (8 rows): old, new and change are over each fork's p99 of "),
                p99.out());
        assertEquals(ExitCodes.BAD_INPUT, CliRun.of("compare", a, b, "--percentile", "0").exitCode());
    }

    @Test
    void helpListsEveryExitCode() {
        CliRun run = CliRun.of("compare", "--help");
        for (String code : new String[] {"0", "1", "2", "3", "4"}) {
            assertTrue(run.out().lines().anyMatch(l -> l.startsWith("  " + code + "  ")), code + ": " + run.out());
        }
    }

    @Test
    void anInjectedSlowdownBeyondTheThresholdExitsThreeSaysSlowerAndSaysItWasInjected() {
        CliRun run = CliRun.of("compare", QUIET_OLD, QUIET_NEW, "--inject-slowdown", "20%");
        assertEquals(ExitCodes.REGRESSION, run.exitCode(), run.out());
        assertTrue(run.out().lines().filter(l -> l.matches(".*\\d+\\+\\d+ forks .*"))
                .noneMatch(l -> l.contains("faster")), run.out());
        assertTrue(run.out().contains("  * the new run was made 20% slower on purpose (--inject-slowdown: times × 1.2, "
                + "throughputs ÷ 1.2): a check of compare, not a measurement\n"), run.out());
        assertTrue(run.out().contains("\nverdict: 21 slower and 0 faster beyond ±5%, 0 equivalent within ±5%, 3 "
                + "inconclusive, of 24 rows\n"), run.out());
        // the same slowdown under a 200 % threshold is reported, but is no regression: every row is within ± 200 %
        CliRun lenient = CliRun.of("compare", QUIET_OLD, QUIET_NEW, "--inject-slowdown", "20%", "--threshold",
                "200%");
        assertEquals(ExitCodes.OK, lenient.exitCode(), lenient.out());
        assertTrue(lenient.out().contains("verdict: 0 slower and 0 faster beyond ±200%, 24 equivalent within ±200%, "
                + "0 inconclusive, of 24 rows"), lenient.out());
    }

    @Test
    void csvOnlyWithoutAnAssumedSpreadIsComparedFromSummariesWithAWarningAndNeverDecided() throws IOException {
        Path old = Files.copy(CompareFixtures.path("aa-long-1.csv"), dir.resolve("old.csv"));
        Path neu = Files.copy(CompareFixtures.path("aa-long-2.csv"), dir.resolve("new.csv"));
        CliRun run = CliRun.of("compare", old.toString(), neu.toString(), "--format", "md", "--assume-fork-cv", "0");
        assertEquals(ExitCodes.UNDECIDED, run.exitCode(), run.err());
        assertTrue(run.out().startsWith("### compare "), run.out());
        assertTrue(run.out().contains("20+20 samples"), run.out());
        assertTrue(run.out().contains("- inconclusive (no raw data): no raw data on either side (JMH CSV)"), run.out());
    }

    @Test
    void csvOnlyIsJudgedUnderTheAssumedSpreadAndEveryRowSaysSo() throws IOException {
        Path old = Files.copy(CompareFixtures.path("aa-long-1.csv"), dir.resolve("old.csv"));
        Path neu = Files.copy(CompareFixtures.path("aa-long-2.csv"), dir.resolve("new.csv"));
        CliRun run = CliRun.of("compare", old.toString(), neu.toString());
        List<String> rows = run.out().lines().filter(l -> l.contains("20+20 samples")).toList();
        assertEquals(24, rows.size(), run.out());
        assertTrue(rows.stream().allMatch(l -> l.contains(" (assumed")), run.out());
        // a busy machine's pair, whose JSON decides no row: 3 rows are slower under an assumption it does not meet
        assertTrue(run.out().contains("verdict: 3 slower and 0 faster beyond ±5%, 0 equivalent within ±5%, 21 "
                + "inconclusive, of 24 rows"), run.out());
        assertTrue(run.out().contains("  * assumed: no raw data on either side (JMH CSV), so judged as if each side's "
                + "score were one fork whose log cost spreads by 5% (--assume-fork-cv; "), run.out());
        assertTrue(CliRun.of("compare", old.toString(), neu.toString(), "--assume-fork-cv", "x").exitCode()
                == ExitCodes.BAD_INPUT);
    }

    @Test
    void aCsvWithItsJsonBesideIsReadFromTheJsonAndSaysSo() {
        CliRun run = CliRun.of("compare", CompareFixtures.path("aa-quiet-1.csv").toString(),
                CompareFixtures.path("aa-quiet-2.csv").toString());
        assertEquals(ExitCodes.UNDECIDED, run.exitCode(), run.err());
        assertTrue(run.out().contains("5+5 forks"), run.out());
        assertTrue(run.out().contains("read " + CompareFixtures.path("aa-quiet-1.json") + " instead of "
                + CompareFixtures.path("aa-quiet-1.csv") + ": the JSON beside it has the raw data per fork"), run.out());
    }

    @Test
    void aRunComparedWithItsOwnCsvSaysThatTheSameRunIsOnBothSides() throws IOException {
        Path csv = Files.copy(CompareFixtures.path("aa-quiet-1.csv"), dir.resolve("alone.csv"));
        CliRun run = CliRun.of("compare", csv.toString(), QUIET_OLD);
        assertEquals(ExitCodes.UNDECIDED, run.exitCode(), run.err());
        assertTrue(run.out().contains("  20 samples+5 forks  inconclusive (no raw data)"), run.out());
        assertTrue(run.out().contains("  * warning: every row has the same score on both sides: the same run on both "
                + "sides (a file against itself, or a run's JSON against its CSV) shows nothing about a change\n"),
                run.out());
    }

    @Test
    void csvFormatHasOneLinePerRowPlusHeader() {
        CliRun run = CliRun.of("compare", OLD, NEW, "--format", "csv");
        assertEquals(ExitCodes.UNDECIDED, run.exitCode());
        assertEquals(1 + 24 + 1, run.out().lines().count()); // header, rows, geomean
        assertTrue(run.out().startsWith("benchmark,mode,params,old,±,new,±,change,n,verdict\n"), run.out());
    }

    @Test
    void rowsOnOneSideOnlyAreListed() throws IOException {
        Path partial = dir.resolve("partial.json");
        ArrayNode rows = (ArrayNode) new ObjectMapper().readTree(Path.of(NEW).toFile());
        rows.remove(0);
        new ObjectMapper().writeValue(partial.toFile(), rows);
        CliRun run = CliRun.of("compare", OLD, partial.toString());
        assertEquals(ExitCodes.UNDECIDED, run.exitCode(), run.err());
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
            {"compare", OLD, NEW, "--alpha", "50%"},
            {"compare", OLD, NEW, "--threshold", "5"},
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
