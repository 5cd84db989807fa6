package dev.sumbench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Runs the compare and tune examples of the documentation (README.md once the section is merged into it, else
 * docs/compare.md) and checks their output, so that the documentation cannot drift from what the commands print.
 *
 * <p>A {@code ```console} block is run when every command in it is one this test knows: {@code $ scripts/compare},
 * {@code $ scripts/tune}, {@code $ scripts/sumbench compare|tune|sum} (run in-process through
 * {@link Main#newCommandLine}) and {@code $ echo $?} (the exit code of the command before). The lines after a command
 * are its expected standard output and error; a line {@code ...} stands for any number of lines.
 */
class CompareDocsExamplesTest {

    private static final String FENCE = "```";
    private static final List<String> KNOWN = List.of("$ scripts/compare ", "$ scripts/tune ",
            "$ scripts/sumbench compare ", "$ scripts/sumbench tune ", "$ scripts/sumbench sum ");

    @Test
    void theCompareAndTuneExamplesPrintWhatTheDocumentationSays() throws IOException {
        Path readme = Path.of("README.md");
        Path doc = Files.exists(readme) && Files.readString(readme).contains("$ scripts/compare ") ? readme
                : Path.of("docs", "compare.md");
        int run = 0;
        for (List<String> block : consoleBlocks(Files.readAllLines(doc))) {
            List<String> commands = block.stream().filter(l -> l.startsWith("$ ")).toList();
            boolean ours = commands.stream().anyMatch(c -> KNOWN.stream().anyMatch(c::startsWith));
            boolean allKnown = commands.stream()
                    .allMatch(c -> c.equals("$ echo $?") || KNOWN.stream().anyMatch(c::startsWith));
            if (ours && allKnown) {
                runBlock(doc, block);
                run++;
            }
        }
        assertTrue(run >= 3, doc + ": expected at least 3 runnable compare/tune examples, found " + run);
    }

    private static List<List<String>> consoleBlocks(List<String> lines) {
        List<List<String>> blocks = new ArrayList<>();
        List<String> current = null;
        for (String line : lines) {
            if (current == null && line.strip().equals(FENCE + "console")) {
                current = new ArrayList<>();
            } else if (current != null && line.strip().equals(FENCE)) {
                blocks.add(current);
                current = null;
            } else if (current != null) {
                current.add(line);
            }
        }
        return blocks;
    }

    private static void runBlock(Path doc, List<String> block) {
        int lastExitCode = 0;
        int i = 0;
        while (i < block.size()) {
            String command = block.get(i++);
            if (!command.startsWith("$ ")) {
                fail(doc + ": output without a command: " + command);
            }
            List<String> expected = new ArrayList<>();
            while (i < block.size() && !block.get(i).startsWith("$ ")) {
                expected.add(block.get(i++));
            }
            List<String> actual;
            if (command.equals("$ echo $?")) {
                actual = List.of(Integer.toString(lastExitCode));
            } else {
                List<String> words = Arrays.asList(command.substring(2).strip().split("\\s+"));
                List<String> args = new ArrayList<>(words.subList(1, words.size()));
                if (!words.get(0).equals("scripts/sumbench")) {
                    args.add(0, words.get(0).substring("scripts/".length()));
                }
                StringWriter out = new StringWriter();
                StringWriter err = new StringWriter();
                lastExitCode = Main.newCommandLine(new PrintWriter(out), new PrintWriter(err))
                        .execute(args.toArray(String[]::new));
                actual = (out.toString() + err).lines().toList();
            }
            assertMatches(doc + ": " + command, expected, actual);
        }
    }

    private static void assertMatches(String what, List<String> expected, List<String> actual) {
        List<String> want = trimmed(expected);
        List<String> got = trimmed(actual);
        if (!matches(want, 0, got, 0)) {
            assertEquals(String.join("\n", want), String.join("\n", got), what);
        }
    }

    private static List<String> trimmed(List<String> lines) {
        List<String> out = new ArrayList<>(lines.stream().map(String::stripTrailing).toList());
        while (!out.isEmpty() && out.get(out.size() - 1).isEmpty()) {
            out.remove(out.size() - 1);
        }
        return out;
    }

    /** Whether {@code got} from {@code g} matches {@code want} from {@code w}; "..." matches any number of lines. */
    private static boolean matches(List<String> want, int w, List<String> got, int g) {
        if (w == want.size()) {
            return g == got.size();
        }
        if (want.get(w).equals("...")) {
            for (int skip = g; skip <= got.size(); skip++) {
                if (matches(want, w + 1, got, skip)) {
                    return true;
                }
            }
            return false;
        }
        return g < got.size() && want.get(w).equals(got.get(g)) && matches(want, w + 1, got, g + 1);
    }
}
