package dev.sumbench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sumbench.core.ExitCodes;
import dev.sumbench.results.Fixtures;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every command's files: special files refused as input at once, inputs never overwritten (through links and charts
 * too), only regular files replaced, outputs 0644, and values JMH never measures refused as data.
 */
class FileSafetyTest {

    /** The deadline of a refusal that must be immediate: a FIFO or /dev/zero must not be read at all. */
    private static final Duration AT_ONCE = Duration.ofSeconds(60);

    @TempDir
    Path dir;

    private static CliRun cli(String... args) {
        return assertTimeoutPreemptively(AT_ONCE, () -> CliRun.of(args));
    }

    private Path fifo(String name) throws Exception {
        Path fifo = dir.resolve(name);
        assertEquals(0, new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor());
        return fifo;
    }

    private static void assertRefused(CliRun run, String command, String message) {
        assertEquals(ExitCodes.BAD_INPUT, run.exitCode(), run.err());
        assertEquals(1, run.errLines(), run.err());
        assertEquals("sumbench " + command + ": " + message + "\n", run.err());
    }

    @Test
    void fifosAndDevicesAsInputAreRefusedAtOnceByEveryCommand() throws Exception {
        Path fifo = fifo("run.json");
        Path good = Fixtures.copy("en/plain.json", dir);
        String special = " (a regular file), found a special file (FIFO, device or socket)";
        assertRefused(cli("tables", fifo.toString()), "tables", fifo + ": expected a JMH result file" + special);
        assertRefused(cli("tables", "/dev/zero"), "tables", "/dev/zero: expected a JMH result file" + special);
        assertRefused(cli("compare", good.toString(), fifo.toString()), "compare",
                fifo + ": expected a JMH result file" + special);
        assertRefused(cli("compare", "/dev/zero", good.toString()), "compare",
                "/dev/zero: expected a JMH result file" + special);
        assertRefused(cli("plot", fifo.toString()), "plot", fifo + ": expected a JMH result file" + special);
        assertRefused(cli("sum", "--strategy", "fork-join", "--size", "10", "--chunk", "auto", "--profile",
                fifo.toString()), "sum", "--profile " + fifo + ": expected a chunking profile" + special);
        assertRefused(cli("sum", "--strategy", "fork-join", "--size", "10", "--chunk", "auto", "--profile",
                "/dev/zero"), "sum", "--profile /dev/zero: expected a chunking profile" + special);
        assertRefused(cli("tables", dir.toString()), "tables", dir + ": expected a JMH result file, found a directory");
    }

    @Test
    void tablesNeverWritesThroughALinkOverAnInputOrOverASpecialFile() throws Exception {
        Path run = Fixtures.copy("en/plain.json", dir);
        String before = Files.readString(run);
        Path link = Files.createSymbolicLink(dir.resolve("link.json"), run);
        assertRefused(cli("tables", link.toString(), "--out", run.toString()), "tables", "--out " + run
                + ": expected a new file, found one of the inputs (" + link + "); it would be overwritten");
        assertRefused(cli("tables", run.toString(), "--out", link.toString()), "tables", "--out " + link
                + ": expected a regular file or a new name, found a symbolic link (name the file it points to, if "
                + "that is meant)");
        Path fifo = fifo("out.md");
        assertRefused(cli("tables", run.toString(), "--out", fifo.toString()), "tables", "--out " + fifo
                + ": expected a regular file or a new name, found a special file (device, FIFO or socket); it is "
                + "never replaced");
        assertEquals(before, Files.readString(run));
        assertTrue(Files.isSymbolicLink(link));
        assertFalse(Files.isRegularFile(fifo));
    }

