package dev.sumbench.report;

import dev.sumbench.compare.Comparison;
import dev.sumbench.compare.Decision;
import dev.sumbench.compare.Gate;
import dev.sumbench.compare.GeoMean;
import dev.sumbench.compare.Judgement;
import dev.sumbench.compare.Notice;
import dev.sumbench.compare.Reason;
import dev.sumbench.compare.RowComparison;
import dev.sumbench.results.Result;
import dev.sumbench.results.ScoreUnit;
import dev.sumbench.stats.Estimate;
import dev.sumbench.stats.Samples;
import dev.sumbench.stats.Summary;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The benchstat-like table of {@code sumbench compare}, read top-down: the title's second line is the answer (how many
 * rows are slower, faster, equivalent, inconclusive); then the rows, those that changed first; a geometric-mean line;
 * rows found on one side only; the notes (what the columns mean, why rows are inconclusive, what limits the whole
 * comparison). One test per row: the change, its interval and the verdict all come from the gate's judgement, so no
 * cell can read "slower" on a row whose verdict is not slower. Formatting only: every figure comes from
 * {@link Comparison}; the reason codes become sentences here.
 */
public final class CompareReport {

    /** Row names listed per aggregated note before "and N more". */
    private static final int ROWS_PER_NOTE = 3;
    /** Between the rows a note lists: one per line, indented under the note. */
    private static final String ROW_BREAK = "\n      ";
    /** The order rows are shown in: what changed first, then what could not be decided, then the unchanged. */
    private static final List<Decision> ORDER = List.of(Decision.SLOWER, Decision.FASTER, Decision.INCONCLUSIVE,
            Decision.EQUIVALENT);

    private CompareReport() {
    }

    /** The table for {@code comparison} of the runs named {@code oldName} and {@code newName}. */
    public static Table table(Comparison comparison, String oldName, String newName) {
        return table(comparison, oldName, newName, List.of(), false);
    }

    /** The same, with {@code notes} first among the notes (e.g. what was done to the input). */
    public static Table table(Comparison comparison, String oldName, String newName, List<String> notes) {
        return table(comparison, oldName, newName, notes, false);
    }

