package dev.sumbench.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sumbench.results.Fixtures;
import dev.sumbench.results.Run;
import dev.sumbench.results.RunReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Golden tests: the documents rendered from the real JMH fixtures are compared with reviewed copies under
 * {@code src/test/resources/jmh/golden}. When one differs, the test writes what it got beside it as
 * {@code <name>.got} and fails; review it with {@code diff NAME NAME.got} and accept it by moving it over the golden
 * file (docs/architecture.md, "Fixtures and golden files"). A passing test removes a stale {@code .got}.
 */
class ReportGoldenTest {

    /* Implementation notes
     * No update switch that overwrites the golden files in place: a changed golden file must be looked at, and a
     * .got file beside it (ignored by git) is what the reviewer diffs and moves. */

    /** The suffix of what a failing golden test got. */
    static final String GOT = ".got";

    private static final Path GOLDEN = Fixtures.DIR.resolve("golden");

    private static List<Run> read(String... names) {
        return RunReader.readAll(java.util.Arrays.stream(names).map(Fixtures::path).toList());
    }

    private static void assertGolden(String name, String actual) throws IOException {
        Path golden = GOLDEN.resolve(name);
        Path got = GOLDEN.resolve(name + GOT);
        String expected = Files.isRegularFile(golden) ? Files.readString(golden) : "";
        if (expected.equals(actual)) {
            Files.deleteIfExists(got);
            return;
        }
        Files.deleteIfExists(got);
        Files.writeString(got, actual, StandardOpenOption.CREATE_NEW);
        assertEquals(expected, actual, "golden file " + golden + " differs; wrote what the test got to " + got
                + ": review it with 'diff " + golden + " " + got + "', accept it with 'mv " + got + " " + golden + "'");
    }

    @Test
    void coreSweepAsMarkdownWithCharts() throws IOException {
        Report report = Report.of(read("sumbench/cores1.json", "sumbench/cores2.json"));
        List<Charts.Chart> charts = report.charts();
        assertEquals(List.of("-time.png", "-speedup-workers.png", "-speedup-cores.png"),
                charts.stream().map(Charts.Chart::suffix).toList());
        assertGolden("sweep.md", report.render(TableFormat.MD, Optional.of("sweep"), charts));
    }

    @Test
    void coreSweepSummary() throws IOException {
        Report report = Report.of(read("sumbench/cores1.json", "sumbench/cores2.json"));
        assertGolden("sweep-summary.txt", String.join("\n", report.summary()) + "\n");
    }

    @Test
    void oneSumbenchRunAsText() throws IOException {
        assertGolden("cores2.txt", Report.of(read("sumbench/cores2.json")).render(TableFormat.TEXT, Optional.empty(),
                List.of()));
    }

    @Test
    void foreignRuLocaleRunWithGcProfilerAsMarkdown() throws IOException {
        assertGolden("sized-ru.md", Report.of(read("ru/sized.csv")).render(TableFormat.MD, Optional.empty(),
                List.of()));
    }

    @Test
    void foreignSampleAndSingleShotModesAsText() throws IOException {
        assertGolden("modes-en.txt", Report.of(read("en/modes.json")).render(TableFormat.TEXT, Optional.empty(),
                List.of()));
    }

    @Test
    void csvAndJsonOfTheSameRunGiveTheSameCentresButOnlyTheJsonKnowsItHasOneFork() {
        String fromJson = Report.of(read("sumbench/cores2.json")).render(TableFormat.MD, Optional.empty(), List.of());
        String fromCsv = Report.of(read("sumbench/cores2.csv")).render(TableFormat.MD, Optional.empty(), List.of());
        // one fork: the JSON's raw data says so, and the tables give no interval, in words
        assertTrue(fromJson.contains("| 649 ns ±? |"), fromJson);
        assertTrue(fromJson.contains("24 of 24 rows have no interval (fewer than 3 forks"), fromJson);
        // the CSV cannot tell forks apart: JMH's interval over iterations, as the note says
        assertTrue(fromCsv.contains("| 649 ns ±184% |"), fromCsv);
        assertTrue(fromCsv.contains("(JMH's 99.9 % error over iterations where there is no raw data)"), fromCsv);
        String intervals = " ±[^ |]+| \\[[^\\]]*\\]";
        assertEquals(fromJson.replace("cores2.json", "cores2.csv").replaceAll(intervals, "").lines()
                        .filter(l -> !l.startsWith("- ")).toList(),
                fromCsv.replaceAll(intervals, "").lines().filter(l -> !l.startsWith("- ")).toList());
    }
}
