package dev.sumbench.results;

import java.util.List;
import java.util.Map;

/**
 * One measured quantity of a benchmark row, as JMH reports it.
 *
 * @param score      JMH's score (mean over all iterations of all forks)
 * @param error      half-width of JMH's confidence interval around the score ({@link Double#NaN} when JMH could not
 *                   compute one, e.g. with two samples or fewer)
 * @param confidence the confidence of {@code error}, e.g. 0.999
 * @param unit       the unit as JMH wrote it, e.g. {@code ns/op}, {@code ops/s}, {@code MB/sec}
 * @param samples    the number of samples behind the score (in sample mode: the number of timed operations)
 * @param rawData    per fork, the score of each measurement iteration; empty when the source had none (CSV). In
 *                   sample mode, where JMH's JSON holds a histogram per iteration, each iteration's mean
 * @param histograms per fork, in sample mode, every timed operation's value and how often it occurred, over all the
 *                   fork's measurement iterations (JMH's {@code rawDataHistogram}); empty in the other modes
 */
public record Metric(double score, double error, double confidence, String unit, long samples,
                     List<List<Double>> rawData, List<Map<Double, Long>> histograms) {

    public Metric {
        rawData = rawData.stream().map(List::copyOf).toList();
        histograms = histograms.stream().map(Map::copyOf).toList();
    }

    /** A metric without histograms (every mode but sample). */
    public Metric(double score, double error, double confidence, String unit, long samples,
                  List<List<Double>> rawData) {
        this(score, error, confidence, unit, samples, rawData, List.of());
    }

    /** Whether JMH recorded a histogram of every timed operation (sample mode). */
    public boolean hasHistograms() {
        return !histograms.isEmpty();
    }

    /** Whether per-iteration data is present (it is in JMH JSON, not in CSV). */
    public boolean hasRawData() {
        return !rawData.isEmpty();
    }

    /** What the unit means (time per op, ops per time, or other). */
    public ScoreUnit scoreUnit() {
        return ScoreUnit.parse(unit);
    }

    /** Every iteration's score, fork after fork. */
    public List<Double> allRawData() {
        return rawData.stream().flatMap(List::stream).toList();
    }

    /**
     * Whether JMH's score is the sum of the raw data rather than their mean: so it aggregates event counters
     * ({@code @AuxCounters(EVENTS)}, a profiler's counts), over every iteration of every fork. Such a score grows with
     * the number of samples; {@link #perSample()} is the figure a reader compares.
     */
    public boolean summedOverSamples() {
        List<Double> all = allRawData();
        if (all.size() < 2 || all.stream().anyMatch(v -> !Double.isFinite(v)) || !Double.isFinite(score)) {
            return false;
        }
        double sum = all.stream().mapToDouble(Double::doubleValue).sum();
        double mean = sum / all.size();
        return close(score, sum) && !close(score, mean);
    }

    /** The score per sample: the mean of the raw data for a {@linkplain #summedOverSamples() summed} score, else the score. */
    public double perSample() {
        return summedOverSamples() ? allRawData().stream().mapToDouble(Double::doubleValue).average().orElse(score)
                : score;
    }

    private static boolean close(double a, double b) {
        return Math.abs(a - b) <= 1e-6 * Math.max(Math.abs(a), Math.abs(b));
    }
}
