package dev.sumbench.cli;

import dev.sumbench.core.BadInputException;
import dev.sumbench.core.ExitCodes;
import dev.sumbench.report.CompareReport;
import dev.sumbench.report.Table;
import dev.sumbench.report.TableFormat;
import dev.sumbench.results.MalformedResultsException;
import dev.sumbench.results.Run;
import dev.sumbench.results.RunReader;
import dev.sumbench.stats.Comparison;
import dev.sumbench.stats.Comparisons;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code sumbench compare OLD NEW}: two JMH runs side by side, with honest statistics and a CI exit code. */
@Command(name = "compare", mixinStandardHelpOptions = true,
        description = {"Compares two JMH result files (JSON or CSV) row by row, like benchstat: per row the old and "
                + "new centre with a confidence interval, the change or ~ when it is not significant, the p-value and "
                + "the sample counts, then the geometric mean.",
            "With JMH JSON: the exact Mann-Whitney U test over fork means (over iterations, with a warning, when "
                    + "either side has fewer forks than the test needs). With CSV only: Welch's t test from score, "
                    + "error and samples, with a warning.",
            "Exit code: 0 no row significantly worse beyond the threshold, 3 some row is, 2 bad input."},
        footer = {"", "Examples:",
            "  sumbench compare results/old.json results/new.json",
            "  sumbench compare old.json new.json --alpha 0.01 --threshold 10%% --format md"})
final class CompareCommand implements Callable<Integer> {

    /** The largest --inject-slowdown: 10 (1000 %, times × 11), far beyond any regression a check needs. */
    static final double MAX_INJECTED_SLOWDOWN = 10;

    @Spec
    private CommandSpec spec;

    @Parameters(index = "0", paramLabel = "OLD", description = "The baseline run (JMH .json or .csv).")
    private Path oldFile;

    @Parameters(index = "1", paramLabel = "NEW", description = "The run to judge against it.")
    private Path newFile;

    @Option(names = "--alpha", paramLabel = "A", defaultValue = "0.05",
            description = "Significance level, in (0, 1) (default: ${DEFAULT-VALUE}).")
    private double alpha;

    @Option(names = "--threshold", paramLabel = "P", defaultValue = "5%",
            description = "A row significantly worse by more than this is a regression: exit code 3 "
                    + "(default: ${DEFAULT-VALUE}).")
    private String threshold;

    @Option(names = "--inject-slowdown", paramLabel = "P",
            description = "A check of compare itself: make every row of NEW P slower before comparing (times × (1+P), "
                    + "throughputs ÷ (1+P), raw data included); the table says so. 0 < P <= 1000%% (10×).")
    private String injectSlowdown;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text",
            description = "Table format: text, md or csv (default: ${DEFAULT-VALUE}).")
    private String format;

    @Override
    public Integer call() {
        if (!(alpha > 0 && alpha < 1)) {
            throw new BadInputException("--alpha: expected a level in (0, 1), got " + alpha);
        }
        double thresholdFraction = Percent.parse("--threshold", threshold);
        TableFormat tableFormat = FormatOption.parse(format);
        double slowdown = injectSlowdown == null ? 0 : Percent.parse("--inject-slowdown", injectSlowdown);
        if (injectSlowdown != null && !(slowdown > 0 && slowdown <= MAX_INJECTED_SLOWDOWN)) {
            throw new BadInputException("--inject-slowdown: expected a slowdown in (0, 1000%], got " + injectSlowdown);
        }
        Run oldRun = read(oldFile);
        Run newRun = read(newFile);
        if (slowdown > 0) {
            newRun = Comparisons.injectSlowdown(newRun, slowdown);
        }
        Comparison comparison = Comparisons.compare(oldRun, newRun, alpha, thresholdFraction);
        List<String> notes = slowdown > 0
                ? List.of("the new run was made " + Percent.format(slowdown) + " slower on purpose (--inject-slowdown: "
                        + "times × " + factor(slowdown) + ", throughputs ÷ " + factor(slowdown) + "): a check of "
                        + "compare, not a measurement")
                : List.of();
        Table table = CompareReport.table(comparison, oldFile.toString(), newFile.toString(), notes);
        PrintWriter out = spec.commandLine().getOut();
        out.print(tableFormat.render(table));
        out.flush();
        return comparison.regressions().isEmpty() ? ExitCodes.OK : ExitCodes.REGRESSION;
    }

    private static String factor(double slowdown) {
        return new java.math.BigDecimal(String.format(java.util.Locale.ROOT, "%.6g", 1 + slowdown))
                .stripTrailingZeros().toPlainString();
    }

    static Run read(Path file) {
        try {
            return RunReader.read(file);
        } catch (MalformedResultsException e) {
            throw new BadInputException(e.getMessage(), e);
        }
    }
}
