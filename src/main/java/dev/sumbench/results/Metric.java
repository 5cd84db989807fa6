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
}
