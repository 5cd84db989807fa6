package dev.sumbench.stats;

import dev.sumbench.results.Metric;
import java.util.List;

/**
 * The samples a comparison tests, taken from a metric's raw data (JMH JSON: per fork, the score of each measurement
 * iteration).
 *
 * <p>The rule: one sample per fork (the fork's mean) when both sides have enough forks for the rank test to reach
 * {@code alpha} at all ({@link MannWhitney#smallestPossibleP} &lt;= alpha, i.e. at least 4 forks a side at 0.05);
 * otherwise one sample per iteration, with a warning that says why that is weaker and how many forks to run.
 */
public final class Samples {

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

    /** Every iteration of every fork, in order. */
    public static double[] iterations(Metric metric) {
        return metric.rawData().stream().flatMap(List::stream).mapToDouble(Double::doubleValue).toArray();
    }

    /**
     * Which unit to test in, for two metrics that both have raw data: {@link SampleUnit#FORK_MEANS} when the forks
     * of both sides can reach {@code alpha}, else {@link SampleUnit#ITERATIONS}.
     */
    public static SampleUnit unitFor(Metric a, Metric b, double alpha) {
        int forksA = forkMeans(a).length;
        int forksB = forkMeans(b).length;
        return MannWhitney.smallestPossibleP(forksA, forksB) <= alpha ? SampleUnit.FORK_MEANS : SampleUnit.ITERATIONS;
    }

    /** The samples of {@code metric} in {@code unit} (raw data units only). */
    public static double[] of(Metric metric, SampleUnit unit) {
        return switch (unit) {
            case FORK_MEANS -> forkMeans(metric);
            case ITERATIONS -> iterations(metric);
            case SUMMARY -> throw new IllegalArgumentException("a summary has no samples");
        };
    }
}
