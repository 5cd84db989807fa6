package dev.sumbench.suite;

import dev.sumbench.bench.CrossoverBenchmark;
import dev.sumbench.core.BadInputException;
import dev.sumbench.stats.CrossoverBisection;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.openjdk.jmh.results.BenchmarkResult;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.BenchmarkListEntry;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;

/**
 * The crossover's bisection: after the planned passes, for every strategy and chunking of {@link CrossoverBenchmark}
 * whose speedup over {@code sequential} crosses 1 between two measured sizes, measure the geometric midpoint (and
 * {@code sequential} there), then again, for {@link Mode#steps} steps; the results join the run's own.
 *
 * <p>{@code -Dbench.crossover} (or {@code --crossover}) sets the mode: {@code off}, {@code default} (1 step) or
 * {@code full} (3 steps). The quick matrix never bisects: its few short iterations per fork leave intervals too wide
 * to narrow a bracket, and the steps would take it past its few minutes.
 */
final class CrossoverRefinement {

    /*
     * Implementation notes. Each step is planned by CrossoverBisection from the speedups measured so far (the ratio of
     * the mean of the baseline's fork means, pooled over its two chunking rows, to the candidate's), so a step never
     * measures a size twice. The probes of a step run in as few JMH invocations as JMH's cartesian params allow: one
     * per (chunking, size), with every strategy that needs that size, and sequential in the chunking=default one.
     * The options are the crossover pass's own (the user's JMH options, the forks' JVM, workers and cores) with
     * strategy, chunking and size replaced, and the pass's other benchmarks excluded. A trial that fails is reported
     * by JMH, like in the planned passes, and its size stays unmeasured.
     */

    /** The benchmark it refines, as JMH names it. */
    static final String BENCHMARK = CrossoverBenchmark.class.getName() + ".sum";
    /** The after-idle crossover (an occasional sum), measured on the coarse grid only (not bisected). */
    static final String AFTER_IDLE = CrossoverBenchmark.class.getName() + ".afterIdle";
    static final String BASELINE = "sequential";
    static final String DEFAULT_CHUNKING = "default";

    /** How far to bisect. */
    enum Mode {
        /** No bisection: the coarse grid only. */
        OFF(0),
        /** One step: from the grid's factor 256 (2^12 .. 2^20) to a factor 16 (the default run's budget). */
        DEFAULT(1),
        /** Three steps: to a factor 2. */
        FULL(3);

        final int steps;

        Mode(int steps) {
            this.steps = steps;
        }

        /** {@code off}, {@code default} or {@code full}; null or blank is the default. */
        static Mode parse(String value) {
            if (value == null || value.isBlank()) {
                return DEFAULT;
            }
            for (Mode mode : values()) {
                if (mode.name().equalsIgnoreCase(value.strip())) {
                    return mode;
                }
            }
            throw new BadInputException("bench.crossover: expected off, default or full, got '" + value + "'");
        }
    }

    private final Plan plan;
    private final Mode mode;
    private final boolean quick;
    private final PrintWriter out;

    CrossoverRefinement(Plan plan, Mode mode, boolean quick, PrintWriter out) {
        this.plan = plan;
        this.mode = mode;
        this.quick = quick;
        this.out = out;
    }

    /**
     * The user's options, excluding the after-idle crossover in the quick matrix: its short iterations give
     * intervals too wide to compare two patterns with, and its trials would take the quick run over its 3 minutes. An exclude
     * rather than a smaller selection, so that every pass and bisection step inherits it.
     */
    static Options withoutAfterIdle(Options user, boolean quick) {
        if (!quick) {
            return user;
        }
        return new OptionsBuilder().parent(user).exclude("^" + Pattern.quote(AFTER_IDLE) + "$").build();
    }

    /** The planned pass that measures the coarse grid, if the run has one. */
    Optional<Plan.Pass> pass() {
        return plan.passes().stream()
                .filter(p -> p.entries().stream().anyMatch(e -> e.getUsername().equals(BENCHMARK)))
                .findFirst();
    }

