package dev.sumbench.cli;

import dev.sumbench.compare.Comparison;
import dev.sumbench.compare.Comparisons;
import dev.sumbench.core.BadInputException;
import dev.sumbench.core.ExitCodes;
import dev.sumbench.report.CompareReport;
import dev.sumbench.report.Table;
import dev.sumbench.report.TableFormat;
import dev.sumbench.results.MalformedResultsException;
import dev.sumbench.results.Run;
import dev.sumbench.results.RunReader;
import dev.sumbench.results.SecondaryMetrics;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code sumbench compare OLD NEW}: two JMH runs side by side, with honest statistics and a CI exit code. */
@Command(name = "compare", mixinStandardHelpOptions = true,
        description = {"Compares two JMH result files (JSON or CSV) row by row, like benchstat, with one test per row. "
                + "The first lines say the answer; rows that changed come first. Per row: the old and new score with "
                + "its 95%% interval over fork means, the change (new ÷ old − 1 of the geometric means of the fork "
                + "means) with its interval, the fork counts and the verdict.",
            "Verdict per row, with the fork as the sampling unit: slower or faster by more than the threshold, "
                    + "equivalent within ± the threshold, or inconclusive (fewer than 3 forks a side, no raw data, or "
                    + "too noisy). One-sided Welch t tests over log fork means against old × (1 ± threshold) and two "
                    + "one-sided tests for equivalence, with the false discovery rate held at alpha across rows "
                    + "(Benjamini-Hochberg). The change column shows the same test's estimate and 1 − 2 alpha "
                    + "interval, so it never disagrees with the verdict.",
            "A CSV file with its <stem>.json beside it is read from that JSON (raw data); a CSV alone is compared "
                    + "from its scores (their ratio, no interval) and its rows stay inconclusive.",
            "Secondary metrics (-prof gc's gc.alloc.rate.norm, @Group members, percentiles) are compared when "
                    + "named with --metric; otherwise the table says which were left out.",
            "Exit codes:",
            "  0  every row decided and none slower beyond the threshold",
            "  1  failure (a file could not be read)",
            "  2  bad input (an option, a file that is not a JMH result, no row of OLD matching one of NEW)",
            "  3  some row is slower beyond the threshold (a regression)",
            "  4  no regression, but some row is inconclusive: could not decide"},
        footer = {"", "Examples:",
            "  sumbench compare results/old.json results/new.json",
            "  sumbench compare old.json new.json --alpha 0.01 --threshold 10%% --format md",
            "  sumbench compare old.json new.json --metric gc.alloc.rate.norm",
            "  sumbench compare old.json new.json --rank-test",
            "  sumbench compare old.csv new.csv   (reads old.json and new.json when they lie beside)"})
final class CompareCommand implements Callable<Integer> {

    /** The largest --inject-slowdown: 10 (1000 %, times × 11), far beyond any regression a check needs. */
    static final double MAX_INJECTED_SLOWDOWN = 10;
    /** Secondary-metric labels named in the "not compared" note before "...". */
    private static final int LABELS_LISTED = 6;

    @Spec
    private CommandSpec spec;

    @Parameters(index = "0", paramLabel = "OLD", description = "The baseline run (JMH .json or .csv).")
    private Path oldFile;

    @Parameters(index = "1", paramLabel = "NEW", description = "The run to judge against it.")
    private Path newFile;

    @Option(names = "--alpha", paramLabel = "A", defaultValue = "5%",
            description = "False discovery rate of each kind of verdict, below 50%%: 5%% or 0.05, written either way "
                    + "(default: ${DEFAULT-VALUE}).")
    private String alpha;

    @Option(names = "--threshold", paramLabel = "P", defaultValue = "5%",
            description = "A row shown slower by more than this is a regression (exit code 3); rows within ± "
                    + "this are equivalent: 5%% or 0.05, written either way (default: ${DEFAULT-VALUE}).")
    private String threshold;

    @Option(names = "--assume-fork-cv", paramLabel = "P", defaultValue = "5%",
            description = "For rows without raw data on either side (two JMH CSVs): judge them as if each side's "
                    + "score were one fork whose log cost spreads by P, and mark them 'assumed'; 0 judges no such "
                    + "row (default: ${DEFAULT-VALUE}).")
    private String assumeForkCv;

    @Option(names = "--percentile", paramLabel = "P", defaultValue = "50",
            description = "Sample-mode rows (JMH SampleTime) are compared on each fork's P-th percentile of JMH's "
                    + "histogram, 0 < P <= 100 (default: ${DEFAULT-VALUE}, the median).")
    private String percentile;

    @Option(names = "--rank-test",
            description = "Add a column with the exact Mann-Whitney U p over fork means (benchstat's test), a second "
                    + "view that decides nothing.")
    private boolean rankTest;

    @Option(names = "--inject-slowdown", paramLabel = "P",
            description = "A check of compare itself: make every row of NEW P slower before comparing (times × (1+P), "
                    + "throughputs ÷ (1+P), raw data included); the table says so. 0 < P <= 1000%% (10×).")
    private String injectSlowdown;