    /**
     * The same; {@code rankTest} adds a column with the exact Mann–Whitney p over fork means, a second view that
     * decides nothing.
     */
    public static Table table(Comparison comparison, String oldName, String newName, List<String> notes,
                              boolean rankTest) {
        List<Table.Column> columns = new ArrayList<>(List.of(Table.Column.left("benchmark"),
                Table.Column.left("mode"), Table.Column.left("params"), Table.Column.right("old"),
                Table.Column.right("±"), Table.Column.right("new"), Table.Column.right("±"),
                Table.Column.left("change")));
        if (rankTest) {
            columns.add(Table.Column.right("rank p"));
        }
        columns.add(Table.Column.right("n"));
        columns.add(Table.Column.left("verdict"));
        Table.Builder table = Table.builder("compare " + oldName + " → " + newName + "\n" + summary(comparison),
                columns.toArray(Table.Column[]::new));
        notes.forEach(table::note);
        Map<String, String> names = shortNames(comparison);
        Map<String, List<String>> reasons = new LinkedHashMap<>();
        List<RowComparison> ordered = comparison.rows().stream()
                .sorted(Comparator.comparingInt(r -> ORDER.indexOf(r.decision()))).toList();
        for (RowComparison row : ordered) {
            Formats.Scale scale = scale(row.oldSide().center(), row.newSide().center(), row.unit());
            List<String> cells = new ArrayList<>(List.of(names.get(row.key().benchmark()), row.key().mode(),
                    params(row.key()), value(row.oldSide().center(), scale), interval(row.oldSide()),
                    value(row.newSide().center(), scale), interval(row.newSide()), change(row)));
            if (rankTest) {
                cells.add(pValue(row.rankP()));
            }
            cells.add(counts(row.oldSide(), row.newSide()));
            cells.add(verdict(row));
            table.row(cells);
            if (row.decision() == Decision.INCONCLUSIVE) {
                reasons.computeIfAbsent(verdict(row) + ": " + reason(row, comparison.threshold()),
                        w -> new ArrayList<>()).add(describe(row.key(), names) + needs(row.judgement()));
            }
        }
        GeoMean geoMean = comparison.geoMean();
        if (geoMean != null) {
            Formats.Scale scale = geoMean.unit() == null ? null
                    : scale(geoMean.oldCentre(), geoMean.newCentre(), geoMean.unit());
            table.row(blankRow(columns.size(), "geomean", "", "(" + geoMean.rows() + " rows)",
                    scale == null ? "" : value(geoMean.oldCentre(), scale), "",
                    scale == null ? "" : value(geoMean.newCentre(), scale), "", signed(geoMean.change())));
        }
        for (Result.Key key : comparison.onlyOld()) {
            table.row(blankRow(columns.size(), names.get(key.benchmark()), key.mode(), params(key), "", "", "", "",
                    "only in old"));
        }
        for (Result.Key key : comparison.onlyNew()) {
            table.row(blankRow(columns.size(), names.get(key.benchmark()), key.mode(), params(key), "", "", "", "",
                    "only in new"));
        }
        legend(comparison, rankTest, geoMean).forEach(table::note);
        for (Map.Entry<String, List<String>> reason : reasons.entrySet()) {
            // every undecided row is listed, with what would decide it: a user decides from it whether to wait
            table.note(reason.getKey() + ":" + ROW_BREAK + String.join(ROW_BREAK, reason.getValue()));
        }
        if (sameRun(comparison)) {
            table.note("warning: every row has the same score on both sides: the same run on both sides (a file "
                    + "against itself, or a run's JSON against its CSV) shows nothing about a change");
        }
        notices(comparison, names).forEach(notice -> table.note("warning: " + notice));
        return table.build();
    }

    /**
     * The answer in one line: how many rows ended as each verdict, the slower ones first.
     * {@code "2 slower, 0 faster (beyond ±5%), 5 equivalent (within ±5%), 17 inconclusive, of 24 rows"}.
     */
    public static String summary(Comparison comparison) {
        String threshold = Formats.confidence(comparison.threshold());
        return "verdict: " + comparison.decided(Decision.SLOWER).size() + " slower and "
                + comparison.decided(Decision.FASTER).size() + " faster beyond ±" + threshold + ", "
                + comparison.decided(Decision.EQUIVALENT).size() + " equivalent within ±" + threshold + ", "
                + comparison.inconclusive().size() + " inconclusive, of " + comparison.rows().size() + " row"
                + (comparison.rows().size() == 1 ? "" : "s");
    }

    /** The comparison's notices in words, each kind once, with the rows or details it concerns. */
    private static List<String> notices(Comparison comparison, Map<String, String> names) {
        Map<String, List<String>> grouped = new LinkedHashMap<>();
        for (Notice notice : comparison.notices()) {
            List<String> v = notice.values();
            String row = notice.key() == null ? null : describe(notice.key(), names);
            switch (notice.kind()) {
                case UNITS_DIFFER -> grouped.computeIfAbsent("units differ and do not convert, so not compared",
                        k -> new ArrayList<>()).add(row + " (" + v.get(0) + " in old, " + v.get(1) + " in new)");
                case DUPLICATE_ROW -> grouped.computeIfAbsent("a row appears twice in a run: the first is used",
                        k -> new ArrayList<>()).add(row + " (in " + v.get(0) + ")");
                case IGNORED_WORKERS -> grouped.computeIfAbsent("matched although the workers param differs, since "
                        + "a sequential strategy ignores it", k -> new ArrayList<>())
                        .add(v.get(0) + " (workers=" + v.get(1) + " in old, " + v.get(2) + " in new)");
                case NO_ROW_MATCHES -> grouped.put("no row matches: compare the params (old: [" + v.get(0)
                        + "]; new: [" + v.get(1) + "]) and benchmark names", List.of());
                case NO_METADATA -> grouped.put("no .meta.json beside " + (v.size() == 2 ? "either run"
                        : "the " + v.get(0) + " run") + ": machine, cores and JDK not checked; a difference may "
                        + "come from them", List.of());
                case ON_PERCENTILE -> {
                    // a property of the method, said in the legend
                }
                case RUNS_DIFFER -> grouped.put("the runs differ in " + v.get(0) + " (old: " + v.get(1) + "; new: "
                        + v.get(2) + "): a change may come from that, not from the code", List.of());
            }
        }
        List<String> lines = new ArrayList<>();
        grouped.forEach((text, rows) -> lines.add(rows.isEmpty() ? text : text + ":" + rowList(rows)));
        return lines;
    }

