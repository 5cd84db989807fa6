package dev.sumbench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sumbench.files.UntrustedText;
import dev.sumbench.results.Fixtures;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Benchmark names and params come from files anyone may write: a control character (an escape sequence that clears
 * the screen, a carriage return or newline that fakes a line) never reaches the terminal or a Markdown table raw, and
 * no HTML tag in them is rendered by a Markdown viewer.
 */
class UntrustedTextTest {

    private static final String ESC = "\u001b";

    @TempDir
    Path dir;

    @Test
    void controlCharactersAreShownAsEscapes() {
        assertEquals("a\\u001b[2Jb\\u000d\\u000ac\\u009b", UntrustedText.forTerminal("a" + ESC + "[2Jb\r\nc\u009b"));
        assertEquals("Größe 10 µs", UntrustedText.forTerminal("Größe 10 µs"), "other characters are kept");
    }

    @Test
    void hostileNamesAndParamsReachNeitherTheTerminalNorTheMarkdownRaw() throws IOException {
        Path run = hostileCopy("en/sized.json", "hostile.json");

        CliRun text = CliRun.of("tables", run.toString(), "--format", "text");
        CliRun markdown = CliRun.of("tables", run.toString(), "--format", "md");
        CliRun compare = CliRun.of("compare", run.toString(), run.toString());

        for (CliRun output : new CliRun[] {text, markdown, compare}) {
            assertFalse((output.out() + output.err()).contains(ESC), output.out() + output.err());
            assertFalse((output.out() + output.err()).contains("\r"), output.out() + output.err());
            assertTrue(output.out().lines().noneMatch(line -> line.strip().startsWith("FAKE LINE")),
                    "no line starts with the injected text: " + output.out());
        }
        assertEquals(0, markdown.exitCode(), markdown.err());
        assertTrue(markdown.out().contains("\\u001b[2J"), markdown.out());
        assertFalse(markdown.out().contains("<script>"), markdown.out());
        assertTrue(markdown.out().contains("&lt;script>"), markdown.out());
    }

    /** {@code name} with the benchmark's name and a param value carrying an escape sequence, a newline and a tag. */
    private Path hostileCopy(String name, String as) throws IOException {
        String json = Files.readString(Fixtures.path(name));
        String hostile = json.replace("\"fixture.Sized.sum\"", "\"fixture.Sized.sum\\u001b[2J\\r\\nFAKE LINE <script>x\"")
                .replace("\"size\" : \"10\"", "\"size\" : \"10\\nFAKE LINE\"");
        assertFalse(hostile.equals(json));
        return Files.writeString(dir.resolve(as), hostile);
    }
}