    @Test
    void plotNeverReplacesAnInputNamedLikeOneOfItsCharts() throws Exception {
        Path run = Files.copy(Fixtures.path("sumbench/cores1.csv"), dir.resolve("p-time.png"));
        String before = Files.readString(run);
        CliRun plot = cli("plot", run.toString(), "--stem", dir.resolve("p").toString());
        assertEquals(ExitCodes.BAD_INPUT, plot.exitCode(), plot.err());
        assertTrue(plot.err().contains("found one of the inputs (" + run + "); it would be overwritten"), plot.err());
        assertEquals(before, Files.readString(run));
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(List.of(run), files.toList(), "no chart written either");
        }
    }

    @Test
    void everyOutputHasMode0644() throws Exception {
        Path run = Files.copy(Fixtures.path("sumbench/cores1.csv"), dir.resolve("run.csv"));
        Path out = dir.resolve("run.md");
        assertEquals(ExitCodes.OK, cli("tables", run.toString(), "--out", out.toString()).exitCode());
        try (Stream<Path> files = Files.list(dir)) {
            List<Path> written = files.filter(f -> !f.equals(run)).toList();
            assertTrue(written.size() >= 2, written.toString());
            for (Path file : written) {
                assertEquals("rw-r--r--", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)),
                        file.toString());
            }
        }
    }

    @Test
    void scoresJmhNeverMeasuresAreRefusedInCsvAsInJson() throws IOException {
        String csv = Files.readString(Fixtures.path("en/plain.csv"));
        String[][] cases = {{"NaN", "a finite score (JMH measures no NaN or infinite score)"},
            {"Infinity", "a finite score (JMH measures no NaN or infinite score)"},
            {"-5.0", "a score >= 0 (JMH measures no negative score)"},
            {"0.0", "a time per operation > 0"}};
        for (String[] bad : cases) {
            // line 3 is fixture.Plain.sum, avgt in us/op
            Path file = dir.resolve("bad-" + bad[0] + ".csv");
            Files.writeString(file, csv.replace(",2.104288,", "," + bad[0] + ","));
            assertRefused(cli("tables", file.toString()), "tables", file + ":3: expected " + bad[1]
                    + " in \"Score\", found \"" + bad[0] + "\"");
        }
        String json = Files.readString(Fixtures.path("en/plain.json"));
        Path nan = dir.resolve("nan.json");
        Files.writeString(nan, json.replaceFirst("\"score\" : [0-9.]+", "\"score\" : \"NaN\""));
        CliRun run = cli("tables", nan.toString());
        assertEquals(ExitCodes.BAD_INPUT, run.exitCode(), run.err());
        assertTrue(run.err().contains("expected a finite score"), run.err());
    }

    @Test
    void aScoreTooLargeToChartGivesTablesAndANoteInsteadOfAFailure() throws IOException {
        String csv = Files.readString(Fixtures.path("sumbench/cores1.csv"));
        StringBuilder huge = new StringBuilder();
        for (String line : csv.split("\n", -1)) {
            if (line.startsWith("\"dev.sumbench.bench.SumBenchmark.sum\"")) {
                String[] fields = line.split(",", -1);
                fields[4] = Double.toString(Double.MAX_VALUE);
                line = String.join(",", fields);
            }
            huge.append(line).append('\n');
        }
        Path run = Files.writeString(dir.resolve("huge.csv"), huge.toString().strip() + "\n");
        Path out = dir.resolve("huge.md");
        CliRun tables = cli("tables", run.toString(), "--out", out.toString());
        assertEquals(ExitCodes.OK, tables.exitCode(), tables.err());
        assertTrue(tables.err().startsWith("tables: no chart 'Time per call vs size"), tables.err());
        assertFalse(Files.readString(out).contains("huge-time.png"), "no link to a chart not drawn");
    }

    @Test
    void demoChecksEveryOptionAlsoWithCrash() {
        assertRefused(cli("demo", "--crash", "--format", "bogus"), "demo", "--format: " + formatMessage());
        assertRefused(cli("demo", "--crash", "--repeat", "-5"), "demo", "--repeat: must be >= 1, got -5");
    }

    private static String formatMessage() {
        try {
            dev.sumbench.report.TableFormat.parse("bogus");
            throw new AssertionError("bogus parsed");
        } catch (IllegalArgumentException e) {
            return e.getMessage();
        }
    }

    @Test
    void anInjectedSlowdownIsBounded() {
        Path run = Fixtures.path("en/plain.json");
        for (String bad : new String[] {"1e308%", "1001%", "0%", "0"}) {
            assertRefused(cli("compare", run.toString(), run.toString(), "--inject-slowdown", bad), "compare",
                    "--inject-slowdown: expected a slowdown in (0, 1000%], got " + bad);
        }
        assertTrue(cli("compare", run.toString(), run.toString(), "--inject-slowdown", "1000%").exitCode() != 2);
    }
}
