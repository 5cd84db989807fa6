package dev.sumbench.suite;

import dev.sumbench.core.BadInputException;
import dev.sumbench.core.ExitCodes;
import dev.sumbench.results.RunMeta;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.PatternSyntaxException;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.BenchmarkList;
import org.openjdk.jmh.runner.BenchmarkListEntry;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.format.OutputFormat;
import org.openjdk.jmh.runner.format.OutputFormatFactory;
import org.openjdk.jmh.runner.options.CommandLineOptionException;
import org.openjdk.jmh.runner.options.CommandLineOptions;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.VerboseMode;
import org.openjdk.jmh.util.Version;

/**
 * One run of the suite: check the input, probe the forks' JVM, plan the passes, run them with JMH's {@link Runner},
 * publish the run (or, for one count of a core sweep, save its results for the sweep) and render its tables.
 */
final class Suite {

    /*
     * Implementation notes. Everything that can be wrong with the input is found before the first fork starts (JMH's
     * own option parser, the include regex, the JVM, the ids given with -p), so bad input costs seconds and writes
     * nothing. JMH runs with its default -foe false: a benchmark that fails (its setup refused a param, its
     * validation found a wrong sum) is reported by JMH and skipped, the others go on; at the end the trials that
     * produced no result are listed and the exit code is 1, while the results that were measured are still saved.
     */

    private final BenchRequest request;
    private final PrintWriter out;
    private final PrintWriter err;

    Suite(BenchRequest request, PrintWriter out, PrintWriter err) {
        this.request = request;
        this.out = out;
        this.err = err;
    }

    /** Runs the request's suite; returns the exit code. */
    int run() throws IOException {
        CrossoverRefinement.Mode crossoverMode = CrossoverRefinement.Mode.parse(request.crossover());
        Options user = CrossoverRefinement.withoutAfterIdle(parseJmhOptions(request.jmhArgs()), request.quick());
        if (listingOnly(user)) {
            return ExitCodes.OK;
        }
        String executable = forkExecutable(request, user);
        SortedSet<BenchmarkListEntry> selected = select(user, request.include());
        ForkJvm jvm = ForkJvm.probe(executable, classPath(), jvmSource(request, user));
        checkUserParams(user, jvm);
        if (!request.dryRun()) {
            prepareWorkerArchive(jvm, out);
        }
        Plan plan = Plan.make(selected, user, settings(request, executable), jvm);
        if (plan.trials().isEmpty()) {
            throw new BadInputException("nothing to run on " + executable + ": " + String.join("; ", plan.notes()));
        }
        CrossoverRefinement refinement = new CrossoverRefinement(plan, crossoverMode, request.quick(), out);
        printPlan(plan, jvm);
        refinement.describe().ifPresent(line -> out.println("sumbench: " + line));
        out.flush();
        if (request.dryRun()) {
            return ExitCodes.OK;
        }
        ZonedDateTime start = ZonedDateTime.now();
        List<RunResult> results = runPasses(plan);
        int planned = results.size();
        results.addAll(refinement.run(results));
        // what ran, counted from the results rather than the plan
        int bisected = results.size() - planned;
        out.println("sumbench: ran " + count(planned, "trial") + " in " + count(plan.passes().size(), "JMH pass")
                + " in " + roughly(Duration.between(start, ZonedDateTime.now())) + (bisected > 0 ? " (with "
                + count(bisected, "bisection trial") + ")" : " (no bisection)"));
        out.flush();
        boolean allMeasured = allMeasured(missing(plan, results));
        if (request.rawOut() != null) {
            RunFiles.saveRaw(request.rawOut(), results);
            return allMeasured ? ExitCodes.OK : ExitCodes.FAILURE;
        }
        if (results.isEmpty()) {
            err.println("sumbench: no benchmark produced a result; nothing was written");
            err.flush();
            return ExitCodes.FAILURE;
        }
        RunMeta meta = meta(start, jvm, jvm.availableProcessors(), jmhArgsOfRecord(request, user, executable),
                List.of());
        RunFiles.Published run = RunFiles.publishOrRescue(request.results(), RunFiles.stem(start, Machine.host(),
                jvm.feature()), results, meta);
        printPublished(run, out);
        boolean tablesRendered = RunRenderer.render(run, out, err);
        return allMeasured && tablesRendered ? ExitCodes.OK : ExitCodes.FAILURE;
    }

