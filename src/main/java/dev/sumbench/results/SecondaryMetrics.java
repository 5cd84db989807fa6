package dev.sumbench.results;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * Secondary metrics (profilers such as {@code -prof gc}, {@code @Group} members, sample-mode percentiles) as rows of
 * their own, so that a comparison treats them like primary ones: the row {@code com.x.Bench.m} with the secondary
 * metric {@code gc.alloc.rate.norm} becomes the row {@code com.x.Bench.m:gc.alloc.rate.norm}, with the same mode,
 * params, threads and forks.
 */
public final class SecondaryMetrics {

    /** The label that selects every secondary metric. */
    public static final String ALL = "all";

    /** What separates a benchmark's name from a secondary metric's label in a row's name. */
    public static final char SEPARATOR = ':';

    private SecondaryMetrics() {
    }

    /** Every secondary metric's label in {@code run}, sorted. */
    public static SortedSet<String> labels(Run run) {
        SortedSet<String> labels = new TreeSet<>();
        run.results().forEach(row -> labels.addAll(row.secondary().keySet()));
        return labels;
    }

    /**
     * {@code run} with, after its rows, one row per row and selected secondary metric; {@code selected} holds labels,
     * or {@link #ALL}. The new rows have no secondary metrics of their own.
     */
    public static Run withRows(Run run, Collection<String> selected) {
        if (selected.isEmpty()) {
            return run;
        }
        boolean all = selected.contains(ALL);
        List<Result> rows = new ArrayList<>(run.results());
        for (Result row : run.results()) {
            for (Map.Entry<String, Metric> metric : row.secondary().entrySet()) {
                if (all || selected.contains(metric.getKey())) {
                    rows.add(new Result(row.benchmark() + SEPARATOR + metric.getKey(), row.mode(), row.params(),
                            row.threads(), row.forks(), metric.getValue(), Map.of()));
                }
            }
        }
        return new Run(run.source(), rows, run.meta());
    }
}
