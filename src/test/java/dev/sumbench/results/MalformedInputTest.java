package dev.sumbench.results;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every malformed input is one line: {@code FILE:LINE: what was expected, what was found}. */
class MalformedInputTest {

    @TempDir
    Path dir;

    @Test
    void csvNumberThatIsNotANumberNamesFileLineAndColumn() throws IOException {
        Path file = editLine("en/sized.csv", 3, line -> {
            String[] fields = line.split(",");
            fields[4] = "12abc";
            return String.join(",", fields);
        });
        MalformedResultsException e = assertThrows(MalformedResultsException.class, () -> RunReader.read(file));
        assertEquals(file + ":3: expected a number with decimal separator '.' in \"Score\", found \"12abc\"",
                e.getMessage());
        assertEquals(3, e.line());
        assertOneLine(e);
    }

    @Test
    void dotDecimalInACommaLocaleFileIsRefused() throws IOException {
        Path file = editLine("ru/sized.csv", 2, line -> line.replaceFirst("\"(\\d+),(\\d+)\"", "$1.$2"));
        MalformedResultsException e = assertThrows(MalformedResultsException.class, () -> RunReader.read(file));
        assertTrue(e.getMessage().startsWith(file + ":2: expected a number with decimal separator ','"), e.getMessage());
    }

    @Test
    void csvWithoutJmhHeaderIsRefusedOnLineOne() throws IOException {
        Path file = write("x.csv", "name,value\r\nfoo,1\r\n");
        MalformedResultsException e = assertThrows(MalformedResultsException.class, () -> RunReader.read(file));
        assertEquals(file + ":1: expected a JMH CSV header with a \"Benchmark\" column, found \"name\",\"value\"",
                e.getMessage());
    }

    @Test
    void csvRowWithMissingFieldsIsRefused() throws IOException {
        Path file = editLine("en/plain.csv", 2, line -> line.substring(0, line.lastIndexOf(',')));
        MalformedResultsException e = assertThrows(MalformedResultsException.class, () -> RunReader.read(file));
        assertEquals(file + ":2: expected 7 fields as in the header, found 6", e.getMessage());
    }

    @Test
    void secondaryRowWithoutItsPrimaryIsRefused() throws IOException {
        List<String> lines = Fixtures.text("en/sized.csv").lines().toList();
        Path file = write("sized.csv", lines.get(0) + "\r\n" + lines.get(2) + "\r\n");
        MalformedResultsException e = assertThrows(MalformedResultsException.class, () -> RunReader.read(file));
        assertTrue(e.getMessage().startsWith(file + ":2: expected the row of \"fixture.Sized.sum\" (thrpt, {size=10}) "
                + "before its secondary metric \"gc.alloc.rate\""), e.getMessage());
    }

    @Test
    void headerOnlyCsvHasNoRows() throws IOException {
        Path file = write("x.csv", Fixtures.text("en/plain.csv").lines().findFirst().orElseThrow() + "\r\n");
        MalformedResultsException e = assertThrows(MalformedResultsException.class, () -> RunReader.read(file));
        assertEquals(file + ":2: expected at least one benchmark row, found none", e.getMessage());
    }

    @Test
    void jsonSyntaxErrorNamesItsLine() throws IOException {
        Path file = editLine("en/plain.json", 10, line -> line + " }}");
        MalformedResultsException e = assertThrows(MalformedResultsException.class, () -> RunReader.read(file));
        assertTrue(e.getMessage().startsWith(file + ":10: expected JMH JSON, found a syntax error: "), e.getMessage());
        assertOneLine(e);
    }

    @Test
    void jsonRowWithoutPrimaryMetricNamesTheLineTheRowStartsOn() throws IOException {
        String text = Fixtures.text("en/plain.json").replaceFirst("\"primaryMetric\"", "\"primary\"");
        Path file = write("plain.json", text);
        MalformedResultsException e = assertThrows(MalformedResultsException.class, () -> RunReader.read(file));
        assertEquals(file + ":2: expected a \"primaryMetric\" object in fixture.Plain.hash, found none",
                e.getMessage());
    }

    @Test
    void jsonScoreThatIsNotANumberIsRefused() throws IOException {
        String text = Fixtures.text("en/plain.json").replaceFirst("\"score\" : [^,]+,", "\"score\" : \"fast\",");
        Path file = write("plain.json", text);
        MalformedResultsException e = assertThrows(MalformedResultsException.class, () -> RunReader.read(file));
        assertEquals(file + ":2: expected a number (or \"NaN\", \"+INF\", \"-INF\") in fixture.Plain.hash primaryMetric "
                + "score, found \"fast\"", e.getMessage());
    }