    // ---- shared with CoreSweep ----

    /** The user's JMH options, parsed by JMH itself; {@code -rf}/{@code -rff} are refused (the run owns its files). */
    static Options parseJmhOptions(List<String> words) {
        CommandLineOptions options;
        try {
            options = new CommandLineOptions(words.toArray(String[]::new));
        } catch (CommandLineOptionException e) {
            throw new BadInputException("bench.args: " + e.getMessage() + " (in: " + String.join(" ", words) + ")");
        }
        if (options.getResult().hasValue() || options.getResultFormat().hasValue()) {
            throw new BadInputException("bench.args: -rf and -rff are not allowed: every run writes JSON and CSV "
                    + "into results/ itself");
        }
        return options;
    }

    /** The forks' {@code java}: {@code bench.jvm}, or JMH's {@code -jvm}, or the one running this code. */
    static String forkExecutable(BenchRequest request, Options user) {
        if (request.jvm() != null && user.getJvm().hasValue()) {
            throw new BadInputException("bench.jvm and -jvm in bench.args both name a JVM: give one");
        }
        if (request.jvm() != null) {
            return ForkJvm.resolveExecutable(request.jvm(), "bench.jvm");
        }
        if (user.getJvm().hasValue()) {
            return ForkJvm.resolveExecutable(user.getJvm().get(), "bench.args -jvm");
        }
        return ForkJvm.currentExecutable();
    }

    /** Names where the forks' JVM came from, for messages about it. */
    static String jvmSource(BenchRequest request, Options user) {
        if (request.jvm() != null) {
            return "bench.jvm";
        }
        return user.getJvm().hasValue() ? "bench.args -jvm" : "java";
    }

    /** The class path of this JVM: JMH forks and the probe use it too. */
    static String classPath() {
        return System.getProperty("java.class.path");
    }

    /** How long making a worker archive may take: one worker start, one sum, the dump and a check. */
    private static final java.time.Duration ARCHIVE_DEADLINE = java.time.Duration.ofSeconds(150);

    /**
     * Makes the worker class-data archive of the forks' JVM when it is not the build's (the build made that one): a
     * JVM maps only an archive its own build wrote, so without it the process strategies of another JDK would start
     * their workers slower and a comparison of JDKs would measure the archive. Never fails the run: without an
     * archive the workers start the normal way.
     */
    static void prepareWorkerArchive(ForkJvm jvm, PrintWriter out) {
        String classPath = classPath();
        if (!classPath.endsWith(".jar") || classPath.contains(java.io.File.pathSeparator)
                || jvm.home().equals(System.getProperty("java.home"))) {
            return;
        }
        try {
            Processes.Output made = Processes.run(List.of(jvm.executable(), "-cp", classPath,
                    "dev.sumbench.process.WorkerArchive", classPath), null, ARCHIVE_DEADLINE);
            made.stdout().lines().filter(line -> line.startsWith("sumbench: ")).forEach(out::println);
        } catch (java.io.IOException e) {
            out.println("sumbench: no worker class-data archive for " + jvm.executable() + ": " + e.getMessage());
        }
        out.flush();
    }

    static Plan.RunSettings settings(BenchRequest request, String executable) {
        boolean otherJvm = !executable.equals(ForkJvm.currentExecutable());
        return new Plan.RunSettings(request.include(), request.quick(), otherJvm ? executable : null);
    }

    /** The benchmarks JMH will select with these includes and excludes. */
    static SortedSet<BenchmarkListEntry> select(Options user, String include) {
        List<String> includes = new ArrayList<>(user.getIncludes());
        if (include != null) {
            includes.add(include);
        }
        OutputFormat silent = OutputFormatFactory.createFormatInstance(System.out, VerboseMode.SILENT);
        SortedSet<BenchmarkListEntry> selected;
        try {
            selected = BenchmarkList.defaultList().find(silent, includes, user.getExcludes());
        } catch (PatternSyntaxException e) {
            throw new BadInputException("bench.include: not a regular expression: " + e.getPattern());
        }
        if (selected.isEmpty()) {
            throw new BadInputException("no benchmark matches " + (includes.isEmpty() ? "(everything)"
                    : String.join(" or ", includes)) + (user.getExcludes().isEmpty() ? ""
                    : " without " + String.join(", ", user.getExcludes())) + "; the benchmarks are: "
                    + allBenchmarkClasses());
        }
        return selected;
    }