    /** How many bisection steps this run makes (0 when it has no crossover pass, is quick or off). */
    int steps() {
        return quick || pass().isEmpty() ? 0 : mode.steps;
    }

    /** The series the bisection may narrow: each strategy but the baseline, with each chunking. */
    int series() {
        return pass().map(p -> {
            List<String> strategies = p.params().getOrDefault(BenchParams.STRATEGY, List.of());
            int chunkings = p.params().getOrDefault("chunking", List.of()).size();
            return (int) strategies.stream().filter(s -> !s.equals(BASELINE)).count() * chunkings;
        }).orElse(0);
    }

    /**
     * The most trials step {@code step} (from 1) can add: one per series, and the baseline at each new size, of which
     * there are at most (grid sizes - 1) x 2^(step - 1): each step halves every bracket at most once.
     */
    int maxTrials(int step) {
        int gridSizes = pass().map(p -> p.params().getOrDefault("size", List.of()).size()).orElse(0);
        long midpoints = (long) Math.max(0, gridSizes - 1) << Math.min(30, step - 1);
        return series() + (int) Math.min(series(), midpoints);
    }

    /** About how long the bisection takes at most: the trials of every step at the pass's cost per trial. */
    Duration estimate() {
        Optional<Plan.Pass> pass = pass();
        if (steps() == 0 || pass.isEmpty() || pass.get().trials().isEmpty()) {
            return Duration.ZERO;
        }
        Duration perTrial = plan.estimate(pass.get()).dividedBy(pass.get().trials().size());
        long trials = 0;
        for (int step = 1; step <= steps(); step++) {
            trials += maxTrials(step);
        }
        return perTrial.multipliedBy(trials);
    }

    /** One line for the plan, or empty when there is nothing to say. */
    Optional<String> describe() {
        if (pass().isEmpty()) {
            return Optional.empty();
        }
        if (quick) {
            return Optional.of("crossover: no bisection in the quick matrix (its short iterations leave intervals too "
                    + "wide to narrow, and the steps would take it past its few minutes), hot only");
        }
        if (mode == Mode.OFF) {
            return Optional.of("crossover: no bisection (bench.crossover=off): the coarse grid only, hot and after "
                    + "idle");
        }
        int trials = 0;
        for (int step = 1; step <= steps(); step++) {
            trials += maxTrials(step);
        }
        return Optional.of("crossover: up to " + Suite.count(steps(), "bisection step") + " after its pass, "
                + "at most " + Suite.count(trials, "trial") + " in all, about " + Suite.roughly(estimate())
                + " at most (bench.crossover=" + mode.name().toLowerCase(Locale.ROOT) + "); the after-idle "
                + "crossover is measured on the coarse grid in its pass, not bisected");
    }

    /** Runs the bisection after the planned passes gave {@code results}; returns the new results only. */
    List<RunResult> run(List<RunResult> results) {
        List<RunResult> added = new ArrayList<>();
        Optional<Plan.Pass> pass = pass();
        if (steps() == 0 || pass.isEmpty()) {
            return added;
        }
        for (int step = 1; step <= steps(); step++) {
            List<RunResult> all = new ArrayList<>(results);
            all.addAll(added);
            CrossoverBisection<Series> next = CrossoverBisection.next(speedups(all), baselineSizes(all));
            if (next.isEmpty()) {
                out.println("sumbench: crossover: no bracket left to bisect after " + Suite.count(step - 1, "step"));
                out.flush();
                break;
            }
            Map<List<String>, List<String>> groups = groups(next);
            int trials = groups.values().stream().mapToInt(List::size).sum();
            out.println("sumbench: crossover bisection step " + step + " of " + steps() + ": "
                    + Suite.count(trials, "trial") + " at sizes " + new java.util.TreeSet<>(next.probes().values()));
            out.flush();
            for (Map.Entry<List<String>, List<String>> group : groups.entrySet()) {
                added.addAll(runGroup(pass.get(), group.getKey().get(0), group.getKey().get(1), group.getValue()));
            }
        }
        return added;
    }

