package dev.sumbench.stats;

import dev.sumbench.results.Metric;
import java.util.List;
import org.openjdk.jmh.util.MultisetStatistics;

/**
 * The samples of a metric's raw data (JMH JSON: per fork, the score of each measurement iteration). The fork is the
 * sampling unit: iterations inside one fork share its JIT decisions, layout and neighbours, so every test and interval
 * is over {@link #forkMeans}.
 */
public final class Samples {

    /**
     * Fork means a side needs for an interval or a test: 2 give a standard error on 1 degree of freedom (a t quantile
     * of 12.7 at 95 %), an interval that spans everything and would only look like an answer.
     */
    public static final int MIN_FORKS = 3;

    /** The percentile a sample-mode row is compared on unless another is chosen: the median. */
    public static final double MEDIAN = 50;

    private Samples() {
    }

    /** Whether {@code metric} has raw data a test can use: at least one iteration, and only finite values. */
    public static boolean usable(Metric metric) {
        double[] all = iterations(metric);
        return all.length > 0 && java.util.Arrays.stream(all).allMatch(Double::isFinite);
    }

    /** The mean of each fork's iterations; forks without iterations are skipped. */
    public static double[] forkMeans(Metric metric) {
        return metric.rawData().stream()
                .filter(fork -> !fork.isEmpty())
                .mapToDouble(fork -> fork.stream().mapToDouble(Double::doubleValue).average().orElseThrow())
                .toArray();
    }

    /**
     * Each fork's sample for a test: in sample mode (a histogram of every timed operation per fork), the fork's
     * {@code percentile} (50 for the median), robust to the few long outliers that move a heavy-tailed mean; in the
     * other modes, or when {@code percentile} is NaN, the fork's mean ({@link #forkMeans}).
     */
    public static double[] perFork(Metric metric, double percentile) {
        if (!metric.hasHistograms() || Double.isNaN(percentile)) {
            return forkMeans(metric);
        }
        // JMH's own statistics, so that a one-fork row's median is the p0.50 that JMH reports beside it
        return metric.histograms().stream().filter(h -> !h.isEmpty()).mapToDouble(h -> {
            MultisetStatistics statistics = new MultisetStatistics();
            h.forEach(statistics::addValue);
            return statistics.getPercentile(percentile);
        }).toArray();
    }

    /** Every iteration of every fork, in order. */
    public static double[] iterations(Metric metric) {
        return metric.rawData().stream().flatMap(List::stream).mapToDouble(Double::doubleValue).toArray();
    }
}