    /** Refuses, before any fork starts, ids the forks' JVM lacks and a {@code cores} it cannot have. */
    static void checkUserParams(Options user, ForkJvm jvm) {
        if (user.getParameter(BenchParams.STRATEGY).hasValue()) {
            List<String> unknown = new ArrayList<>(user.getParameter(BenchParams.STRATEGY).get());
            unknown.removeAll(jvm.strategies());
            if (!unknown.isEmpty()) {
                throw new BadInputException("bench.args -p strategy: not available on JDK " + jvm.feature() + ": "
                        + String.join(", ", unknown) + " (available: " + String.join(", ", jvm.strategies()) + ")");
            }
        }
        if (user.getParameter(BenchParams.CORES).hasValue()) {
            List<String> cores = List.copyOf(user.getParameter(BenchParams.CORES).get());
            int available = jvm.availableProcessors();
            if (!cores.equals(List.of(Integer.toString(available)))) {
                throw new BadInputException("bench.args -p cores=" + String.join(",", cores) + ": the forks may use "
                        + available + " CPU" + (available == 1 ? "" : "s")
                        + "; to run other core counts use scripts/bench-cores");
            }
        }
    }

    /**
     * What a run records as its JMH options: the user's, and those the suite added for every benchmark (the quick
     * settings the user did not override, the forks' JVM, the include). The params it resolved per benchmark are in
     * the rows themselves.
     */
    static List<String> jmhArgsOfRecord(BenchRequest request, Options user, String executable) {
        List<String> words = new ArrayList<>();
        if (request.quick()) {
            String time = BenchParams.QUICK_ITERATION_TIME.toString().replace(" ", "");
            addUnlessSet(words, user.getForkCount().hasValue(), "-f", Integer.toString(BenchParams.QUICK_FORKS));
            addUnlessSet(words, user.getWarmupIterations().hasValue(), "-wi",
                    Integer.toString(BenchParams.QUICK_WARMUP_ITERATIONS));
            addUnlessSet(words, user.getWarmupTime().hasValue(), "-w", time);
            addUnlessSet(words, user.getMeasurementIterations().hasValue(), "-i",
                    Integer.toString(BenchParams.QUICK_MEASUREMENT_ITERATIONS));
            addUnlessSet(words, user.getMeasurementTime().hasValue(), "-r", time);
        }
        if (request.jvm() != null) {
            words.addAll(List.of("-jvm", executable));
        }
        words.addAll(request.jmhArgs());
        if (request.include() != null) {
            words.add(request.include());
        }
        return words;
    }

    private static void addUnlessSet(List<String> words, boolean setByUser, String option, String value) {
        if (!setByUser) {
            words.add(option);
            words.add(value);
        }
    }

    static RunMeta meta(ZonedDateTime start, ForkJvm jvm, int cores, List<String> jmhArgs, List<Integer> coreCounts) {
        Machine.GitState git = Machine.git(Path.of("").toAbsolutePath());
        return new RunMeta("", start.toOffsetDateTime().truncatedTo(ChronoUnit.SECONDS).toString(), Machine.host(),
                Machine.cpuModel(), cores, Machine.onlineCpus(Runtime.getRuntime().availableProcessors()),
                jvm.memoryBytes(), jvm.os(), jvm.vendor(), jvm.version(), jvm.feature(), jvm.home(),
                Version.getPlainVersion(), jmhArgs, git.commit(), git.dirty(), coreCounts);
    }

    static void printPublished(RunFiles.Published run, PrintWriter out) {
        out.println("sumbench: run " + run.stem() + " saved:");
        out.println("  " + run.json());
        out.println("  " + run.csv());
        out.println("  " + run.meta());
        out.flush();
    }

    /** {@code 1 trial}, {@code 2 trials}, {@code 2 JMH passes}. */
    static String count(int n, String noun) {
        return n + " " + noun + (n == 1 ? "" : noun.endsWith("s") ? "es" : "s");
    }

