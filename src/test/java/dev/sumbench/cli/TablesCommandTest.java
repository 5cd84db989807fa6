package dev.sumbench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sumbench.core.ExitCodes;
import dev.sumbench.results.Fixtures;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code sumbench tables} and {@code sumbench plot}, driven in-process. */
class TablesCommandTest {

    @TempDir
    Path dir;

    private record Outcome(int exitCode, String out, String err) {
    }

    private static Outcome run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exitCode = Main.newCommandLine(new PrintWriter(out), new PrintWriter(err)).execute(args);
        return new Outcome(exitCode, out.toString(), err.toString());
    }

    @Test
    void foreignFileGivesOneTablePerBenchmarkClassWithAMethodColumnOnStandardOutput() {
        Outcome outcome = run("tables", Fixtures.path("en/sized.json").toString());
        assertEquals(0, outcome.exitCode(), outcome.err());
        assertEquals("", outcome.err());
        assertTrue(outcome.out().startsWith("JMH results: sized.json\n"), outcome.out());
        assertTrue(outcome.out().contains("\nfixture.Sized\nmethod "), outcome.out());
        assertTrue(outcome.out().lines().anyMatch(l -> l.matches("copy\\s+1000\\s+avgt\\s+1\\s+"
                + ":gc\\.alloc\\.rate\\.norm\\s+801\\d\\s.*B/op.*")), outcome.out());
        assertEquals(1, outcome.out().lines().filter(l -> l.contains("± error: JMH's half-width")).count(),
                "the definitions once, not under every table");
    }

    @Test
    void markdownWithOutWritesTheDocumentAndItsChartsAndPrintsTheSummary() throws IOException {
        Path cores1 = Fixtures.copy("sumbench/cores1.json", dir);
        Path cores2 = Fixtures.copy("sumbench/cores2.json", dir);
        Path out = dir.resolve("sweep.md");
        Outcome outcome = run("tables", cores1.toString(), cores2.toString(), "--out", out.toString(), "--summary");
        assertEquals(0, outcome.exitCode(), outcome.err());
        List<String> summary = outcome.out().lines().toList();
        assertEquals(8, summary.size(), outcome.out());
        assertTrue(summary.get(0).startsWith("tables: 62 rows from cores1.json, cores2.json; 4 strategies"));
        assertEquals("written: " + out + ", " + dir.resolve("sweep-time.png") + ", "
                + dir.resolve("sweep-speedup-workers.png") + ", " + dir.resolve("sweep-speedup-cores.png"),
                summary.get(2));
        assertEquals("the answer of this run:", summary.get(3), "the answer ends the summary");
        String markdown = Files.readString(out);
        assertTrue(markdown.startsWith("# sumbench: cores1.json, cores2.json\n"));
        for (String chart : List.of("sweep-time.png", "sweep-speedup-workers.png", "sweep-speedup-cores.png")) {
            assertTrue(markdown.contains("](" + chart + ")"), chart);
            BufferedImage image = ImageIO.read(dir.resolve(chart).toFile());
            assertEquals(900, image.getWidth());
            assertEquals(560, image.getHeight());
        }
        for (int table = 1; table <= 7; table++) {
            assertTrue(markdown.contains("\n### " + table + ". "), "table " + table);
        }
        assertNoTemporaryFiles();
    }

    @Test
    void textAndCsvWithOutWriteNoCharts() throws IOException {
        Path run = Fixtures.copy("sumbench/cores2.csv", dir);
        Path out = dir.resolve("cores2-tables.csv");
        Outcome outcome = run("tables", run.toString(), "--out", out.toString());
        assertEquals(0, outcome.exitCode(), outcome.err());
        assertEquals("", outcome.out());
        String csv = Files.readString(out);
        assertTrue(csv.startsWith("\"1. Time per call by size (each strategy at its best worker count, 2 cores)\"\n"
                + "size,sequential,thread-pool,fork-join,parallel-stream\n"), csv);
        try (Stream<Path> files = Files.list(dir)) {
            assertTrue(files.noneMatch(f -> f.toString().endsWith(".png")));
        }
    }

    @Test
    void malformedInputIsOneLineExitCodeTwoAndLeavesTheOldOutputAlone() throws IOException {
        Path bad = Fixtures.path("malformed/score.csv");
        Path out = Files.writeString(dir.resolve("old.md"), "old tables\n");
        Outcome outcome = run("tables", bad.toString(), "--out", out.toString(), "--summary");
        assertEquals(ExitCodes.BAD_INPUT, outcome.exitCode());
        assertEquals("sumbench tables: " + bad + ":2: expected a number with decimal separator '.' in \"Score\", found "
                + "\"12,5\"\n", outcome.err());
        assertEquals("", outcome.out());
        assertEquals("old tables\n", Files.readString(out));
        assertNoTemporaryFiles();
    }

    @Test
    void missingFileIsBadInput() {
        Path missing = dir.resolve("nope.json");
        Outcome outcome = run("tables", missing.toString());
        assertEquals(ExitCodes.BAD_INPUT, outcome.exitCode());
        assertEquals("sumbench tables: " + missing + ": expected a JMH result file, found no such file\n",
                outcome.err());
    }

    @Test
    void outputThatWouldOverwriteAnInputIsRefused() throws IOException {
        Path run = Fixtures.copy("en/plain.csv", dir);
        String before = Files.readString(run);
        Outcome outcome = run("tables", run.toString(), "--out", run.toString());
        assertEquals(ExitCodes.BAD_INPUT, outcome.exitCode());
        assertEquals("sumbench tables: --out " + run + ": expected a new file, found one of the inputs (" + run
                + "); it would be overwritten\n", outcome.err());
        assertEquals(before, Files.readString(run));
    }

    @Test
    void outputInAMissingDirectoryIsRefused() {
        Path out = dir.resolve("no/such/dir/x.md");
        Outcome outcome = run("tables", Fixtures.path("en/plain.csv").toString(), "--out", out.toString());
        assertEquals(ExitCodes.BAD_INPUT, outcome.exitCode());
        assertTrue(outcome.err().startsWith("sumbench tables: --out " + out + ": expected a file in an existing "
                + "directory"), outcome.err());
        assertFalse(Files.exists(out));
    }

    @Test
    void unknownFormatAndMissingRunAreBadInput() {
        Outcome format = run("tables", Fixtures.path("en/plain.csv").toString(), "--format", "html");
        assertEquals(ExitCodes.BAD_INPUT, format.exitCode());
        assertEquals("sumbench tables: --format: unknown format 'html' (expected md, csv or text)\n", format.err());
        Outcome none = run("tables");
        assertEquals(ExitCodes.BAD_INPUT, none.exitCode());
        assertEquals(1, none.err().lines().count(), none.err());
        assertTrue(none.err().startsWith("sumbench tables: Missing required parameter"), none.err());
    }

    @Test
    void plotWritesTheChartsBesideTheRun() throws IOException {
        Path run = Fixtures.copy("sumbench/cores2.json", dir);
        Outcome outcome = run("plot", run.toString());
        assertEquals(0, outcome.exitCode(), outcome.err());
        assertEquals(dir.resolve("cores2-time.png") + "\n" + dir.resolve("cores2-speedup-workers.png") + "\n",
                outcome.out());
        assertTrue(ImageIO.read(dir.resolve("cores2-time.png").toFile()).getWidth() > 0);
    }

    @Test
    void plotOfAForeignRunIsBadInput() {
        Path run = Fixtures.path("en/plain.json");
        Outcome outcome = run("plot", run.toString());
        assertEquals(ExitCodes.BAD_INPUT, outcome.exitCode());
        assertEquals("sumbench plot: " + run + ": expected sumbench rows (params strategy and size) to plot, found "
                + "none\n", outcome.err());
    }

    private void assertNoTemporaryFiles() throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(List.of(), files.filter(f -> f.getFileName().toString().endsWith(".tmp")).toList());
        }
    }
}
