package dev.sumbench.compare;

import dev.sumbench.results.Metric;
import dev.sumbench.results.Result;
import dev.sumbench.results.Run;
import dev.sumbench.results.RunMeta;
import dev.sumbench.results.ScoreUnit;
import dev.sumbench.stats.Direction;
import dev.sumbench.stats.MannWhitney;
import dev.sumbench.stats.Samples;
import dev.sumbench.stats.Summary;
import dev.sumbench.stats.Welch;
import dev.sumbench.sum.Family;
import dev.sumbench.sum.StrategyCatalog;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * Compares two runs the way benchstat does, adapted to JMH, with one test per row: rows are matched by benchmark, mode
 * and params; each side gets its score with the interval over fork means that the tables show ({@link Summary}); the
 * {@link Gate} judges every row (faster, slower, equivalent within the threshold, or inconclusive, over fork means,
 * with the false discovery rate held across rows), and its estimate, the ratio of the geometric means of the fork
 * means with its interval, is the row's change. That judgement decides exit code 3. The exact {@link MannWhitney} rank
 * test over fork means is kept as a second, labelled view ({@link RowComparison#rankP}); it never decides anything.
 *
 * <p>Pure functions over the immutable model; thread-safe.
 */
public final class Comparisons {

    /*
     * Implementation notes. Matching is exact on Result.Key, with one exception: a sequential strategy ignores the
     * workers param, so sumbench's own rows of one are matched whatever their workers value (matchKey). A param
     * added or renamed between runs otherwise makes rows unmatched rather than guessed at; a warning names the params
     * of each side when nothing matches at all. The new run's values are converted into the old run's unit when both
     * measure the same thing (us/op into ns/op), so a changed @OutputTimeUnit is no reason to give up. Rows whose units
     * cannot convert are reported as warnings, not as rows. Only the primary metric is compared: secondary metrics
     * (gc.alloc.rate, ...) do not all have a direction that the unit tells.
     */

    /** The param a sequential strategy ignores. */
    static final String WORKERS = "workers";

    private Comparisons() {
    }

    /**
     * Compares {@code oldRun} with {@code newRun}.
     *
     * @param alpha     the level of the gate's tests, in (0, 0.5): the false discovery rate of each kind of verdict
     * @param threshold the smallest change that counts as slower or faster, &gt;= 0 (0.05 for 5 %)
     */
    public static Comparison compare(Run oldRun, Run newRun, double alpha, double threshold) {
        return compare(oldRun, newRun, alpha, threshold, Double.NaN, Samples.MEDIAN);
    }

    /**
     * As {@link #compare(Run, Run, double, double)}, with the rows that have no raw data on either side (two JMH
     * CSVs) judged under an assumed fork-to-fork spread ({@link Gate#sample(Metric, Metric, double, Direction,
     * double, double)}); NaN or 0 assumes nothing. Sample-mode rows are compared on each fork's {@code percentile}
     * of JMH's histogram (50: the median; {@link Samples#perFork}), and a notice says so.
     */
    public static Comparison compare(Run oldRun, Run newRun, double alpha, double threshold, double assumedForkCv,
                                     double percentile) {
        List<Notice> notices = new ArrayList<>();
        Map<Result.Key, Result> olds = byKey(oldRun, "old", notices);
        Map<Result.Key, Result> news = byKey(newRun, "new", notices);
        List<RowComparison> rows = new ArrayList<>();
        List<Gate.Sample> gateSamples = new ArrayList<>();
        int onHistograms = 0;
        List<Result.Key> onlyOld = new ArrayList<>();
        for (Map.Entry<Result.Key, Result> entry : olds.entrySet()) {
            Result newRow = news.get(entry.getKey());
            if (newRow == null) {
                onlyOld.add(entry.getValue().key());
                continue;
            }
            Result oldRow = entry.getValue();
            OptionalDouble factor = Direction.conversion(ScoreUnit.parse(newRow.primary().unit()),
                    ScoreUnit.parse(oldRow.primary().unit()));
            if (factor.isEmpty()) {
                notices.add(new Notice(Notice.Kind.UNITS_DIFFER, entry.getKey(),
                        List.of(oldRow.primary().unit(), newRow.primary().unit())));
                continue;
            }
            if (!oldRow.key().equals(newRow.key())) {
                notices.add(new Notice(Notice.Kind.IGNORED_WORKERS, entry.getKey(), List.of(
                        oldRow.params().get("strategy"), oldRow.params().get(WORKERS), newRow.params().get(WORKERS))));
            }
            rows.add(compareRows(entry.getKey(), oldRow, newRow, factor.getAsDouble(), percentile));
            gateSamples.add(Gate.sample(oldRow.primary(), newRow.primary(), factor.getAsDouble(),
                    Direction.of(ScoreUnit.parse(oldRow.primary().unit())), assumedForkCv, percentile));
            if (oldRow.primary().hasHistograms() && newRow.primary().hasHistograms()) {
                onHistograms++;
            }
        }
        List<Judgement> judgements = Gate.judge(gateSamples, alpha, threshold);
        for (int i = 0; i < rows.size(); i++) {
            rows.set(i, rows.get(i).judged(judgements.get(i)));
        }
        List<Result.Key> onlyNew = news.entrySet().stream().filter(e -> !olds.containsKey(e.getKey()))
                .map(e -> e.getValue().key()).toList();
        if (rows.isEmpty() && !olds.isEmpty() && !news.isEmpty()) {
            notices.add(new Notice(Notice.Kind.NO_ROW_MATCHES, null,
                    List.of(String.join(", ", paramNames(olds.values())), String.join(", ", paramNames(news.values())))));
        }
        if (onHistograms > 0) {
            notices.add(new Notice(Notice.Kind.ON_PERCENTILE, null,
                    List.of(Double.toString(percentile), Integer.toString(onHistograms))));
        }
        notices.addAll(metadataNotices(oldRun, newRun));
        return new Comparison(alpha, threshold, rows, onlyOld, onlyNew, GeoMean.of(rows), notices);
    }

    /**
     * Compares two rows with the same key on their own, not yet judged ({@link Reason#NOT_JUDGED}); the new row's
     * values are converted into the old row's unit.
     *
     * @throws IllegalArgumentException if the units do not convert
     */
    public static RowComparison compareRows(Result oldRow, Result newRow) {
        double factor = Direction.conversion(ScoreUnit.parse(newRow.primary().unit()),
                ScoreUnit.parse(oldRow.primary().unit())).orElseThrow(() -> new IllegalArgumentException(
                        "units do not convert: " + newRow.primary().unit() + " into " + oldRow.primary().unit()));
        return compareRows(matchKey(oldRow.key()), oldRow, newRow, factor, Samples.MEDIAN);
    }

    private static RowComparison compareRows(Result.Key key, Result oldRow, Result newRow, double factor,
                                             double percentile) {
        Metric oldMetric = oldRow.primary();
        Metric newMetric = newRow.primary();
        boolean raw = oldMetric.hasRawData() && newMetric.hasRawData() && Samples.usable(oldMetric)
                && Samples.usable(newMetric);
        double rankP = Double.NaN;
        if (raw) {
            double[] x = Samples.perFork(oldMetric, percentile);
            double[] y = Samples.perFork(newMetric, percentile);
            if (x.length >= 2 && y.length >= 2) {
                rankP = MannWhitney.test(x, scaled(y, factor)).p();
            }
        }
        return new RowComparison(key, ScoreUnit.parse(oldMetric.unit()), side(oldMetric, raw, percentile),
                side(newMetric, raw, percentile).times(factor), raw, oldRow.forks() == 0 || newRow.forks() == 0, rankP,
                Judgement.untested(Reason.NOT_JUDGED));
    }

    /**
     * A side's centre and interval: with raw data, the mean of the fork means with its interval over them (JMH's score
     * is that mean for a primary metric, but a sum for counters such as gc.count); in sample mode the same over each
     * fork's percentile; else JMH's score.
     */
    private static Summary side(Metric metric, boolean raw, double percentile) {
        if (!raw) {
            return Summary.of(metric);
        }
        double[] forkMeans = Samples.perFork(metric, percentile);
        return Summary.overForks(Welch.mean(forkMeans), forkMeans);
    }

    /**
     * The key rows are matched by: the row's own, less the workers param of a sequential strategy (which ignores
     * it), so that sumbench's {@code sequential} rows of two runs with other worker counts still meet.
     */
    public static Result.Key matchKey(Result.Key key) {
        String strategy = key.params().get("strategy");
        boolean ignoresWorkers = strategy != null && key.params().containsKey(WORKERS)
                && StrategyCatalog.family(strategy).filter(f -> f == Family.SEQUENTIAL).isPresent();
        if (!ignoresWorkers) {
            return key;
        }
        Map<String, String> params = new LinkedHashMap<>(key.params());
        params.remove(WORKERS);
        return new Result.Key(key.benchmark(), key.mode(), params);
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
            List<Map<Double, Long>> histograms = m.histograms().stream().map(fork -> {
                Map<Double, Long> scaled = new LinkedHashMap<>();
                fork.forEach((value, count) -> scaled.merge(value * factor, count, Long::sum));
                return scaled;
            }).toList();
            Metric slower = new Metric(m.score() * factor, m.error() * factor, m.confidence(), m.unit(), m.samples(),
                    raw, histograms);
            return new Result(row.benchmark(), row.mode(), row.params(), row.threads(), row.forks(), slower,
                    row.secondary());
        }).toList();
        return new Run(run.source(), rows, run.meta());
    }

    /** What differs between the runs' machines and JVMs, or that it cannot be checked. */
    public static List<Notice> metadataNotices(Run oldRun, Run newRun) {
        RunMeta a = oldRun.meta();
        RunMeta b = newRun.meta();
        if (a == null || b == null) {
            List<String> missing = a == null && b == null ? List.of("old", "new") : List.of(a == null ? "old" : "new");
            return List.of(new Notice(Notice.Kind.NO_METADATA, null, missing));
        }
        List<Notice> notices = new ArrayList<>();
        differs(notices, "host", a, b, RunMeta::host);
        differs(notices, "CPU", a, b, RunMeta::cpuModel);
        differs(notices, "cores", a, b, RunMeta::cores);
        differs(notices, "online CPUs", a, b, RunMeta::onlineCpus);
        differs(notices, "memory", a, b, m -> (m.memoryBytes() >> 20) + " MiB");
        differs(notices, "OS", a, b, RunMeta::os);
        differs(notices, "JDK", a, b, m -> m.jdkVendor() + " " + m.jdkVersion());
        differs(notices, "JMH", a, b, RunMeta::jmhVersion);
        differs(notices, "JMH options", a, b, m -> String.join(" ", m.jmhArgs()));
        return notices;
    }

    private static void differs(List<Notice> notices, String what, RunMeta a, RunMeta b,
                                Function<RunMeta, Object> field) {
        Object x = field.apply(a);
        Object y = field.apply(b);
        if (!Objects.equals(x, y)) {
            notices.add(new Notice(Notice.Kind.RUNS_DIFFER, null, List.of(what, String.valueOf(x), String.valueOf(y))));
        }
    }

    private static double[] scaled(double[] values, double factor) {
        double[] out = new double[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = values[i] * factor;
        }
        return out;
    }

    /** The rows of {@code run} by {@link #matchKey}, or by their own key where two rows would share one. */
    private static Map<Result.Key, Result> byKey(Run run, String side, List<Notice> notices) {
        Map<Result.Key, Long> perMatchKey = new java.util.HashMap<>();
        run.results().forEach(row -> perMatchKey.merge(matchKey(row.key()), 1L, Long::sum));
        Map<Result.Key, Result> byKey = new LinkedHashMap<>();
        for (Result row : run.results()) {
            Result.Key key = perMatchKey.get(matchKey(row.key())) == 1 ? matchKey(row.key()) : row.key();
            if (byKey.putIfAbsent(key, row) != null) {
                notices.add(new Notice(Notice.Kind.DUPLICATE_ROW, row.key(), List.of(side)));
            }
        }
        return byKey;
    }

    private static Set<String> paramNames(java.util.Collection<Result> rows) {
        Set<String> names = new TreeSet<>();
        rows.forEach(r -> names.addAll(r.params().keySet()));
        return names;
    }
}
