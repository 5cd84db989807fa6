package dev.sumbench.suite;

import dev.sumbench.bench.ChunkSizeBenchmark;
import dev.sumbench.bench.CrossoverBenchmark;
import dev.sumbench.bench.DispatchBenchmark;
import dev.sumbench.bench.LayoutBenchmark;
import dev.sumbench.bench.SpawnBenchmark;
import dev.sumbench.bench.SumBenchmark;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * What the suite measures besides the benchmarks' own annotations: the reduced matrix of {@code -Dbench.quick}, and
 * the params whose values depend on the machine and the JVM that runs the forks.
 *
 * <p>The default matrix is the benchmarks' annotations themselves ({@code @Param}, {@code @Warmup},
 * {@code @Measurement}, {@code @Fork}); docs/suite.md ("How long it takes") adds up what it costs.
 */
final class BenchParams {

    /*
     * Implementation notes. JMH applies a `-p name=values` option to every benchmark that has the param, so a value
     * that must differ between benchmarks (the strategy ids of SumBenchmark and of LayoutBenchmark; workers = 1,2,4
     * for SumBenchmark but one per core for ChunkSizeBenchmark) cannot be passed once for the whole run. Plan groups
     * the benchmarks into passes whose params agree and runs JMH once per pass. The values are resolved here, before
     * the run, rather than inside the benchmarks, so that every row of the result carries real numbers (workers=2,
     * cores=2) instead of the annotations' "0 = the machine's".
     */

    static final String STRATEGY = "strategy";
    static final String WORKERS = "workers";
    static final String CHUNKING = "chunking";
    static final String CORES = "cores";
    static final String THREADS = "threads";

    /**
     * {@code -Dbench.quick}: three forks (the fewest from which compare gives a verdict), one warm-up iteration,
     * three measured ones, 50 ms each (so that 3 forks of every trial, the crossover's included, fit 3 minutes).
     */
    static final int QUICK_FORKS = 3;
    static final int QUICK_WARMUP_ITERATIONS = 1;
    static final int QUICK_MEASUREMENT_ITERATIONS = 3;
    static final TimeValue QUICK_ITERATION_TIME = TimeValue.milliseconds(50);

    /**
     * The params that {@code -Dbench.quick} narrows, per benchmark class; the others keep their annotated values.
     * Chosen so that every class still answers its question once: small against large, one chunk from each end and
     * the middle, the cached size of the layout comparison, and the dispatch of the baseline, a pool, work stealing
     * and a process, hot and after idle.
     */
    static final Map<String, Map<String, List<String>>> QUICK_PARAMS = Map.of(
            SumBenchmark.class.getName(), Map.of("size", List.of("1000", "10000000"), WORKERS, List.of("2")),
            SpawnBenchmark.class.getName(), Map.of(WORKERS, List.of("2")),
            ChunkSizeBenchmark.class.getName(), Map.of("size", List.of("10000000"),
                    "chunk", List.of("4096", "65536", "1048576")),
            LayoutBenchmark.class.getName(), Map.of("size", List.of("100000")),
            DispatchBenchmark.class.getName(), Map.of(STRATEGY,
                    List.of("sequential", "thread-pool", "fork-join", "process-shared")),
            CrossoverBenchmark.class.getName(), Map.of("chunking", List.of("halves"), "size", List.of("4096", "1048576")));

    /**
     * The params the default run narrows, per benchmark class, so that it measures 5 forks per trial within its
     * share of 20 minutes on 2 cores (Plan's estimate, checked by PlanTest); the annotations keep the full lists for
     * {@code -p} and for JMH run directly. SumBenchmark leaves out size 10 (the fixed cost shows at 1 000 already,
     * and DispatchBenchmark measures the hand-off itself); ChunkSizeBenchmark leaves out the two ends of its sweep
     * (256-element chunks are 39 000 tasks for 10 000 000 elements; 4 194 304 is one chunk at 100 000).
     */
    static final Map<String, Map<String, List<String>>> DEFAULT_PARAMS = Map.of(
            SumBenchmark.class.getName(), Map.of("size", List.of("1000", "100000", "10000000")),
            ChunkSizeBenchmark.class.getName(), Map.of("chunk",
                    List.of("4096", "16384", "65536", "262144", "1048576")));

    /**
     * Strategies that ignore {@code workers}: measured once, at the fewest workers asked, instead of once per worker
     * count. The tables take that one measurement as the baseline of every worker count.
     */
    static final List<String> WORKER_FREE = List.of("sequential", "sequential-stream", "jdk-parallel-stream");

    /**
     * Strategies without a chunking of sumbench's: measured at the first {@code chunking} of a benchmark only (the
     * JDK's own parallel stream splits its way whatever the chunking asked).
     */
    static final List<String> CHUNK_FREE = List.of("jdk-parallel-stream");

    /** The annotation value of {@code workers} and {@code cores} that means "whatever this JVM has". */
    static final String MACHINE_DEFAULT = "0";

    private BenchParams() {
    }

    /** The quick matrix's values of {@code param} for {@code benchmarkClass}, if it narrows that param. */
    static Optional<List<String>> quickValues(String benchmarkClass, String param) {
        return Optional.ofNullable(QUICK_PARAMS.getOrDefault(benchmarkClass, Map.of()).get(param));
    }

    /** The default run's values of {@code param} for {@code benchmarkClass}, if it narrows that param. */
    static Optional<List<String>> defaultValues(String benchmarkClass, String param) {
        return Optional.ofNullable(DEFAULT_PARAMS.getOrDefault(benchmarkClass, Map.of()).get(param));
    }

    /**
     * The values {@code param} takes on the JVM {@code jvm}, given the values the benchmark asks for:
     * <ul>
     * <li>{@code cores}: that JVM's available processors (the benchmark checks it);
     * <li>{@code threads}: 1, 2, 4, ... up to those processors, and the processors themselves;
     * <li>{@code workers} annotated {@code 0} ("one per core"): the processors; several counts: those up to the
     *     processors (more workers than CPUs is a question of its own: {@code -p workers=4}), all of them if none is;
     * <li>{@code strategy}: the ids asked for that the JVM offers (none below JDK 21 for virtual-threads);
     * <li>any other param: as asked.
     * </ul>
     */
    static List<String> onMachine(String param, List<String> asked, ForkJvm jvm) {
        int cpus = jvm.availableProcessors();
        return switch (param) {
            case CORES -> List.of(Integer.toString(cpus));
            case THREADS -> powersOfTwoUpTo(cpus);
            case WORKERS -> asked.equals(List.of(MACHINE_DEFAULT)) ? List.of(Integer.toString(cpus))
                    : upTo(asked, cpus);
            case STRATEGY -> asked.stream().filter(jvm.strategies()::contains).toList();
            default -> asked;
        };
    }

    private static List<String> upTo(List<String> asked, int cpus) {
        List<String> fitting = asked.stream().filter(v -> {
            try {
                return Integer.parseInt(v) <= cpus;
            } catch (NumberFormatException e) {
                return true; // the benchmark's setup refuses it, with its own message
            }
        }).toList();
        return fitting.isEmpty() ? asked : fitting;
    }

    /** 1, 2, 4, ... below {@code n}, then {@code n}. */
    static List<String> powersOfTwoUpTo(int n) {
        List<String> values = new ArrayList<>();
        for (int k = 1; k < n; k *= 2) {
            values.add(Integer.toString(k));
        }
        values.add(Integer.toString(n));
        return values;
    }
}