    @Option(names = "--metric", paramLabel = "LABEL",
            description = "Also compare this secondary metric, as JMH labels it without the · prefix (e.g. "
                    + "gc.alloc.rate.norm, a @Group member, p0.99); repeatable; '" + SecondaryMetrics.ALL
                    + "' for every one. Its rows are named BENCHMARK:LABEL.")
    private List<String> metrics = new ArrayList<>();

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text",
            description = "Table format: text, md or csv (default: ${DEFAULT-VALUE}).")
    private String format;

    @Override
    public Integer call() {
        double alphaFraction = Percent.fraction("--alpha", alpha);
        if (!(alphaFraction > 0 && alphaFraction < 0.5)) {
            throw new BadInputException("--alpha: expected a rate above 0 and below 50%, got '" + alpha + "'");
        }
        double thresholdFraction = Percent.fraction("--threshold", threshold);
        double assumedForkCv = Percent.fraction("--assume-fork-cv", assumeForkCv);
        if (!(assumedForkCv >= 0 && assumedForkCv <= 1)) {
            throw new BadInputException("--assume-fork-cv: expected a spread in [0, 100%], got '" + assumeForkCv + "'");
        }
        double percentileValue = percentile(percentile);
        TableFormat tableFormat = FormatOption.parse(format);
        double slowdown = injectSlowdown == null ? 0 : Percent.fraction("--inject-slowdown", injectSlowdown);
        if (injectSlowdown != null && !(slowdown > 0 && slowdown <= MAX_INJECTED_SLOWDOWN)) {
            throw new BadInputException("--inject-slowdown: expected a slowdown in (0, 1000%], got " + injectSlowdown);
        }
        List<String> notes = new ArrayList<>();
        Path oldSource = withRawData(oldFile, notes);
        Path newSource = withRawData(newFile, notes);
        Run oldRun = read(oldSource);
        Run newRun = read(newSource);
        checkMetrics(oldRun, newRun);
        leftOut(oldRun, newRun).ifPresent(notes::add);
        oldRun = SecondaryMetrics.withRows(oldRun, metrics);
        newRun = SecondaryMetrics.withRows(newRun, metrics);
        if (slowdown > 0) {
            newRun = Comparisons.injectSlowdown(newRun, slowdown);
        }
        Comparison comparison = Comparisons.compare(oldRun, newRun, alphaFraction, thresholdFraction,
                assumedForkCv, percentileValue);
        if (comparison.rows().isEmpty()) {
            throw new BadInputException(nothingComparable(oldRun, newRun));
        }
        if (slowdown > 0) {
            notes.add(0, "the new run was made " + Percent.format(slowdown) + " slower on purpose (--inject-slowdown: "
                    + "times × " + factor(slowdown) + ", throughputs ÷ " + factor(slowdown) + "): a check of "
                    + "compare, not a measurement");
        }
        Table table = CompareReport.table(comparison, oldFile.toString(), newFile.toString(), notes, rankTest);
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

    /** A {@code --metric} label that neither run has is bad input: most likely a typo. */
    private void checkMetrics(Run oldRun, Run newRun) {
        SortedSet<String> known = new TreeSet<>(SecondaryMetrics.labels(oldRun));
        known.addAll(SecondaryMetrics.labels(newRun));
        for (String label : metrics) {
            if (!label.equals(SecondaryMetrics.ALL) && !known.contains(label)) {
                throw new BadInputException("--metric " + label + ": expected a secondary metric of OLD or NEW, found "
                        + (known.isEmpty() ? "none in either" : "only " + String.join(", ", known)));
            }
        }
    }

    /** The note on the secondary metrics both runs have that {@code --metric} did not ask for, if any. */
    private Optional<String> leftOut(Run oldRun, Run newRun) {
        if (metrics.contains(SecondaryMetrics.ALL)) {
            return Optional.empty();
        }
        SortedSet<String> both = new TreeSet<>(SecondaryMetrics.labels(oldRun));
        both.retainAll(SecondaryMetrics.labels(newRun));
        both.removeAll(metrics);
        if (both.isEmpty()) {
            return Optional.empty();
        }
        List<String> shown = new ArrayList<>(both).subList(0, Math.min(both.size(), LABELS_LISTED));
        return Optional.of("not compared: " + both.size() + " secondary metric" + (both.size() == 1 ? "" : "s")
                + " of both runs (" + String.join(", ", shown) + (both.size() > shown.size() ? ", ..." : "")
                + "); --metric LABEL or --metric " + SecondaryMetrics.ALL + " compares them");
    }

    /** Why nothing could be compared: the two runs' benchmarks, modes and params in brief. */
    private static String nothingComparable(Run oldRun, Run newRun) {
        return "nothing to compare: no row of OLD matches one of NEW by benchmark, mode and params (OLD: "
                + brief(oldRun) + "; NEW: " + brief(newRun) + ")";
    }

    private static String brief(Run run) {
        long benchmarks = run.results().stream().map(r -> r.benchmark()).distinct().count();
        SortedSet<String> params = new TreeSet<>();
        run.results().forEach(r -> params.addAll(r.params().keySet()));
        return run.results().size() + " rows of " + benchmarks + " benchmark" + (benchmarks == 1 ? "" : "s") + ", params "
                + params;
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

    private static double percentile(String text) {
        double p;
        try {
            p = Double.parseDouble(text.strip());
        } catch (NumberFormatException e) {
            p = Double.NaN;
        }
        if (!(p > 0 && p <= 100)) {
            throw new BadInputException("--percentile: expected a percentile in (0, 100] such as 50 or 99, got '"
                    + text + "'");
        }
        return p;
    }
}