    /** Whether every row's score is the same on both sides, to JMH's printed precision. */
    private static boolean sameRun(Comparison comparison) {
        return !comparison.rows().isEmpty() && comparison.rows().stream()
                .allMatch(r -> Math.abs(r.newSide().center() - r.oldSide().center())
                        <= 1e-6 * Math.abs(r.oldSide().center()));
    }

    /** What the columns mean, once. */
    private static List<String> legend(Comparison comparison, boolean rankTest, GeoMean geoMean) {
        String confidence = Formats.confidence(1 - 2 * comparison.alpha());
        String threshold = Formats.confidence(comparison.threshold());
        String factor = Formats.number(1 + comparison.threshold());
        List<String> legend = new ArrayList<>();
        legend.add("change: new ÷ old − 1 of the geometric means of the fork means, with its " + confidence
                + " interval (Welch's t over the log fork means, from " + Gate.MIN_FORKS + " forks a side); below "
                + Gate.MIN_FORKS + " forks, or without raw data (the scores' ratio), no interval");
        legend.add("slower, faster, equivalent: slower = the cost ratio's interval lies above old × " + factor
                + ", faster = below old ÷ " + factor + ", equivalent = within both, inconclusive = none of these "
                + "(or no test); each kind holds its false discovery rate at "
                + Formats.confidence(comparison.alpha()) + " across the rows (Benjamini-Hochberg), so a row near the edge may need more than its own interval; threshold ±"
                + threshold);
        legend.add("±: " + Formats.confidence(Summary.FORK_CONFIDENCE)
                + " interval of the score over fork means (as in sumbench's tables); none from fewer than " + Gate.MIN_FORKS + " forks");
        if (rankTest) {
            legend.add("rank p: two-sided exact Mann-Whitney U over the fork means (benchstat's view), not adjusted "
                    + "across rows; it decides nothing: the verdict is the gate's");
        }
        comparison.notices().stream().filter(n -> n.kind() == Notice.Kind.ON_PERCENTILE).findFirst().ifPresent(n -> {
            double p = Double.parseDouble(n.values().get(0));
            String which = p == Samples.MEDIAN ? "median"
                    : "p" + (p == Math.rint(p) ? Long.toString((long) p) : Double.toString(p));
            legend.add("sample mode (" + n.values().get(1) + " row" + ("1".equals(n.values().get(1)) ? "" : "s")
                    + "): old, new and change are over each fork's " + which + " of JMH's histogram of every timed "
                    + "operation, not its mean, which a few long outliers move (--percentile P for another)");
        });
        comparison.rows().stream().filter(r -> r.judgement().assumed()).findFirst().ifPresent(r -> legend.add(
                "assumed: no raw data on either side (JMH CSV), so judged as if each side's score were one fork whose "
                + "log cost spreads by " + Formats.confidence(r.judgement().assumedForkCv()) + " (--assume-fork-cv; "
                + "0 judges no such row): a verdict under an assumption about the fork-to-fork spread, not a measured "
                + "one; compare the JMH JSON files (-rf json) for that"));
        if (geoMean != null) {
            legend.add("geomean: of the rows' changes" + (geoMean.unit() == null
                    ? ", in time terms (throughput rows inverted), since the units differ" : ""));
        }
        return legend;
    }