    /** {@code 42 s} or {@code 15.5 min}. */
    static String roughly(Duration duration) {
        long seconds = duration.toSeconds();
        return seconds < 90 ? seconds + " s" : String.format(Locale.ROOT, "%.1f min", seconds / 60.0);
    }

    // ---- this run ----

    private boolean listingOnly(Options user) {
        if (!(user instanceof CommandLineOptions options)) {
            return false;
        }
        try {
            if (options.shouldHelp()) {
                options.showHelp();
            } else if (options.shouldList()) {
                new Runner(options).list();
            } else if (options.shouldListWithParams()) {
                new Runner(options).listWithParams(options);
            } else if (options.shouldListProfilers()) {
                options.listProfilers();
            } else if (options.shouldListResultFormats()) {
                options.listResultFormats();
            } else {
                return false;
            }
        } catch (IOException e) {
            throw new BadInputException("bench.args: " + e.getMessage());
        }
        return true;
    }

    private void printPlan(Plan plan, ForkJvm jvm) {
        for (String note : plan.notes()) {
            out.println("sumbench: " + note);
        }
        out.println("sumbench: " + count(plan.trials().size(), "trial") + " in "
                + count(plan.passes().size(), "JMH pass") + " on JDK " + jvm.feature() + " (" + jvm.executable()
                + "), " + count(jvm.availableProcessors(), "CPU") + "; about " + roughly(plan.estimate())
                + (request.quick() ? " (quick)" : ""));
        if (request.dryRun()) {
            int i = 1;
            for (Plan.Pass pass : plan.passes()) {
                out.println("  pass " + i++ + ": " + pass.classes() + ": " + count(pass.trials().size(), "trial")
                        + ", about " + roughly(plan.estimate(pass)));
                pass.params().forEach((name, values) -> out.println("    " + name + " = " + String.join(",", values)));
            }
        }
        out.flush();
    }

    private List<RunResult> runPasses(Plan plan) {
        List<RunResult> results = new ArrayList<>();
        int i = 1;
        for (Plan.Pass pass : plan.passes()) {
            out.println("sumbench: pass " + i++ + " of " + plan.passes().size() + ": " + pass.classes() + " ("
                    + count(pass.trials().size(), "trial") + ", about " + roughly(plan.estimate(pass)) + ")");
            out.flush();
            try {
                results.addAll(new Runner(plan.options(pass)).run());
            } catch (RunnerException e) {
                if (results.isEmpty()) {
                    throw new IllegalStateException("JMH failed: " + e.getMessage(), e);
                }
                // e.g. another JMH took its lock between two passes: what was measured is still saved
                err.println("sumbench: JMH stopped before pass " + (i - 1) + " of " + plan.passes().size() + ": "
                        + e.getMessage().strip().lines().findFirst().orElse("") + "; the " + count(results.size(),
                        "result") + " of the passes before it are saved");
                err.flush();
                break;
            }
        }
        return results;
    }

    private static List<Plan.Trial> missing(Plan plan, Collection<RunResult> results) {
        Set<Plan.Trial> measured = new HashSet<>();
        for (RunResult result : results) {
            Map<String, String> params = new TreeMap<>();
            for (String key : result.getParams().getParamsKeys()) {
                params.put(key, result.getParams().getParam(key));
            }
            measured.add(new Plan.Trial(result.getParams().getBenchmark(), Map.copyOf(params)));
        }
        return plan.trials().stream().filter(trial -> !measured.contains(trial)).toList();
    }

    /** True if every planned trial has a result; otherwise lists the others on stderr. */
    private boolean allMeasured(List<Plan.Trial> missing) {
        if (missing.isEmpty()) {
            return true;
        }
        err.println("sumbench: " + count(missing.size(), "trial") + " failed (JMH's output above says why):");
        for (Plan.Trial trial : missing) {
            err.println("  " + trial.benchmark() + " " + trial.params());
        }
        err.flush();
        return false;
    }

    private static String allBenchmarkClasses() {
        OutputFormat silent = OutputFormatFactory.createFormatInstance(System.out, VerboseMode.SILENT);
        Set<String> classes = new TreeSet<>();
        for (BenchmarkListEntry entry : BenchmarkList.defaultList().getAll(silent, List.of())) {
            String name = entry.getUserClassQName();
            classes.add(name.substring(name.lastIndexOf('.') + 1));
        }
        return String.join(", ", classes);
    }
}
