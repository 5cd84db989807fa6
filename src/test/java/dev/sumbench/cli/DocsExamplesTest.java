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
 * Runs the examples of the tables documentation (README.md once merged, else docs/tables.md) and compares their
 * output: the documentation cannot drift from what the commands print.
 *
 * <p>A {@code ```console} block is run when every command in it is one this test knows: {@code $ scripts/tables ...},
 * {@code $ scripts/sumbench tables|plot ...} (run in-process through {@link Main#newCommandLine}) and
 * {@code $ echo $?} (the exit code of the command before). The lines after a command, up to the next one, are its
 * expected standard output and error; a line {@code ...} stands for any number of lines.
 */
class DocsExamplesTest {

    private static final String FENCE = "```";

    @Test
    void documentedExamplesPrintWhatTheDocumentationSays() throws IOException {
        Path doc = Files.exists(Path.of("README.md")) ? Path.of("README.md") : Path.of("docs", "tables.md");
        List<List<String>> blocks = consoleBlocks(Files.readAllLines(doc));
        int run = 0;
        for (List<String> block : blocks) {
            if (block.stream().filter(l -> l.startsWith("$ ")).allMatch(DocsExamplesTest::known)) {
                runBlock(doc, block);
                run++;
            }
        }
        assertTrue(run >= 5, doc + ": expected at least 5 runnable tables examples, found " + run);
    }

    private static boolean known(String command) {
        return command.startsWith("$ scripts/tables ") || command.startsWith("$ scripts/sumbench tables ")
                || command.startsWith("$ scripts/sumbench plot ") || command.equals("$ echo $?");
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
                String[] words = command.substring(2).strip().split("\\s+");
                List<String> args = new ArrayList<>(Arrays.asList(words).subList(1, words.length));
                if (words[0].equals("scripts/tables")) {
                    args.add(0, "tables");
                }
                StringWriter out = new StringWriter();
                StringWriter err = new StringWriter();
                lastExitCode = Main.newCommandLine(new PrintWriter(out), new PrintWriter(err))
                        .execute(args.toArray(String[]::new));
                actual = new ArrayList<>((out.toString() + err).lines().toList());
            }
            assertMatches(doc + ": " + command, expected, actual);
        }
    }

    /** Whether {@code actual} matches {@code expected}, where a line "..." matches any number of lines. */
    static void assertMatches(String what, List<String> expected, List<String> actual) {
        List<String> want = expected.stream().map(String::stripTrailing).toList();
        List<String> got = actual.stream().map(String::stripTrailing).toList();
        while (!got.isEmpty() && got.get(got.size() - 1).isEmpty()) {
            got = got.subList(0, got.size() - 1);
        }
        while (!want.isEmpty() && want.get(want.size() - 1).isEmpty()) {
            want = want.subList(0, want.size() - 1);
        }
        if (!matches(want, 0, got, 0)) {
            assertEquals(String.join("\n", want), String.join("\n", got), what);
        }
    }

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