    /** The verdict cell: the decision, and for an inconclusive row what is missing, in a word or two. */
    private static String verdict(RowComparison row) {
        String assumed = row.judgement().assumed() ? "assumed" : "";
        if (row.decision() != Decision.INCONCLUSIVE) {
            return row.decision().word() + (assumed.isEmpty() ? "" : " (" + assumed + ")");
        }
        String why = switch (row.judgement().reason()) {
            case NONE, NOT_JUDGED -> "not judged";
            case NO_RAW_DATA_OLD, NO_RAW_DATA_NEW, NO_RAW_DATA -> "no raw data";
            case UNUSABLE_RAW_DATA -> "bad raw data";
            case NO_DIRECTION -> "no direction";
            case TOO_FEW_FORKS -> "too few forks";
            case NOT_POSITIVE -> "not positive";
            case TOO_NOISY -> "too noisy";
            case ACROSS_ROWS -> "across rows";
        };
        return row.decision().word() + " (" + (assumed.isEmpty() ? "" : assumed + ", ") + why + ")";
    }

    /** What would decide an undecided tested row: the forks a side, as its spread and estimate stand. */
    private static String needs(Judgement judgement) {
        int forks = judgement.forksNeeded();
        if (forks < 0) {
            return "";
        }
        return forks == Integer.MAX_VALUE ? " (no number of forks decides it: its estimate is on the threshold)"
                : " (needs ~" + forks + " forks a side as it stands)";
    }

    /** Why {@code row} is inconclusive, in a sentence that says what to do. */
    static String reason(RowComparison row, double threshold) {
        String percent = Formats.confidence(threshold);
        Reason reason = row.judgement().reason();
        return switch (reason) {
            case NONE, NOT_JUDGED -> "not judged: the gate judges all rows of a comparison together";
            case NO_RAW_DATA_OLD, NO_RAW_DATA_NEW, NO_RAW_DATA -> "no raw data on "
                    + (reason == Reason.NO_RAW_DATA ? "either side" : reason == Reason.NO_RAW_DATA_OLD
                    ? "the old side" : "the new side") + " (JMH CSV): the fork-to-fork variance is unknown; "
                    + "compare the JMH JSON files (-rf json) for an interval and a verdict";
            case UNUSABLE_RAW_DATA -> "raw data without iterations or with NaN/infinite values";
            case NO_DIRECTION -> "the unit (" + row.unit().text() + ") does not say whether higher is better";
            case TOO_FEW_FORKS -> "only " + row.oldSide().n() + "+" + row.newSide().n() + " forks"
                    + (row.inProcess() ? " (-f 0: a side ran in JMH's own JVM, which counts as one fork)" : "")
                    + ": an interval and a verdict need >= " + Gate.MIN_FORKS + " forks per side (the fork is the "
                    + "sampling unit); rerun with -f 5 or more, or with scripts/bench-ab";
            case NOT_POSITIVE -> "a fork mean is zero or negative: no ratio";
            case TOO_NOISY -> "the cost ratio's interval reaches beyond 1 ± " + percent + "; rerun with more forks, "
                    + "with scripts/bench-ab, or on a quieter machine";
            case ACROSS_ROWS -> "its own interval would decide it, but not by the margin that holds the false "
                    + "discovery rate across the rows; rerun with more forks or with scripts/bench-ab";
        };
    }

    private static List<String> blankRow(int columns, String... first) {
        List<String> cells = new ArrayList<>(List.of(first));
        while (cells.size() < columns) {
            cells.add("");
        }
        return cells;
    }

    /** Every benchmark name of the comparison, shortened only as far as the names stay apart ({@link Names}). */
    private static Map<String, String> shortNames(Comparison comparison) {
        List<String> all = new ArrayList<>();
        comparison.rows().forEach(row -> all.add(row.key().benchmark()));
        comparison.onlyOld().forEach(key -> all.add(key.benchmark()));
        comparison.onlyNew().forEach(key -> all.add(key.benchmark()));
        return Names.shortest(all);
    }

