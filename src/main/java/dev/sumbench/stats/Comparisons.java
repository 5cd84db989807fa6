package dev.sumbench.stats;

import dev.sumbench.results.Metric;
import dev.sumbench.results.Result;
import dev.sumbench.results.Run;
import dev.sumbench.results.RunMeta;
import dev.sumbench.results.ScoreUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * Compares two runs the way benchstat does, adapted to JMH: rows are matched by benchmark, mode and params; each
 * matched row gets a centre with an interval per side, a p-value and a verdict; a geometric mean sums them up. On top,
 * every row is judged by the {@link Gate} (faster, slower, equivalent within the threshold, or inconclusive, over fork
 * means, with the false discovery rate held across rows): that judgement, not the rank test, decides exit code 3.
 *
 * <p>The test per row: with raw data on both sides (JMH JSON), the exact {@link MannWhitney} rank test over fork means
 * (or over iterations, with a warning, when there are too few forks: see {@link Samples}); otherwise
 * {@link Welch} from score, error and sample count, with a warning that raw data gives better answers.
 * Centres are means (the mean of the fork means equals JMH's score when every fork ran the same iterations),
 * intervals are Student's t at {@code 1 - alpha}.
 *
 * <p>Pure functions over the immutable model; thread-safe.
 */
public final class Comparisons {

    /*
     * Implementation notes. Matching is exact on Result.Key: a param added or renamed between runs makes rows
     * unmatched rather than guessed at; a warning names the params of each side when nothing matches at all. The new
     * run's values are converted into the old run's unit when both measure the same thing (us/op into ns/op), so a
     * changed @OutputTimeUnit is no reason to give up. Rows whose units cannot convert (avgt against thrpt under the
     * same mode is impossible, but a foreign file may do anything) are reported as warnings, not as rows.
     * Only the primary metric is compared: secondary metrics (gc.alloc.rate, ...) do not all have a direction that
     * the unit tells (MB/sec of allocation is worse when higher, MB/sec of bandwidth is better).
     */

    /** JMH's default confidence for its error, used when a source does not say. */
    static final double JMH_DEFAULT_CONFIDENCE = 0.999;

    private Comparisons() {
    }

    /**
     * Compares {@code oldRun} with {@code newRun}.
     *
     * @param alpha     significance level, in (0, 1)
     * @param threshold the smallest significant worsening counted as a regression, &gt;= 0 (0.05 for 5 %)
     */
    public static Comparison compare(Run oldRun, Run newRun, double alpha, double threshold) {
        if (!(alpha > 0 && alpha < 1)) {
            throw new IllegalArgumentException("alpha must be in (0, 1), got " + alpha);
        }
        if (!(threshold >= 0)) {
            throw new IllegalArgumentException("threshold must be >= 0, got " + threshold);
        }
        List<String> warnings = new ArrayList<>();
        Map<Result.Key, Result> olds = byKey(oldRun, "old", warnings);
        Map<Result.Key, Result> news = byKey(newRun, "new", warnings);
        List<RowComparison> rows = new ArrayList<>();
        List<Gate.Sample> gateSamples = new ArrayList<>();
        List<Result.Key> onlyOld = new ArrayList<>();
        for (Map.Entry<Result.Key, Result> entry : olds.entrySet()) {
            Result newRow = news.get(entry.getKey());
            if (newRow == null) {
                onlyOld.add(entry.getKey());
                continue;
            }
            Result oldRow = entry.getValue();
            OptionalDouble factor = Direction.conversion(ScoreUnit.parse(newRow.primary().unit()),
                    ScoreUnit.parse(oldRow.primary().unit()));
            if (factor.isEmpty()) {
                warnings.add(describe(entry.getKey()) + ": units differ (" + oldRow.primary().unit() + " in old, "
                        + newRow.primary().unit() + " in new) and do not convert: not compared");
                continue;
            }
            rows.add(withNoiseWarning(compareRows(oldRow, newRow, alpha), threshold));
            gateSamples.add(Gate.sample(oldRow.primary(), newRow.primary(), factor.getAsDouble(),
                    Direction.of(ScoreUnit.parse(oldRow.primary().unit()))));
        }
        List<Judgement> judgements = Gate.judge(gateSamples, alpha, threshold);
        for (int i = 0; i < rows.size(); i++) {
            rows.set(i, rows.get(i).judged(judgements.get(i)));
        }
        List<Result.Key> onlyNew = news.keySet().stream().filter(k -> !olds.containsKey(k)).toList();
        if (rows.isEmpty() && !olds.isEmpty() && !news.isEmpty()) {
            warnings.add("no row matches: compare the params (old: " + paramNames(olds.values()) + "; new: "
                    + paramNames(news.values()) + ") and benchmark names");
        }
        long summaryRows = rows.stream().filter(r -> r.sampleUnit() == SampleUnit.SUMMARY).count();
        if (summaryRows > 0) {
            warnings.add(summaryRows + " of " + rows.size() + " rows have no raw data on one side or both (JMH CSV): "
                    + "tested from score, error and sample count, which treats every iteration as independent, so "
                    + "they get no verdict (inconclusive); JMH JSON (-rf json) keeps the raw data for a test over "
                    + "forks");
        }
        warnings.addAll(metadataWarnings(oldRun, newRun));
        return new Comparison(alpha, threshold, rows, onlyOld, onlyNew, GeoMean.of(rows), warnings);
    }

    /**
     * Compares two rows with the same key; the new row's values are converted into the old row's unit.
     *
     * @throws IllegalArgumentException if the units do not convert
     */
    public static RowComparison compareRows(Result oldRow, Result newRow, double alpha) {
        ScoreUnit unit = ScoreUnit.parse(oldRow.primary().unit());
        double factor = Direction.conversion(ScoreUnit.parse(newRow.primary().unit()), unit).orElseThrow(
                () -> new IllegalArgumentException("units do not convert: " + newRow.primary().unit() + " into "
                        + unit.text()));
        Metric oldMetric = oldRow.primary();
        Metric newMetric = newRow.primary();
        double confidence = 1 - alpha;
        List<String> warnings = new ArrayList<>();
        boolean rawOnBothSides = oldMetric.hasRawData() && newMetric.hasRawData();
        if (rawOnBothSides && !(Samples.usable(oldMetric) && Samples.usable(newMetric))) {
            warnings.add("raw data without iterations or with NaN/infinite values: tested from the summaries");
        } else if (rawOnBothSides) {
            SampleUnit sampleUnit = Samples.unitFor(oldMetric, newMetric, alpha);
            double[] x = Samples.of(oldMetric, sampleUnit);
            double[] y = scaled(Samples.of(newMetric, sampleUnit), factor);
            if (sampleUnit == SampleUnit.ITERATIONS) {
                warnings.add(tooFewForks(forkCount(oldRow, oldMetric), forkCount(newRow, newMetric), alpha));
            }
            if (MannWhitney.smallestPossibleP(x.length, y.length) > alpha) {
                warnings.add(tooFewSamples(x.length, y.length, sampleUnit, alpha));
            }
            double p = MannWhitney.test(x, y).p();
            Estimate oldSide = Estimate.ofSamples(x, confidence);
            Estimate newSide = Estimate.ofSamples(y, confidence);
            return new RowComparison(oldRow.key(), unit, oldSide, newSide, sampleUnit, p,
                    verdict(unit, oldSide, newSide, p, alpha), warnings);
        }
        Welch.Moments oldMoments = moments(oldMetric, 1);
        Welch.Moments newMoments = moments(newMetric, factor);
        Estimate oldSide = Estimate.ofMoments(oldMoments.mean(), oldMoments.sd(), oldMoments.n(), confidence);
        Estimate newSide = Estimate.ofMoments(newMoments.mean(), newMoments.sd(), newMoments.n(), confidence);
        double p = Double.NaN;
        if (oldMoments.hasSpread() && newMoments.hasSpread()) {
            p = Welch.test(oldMoments, newMoments).p();
        } else {
            warnings.add("no error on the " + (oldMoments.hasSpread() ? "new" : "old")
                    + " side (JMH computes none from 2 samples or fewer): run more iterations or forks");
        }
        return new RowComparison(oldRow.key(), unit, oldSide, newSide, SampleUnit.SUMMARY, p,
                verdict(unit, oldSide, newSide, p, alpha), warnings);
    }

    /**
     * {@code run} with every row's primary metric made slower by {@code slowdown} (0.2 for 20 %): raw data, score and
     * error of a time per operation multiplied by {@code 1 + slowdown}, of a throughput divided by it; other units
     * are left as they are. That is how a known change is injected into real data to check that a comparison finds
     * it.
     */
    public static Run injectSlowdown(Run run, double slowdown) {
        if (!(slowdown > -1) || Double.isInfinite(slowdown)) {
            throw new IllegalArgumentException("slowdown must be > -100 %, got " + slowdown);
        }
        List<Result> rows = run.results().stream().map(row -> {
            Metric m = row.primary();
            double factor = switch (Direction.of(m.scoreUnit())) {
                case LOWER_IS_BETTER -> 1 + slowdown;
                case HIGHER_IS_BETTER -> 1 / (1 + slowdown);
                case UNKNOWN -> 1;
            };
            List<List<Double>> raw = m.rawData().stream()
                    .map(fork -> fork.stream().map(v -> v * factor).toList()).toList();
            Metric slower = new Metric(m.score() * factor, m.error() * factor, m.confidence(), m.unit(), m.samples(),
                    raw);
            return new Result(row.benchmark(), row.mode(), row.params(), row.threads(), row.forks(), slower,
                    row.secondary());
        }).toList();
        return new Run(run.source(), rows, run.meta());
    }

    /**
     * {@code row} with a warning when it is not significant although its intervals are wider than the threshold: a
     * regression of the threshold's size could hide in that noise, so {@code ~} does not mean "no regression" there.
     */
    static RowComparison withNoiseWarning(RowComparison row, double threshold) {
        double widest = Math.max(row.oldSide().relativeHalfWidth(), row.newSide().relativeHalfWidth());
        if (row.verdict() != Verdict.UNCHANGED || !(widest > threshold) || threshold == 0) {
            return row;
        }
        List<String> warnings = new ArrayList<>(row.warnings());
        warnings.add(String.format(Locale.ROOT, "not significant, but an interval is wider than the %s threshold: a "
                + "change of that size could hide in the noise; rerun with more forks or on a quieter machine",
                percent(threshold)));
        return new RowComparison(row.key(), row.unit(), row.oldSide(), row.newSide(), row.sampleUnit(), row.p(),
                row.verdict(), warnings, row.judgement());
    }

    /** Warnings about what differs between the runs' machines and JVMs, or that it cannot be checked. */
    public static List<String> metadataWarnings(Run oldRun, Run newRun) {
        RunMeta a = oldRun.meta();
        RunMeta b = newRun.meta();
        if (a == null || b == null) {
            String missing = a == null && b == null ? "either run" : a == null ? "the old run" : "the new run";
            return List.of("no .meta.json beside " + missing + ": machine, cores and JDK not checked; a difference may "
                    + "come from them");
        }
        List<String> warnings = new ArrayList<>();
        differs(warnings, "host", a, b, RunMeta::host);
        differs(warnings, "CPU", a, b, RunMeta::cpuModel);
        differs(warnings, "cores", a, b, RunMeta::cores);
        differs(warnings, "online CPUs", a, b, RunMeta::onlineCpus);
        differs(warnings, "memory", a, b, m -> (m.memoryBytes() >> 20) + " MiB");
        differs(warnings, "OS", a, b, RunMeta::os);
        differs(warnings, "JDK", a, b, m -> m.jdkVendor() + " " + m.jdkVersion());
        differs(warnings, "JMH", a, b, RunMeta::jmhVersion);
        differs(warnings, "JMH options", a, b, m -> String.join(" ", m.jmhArgs()));
        return warnings;
    }

    private static void differs(List<String> warnings, String what, RunMeta a, RunMeta b,
                                Function<RunMeta, Object> field) {
        Object x = field.apply(a);
        Object y = field.apply(b);
        if (!Objects.equals(x, y)) {
            warnings.add("the runs differ in " + what + " (old: " + x + "; new: " + y + "): a change may come from "
                    + "that, not from the code");
        }
    }

    private static Verdict verdict(ScoreUnit unit, Estimate oldSide, Estimate newSide, double p, double alpha) {
        if (Double.isNaN(p)) {
            return Verdict.UNTESTED;
        }
        if (p > alpha || newSide.centre() == oldSide.centre()) {
            return Verdict.UNCHANGED;
        }
        if (Direction.of(unit) == Direction.UNKNOWN) {
            return Verdict.CHANGED;
        }
        return Direction.of(unit).improves(oldSide.centre(), newSide.centre()) ? Verdict.BETTER : Verdict.WORSE;
    }

    /** The forks behind {@code metric}: 0 for an in-process run ({@code forks: 0}), whose iterations JMH still keeps. */
    private static int forkCount(Result row, Metric metric) {
        return row.forks() == 0 ? 0 : Samples.forkMeans(metric).length;
    }

    static String tooFewForks(int oldForks, int newForks, double alpha) {
        String inProcess = oldForks == 0 && newForks == 0 ? " (in-process runs, -f 0)"
                : oldForks == 0 ? " (old in-process, -f 0)" : newForks == 0 ? " (new in-process, -f 0)" : "";
        return String.format(Locale.ROOT, "only %d+%d forks" + inProcess + ": need >= %d forks per side to compare "
                        + "fork means at "
                        + "alpha=%s; compared iterations instead, which are not independent within a fork (p too "
                        + "small: treat a change as a hint and rerun with more forks)",
                oldForks, newForks, MannWhitney.fewestPerSide(alpha), formatAlpha(alpha));
    }

    static String tooFewSamples(int n1, int n2, SampleUnit unit, double alpha) {
        return String.format(Locale.ROOT, "too few samples (%d+%d %s): need >= %d per side to detect a difference at "
                + "alpha=%s", n1, n2, unit.plural(), MannWhitney.fewestPerSide(alpha), formatAlpha(alpha));
    }

    private static String percent(double fraction) {
        return new java.math.BigDecimal(String.format(Locale.ROOT, "%.6g", fraction * 100)).stripTrailingZeros()
                .toPlainString() + " %";
    }

    private static String formatAlpha(double alpha) {
        return new java.math.BigDecimal(Double.toString(alpha)).stripTrailingZeros().toPlainString();
    }

    private static Welch.Moments moments(Metric metric, double factor) {
        double confidence = metric.confidence() > 0 && metric.confidence() < 1 ? metric.confidence()
                : JMH_DEFAULT_CONFIDENCE;
        return Welch.Moments.fromJmh(metric.score() * factor, metric.error() * factor, confidence,
                metric.samples());
    }

    private static double[] scaled(double[] values, double factor) {
        if (factor == 1) {
            return values;
        }
        double[] out = new double[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = values[i] * factor;
        }
        return out;
    }

    private static Map<Result.Key, Result> byKey(Run run, String side, List<String> warnings) {
        Map<Result.Key, Result> byKey = new LinkedHashMap<>();
        for (Result row : run.results()) {
            if (byKey.putIfAbsent(row.key(), row) != null) {
                warnings.add(describe(row.key()) + " appears twice in the " + side + " run: the first is used");
            }
        }
        return byKey;
    }

    private static Set<String> paramNames(java.util.Collection<Result> rows) {
        Set<String> names = new TreeSet<>();
        rows.forEach(r -> names.addAll(r.params().keySet()));
        return names;
    }

    /** A row's identity in one line: {@code SumBenchmark.sum avgt size=10 strategy=fork-join}. */
    public static String describe(Result.Key key) {
        StringBuilder text = new StringBuilder(shortName(key.benchmark())).append(' ').append(key.mode());
        key.params().forEach((name, value) -> text.append(' ').append(name).append('=').append(value));
        return text.toString();
    }

    /** The benchmark's class and method: the last two dotted parts of its name. */
    public static String shortName(String benchmark) {
        String[] parts = benchmark.split("\\.");
        return parts.length < 2 ? benchmark : parts[parts.length - 2] + "." + parts[parts.length - 1];
    }
}