    @Test
    void jsonNonFiniteNumbersWrittenAsStringsAreRead() throws IOException {
        String text = Fixtures.text("en/plain.json").replaceFirst("\"scoreError\" : [^,]+,", "\"scoreError\" : \"+INF\",");
        Run run = RunReader.read(write("plain.json", text));
        assertEquals(Double.POSITIVE_INFINITY, run.results().get(0).primary().error());
    }

    @Test
    void jsonThatIsNotAnArrayIsRefused() throws IOException {
        Path file = write("x.json", "{\"benchmark\": \"x\"}");
        MalformedResultsException e = assertThrows(MalformedResultsException.class, () -> RunReader.read(file));
        assertEquals(file + ":1: expected a JMH JSON array of benchmark results, found an object", e.getMessage());
    }

    @Test
    void emptyMissingAndDirectoryInputsAreRefused() throws IOException {
        Path empty = write("empty.json", "\n");
        assertEquals(empty + ":1: expected JMH results, found an empty file",
                assertThrows(MalformedResultsException.class, () -> RunReader.read(empty)).getMessage());
        Path missing = dir.resolve("missing.csv");
        assertEquals(missing + ": expected a JMH result file, found no such file",
                assertThrows(MalformedResultsException.class, () -> RunReader.read(missing)).getMessage());
        assertEquals(dir + ": expected a JMH result file, found a directory",
                assertThrows(MalformedResultsException.class, () -> RunReader.read(dir)).getMessage());
    }

    @Test
    void metadataFileGivenAsARunIsRefused() {
        Path meta = Fixtures.path("sumbench/cores1.meta.json");
        assertEquals(meta + ": expected a JMH result file (.json or .csv), found run metadata; name the run's .json "
                + "or .csv instead", assertThrows(MalformedResultsException.class, () -> RunReader.read(meta))
                .getMessage());
    }

    @Test
    void malformedMetadataBesideARunIsRefusedWithItsLine() throws IOException {
        Path run = Fixtures.copy("sumbench/cores1.json", dir);
        Path meta = RunReader.metaPath(run);
        Files.writeString(meta, Files.readString(meta).replace("\"cores\" : 1,", "\"cores\" : \"one\","));
        MalformedResultsException e = assertThrows(MalformedResultsException.class, () -> RunReader.read(run));
        assertTrue(e.getMessage().startsWith(meta + ":6: expected run metadata (\"cores\" of type int), found "),
                e.getMessage());
        assertOneLine(e);
    }

    @Test
    void bytesThatAreNotUtf8AreRefused() throws IOException {
        Path file = dir.resolve("latin1.csv");
        Files.write(file, Fixtures.text("en/plain.csv").replace("fixture", "fixtüre").getBytes(StandardCharsets.ISO_8859_1));
        assertEquals(file + ": expected UTF-8 text as JMH writes it, found bytes that are not UTF-8",
                assertThrows(MalformedResultsException.class, () -> RunReader.read(file)).getMessage());
    }

    @Test
    void formatIsSniffedWhenTheNameDoesNotSay() throws IOException {
        Path json = write("run.txt", Fixtures.text("en/plain.json"));
        Path csv = write("run.out", Fixtures.text("en/plain.csv"));
        assertEquals(RunReader.read(json).results().get(0).key(), RunReader.read(csv).results().get(0).key());
    }

    private Path write(String name, String text) throws IOException {
        return Files.writeString(dir.resolve(name), text);
    }

    private Path editLine(String fixture, int lineNumber, java.util.function.UnaryOperator<String> edit)
            throws IOException {
        List<String> lines = new java.util.ArrayList<>(Fixtures.text(fixture).lines().toList());
        String before = lines.get(lineNumber - 1);
        String after = edit.apply(before);
        assertTrue(!after.equals(before), "precondition: the edit changes line " + lineNumber + ": " + before);
        lines.set(lineNumber - 1, after);
        String name = Path.of(fixture).getFileName().toString();
        return write(name, String.join("\r\n", lines) + "\r\n");
    }

    private static void assertOneLine(Exception e) {
        assertTrue(!e.getMessage().contains("\n"), e.getMessage());
    }
}
