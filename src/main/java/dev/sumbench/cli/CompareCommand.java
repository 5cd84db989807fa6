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
            "Verdict per row, with the fork as the sampling unit: slower or faster by more than the threshold, "
                    + "equivalent within ± the threshold, or inconclusive (fewer than 3 forks a side, no raw data, or "
                    + "too noisy). One-sided Welch t tests over log fork means against old × (1 ± threshold) and two "
                    + "one-sided tests for equivalence, with the false discovery rate held at alpha across rows "
                    + "(Benjamini-Hochberg).",
            "A CSV file with its <stem>.json beside it is read from that JSON (raw data); a CSV alone is compared "
                    + "from its summaries and its rows stay inconclusive.",
            "Exit codes:",
            "  0  every row decided and none slower beyond the threshold",
            "  1  failure (a file could not be read)",
            "  2  bad input (an option, a file that is not a JMH result)",
            "  3  some row is slower beyond the threshold (a regression)",
            "  4  no regression, but some row is inconclusive: could not decide"},
        footer = {"", "Examples:",
            "  sumbench compare results/old.json results/new.json",
            "  sumbench compare old.json new.json --alpha 0.01 --threshold 10%% --format md",
            "  sumbench compare old.csv new.csv   (reads old.json and new.json when they lie beside)"})
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
            description = "A row shown slower by more than this is a regression (exit code 3); rows within ± "
                    + "this are equivalent (default: ${DEFAULT-VALUE}).")
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
        List<String> notes = new java.util.ArrayList<>();
        Path oldSource = withRawData(oldFile, notes);
        Path newSource = withRawData(newFile, notes);
        Run oldRun = read(oldSource);
        Run newRun = read(newSource);
        if (slowdown > 0) {
            newRun = Comparisons.injectSlowdown(newRun, slowdown);
        }
        Comparison comparison = Comparisons.compare(oldRun, newRun, alpha, thresholdFraction);
        if (slowdown > 0) {
            notes.add("the new run was made " + Percent.format(slowdown) + " slower on purpose (--inject-slowdown: "
                    + "times × " + factor(slowdown) + ", throughputs ÷ " + factor(slowdown) + "): a check of "
                    + "compare, not a measurement");
        }
        Table table = CompareReport.table(comparison, oldFile.toString(), newFile.toString(), notes);
        PrintWriter out = spec.commandLine().getOut();
        out.print(tableFormat.render(table));
        out.flush();
        return exitCode(comparison);
    }

    /** 3 when a row is slower beyond the threshold, else 4 when a row is inconclusive, else 0. */
    static int exitCode(Comparison comparison) {
        if (!comparison.regressions().isEmpty()) {
            return ExitCodes.REGRESSION;
        }
        return comparison.inconclusive().isEmpty() ? ExitCodes.OK : ExitCodes.UNDECIDED;
    }

    /**
     * The file to read for {@code file}: a {@code <stem>.csv} with a regular {@code <stem>.json} beside it is read
     * from that JSON, which has the raw data per fork (every sumbench run writes both); a note says so.
     */
    static Path withRawData(Path file, List<String> notes) {
        String name = file.getFileName() == null ? "" : file.getFileName().toString();
        if (!name.toLowerCase(java.util.Locale.ROOT).endsWith(".csv")) {
            return file;
        }
        Path json = file.resolveSibling(name.substring(0, name.length() - ".csv".length()) + ".json");
        if (java.nio.file.Files.isRegularFile(json, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            notes.add("read " + json + " instead of " + file + ": the JSON beside it has the raw data per fork");
            return json;
        }
        return file;
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
