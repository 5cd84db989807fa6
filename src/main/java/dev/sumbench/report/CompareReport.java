package dev.sumbench.report;

import dev.sumbench.results.Result;
import dev.sumbench.results.ScoreUnit;
import dev.sumbench.stats.Comparison;
import dev.sumbench.stats.Comparisons;
import dev.sumbench.stats.Decision;
import dev.sumbench.stats.Gate;
import dev.sumbench.stats.Judgement;
import dev.sumbench.stats.Direction;
import dev.sumbench.stats.Estimate;
import dev.sumbench.stats.GeoMean;
import dev.sumbench.stats.RowComparison;
import dev.sumbench.stats.Verdict;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The benchstat-like table of {@code sumbench compare}: one line per matched row with both centres, their intervals,
 * the change or {@code ~}, the p-value and the sample counts; a geometric-mean line; rows found on one side only; the
 * warnings as notes. Formatting only: every figure comes from {@link Comparison}.
 */
public final class CompareReport {

    /** Row names listed per aggregated warning before "and N more". */
    private static final int ROWS_PER_WARNING = 3;

    private CompareReport() {
    }

    /** The table for {@code comparison} of the runs named {@code oldName} and {@code newName}. */
    public static Table table(Comparison comparison, String oldName, String newName) {
        return table(comparison, oldName, newName, List.of());
    }

    /** The same, with {@code notes} first among the notes (e.g. what was done to the input). */
    public static Table table(Comparison comparison, String oldName, String newName, List<String> notes) {
        Table.Builder table = Table.builder("compare " + oldName + " → " + newName,
                Table.Column.left("benchmark"), Table.Column.left("mode"), Table.Column.left("params"),
                Table.Column.right("old"), Table.Column.right("±"), Table.Column.right("new"),
                Table.Column.right("±"), Table.Column.left("change"), Table.Column.right("p"), Table.Column.right("n"),
                Table.Column.left("verdict"));
        notes.forEach(table::note);
        Map<String, List<String>> rowWarnings = new LinkedHashMap<>();
        Map<String, String> names = shortNames(comparison);
        for (RowComparison row : comparison.rows()) {
            Formats.Scale scale = scale(row.oldSide().centre(), row.newSide().centre(), row.unit());
            table.row(names.get(row.key().benchmark()), row.key().mode(), params(row.key()),
                    value(row.oldSide().centre(), scale), interval(row.oldSide()),
                    value(row.newSide().centre(), scale), interval(row.newSide()), change(row),
                    pValue(row.p()), row.oldSide().n() + "+" + row.newSide().n() + " " + row.sampleUnit().plural(),
                    row.decision().word());
            for (String warning : row.warnings()) {
                rowWarnings.computeIfAbsent(warning, w -> new ArrayList<>()).add(describe(row.key(), names));
            }
            if (row.decision() == Decision.INCONCLUSIVE) {
                rowWarnings.computeIfAbsent("inconclusive: " + inconclusiveReason(row.judgement()),
                        w -> new ArrayList<>()).add(describe(row.key(), names));
            }
        }
        GeoMean geoMean = comparison.geoMean();
        if (geoMean != null) {
            Formats.Scale scale = geoMean.unit() == null ? null
                    : scale(geoMean.oldCentre(), geoMean.newCentre(), geoMean.unit());
            table.row("geomean", "", "(" + geoMean.rows() + " rows)",
                    scale == null ? "" : value(geoMean.oldCentre(), scale), "",
                    scale == null ? "" : value(geoMean.newCentre(), scale), "",
                    signed(geoMean.change()) + " " + words(geoMean.change(), geoMean.direction(),
                            geoMean.unit() == null || geoMean.unit().isTime()), "", "", "");
        }
        for (Result.Key key : comparison.onlyOld()) {
            table.row(oneSide(key, "only in old", names));
        }
        for (Result.Key key : comparison.onlyNew()) {
            table.row(oneSide(key, "only in new", names));
        }
        table.note(String.format(Locale.ROOT, "change: shown where p <= %s, else ~; ±: %s %% confidence interval of "
                        + "the mean (Student t); p: two-sided, exact Mann-Whitney U over fork means (forks), over "
                        + "iterations (iterations) or Welch's t from JMH's score and error (samples)",
                plain(comparison.alpha()), plain((1 - comparison.alpha()) * 100)));
        if (geoMean != null && geoMean.unit() == null) {
            table.note("geomean: of the per-row ratios in time terms (throughput rows inverted), since the units differ");
        }
        long faster = comparison.rows().stream().filter(r -> r.verdict() == Verdict.BETTER).count();
        long slower = comparison.rows().stream().filter(r -> r.verdict() == Verdict.WORSE).count();
        long other = comparison.significant().size() - faster - slower;
        table.note("significant: " + comparison.significant().size() + " of " + comparison.rows().size() + " rows ("
                + faster + " faster or better, " + slower + " slower or worse" + (other > 0 ? ", " + other + " changed"
                : "") + ")");
        table.note(verdictLegend(comparison));
        table.note(verdictCounts(comparison));
        int regressions = comparison.regressions().size();
        table.note(regressions == 0
                ? "no row is slower by more than " + percent(comparison.threshold())
                : regressions + " row" + (regressions == 1 ? " is" : "s are") + " slower by more than "
                        + percent(comparison.threshold()) + ": " + String.join(", ", comparison.regressions().stream()
                                .map(r -> describe(r.key(), names)).toList()));
        int undecided = comparison.inconclusive().size();
        if (undecided > 0) {
            table.note("could not decide " + undecided + " of " + comparison.rows().size() + " row"
                    + (comparison.rows().size() == 1 ? "" : "s") + ": see the inconclusive warnings below");
        }
        for (Map.Entry<String, List<String>> warning : rowWarnings.entrySet()) {
            table.note("warning: " + warning.getKey() + " [" + rowList(warning.getValue()) + "]");
        }
        for (String warning : comparison.warnings()) {
            table.note("warning: " + warning);
        }
        return table.build();
    }

