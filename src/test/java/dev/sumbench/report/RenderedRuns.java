package dev.sumbench.report;

import dev.sumbench.results.Run;
import dev.sumbench.results.RunReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The committed reference runs and a quick run (-Dbench.quick, written by the suite itself), each read and rendered
 * as Markdown, and a small reader of the document's parts: the answer's lines and a table's rows.
 */
final class RenderedRuns {

    /** A run and its document. */
    record Rendered(Path file, Run run, Report report, String markdown) {

        /** The answer's lines, without their "- ". */
        List<String> answer() {
            int start = markdown.indexOf("## The answer of this run\n");
            if (start < 0) {
                return List.of();
            }
            int end = markdown.indexOf("\n## ", start + 1);
            return markdown.substring(start, end < 0 ? markdown.length() : end).lines()
                    .filter(l -> l.startsWith("- ")).map(l -> l.substring(2)).toList();
        }

        /** The rows of the table whose heading starts with {@code prefix} (the header first), cells trimmed. */
        List<List<String>> table(String prefix) {
            int start = markdown.indexOf("\n### " + prefix);
            if (start < 0) {
                return List.of();
            }
            List<List<String>> rows = new ArrayList<>();
            boolean inTable = false;
            for (String line : markdown.substring(start + 1).lines().skip(1).toList()) {
                if (line.startsWith("|")) {
                    inTable = true;
                    if (!line.startsWith("| ---") && !line.startsWith("| :--")) {
                        rows.add(Arrays.stream(line.substring(1, line.length() - 1).split(" \\| ", -1))
                                .map(String::strip).toList());
                    }
                } else if (inTable) {
                    break;
                }
            }
            return rows;
        }

        /** The headings' anchors, as GitHub makes them. */
        List<String> anchors() {
            return markdown.lines().filter(l -> l.startsWith("#"))
                    .map(l -> Report.slug(l.replaceFirst("^#+\\s*", ""))).toList();
        }
    }

    private RenderedRuns() {
    }

    /** Every committed run that sumbench's tables describe, and the quick run. */
    static List<Rendered> all() throws IOException {
        List<Path> files = new ArrayList<>();
        try (Stream<Path> paths = Files.walk(Path.of("results", "reference"))) {
            paths.filter(p -> p.toString().endsWith(".json") && !p.toString().endsWith(".meta.json")
                    && !p.toString().endsWith(".chunks.json") && !p.toString().contains("python")).sorted()
                    .forEach(files::add);
        }
        files.add(Path.of("src", "test", "resources", "jmh", "quick", "20261205-012508_vm_jdk17.json"));
        List<Rendered> rendered = new ArrayList<>();
        for (Path file : files) {
            Run run = RunReader.read(file);
            Report report = Report.of(List.of(run));
            if (!report.isSumbench() && report.crossover().isEmpty()) {
                continue;
            }
            rendered.add(new Rendered(file, run, report, report.render(TableFormat.MD, Optional.empty(), List.of())));
        }
        return rendered;
    }
}