    /** A strategy and chunking of the crossover benchmark. */
    record Series(String strategy, String chunking) {
    }

    /** Per (chunking, size): the strategies to measure there, sequential included where the baseline lacks it. */
    static Map<List<String>, List<String>> groups(CrossoverBisection<Series> step) {
        Map<List<String>, List<String>> groups = new LinkedHashMap<>();
        for (Map.Entry<Series, Long> probe : step.probes().entrySet()) {
            groups.computeIfAbsent(List.of(probe.getKey().chunking(), probe.getValue().toString()),
                    k -> new ArrayList<>()).add(probe.getKey().strategy());
        }
        for (long size : step.baseline()) {
            groups.computeIfAbsent(List.of(DEFAULT_CHUNKING, Long.toString(size)), k -> new ArrayList<>())
                    .add(0, BASELINE);
        }
        return groups;
    }

    private List<RunResult> runGroup(Plan.Pass pass, String chunking, String size, List<String> strategies) {
        ChainedOptionsBuilder builder = new OptionsBuilder().parent(plan.options(pass));
        for (BenchmarkListEntry entry : pass.entries()) {
            if (!entry.getUsername().equals(BENCHMARK)) {
                builder.exclude("^" + Pattern.quote(entry.getUsername()) + "$");
            }
        }
        builder.param(BenchParams.STRATEGY, strategies.toArray(String[]::new)).param("chunking", chunking)
                .param("size", size);
        try {
            return new ArrayList<>(new Runner(builder.build()).run());
        } catch (RunnerException e) {
            throw new IllegalStateException("JMH failed: " + e.getMessage(), e);
        }
    }

    /** Per series, the speedup over the pooled baseline at each size both have. */
    static Map<Series, SortedMap<Long, Double>> speedups(List<RunResult> results) {
        Map<Long, List<Double>> baseline = new TreeMap<>();
        Map<Series, SortedMap<Long, List<Double>>> candidates = new LinkedHashMap<>();
        for (RunResult result : results) {
            if (!result.getParams().getBenchmark().equals(BENCHMARK)) {
                continue;
            }
            String strategy = result.getParams().getParam(BenchParams.STRATEGY);
            long size = Long.parseLong(result.getParams().getParam("size"));
            List<Double> forks = new ArrayList<>();
            for (BenchmarkResult fork : result.getBenchmarkResults()) {
                forks.add(fork.getPrimaryResult().getScore());
            }
            if (strategy.equals(BASELINE)) {
                baseline.computeIfAbsent(size, s -> new ArrayList<>()).addAll(forks);
            } else {
                candidates.computeIfAbsent(new Series(strategy, result.getParams().getParam("chunking")),
                        s -> new TreeMap<>()).computeIfAbsent(size, s -> new ArrayList<>()).addAll(forks);
            }
        }
        Map<Series, SortedMap<Long, Double>> speedups = new LinkedHashMap<>();
        candidates.forEach((series, bySize) -> {
            SortedMap<Long, Double> points = new TreeMap<>();
            bySize.forEach((size, forks) -> {
                List<Double> base = baseline.get(size);
                if (base != null) {
                    points.put(size, mean(base) / mean(forks));
                }
            });
            speedups.put(series, points);
        });
        return speedups;
    }

    static Set<Long> baselineSizes(List<RunResult> results) {
        Set<Long> sizes = new HashSet<>();
        for (RunResult result : results) {
            if (result.getParams().getBenchmark().equals(BENCHMARK)
                    && result.getParams().getParam(BenchParams.STRATEGY).equals(BASELINE)) {
                sizes.add(Long.parseLong(result.getParams().getParam("size")));
            }
        }
        return sizes;
    }

    private static double mean(List<Double> values) {
        return values.stream().mapToDouble(Double::doubleValue).average().orElse(Double.NaN);
    }
}