    private static List<String> oneSide(Result.Key key, String where, Map<String, String> names) {
        return List.of(names.get(key.benchmark()), key.mode(), params(key), "", "", "", "", where, "", "", "");
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

    private static String verdictLegend(Comparison comparison) {
        String factor = plain(1 + comparison.threshold());
        return "verdict: slower = new cost shown above old × " + factor + ", faster = shown below old ÷ " + factor
                + ", equivalent = shown between the two, inconclusive = none of these; one-sided Welch t over log fork "
                + "means (>= " + Gate.MIN_FORKS + " forks a side), false discovery rate " + percent(comparison.alpha())
                + " across rows (Benjamini-Hochberg)";
    }

    private static String verdictCounts(Comparison comparison) {
        List<String> counts = new ArrayList<>();
        for (Decision decision : Decision.values()) {
            counts.add(comparison.decided(decision).size() + " " + decision.word());
        }
        return "verdicts: " + String.join(", ", counts) + " of " + comparison.rows().size() + " rows";
    }

    private static String inconclusiveReason(Judgement judgement) {
        return judgement.reason();
    }

    private static String params(Result.Key key) {
        List<String> pairs = new ArrayList<>();
        key.params().forEach((name, value) -> pairs.add(name + "=" + value));
        return String.join(" ", pairs);
    }

    private static String change(RowComparison row) {
        return switch (row.verdict()) {
            case UNCHANGED -> "~";
            case UNTESTED -> "untested";
            case CHANGED -> signed(row.change()) + (row.change() > 0 ? " higher" : " lower");
            case BETTER, WORSE -> signed(row.change()) + " " + words(row.change(), row.direction(),
                    row.unit().isTime());
        };
    }

    /** "faster"/"slower" for time and rate units, "better"/"worse" for others, by the unit's direction. */
    private static String words(double change, Direction direction, boolean speed) {
        boolean better = direction == Direction.HIGHER_IS_BETTER ? change > 0 : change < 0;
        if (direction == Direction.UNKNOWN) {
            return change > 0 ? "higher" : "lower";
        }
        if (speed) {
            return better ? "faster" : "slower";
        }
        return better ? "better" : "worse";
    }

    /** One scale for both sides of a row (from the larger), so that old and new read in the same unit. */
    static Formats.Scale scale(double oldValue, double newValue, ScoreUnit unit) {
        double larger = Double.isNaN(oldValue) ? newValue : Double.isNaN(newValue) ? oldValue
                : Math.max(Math.abs(oldValue), Math.abs(newValue));
        return Formats.scale(larger, unit);
    }

    static String value(double value, ScoreUnit unit) {
        return Formats.score(value, unit);
    }

    static String value(double value, Formats.Scale scale) {
        return Double.isNaN(value) ? "n/a" : scale.withUnit(value);
    }

    static String interval(Estimate estimate) {
        if (!estimate.hasInterval()) {
            return "n/a";
        }
        double relative = estimate.relativeHalfWidth() * 100;
        return "±" + (relative < 10 ? String.format(Locale.ROOT, "%.1f%%", relative)
                : String.format(Locale.ROOT, "%.0f%%", relative));
    }

    private static String pValue(double p) {
        if (Double.isNaN(p)) {
            return "n/a";
        }
        return p < 0.001 ? "<0.001" : String.format(Locale.ROOT, "%.3f", p);
    }

    private static String signed(double change) {
        return String.format(Locale.ROOT, "%+.1f%%", change * 100);
    }

    private static String percent(double fraction) {
        return plain(fraction * 100) + " %";
    }

    private static String plain(double value) {
        return new java.math.BigDecimal(String.format(Locale.ROOT, "%.6g", value)).stripTrailingZeros()
                .toPlainString();
    }

    private static String rowList(List<String> rows) {
        if (rows.size() <= ROWS_PER_WARNING) {
            return String.join("; ", rows);
        }
        return String.join("; ", rows.subList(0, ROWS_PER_WARNING)) + "; and " + (rows.size() - ROWS_PER_WARNING)
                + " more";
    }
}
