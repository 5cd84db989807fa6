package dev.sumbench.suite;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.runner.BenchmarkListEntry;
import org.openjdk.jmh.runner.Defaults;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * The JMH passes of one run: which benchmarks run together, with which param values, and what that costs.
 *
 * <p>Immutable once made. Build it with {@link #make}; run each {@link Pass} with the options of {@link #options}.
 */
final class Plan {

    /*
     * Implementation notes. A benchmark's param values are, in order of precedence: the user's -p (JMH applies it
     * to every benchmark, and so do we), the quick matrix's, the annotation's; then BenchParams.onMachine fills in what
     * depends on the machine. The methods of one class are grouped first, so that a class stays in one pass where it
     * can; then each group goes into the first pass whose values agree with its own on every param both have. A pass
     * narrows the selection by excluding the other selected benchmarks by their exact names, and passes its values
     * with -p. The user's includes and excludes stay in every pass: JMH adds a builder's includes to its parent's,
     * so they cannot be taken back, which is why a pass narrows with excludes only.
     *
     * The estimate assumes FORK_OVERHEAD per fork (JVM start, JMH's hand-shake, the benchmark's setup and tear-down,
     * pools of child JVMs included), SINGLE_SHOT per single-shot call (a JVM start), SPAWN_OPERATION as the shortest
     * iteration of a process-spawn trial (JMH ends an iteration only after a whole operation), and PASS_OVERHEAD per
     * JMH invocation; it is printed before the run and docs/suite.md quotes it. The constants come from a timed
     * quick matrix on a loaded 2-core machine, so that the estimate errs on the long side (docs/suite.md, "Passes",
     * gives the measurement).
     */

    /** Start and end of a fork beyond its iterations: 0.56 s measured on a loaded 2-core VM (notes above). */
    static final Duration FORK_OVERHEAD = Duration.ofMillis(600);
    /** One single-shot call of SpawnBenchmark: a JVM start and exit, 0.08 to 0.27 s measured. */
    static final Duration SINGLE_SHOT = Duration.ofMillis(300);
    /** One operation of process-spawn (child JVMs started per sum): 0.21 to 0.27 s measured. */
    static final Duration SPAWN_OPERATION = Duration.ofMillis(300);
    /** One JMH invocation's own start in this JVM (benchmark list, options), besides its forks. */
    static final Duration PASS_OVERHEAD = Duration.ofMillis(500);
    /** The strategy whose every operation starts JVMs. */
    private static final String SPAWNING_STRATEGY = "process-spawn";

    private final List<Pass> passes;
    private final List<String> notes;
    private final Options user;
    private final RunSettings settings;
    private final List<BenchmarkListEntry> selected;

    /**
     * How this run differs from the plain annotations, besides the user's JMH options.
     *
     * @param include another include regex ({@code -Dbench.include}), or null
     * @param quick   whether to run the quick matrix
     * @param jvm     the forks' JVM when it is not the one running this code, or null
     */
    record RunSettings(String include, boolean quick, String jvm) {
    }

    /**
     * Benchmarks that run in one JMH invocation.
     *
     * @param entries the benchmarks (methods), in JMH's order
     * @param params  the value of every param any of them has
     * @param trials  each (benchmark, params) combination it will measure
     */
    record Pass(List<BenchmarkListEntry> entries, Map<String, List<String>> params, List<Trial> trials) {

        /** The simple names of its benchmark classes, e.g. {@code SumBenchmark, DispatchBenchmark}. */
        String classes() {
            Set<String> names = new LinkedHashSet<>();
            for (BenchmarkListEntry entry : entries) {
                String name = entry.getUserClassQName();
                names.add(name.substring(name.lastIndexOf('.') + 1));
            }
            return String.join(", ", names);
        }
    }

    /**
     * One (benchmark, params) combination: one row of the result.
     *
     * @param benchmark the benchmark's full name, as JMH reports it
     * @param params    its params, sorted by name
     */
    record Trial(String benchmark, Map<String, String> params) {
    }

    private Plan(List<Pass> passes, List<String> notes, Options user, RunSettings settings,
                 List<BenchmarkListEntry> selected) {
        this.passes = List.copyOf(passes);
        this.notes = List.copyOf(notes);
        this.user = user;
        this.settings = settings;
        this.selected = List.copyOf(selected);
    }

    /**
     * Plans the run of {@code selected} (JMH's selection by the includes and excludes) on {@code jvm}.
     *
     * @param user the user's JMH options
     */
    static Plan make(Collection<BenchmarkListEntry> selected, Options user, RunSettings settings, ForkJvm jvm) {
        List<String> notes = new ArrayList<>();
        List<Unit> units = new ArrayList<>();
        for (BenchmarkListEntry entry : selected) {
            Map<String, List<String>> values = values(entry, user, settings, jvm, notes);
            if (values.values().stream().anyMatch(List::isEmpty)) {
                notes.add(simpleName(entry) + ": skipped, none of its strategies is available on " + describe(jvm));
                continue;
            }
            for (Map<String, List<String>> part : splitWorkerFree(values, user).stream()
                    .flatMap(part1 -> splitChunkFree(part1, user).stream()).toList()) {
                Unit unit = units.stream()
                        .filter(u -> u.benchmarkClass.equals(entry.getUserClassQName()) && agree(u.params, part))
                        .findFirst().orElse(null);
                if (unit == null) {
                    unit = new Unit(entry.getUserClassQName());
                    units.add(unit);
                }
                unit.add(entry, part);
            }
        }
        List<Unit> passUnits = new ArrayList<>();
        for (Unit unit : units) {
            Unit pass = passUnits.stream().filter(p -> agree(p.params, unit.params)).findFirst().orElse(null);
            if (pass == null) {
                passUnits.add(unit);
            } else {
                unit.entries.forEach(entry -> pass.add(entry, unit.params));
            }
        }
        List<Pass> passes = new ArrayList<>();
        for (Unit unit : passUnits) {
            List<Trial> trials = new ArrayList<>();
            for (BenchmarkListEntry entry : unit.entries) {
                trials.addAll(trials(entry.getUsername(), paramsOf(entry, unit.params)));
            }
            passes.add(new Pass(unit.entries, unit.params, trials));
        }
        return new Plan(passes, notes, user, settings, List.copyOf(selected));
    }

    /** Benchmarks that can share a pass: first the methods of one class, then whole classes. */
    private static final class Unit {
        final String benchmarkClass;
        final List<BenchmarkListEntry> entries = new ArrayList<>();
        final Map<String, List<String>> params = new TreeMap<>();

        Unit(String benchmarkClass) {
            this.benchmarkClass = benchmarkClass;
        }

        void add(BenchmarkListEntry entry, Map<String, List<String>> values) {
            if (!entries.contains(entry)) {
                entries.add(entry);
            }
            params.putAll(values);
        }
    }

    private static Map<String, List<String>> values(BenchmarkListEntry entry, Options user, RunSettings settings,
                                                    ForkJvm jvm, List<String> notes) {
        Map<String, List<String>> values = new TreeMap<>();
        for (Map.Entry<String, String[]> param : entry.getParams().orElse(Map.of()).entrySet()) {
            String name = param.getKey();
            if (user.getParameter(name).hasValue()) {
                List<String> given = List.copyOf(user.getParameter(name).get());
                // -p workers=0 means one per core, as the annotation's 0 does: a core sweep needs it per count
                values.put(name, name.equals(BenchParams.WORKERS) ? BenchParams.onMachine(name, given, jvm) : given);
                continue;
            }
            List<String> asked = List.of(param.getValue());
            if (settings.quick()) {
                asked = BenchParams.quickValues(entry.getUserClassQName(), name).orElse(asked);
            } else {
                asked = BenchParams.defaultValues(entry.getUserClassQName(), name).orElse(asked);
            }
            List<String> onMachine = BenchParams.onMachine(name, asked, jvm);
            if (onMachine.size() < asked.size() && name.equals(BenchParams.STRATEGY)) {
                List<String> missing = new ArrayList<>(asked);
                missing.removeAll(onMachine);
                notes.add(simpleName(entry) + ": " + String.join(", ", missing) + " left out, not available on "
                        + describe(jvm));
            }
            values.put(name, onMachine);
        }
        return values;
    }

    /**
     * {@code values} as one or two parts: when several worker counts are asked of strategies that include some of
     * {@link BenchParams#WORKER_FREE}, those are measured once, at the fewest workers, in a part of their own (no trial is
     * measured twice for nothing). The user's own {@code -p strategy} or {@code -p workers} is taken as asked.
     */
    static List<Map<String, List<String>>> splitWorkerFree(Map<String, List<String>> values, Options user) {
        List<String> strategies = values.get(BenchParams.STRATEGY);
        List<String> workers = values.get(BenchParams.WORKERS);
        if (strategies == null || workers == null || workers.size() < 2
                || user.getParameter(BenchParams.STRATEGY).hasValue() || user.getParameter(BenchParams.WORKERS).hasValue()) {
            return List.of(values);
        }
        List<String> free = strategies.stream().filter(BenchParams.WORKER_FREE::contains).toList();
        List<String> rest = strategies.stream().filter(id -> !BenchParams.WORKER_FREE.contains(id)).toList();
        if (free.isEmpty()) {
            return List.of(values);
        }
        String fewest = workers.stream().min(java.util.Comparator.comparingLong(Plan::number)).orElseThrow();
        Map<String, List<String>> once = new TreeMap<>(values);
        once.put(BenchParams.STRATEGY, free);
        once.put(BenchParams.WORKERS, List.of(fewest));
        if (rest.isEmpty()) {
            return List.of(once);
        }
        Map<String, List<String>> each = new TreeMap<>(values);
        each.put(BenchParams.STRATEGY, rest);
        return List.of(once, each);
    }

    /**
     * {@code values} as one or two parts: the strategies of {@link BenchParams#CHUNK_FREE} measured at the first
     * {@code chunking} asked only (they have no chunking of sumbench's), the others at every one. The user's own
     * {@code -p strategy} or {@code -p chunking} is taken as asked.
     */
    static List<Map<String, List<String>>> splitChunkFree(Map<String, List<String>> values, Options user) {
        List<String> strategies = values.get(BenchParams.STRATEGY);
        List<String> chunkings = values.get(BenchParams.CHUNKING);
        if (strategies == null || chunkings == null || chunkings.size() < 2
                || user.getParameter(BenchParams.STRATEGY).hasValue()
                || user.getParameter(BenchParams.CHUNKING).hasValue()) {
            return List.of(values);
        }
        List<String> free = strategies.stream().filter(BenchParams.CHUNK_FREE::contains).toList();
        List<String> rest = strategies.stream().filter(id -> !BenchParams.CHUNK_FREE.contains(id)).toList();
        if (free.isEmpty() || rest.isEmpty()) {
            return List.of(values);
        }
        Map<String, List<String>> once = new TreeMap<>(values);
        once.put(BenchParams.STRATEGY, free);
        once.put(BenchParams.CHUNKING, List.of(chunkings.get(0)));
        Map<String, List<String>> each = new TreeMap<>(values);
        each.put(BenchParams.STRATEGY, rest);
        // the others first: the crossover's bisection narrows the series of the first pass, which has the baseline
        return List.of(each, once);
    }

    private static long number(String value) {
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            return Long.MAX_VALUE;
        }
    }

    private static boolean agree(Map<String, List<String>> pass, Map<String, List<String>> entry) {
        for (Map.Entry<String, List<String>> param : entry.entrySet()) {
            List<String> passValues = pass.get(param.getKey());
            if (passValues != null && !passValues.equals(param.getValue())) {
                return false;
            }
        }
        return true;
    }

    private static Map<String, List<String>> paramsOf(BenchmarkListEntry entry, Map<String, List<String>> pass) {
        Map<String, List<String>> params = new TreeMap<>();
        for (String name : entry.getParams().orElse(Map.of()).keySet()) {
            params.put(name, pass.get(name));
        }
        return params;
    }

    /** Every combination of {@code params}, like JMH explodes them. */
    private static List<Trial> trials(String benchmark, Map<String, List<String>> params) {
        List<Map<String, String>> combinations = new ArrayList<>();
        combinations.add(new TreeMap<>());
        for (Map.Entry<String, List<String>> param : params.entrySet()) {
            List<Map<String, String>> next = new ArrayList<>();
            for (Map<String, String> combination : combinations) {
                for (String value : param.getValue()) {
                    Map<String, String> extended = new TreeMap<>(combination);
                    extended.put(param.getKey(), value);
                    next.add(extended);
                }
            }
            combinations = next;
        }
        return combinations.stream().map(c -> new Trial(benchmark, Map.copyOf(c))).toList();
    }

    private static String simpleName(BenchmarkListEntry entry) {
        String name = entry.getUsername();
        int method = name.lastIndexOf('.');
        int type = name.lastIndexOf('.', method - 1);
        return name.substring(type + 1);
    }

    private static String describe(ForkJvm jvm) {
        return "JDK " + jvm.feature() + " (" + jvm.executable() + ")";
    }

    List<Pass> passes() {
        return passes;
    }

    /** What the plan left out and why, one line each. */
    List<String> notes() {
        return notes;
    }

    /** Every (benchmark, params) combination the run will measure. */
    List<Trial> trials() {
        return passes.stream().flatMap(pass -> pass.trials().stream()).toList();
    }

    /** The JMH options of {@code pass}: the user's, narrowed to the pass, with its params and the run's settings. */
    Options options(Pass pass) {
        ChainedOptionsBuilder builder = new OptionsBuilder().parent(user);
        if (settings.include() != null) {
            builder.include(settings.include());
        }
        Set<String> inPass = new LinkedHashSet<>();
        pass.entries().forEach(entry -> inPass.add(entry.getUsername()));
        for (BenchmarkListEntry entry : selected) {
            if (!inPass.contains(entry.getUsername())) {
                builder.exclude("^" + Pattern.quote(entry.getUsername()) + "$");
            }
        }
        for (Map.Entry<String, List<String>> param : pass.params().entrySet()) {
            // the pass's values already give the user's -p precedence (and resolve its workers=0): a builder's
            // param replaces its parent's
            builder.param(param.getKey(), param.getValue().toArray(String[]::new));
        }
        if (settings.jvm() != null && !user.getJvm().hasValue()) {
            builder.jvm(settings.jvm());
        }
        if (settings.quick()) {
            if (!user.getForkCount().hasValue()) {
                builder.forks(BenchParams.QUICK_FORKS);
            }
            if (!user.getWarmupIterations().hasValue()) {
                builder.warmupIterations(BenchParams.QUICK_WARMUP_ITERATIONS);
            }
            if (!user.getWarmupTime().hasValue()) {
                builder.warmupTime(BenchParams.QUICK_ITERATION_TIME);
            }
            if (!user.getMeasurementIterations().hasValue()) {
                builder.measurementIterations(BenchParams.QUICK_MEASUREMENT_ITERATIONS);
            }
            if (!user.getMeasurementTime().hasValue()) {
                builder.measurementTime(BenchParams.QUICK_ITERATION_TIME);
            }
        }
        return builder.build();
    }

    /** About how long the whole run takes (see the implementation notes for what is assumed). */
    Duration estimate() {
        return passes.stream().map(this::estimate).reduce(Duration.ZERO, Duration::plus);
    }

    /** About how long {@code pass} takes. */
    Duration estimate(Pass pass) {
        Duration total = PASS_OVERHEAD;
        Map<String, BenchmarkListEntry> byName = new LinkedHashMap<>();
        pass.entries().forEach(entry -> byName.put(entry.getUsername(), entry));
        int modes = Math.max(1, user.getBenchModes().size());
        for (Trial trial : pass.trials()) {
            total = total.plus(perTrial(byName.get(trial.benchmark()), trial).multipliedBy(modes));
        }
        return total;
    }

    private Duration perTrial(BenchmarkListEntry entry, Trial trial) {
        boolean quick = settings.quick();
        boolean singleShot = entry.getMode() == Mode.SingleShotTime;
        int forks = user.getForkCount().orElse(quick ? BenchParams.QUICK_FORKS
                : entry.getForks().orElse(Defaults.MEASUREMENT_FORKS));
        int warmupForks = user.getWarmupForkCount().orElse(entry.getWarmupForks().orElse(Defaults.WARMUP_FORKS));
        int warmups = user.getWarmupIterations().orElse(quick ? BenchParams.QUICK_WARMUP_ITERATIONS
                : entry.getWarmupIterations().orElse(singleShot ? Defaults.WARMUP_ITERATIONS_SINGLESHOT
                : Defaults.WARMUP_ITERATIONS));
        int measurements = user.getMeasurementIterations().orElse(quick ? BenchParams.QUICK_MEASUREMENT_ITERATIONS
                : entry.getMeasurementIterations().orElse(singleShot ? Defaults.MEASUREMENT_ITERATIONS_SINGLESHOT
                : Defaults.MEASUREMENT_ITERATIONS));
        Duration iterations;
        if (singleShot) {
            iterations = SINGLE_SHOT.multipliedBy((long) warmups + measurements);
        } else {
            TimeValue warmupTime = user.getWarmupTime().orElse(quick ? BenchParams.QUICK_ITERATION_TIME
                    : entry.getWarmupTime().orElse(Defaults.WARMUP_TIME));
            TimeValue measurementTime = user.getMeasurementTime().orElse(quick ? BenchParams.QUICK_ITERATION_TIME
                    : entry.getMeasurementTime().orElse(Defaults.MEASUREMENT_TIME));
            Duration shortest = SPAWNING_STRATEGY.equals(trial.params().get(BenchParams.STRATEGY)) ? SPAWN_OPERATION
                    : Duration.ZERO;
            iterations = max(millis(warmupTime), shortest).multipliedBy(warmups)
                    .plus(max(millis(measurementTime), shortest).multipliedBy(measurements));
        }
        return FORK_OVERHEAD.plus(iterations).multipliedBy((long) forks + warmupForks);
    }

    private static Duration max(Duration a, Duration b) {
        return a.compareTo(b) >= 0 ? a : b;
    }

    private static Duration millis(TimeValue time) {
        return Duration.ofMillis(time.convertTo(TimeUnit.MILLISECONDS));
    }
}
