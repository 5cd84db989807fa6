package dev.sumbench.docs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.sumbench.cli.Main;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Runs every {@code ```console} example of README.md and docs/*.md and compares what it prints with what the
 * documentation says, so that the documentation cannot drift from the commands.
 *
 * <p>The rules (docs/architecture.md repeats them for writers):
 * <ul>
 *   <li>In a {@code console} block, a line starting with {@code $ } is a command; the lines after it, up to the next
 *       command, are its expected standard output followed by its standard error.</li>
 *   <li>A command is {@code scripts/sumbench ARGS}, {@code scripts/tables ARGS}, {@code scripts/compare ARGS} or
 *       {@code scripts/tune ARGS} (run in-process through {@link Main#newCommandLine}, the scripts' own entry point),
 *       or {@code echo $?} (the exit code of the command before). Anything else fails the test: a command that cannot
 *       run here belongs in a {@code sh} or {@code text} block.</li>
 *   <li>A line {@code ...} (three dots) matches any number of lines, none included.</li>
 *   <li>{@code …} (one character, U+2026) within a line matches any text within that line: times, pids, column
 *       padding that depends on them.</li>
 *   <li>Trailing spaces and trailing empty lines are ignored; everything else must match exactly.</li>
 *   <li>Examples write only under {@code target/}; what a {@code --out} or {@code --stem} there names is removed
 *       before the command runs.</li>
 * </ul>
 */
class DocsExamplesTest {

    /* Implementation notes
     * Arguments are split on white space, with '...' and "..." quoting, as the shell would for the plain commands the
     * docs show; no globbing, no variables. Commands run from the project root (Maven's working directory for tests),
     * where the docs' relative paths point. Each block is one dynamic test named FILE:LINE so that a failure names the
     * example to fix. */

    private static final String FENCE = "```";
    private static final String ANY_LINES = "...";
    private static final String ANY_TEXT = "…";
    private static final String EXIT_CODE = "echo $?";
    private static final List<String> SCRIPTS = List.of("scripts/tables", "scripts/compare", "scripts/tune");
    private static final String SUMBENCH = "scripts/sumbench";
    /** Where examples may write: the build directory, cleared of their earlier outputs before they run. */
    private static final Path SCRATCH = Path.of("target");
    /** Classes of libraries that the docs name and whose names end in Test: Commons Math's rank test. */
    private static final List<String> LIBRARY_CLASSES = List.of("MannWhitneyUTest");

    /** A console block: where it starts and its lines. */
    record Block(Path doc, int line, List<String> lines) {
        String name() {
            return doc + ":" + line;
        }
    }

    @TestFactory
    Stream<DynamicTest> everyConsoleExamplePrintsWhatTheDocsSay() throws IOException {
        List<Block> blocks = new ArrayList<>();
        for (Path doc : documents()) {
            blocks.addAll(consoleBlocks(doc));
        }
        assertFalse(blocks.isEmpty(), "no console examples found in " + documents());
        return blocks.stream().map(block -> DynamicTest.dynamicTest(block.name(), () -> run(block)));
    }

    @Test
    void theReadmeAndEveryDocsPageAreScanned() throws IOException {
        List<Path> docs = documents();
        assertEquals(Path.of("README.md"), docs.get(0));
        assertTrue(docs.size() >= 10, "README.md and the docs/ pages: " + docs);
        assertTrue(consoleBlocks(Path.of("README.md")).size() >= 2, "README.md's console examples");
    }

    @Test
    void theMatchRulesAreTheDocumentedOnes() {
        assertTrue(matches(List.of("a", "...", "d"), List.of("a", "b", "c", "d")));
        assertTrue(matches(List.of("a", "...", "b"), List.of("a", "b")));
        assertTrue(matches(List.of("took … ms, pid …"), List.of("took 12.5 ms, pid 4242")));
        assertTrue(matches(List.of("x  "), List.of("x", "")));
        assertFalse(matches(List.of("took … ms"), List.of("took 12.5 s")));
        assertFalse(matches(List.of("a", "b"), List.of("a", "b", "c")));
        assertFalse(matches(List.of("a…"), List.of("b")));
        assertEquals(List.of("compare", "a b", "c"), words("scripts/compare 'a b' \"c\"").subList(0, 3));
    }

    @Test
    void everyTestTheDocsNameExists() throws IOException {
        Pattern testName = Pattern.compile("`([A-Z][A-Za-z0-9]*Test)(#[A-Za-z0-9]+)?`");
        List<String> missing = new ArrayList<>();
        for (Path doc : documents()) {
            var m = testName.matcher(Files.readString(doc));
            while (m.find()) {
                String name = m.group(1) + ".java";
                if (LIBRARY_CLASSES.contains(m.group(1))) {
                    continue;
                }
                try (Stream<Path> files = Files.walk(Path.of("src"))) {
                    if (files.noneMatch(f -> f.getFileName().toString().equals(name))) {
                        missing.add(doc + ": " + m.group(1));
                    }
                }
            }
        }
        assertEquals(List.of(), missing, "tests the docs name that do not exist");
    }

    @Test
    void everyRelativeLinkPointsToAFileAndHeadingThatExist() throws IOException {
        Pattern link = Pattern.compile("\\]\\(([^)\\s]+)\\)");
        List<String> broken = new ArrayList<>();
        for (Path doc : documents()) {
            var m = link.matcher(outsideCode(doc)); // a link in a console example is output, not a link of the page
            while (m.find()) {
                String target = m.group(1);
                if (target.matches("[a-z]+:.*")) {
                    continue;
                }
                int hash = target.indexOf('#');
                String file = hash < 0 ? target : target.substring(0, hash);
                Path resolved = file.isEmpty() ? doc : doc.resolveSibling(file).normalize();
                if (!Files.exists(resolved)) {
                    broken.add(doc + ": " + target + " (no such file)");
                } else if (hash >= 0 && !anchors(resolved).contains(target.substring(hash + 1))) {
                    broken.add(doc + ": " + target + " (no such heading)");
                }
            }
        }
        assertEquals(List.of(), broken, "broken links");
    }

    /** The lines of a Markdown file outside its fenced code blocks. */
    private static String outsideCode(Path doc) throws IOException {
        StringBuilder out = new StringBuilder();
        boolean code = false;
        for (String line : Files.readAllLines(doc)) {
            if (line.strip().startsWith(FENCE)) {
                code = !code;
            } else if (!code) {
                out.append(line).append('\n');
            }
        }
        return out.toString();
    }

    /** The anchors of a Markdown file's headings, as GitHub makes them, outside code blocks. */
    private static List<String> anchors(Path doc) throws IOException {
        List<String> anchors = new ArrayList<>();
        boolean code = false;
        for (String line : Files.readAllLines(doc)) {
            if (line.strip().startsWith(FENCE)) {
                code = !code;
            } else if (!code && line.startsWith("#")) {
                String title = line.replaceFirst("^#+\\s*", "").toLowerCase(java.util.Locale.ROOT);
                anchors.add(title.replaceAll("[^\\p{L}\\p{N} _-]", "").replace(' ', '-'));
            }
        }
        return anchors;
    }

    static List<Path> documents() throws IOException {
        List<Path> docs = new ArrayList<>();
        docs.add(Path.of("README.md"));
        try (Stream<Path> pages = Files.list(Path.of("docs"))) {
            pages.filter(p -> p.toString().endsWith(".md")).sorted().forEach(docs::add);
        }
        return docs;
    }

    static List<Block> consoleBlocks(Path doc) throws IOException {
        List<String> lines = Files.readAllLines(doc);
        List<Block> blocks = new ArrayList<>();
        List<String> current = null;
        int start = 0;
        String indent = "";
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (current == null && line.strip().equals(FENCE + "console")) {
                current = new ArrayList<>();
                start = i + 1;
                indent = line.substring(0, line.indexOf(FENCE));
            } else if (current != null && line.strip().equals(FENCE)) {
                blocks.add(new Block(doc, start, current));
                current = null;
            } else if (current != null) {
                current.add(line.startsWith(indent) ? line.substring(indent.length()) : line);
            }
        }
        if (current != null) {
            fail(doc + ":" + start + ": console block without its closing fence");
        }
        return blocks;
    }

    private static void run(Block block) throws IOException {
        int lastExitCode = 0;
        int i = 0;
        List<String> lines = block.lines();
        while (i < lines.size()) {
            String command = lines.get(i++);
            if (!command.startsWith("$ ")) {
                fail(block.name() + ": output before any command: " + command);
            }
            List<String> expected = new ArrayList<>();
            while (i < lines.size() && !lines.get(i).startsWith("$ ")) {
                expected.add(lines.get(i++));
            }
            String commandLine = command.substring(2).strip();
            List<String> actual;
            if (commandLine.equals(EXIT_CODE)) {
                actual = List.of(Integer.toString(lastExitCode));
            } else {
                List<String> args = words(commandLine);
                clearOutputs(args);
                StringWriter out = new StringWriter();
                StringWriter err = new StringWriter();
                lastExitCode = Main.newCommandLine(new PrintWriter(out, true), new PrintWriter(err, true))
                        .execute(args.toArray(String[]::new));
                actual = new ArrayList<>(out.toString().lines().toList());
                actual.addAll(err.toString().lines().toList());
            }
            if (!matches(expected, actual)) {
                assertEquals(String.join("\n", expected), String.join("\n", actual),
                        block.name() + ": $ " + commandLine);
            }
        }
    }

    /**
     * Removes what an example wrote under {@code target/} the last time ({@code --out FILE} with its charts,
     * {@code --stem STEM}'s charts), so that each run of this test starts from the state a reader's first run has.
     */
    private static void clearOutputs(List<String> args) throws IOException {
        for (int i = 0; i + 1 < args.size(); i++) {
            String option = args.get(i);
            Path value = Path.of(args.get(i + 1)).normalize();
            if (!(option.equals("--out") || option.equals("--stem")) || !value.startsWith(SCRATCH)) {
                continue;
            }
            String name = value.getFileName().toString();
            String stem = option.equals("--stem") || name.lastIndexOf('.') < 0 ? name
                    : name.substring(0, name.lastIndexOf('.'));
            Files.deleteIfExists(value);
            try (Stream<Path> siblings = Files.list(value.getParent())) {
                for (Path chart : siblings.filter(f -> f.getFileName().toString().startsWith(stem + "-")
                        && f.getFileName().toString().endsWith(".png")).toList()) {
                    Files.deleteIfExists(chart);
                }
            }
        }
    }

    /** The arguments of the sumbench command line that a documented command stands for. */
    static List<String> words(String commandLine) {
        List<String> words = new ArrayList<>();
        StringBuilder word = null;
        char quote = 0;
        for (char c : commandLine.toCharArray()) {
            if (quote != 0) {
                if (c == quote) {
                    quote = 0;
                } else {
                    word.append(c);
                }
            } else if (c == '\'' || c == '"') {
                quote = c;
                word = word == null ? new StringBuilder() : word;
            } else if (Character.isWhitespace(c)) {
                if (word != null) {
                    words.add(word.toString());
                    word = null;
                }
            } else {
                word = word == null ? new StringBuilder() : word;
                word.append(c);
            }
        }
        if (word != null) {
            words.add(word.toString());
        }
        String program = words.isEmpty() ? "" : words.remove(0);
        if (program.equals(SUMBENCH)) {
            return words;
        }
        if (SCRIPTS.contains(program)) {
            words.add(0, program.substring("scripts/".length()));
            return words;
        }
        throw new AssertionError("not a command this test can run: " + commandLine
                + " (use scripts/sumbench, scripts/tables, scripts/compare, scripts/tune or echo $?; put other"
                + " commands in a sh block)");
    }

    /** Whether {@code actual} matches {@code expected} under the rules in the class comment. */
    static boolean matches(List<String> expected, List<String> actual) {
        return matches(trimmed(expected), 0, trimmed(actual), 0);
    }

    private static List<String> trimmed(List<String> lines) {
        List<String> out = new ArrayList<>(lines.stream().map(String::stripTrailing).toList());
        while (!out.isEmpty() && out.get(out.size() - 1).isEmpty()) {
            out.remove(out.size() - 1);
        }
        return out;
    }

    private static boolean matches(List<String> want, int w, List<String> got, int g) {
        if (w == want.size()) {
            return g == got.size();
        }
        if (want.get(w).equals(ANY_LINES)) {
            for (int skip = g; skip <= got.size(); skip++) {
                if (matches(want, w + 1, got, skip)) {
                    return true;
                }
            }
            return false;
        }
        return g < got.size() && lineMatches(want.get(w), got.get(g)) && matches(want, w + 1, got, g + 1);
    }

    private static boolean lineMatches(String want, String got) {
        if (!want.contains(ANY_TEXT)) {
            return want.equals(got);
        }
        StringBuilder regex = new StringBuilder();
        for (String part : want.split(ANY_TEXT, -1)) {
            if (regex.length() > 0) {
                regex.append(".*");
            }
            regex.append(Pattern.quote(part));
        }
        return Pattern.compile(regex.toString()).matcher(got).matches();
    }
}
