package dev.sumbench.cli;

import dev.sumbench.core.BadInputException;
import dev.sumbench.core.ExitCodes;
import dev.sumbench.files.OutputFiles;
import dev.sumbench.files.RefusedFileException;
import dev.sumbench.report.Charts;
import dev.sumbench.report.Report;
import dev.sumbench.results.RunReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code sumbench plot}: only the PNG charts of sumbench runs, beside the first run or under a given stem. */
@Command(name = "plot", mixinStandardHelpOptions = true,
        description = {"Draws the charts of sumbench runs as PNG files: time per call vs size (log-log), speedup vs "
                + "workers and, for a core sweep, speedup vs cores, each with the ideal line.",
            "Files: STEM-time.png, STEM-speedup-workers.png, STEM-speedup-cores.png; STEM defaults to the first "
                    + "run's path without .json/.csv."},
        footer = {"", "Examples:", "  sumbench plot results/RUN.json",
            "  sumbench plot results/RUN-cores1.json results/RUN-cores2.json --stem results/RUN-sweep"})
final class PlotCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "RUN", description = "sumbench result files (.json or .csv).")
    private List<Path> runs;

    @Option(names = "--stem", paramLabel = "STEM", description = "Path prefix of the PNG files.")
    private Path stem;

    @Override
    public Integer call() {
        Report report = Report.of(TablesCommand.read(runs));
        if (!report.isSumbench()) {
            throw new BadInputException(runs.get(0) + ": expected sumbench rows (params strategy and size) to plot, "
                    + "found none");
        }
        Path prefix = stem != null ? stem : RunReader.stem(runs.get(0));
        Path dir = prefix.toAbsolutePath().getParent();
        if (dir == null || !Files.isDirectory(dir)) {
            throw new BadInputException("--stem " + prefix + ": expected an existing directory, found no directory "
                    + dir);
        }
        Map<Path, byte[]> files = new LinkedHashMap<>();
        Charts.Drawn drawn = report.drawCharts();
        PrintWriter err = spec.commandLine().getErr();
        drawn.skipped().forEach(note -> err.println("plot: " + note));
        err.flush();
        for (Charts.Chart chart : drawn.charts()) {
            files.put(prefix.resolveSibling(prefix.getFileName() + chart.suffix()), chart.png());
        }
        List<Path> written;
        try {
            written = OutputFiles.replaceAll(files, TablesCommand.inputsOf(runs));
        } catch (RefusedFileException e) {
            throw new BadInputException("--stem " + prefix + ": " + e.getMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the charts: " + e.getMessage(), e);
        }
        PrintWriter out = spec.commandLine().getOut();
        written.forEach(out::println);
        out.flush();
        return ExitCodes.OK;
    }
}