    /** A row in words for the notes: its short name, mode and params. */
    private static String describe(Result.Key key, Map<String, String> names) {
        StringBuilder text = new StringBuilder(names.get(key.benchmark())).append(' ').append(key.mode());
        key.params().forEach((name, value) -> text.append(' ').append(name).append('=').append(value));
        return text.toString();
    }

    private static String params(Result.Key key) {
        List<String> pairs = new ArrayList<>();
        key.params().forEach((name, value) -> pairs.add(name + "=" + value));
        return String.join(" ", pairs);
    }

    /** The change with its interval, {@code +20.0% [+12.1%, +28.6%]}: figures only, never a word. */
    private static String change(RowComparison row) {
        if (Double.isNaN(row.change())) {
            return Formats.NONE;
        }
        if (!row.judgement().hasInterval()) {
            return signed(row.change());
        }
        return signed(row.change()) + " [" + signed(row.changeLo()) + ", " + signed(row.changeHi()) + "]";
    }

    /** One scale for both sides of a row (from the larger), so that old and new read in the same unit. */
    static Formats.Scale scale(double oldValue, double newValue, ScoreUnit unit) {
        double larger = Double.isNaN(oldValue) ? newValue : Double.isNaN(newValue) ? oldValue
                : Math.max(Math.abs(oldValue), Math.abs(newValue));
        return Formats.scale(larger, unit);
    }

    static String value(double value, Formats.Scale scale) {
        return Double.isNaN(value) ? "n/a" : scale.withUnit(value);
    }

    static String value(double value, ScoreUnit unit) {
        return Formats.score(value, unit);
    }

    /** The ± cell: the interval over fork means only; JMH's own interval (over iterations, from a CSV) is not one. */
    static String interval(Summary summary) {
        return summary.overForks() && summary.hasInterval() ? halfWidth(summary.relativeHalfWidth()) : Formats.NONE;
    }

    /** The n cell: {@code 5+5 forks}, or what each side counts when one has no raw data. */
    private static String counts(Summary oldSide, Summary newSide) {
        String oldUnit = oldSide.forkMeans().isEmpty() ? " samples" : " forks";
        String newUnit = newSide.forkMeans().isEmpty() ? " samples" : " forks";
        return oldUnit.equals(newUnit) ? oldSide.n() + "+" + newSide.n() + newUnit
                : oldSide.n() + oldUnit + "+" + newSide.n() + newUnit;
    }

    static String interval(Estimate estimate) {
        return estimate.hasInterval() ? halfWidth(estimate.relativeHalfWidth()) : "n/a";
    }

    private static String halfWidth(double fraction) {
        double relative = fraction * 100;
        return "±" + (relative < 10 ? String.format(Locale.ROOT, "%.1f%%", relative)
                : String.format(Locale.ROOT, "%.0f%%", relative));
    }

    private static String pValue(double p) {
        if (Double.isNaN(p)) {
            return Formats.NONE;
        }
        return p < 0.001 ? "<0.001" : String.format(Locale.ROOT, "%.3f", p);
    }

    private static String signed(double change) {
        // a change that rounds to zero reads +0.0%, never -0.0%
        return String.format(Locale.ROOT, "%+.1f%%", Math.abs(change) < 0.0005 ? 0 : change * 100);
    }

    /** The rows a note concerns, one per line, the first {@link #ROWS_PER_NOTE} of them and how many more. */
    private static String rowList(List<String> rows) {
        List<String> shown = new ArrayList<>(rows.subList(0, Math.min(rows.size(), ROWS_PER_NOTE)));
        if (rows.size() > ROWS_PER_NOTE) {
            shown.add("and " + (rows.size() - ROWS_PER_NOTE) + " more");
        }
        return ROW_BREAK + String.join(ROW_BREAK, shown);
    }
}
