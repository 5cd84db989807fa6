package dev.sumbench.results;

import dev.sumbench.files.UntrustedText;
import java.util.Map;
import java.util.TreeMap;

/**
 * One row of a JMH result: a benchmark method in one mode with one set of params. Control characters in the
 * benchmark's name, mode and params are shown as escapes ({@link UntrustedText#forTerminal}).
 *
 * @param benchmark the benchmark's full name as JMH writes it ({@code dev.sumbench.bench.SumBenchmark.sum})
 * @param mode      JMH's short mode name: {@code thrpt}, {@code avgt}, {@code sample} or {@code ss}
 * @param params    parameter name to value (empty when the benchmark has none), sorted by name
 * @param threads   benchmark threads
 * @param forks     forks
 * @param primary   the primary metric
 * @param secondary secondary metrics by label ({@code gc.alloc.rate.norm}, ...), without JMH's {@code ·} prefix
 */
public record Result(String benchmark, String mode, Map<String, String> params, int threads, int forks,
                     Metric primary, Map<String, Metric> secondary) {

    public Result {
        // Names and params come from files anyone may write: no control character reaches a terminal or a table.
        benchmark = UntrustedText.forTerminal(benchmark);
        mode = UntrustedText.forTerminal(mode);
        TreeMap<String, String> safeParams = new TreeMap<>();
        params.forEach((name, value) -> safeParams.put(UntrustedText.forTerminal(name),
                UntrustedText.forTerminal(value)));
        params = java.util.Collections.unmodifiableSortedMap(safeParams);
        secondary = java.util.Collections.unmodifiableSortedMap(new TreeMap<>(secondary));
    }

    /** The benchmark's simple name: the part after the class, e.g. {@code SumBenchmark.sum}. */
    public String shortName() {
        String[] parts = benchmark.split("\\.");
        return parts.length < 2 ? benchmark : parts[parts.length - 2] + "." + parts[parts.length - 1];
    }

    /** A parameter's value, or {@code null} when the row has no such parameter. */
    public String param(String name) {
        return params.get(name);
    }

    /** What identifies a row across runs: benchmark, mode and params. */
    public Key key() {
        return new Key(benchmark, mode, params);
    }

    /**
     * The identity of a row across runs.
     *
     * @param benchmark the benchmark's full name
     * @param mode      the mode
     * @param params    the params
     */
    public record Key(String benchmark, String mode, Map<String, String> params) {
    }
}
