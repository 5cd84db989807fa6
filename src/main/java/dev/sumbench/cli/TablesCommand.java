package dev.sumbench.cli;

import dev.sumbench.core.BadInputException;
import dev.sumbench.core.ExitCodes;
import dev.sumbench.files.OutputFiles;
import dev.sumbench.files.RefusedFileException;
import dev.sumbench.report.Report;
import dev.sumbench.report.TableFormat;
import dev.sumbench.results.MalformedResultsException;
import dev.sumbench.results.Run;
import dev.sumbench.results.RunReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code sumbench tables}: the tables (and charts) of one or more JMH result files. */
@Command(name = "tables", mixinStandardHelpOptions = true,
        description = {"Turns JMH results (CSV or JSON, from sumbench or any project) into tables.",
            "For sumbench's runs: time per size, speedup, efficiency, overhead model with crossover size, scaling "
                    + "with cores, bandwidth, and processes vs threads; several runs (a core sweep) are merged. For "
                    + "other runs: one table per benchmark.",
            "With --out FILE.md, charts are written beside it (FILE-time.png, ...) and linked."},
        footer = {"", "Examples:",
            "  sumbench tables results/20250101-120000_host_jdk21.json",
            "  sumbench tables results/RUN.json --format md --out results/RUN.md --summary",
            "  sumbench tables results/RUN-cores1.json results/RUN-cores2.json --format csv"})
final class TablesCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "RUN", description = "JMH result files (.json or .csv).")
    private List<Path> runs;

    @Option(names = "--format", paramLabel = "FORMAT",
            description = "md, csv or text (default: from --out's extension, else text).")
    private String format;

    @Option(names = "--out", paramLabel = "FILE",
            description = "Write the tables to FILE (atomically) instead of standard output.")
    private Path out;

    @Option(names = "--summary", description = "Print a few lines of summary to standard output (after the tables, "
            + "or alone with --out).")
    private boolean summary;

    @Option(names = "--no-charts", negatable = false,
            description = "With --out and Markdown, do not write the PNG charts.")
    private boolean noCharts;

    @Override
    public Integer call() {
        TableFormat tableFormat = tableFormat();
        checkOut();
        List<Run> read = read(runs);
        Report report = Report.of(read);
        PrintWriter stdout = spec.commandLine().getOut();
        if (out == null) {
            stdout.print(report.render(tableFormat, Optional.empty(), List.of()));
            if (summary) {
                stdout.println();
                report.summary().forEach(stdout::println);
            }
            stdout.flush();
            return ExitCodes.OK;
        }
        List<Path> written;
        PrintWriter err = spec.commandLine().getErr();
        try {
            written = report.writeDocument(out, tableFormat, !noCharts, note -> err.println("tables: " + note));
            err.flush();
        } catch (RefusedFileException e) {
            throw new BadInputException("--out: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + out + ": " + e.getMessage(), e);
        }
        if (summary) {
            // the files written before the answer, so that the answer ends the summary
            List<String> lines = report.summary();
            int answer = lines.indexOf(Report.ANSWER_HEADING);
            lines.subList(0, answer < 0 ? lines.size() : answer).forEach(stdout::println);
            stdout.println("written: " + String.join(", ", written.stream().map(Path::toString).toList()));
            if (answer >= 0) {
                lines.subList(answer, lines.size()).forEach(stdout::println);
            }
        }
        stdout.flush();
        return ExitCodes.OK;
    }

    private TableFormat tableFormat() {
        String name = format;
        if (name == null) {
            String file = out == null ? "" : String.valueOf(out.getFileName()).toLowerCase(Locale.ROOT);
            name = file.endsWith(".md") ? "md" : file.endsWith(".csv") ? "csv" : "text";
        }
        try {
            return TableFormat.parse(name);
        } catch (IllegalArgumentException e) {
            throw new BadInputException("--format: " + e.getMessage());
        }
    }

    private void checkOut() {
        if (out == null) {
            return;
        }
        try {
            OutputFiles.check(List.of(out), inputs());
        } catch (RefusedFileException e) {
            throw new BadInputException("--out " + e.getMessage(), e);
        }
    }

    /** Every file this command reads: the runs and the metadata beside them. */
    private List<Path> inputs() {
        return inputsOf(runs);
    }

    /** The runs and the metadata files beside them: what an output of a command reading {@code runs} must not be. */
    static List<Path> inputsOf(List<Path> runs) {
        List<Path> inputs = new ArrayList<>(runs);
        runs.stream().map(RunReader::metaPath).forEach(inputs::add);
        return inputs;
    }

    /** Reads every run; a malformed one is bad input, reported as {@code FILE:LINE: ...}. */
    static List<Run> read(List<Path> files) {
        try {
            return RunReader.readAll(files);
        } catch (MalformedResultsException e) {
            throw new BadInputException(e.getMessage(), e);
        }
    }
}
