package dev.sumbench.suite;

import dev.sumbench.compare.Comparison;
import dev.sumbench.compare.Comparisons;
import dev.sumbench.compare.Decision;
import dev.sumbench.compare.Gate;
import dev.sumbench.compare.GeoMean;
import dev.sumbench.compare.Judgement;
import dev.sumbench.compare.RowComparison;
import dev.sumbench.compare.Sequential;
import dev.sumbench.core.BadInputException;
import dev.sumbench.core.ExitCodes;
import dev.sumbench.files.OutputFiles;
import dev.sumbench.report.CompareReport;
import dev.sumbench.report.Formats;
import dev.sumbench.report.TableFormat;
import dev.sumbench.results.Result;
import dev.sumbench.results.Run;
import dev.sumbench.results.RunMeta;
import dev.sumbench.results.RunReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.results.BenchmarkResult;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.BenchmarkListEntry;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.Defaults;
import org.openjdk.jmh.runner.WorkloadParams;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.CommandLineOptionException;
import org.openjdk.jmh.runner.options.CommandLineOptions;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.VerboseMode;

/**
 * {@code scripts/bench-ab}: two variants (a JVM and its options each) measured fork by fork in randomized interleaved
 * rounds, saved as two ordinary runs after every round, then compared.
 *
 * <p>A round runs one fork of every trial on each variant, A then B or B then A as a seeded coin decides; N rounds
 * give N forks per trial and variant. Drift of the machine (other jobs, heat, a noisy neighbour) then hits both
 * variants alike instead of whichever ran second.
 */
final class AbRun {

    /*
     * Implementation notes. Each variant is planned like a plain run (Plan, with its own probe: JDK 17 lacks
     * virtual-threads) and run with JMH's own Runner at -f 1, one pass at a time; JMH returns one RunResult per
     * trial holding one BenchmarkResult per fork. The rounds' BenchmarkResults of a trial are merged into one
     * RunResult whose BenchmarkParams say forks = the rounds kept, which is exactly how JMH represents a run with
     * -f N: its JSON has one rawData list per fork and its score, error and percentiles are JMH's own aggregation
     * over all of them. So the files are genuine JMH JSON and CSV, and every reader and table takes them.
     *
     * After each complete round both runs are rewritten as one unit (AbSave: a journal of renames), so a run
     * stopped half-way keeps every completed round. A shutdown hook (SIGINT, SIGTERM) waits for a write in progress
     * to finish, never starts one, and says what was kept. A round interrupted half-way is dropped whole, so both
     * runs always hold the same rounds. Rejected: one JMH invocation per variant with -f N (no interleaving), and
     * a child JVM per round (another start-up for nothing: JMH already starts the forks).
     */

    /** The variants' names, in the order the stems and the comparison use. */
    static final List<String> NAMES = List.of("A", "B");
    /** The rounds when none are given: JMH's default number of forks. */
    static final int DEFAULT_ROUNDS = 5;
    /**
     * The most rounds: 200 times JMH's default forks, days of a full suite, far more forks than a comparison needs
     * to decide; a larger count is a typo, refused before a fork starts instead of planning a run of centuries.
     */
    static final int MAX_ROUNDS = 1000;
    /** A sequential run's budget when none is given: the suite's 20-minute budget less the build and the comparison. */
    static final Duration DEFAULT_MAX_TIME = Duration.ofMinutes(15);
    /**
     * A sequential run's most rounds when none are given: 30 forks a side show a 10 % change beyond a 5 % threshold at
     * a 5 % fork CV (docs/compare.md), and the looks up to 30 keep each look's level at alpha / 10.
     */
    static final int SEQUENTIAL_MAX_ROUNDS = 30;
    /** The comparison's significance level: compare's default. */
    private static final double ALPHA = 0.05;
    /** How long the shutdown hook waits for a write in progress. */
    private static final Duration WRITE_DEADLINE = Duration.ofSeconds(30);

    private final BenchRequest request;
    private final AbRequest ab;
    private final PrintWriter out;
    private final PrintWriter err;
    private final ReentrantLock writing = new ReentrantLock();
    private volatile boolean stopping;
    private volatile int roundsSaved;
    /** A sequential run's plan of looks, or null for a run of exactly the rounds asked for. */
    private final Sequential sequential;
    /** The rows a sequential run has decided, with the judgement of the look that decided them. */
    private final Map<Result.Key, Judgement> decided = new LinkedHashMap<>();
    /** Every row of the last look, by its compare key; empty before the first look. */
    private final List<Result.Key> looked = new ArrayList<>();

    AbRun(BenchRequest request, AbRequest ab, PrintWriter out, PrintWriter err) {
        this.request = request;
        this.ab = ab;
        this.out = out;
        this.err = err;
        this.sequential = ab.maxTime() == null ? null
                : new Sequential(Math.min(Gate.MIN_FORKS, ab.rounds()), Math.max(Gate.MIN_FORKS, ab.rounds()), ALPHA,
                ab.threshold());
    }

    /** One planned variant. */
    private record Planned(AbRequest.Variant variant, String executable, ForkJvm jvm, Plan plan, Options user) {
    }

    /** Runs the rounds; returns compare's exit code (0, 3 or 4), or 1 when a round failed. */
    int run() throws IOException {
        Options given = jmhOptions(request.jmhArgs());
        if (given.getForkCount().hasValue() || given.getWarmupForkCount().hasValue()) {
            throw new BadInputException("bench-ab: -f and -wf are not allowed: each round is one fork per variant; "
                    + "give --rounds instead");
        }
        if (given.getJvm().hasValue() || request.jvm() != null) {
            throw new BadInputException("bench-ab: the variants name the JVMs; -jvm and bench.jvm are not allowed");
        }
        if (ab.rounds() < 1 || ab.rounds() > MAX_ROUNDS || (ab.maxTime() != null && ab.rounds() < Gate.MIN_FORKS)) {
            throw new BadInputException("bench-ab: --rounds must be " + (ab.maxTime() == null ? 1 : Gate.MIN_FORKS)
                    + " to " + MAX_ROUNDS + (ab.maxTime() == null ? "" : " with --max-time") + ", got " + ab.rounds());
        }
        Options user = new OptionsBuilder().parent(given).forks(1).warmupForks(0).build();
        SortedSet<BenchmarkListEntry> selected = Suite.select(given, request.include());
        List<Planned> variants = List.of(plan(AbRequest.Variant.parse("A", ab.a()), selected, user),
                plan(AbRequest.Variant.parse("B", ab.b()), selected, user));
        Duration perRound = variants.get(0).plan().estimate().plus(variants.get(1).plan().estimate());
        for (Planned v : variants) {
            for (String note : v.plan().notes()) {
                out.println("sumbench: " + v.variant().name() + ": " + note);
            }
            out.println("sumbench: " + v.variant().name() + " = " + describe(v) + ": "
                    + Suite.count(v.plan().trials().size(), "trial"));
        }
        if (sequential == null) {
            out.println("sumbench: " + ab.rounds() + " round" + (ab.rounds() == 1 ? "" : "s") + " of one fork per "
                    + "trial and variant, A and B in random order per round (seed " + ab.seed() + "); about "
                    + Suite.roughly(perRound.multipliedBy(ab.rounds())) + (request.quick() ? " (quick)" : ""));
        } else {
            out.println("sumbench: sequential rounds of one fork per trial and variant, A and B in random order per "
                    + "round (seed " + ab.seed() + "): " + sequential.minRounds() + " rounds (about "
                    + Suite.roughly(perRound.multipliedBy(sequential.minRounds())) + "), then rounds only for the rows "
                    + "still undecided, judged after " + looks() + " rounds at " + Formats.confidence(
                    sequential.lookAlpha()) + " each, until every row is decided or " + Suite.roughly(ab.maxTime())
                    + " have passed" + (request.quick() ? " (quick)" : ""));
        }
        out.flush();
        if (request.dryRun()) {
            return ExitCodes.OK;
        }
        for (Planned v : variants) {
            Suite.prepareWorkerArchive(v.jvm(), out); // each JDK's workers start from an archive of their own
        }
        return rounds(variants, perRound);
    }

    /** bench-ab's own options: what a word after {@code --} may be by mistake. */
    private static final List<String> OWN_OPTIONS = List.of("rounds", "seed", "threshold", "include", "results",
            "quick", "dry-run");

    /**
     * The JMH options of the run (the words after {@code --}): a word JMH refuses is named as the user typed it,
     * with JMH's reason.
     */
    static Options jmhOptions(List<String> words) {
        try {
            new CommandLineOptions(words.toArray(String[]::new));
        } catch (CommandLineOptionException e) {
            List<String> names = e.getCause() instanceof joptsimple.OptionException refused
                    ? List.copyOf(refused.options()) : List.of();
            String typed = words.stream().filter(word -> names.stream().anyMatch(name -> word.matches(
                    "--?\\Q" + name + "\\E(=.*)?"))).findFirst().orElse(String.join(" ", words));
            boolean own = names.stream().anyMatch(OWN_OPTIONS::contains);
            throw new BadInputException("bench-ab: JMH option '" + typed + "': " + e.getMessage()
                    + (own ? "; bench-ab's own options go before --" : ""));
        }
        return Suite.parseJmhOptions(words);
    }

    private Planned plan(AbRequest.Variant variant, SortedSet<BenchmarkListEntry> selected, Options user) {
        String source = "bench-ab variant " + variant.name();
        String executable = variant.jvm() == null ? ForkJvm.currentExecutable()
                : ForkJvm.resolveExecutable(variant.jvm(), source);
        ForkJvm jvm = ForkJvm.probe(executable, variant.options(), Suite.classPath(), source + " (" + variant.spec()
                + ")");
        Suite.checkUserParams(user, jvm);
        boolean otherJvm = !executable.equals(ForkJvm.currentExecutable());
        Plan plan = Plan.make(selected, user, new Plan.RunSettings(request.include(), request.quick(),
                otherJvm ? executable : null), jvm);
        if (plan.trials().isEmpty()) {
            throw new BadInputException(source + ": nothing to run on " + executable + ": "
                    + String.join("; ", plan.notes()));
        }
        return new Planned(variant, executable, jvm, plan, user);
    }

    private int rounds(List<Planned> variants, Duration perRound) throws IOException {
        for (String line : AbSave.recover(request.results())) {
            err.println("sumbench: " + line);
        }
        err.flush();
        SplittableRandom coin = new SplittableRandom(ab.seed());
        ZonedDateTime start = ZonedDateTime.now();
        List<Map<String, Trial>> kept = List.of(new LinkedHashMap<>(), new LinkedHashMap<>());
        List<String> order = new ArrayList<>();
        List<RunFiles.Published> published = new java.util.concurrent.CopyOnWriteArrayList<>();
        Thread hook = new Thread(() -> onStop(published), "sumbench-ab-stop");
        Runtime.getRuntime().addShutdownHook(hook);
        int planned = sequential == null ? ab.rounds() : sequential.maxRounds();
        long started = System.nanoTime();
        Duration lastRound = perRound;
        try {
            for (int round = 1; round <= planned && !stopping; round++) {
                if (sequential != null && round > sequential.minRounds() && sequential.isLook(round - 1)) {
                    int nextLook = nextLook(round);
                    Duration spent = Duration.ofNanos(System.nanoTime() - started);
                    Duration toLook = lastRound.multipliedBy(nextLook - round + 1);
                    if (spent.plus(toLook).compareTo(ab.maxTime()) > 0) {
                        out.println("sumbench: the budget of " + Suite.roughly(ab.maxTime()) + " ends before the "
                                + "next look (after round " + nextLook + ", about " + Suite.roughly(toLook)
                                + " away): stopping after " + (round - 1) + " rounds");
                        out.flush();
                        break;
                    }
                }
                boolean aFirst = coin.nextBoolean();
                List<Integer> sequence = aFirst ? List.of(0, 1) : List.of(1, 0);
                String roundOrder = aFirst ? "AB" : "BA";
                long roundStart = System.nanoTime();
                out.println("sumbench: round " + round + (sequential == null ? " of " + ab.rounds() : "") + ": "
                        + roundOrder.charAt(0) + " then " + roundOrder.charAt(1));
                out.flush();
                List<List<RunResult>> measured = new ArrayList<>(List.of(List.of(), List.of()));
                for (int index : sequence) {
                    Planned v = variants.get(index);
                    ForkErrors console = ForkErrors.forConsole(System.out, verbosity(v));
                    try {
                        measured.set(index, runOnce(v, round, console));
                    } catch (RunnerException | RuntimeException e) {
                        String reason = ForkErrors.shortened(String.valueOf(e.getMessage())).replaceFirst("\\.$", "");
                        return stopped(round, v, "JMH stopped: " + reason, published);
                    }
                    int expected = passes(v).stream().mapToInt(p -> p.trials().size()).sum();
                    int missing = expected - trials(measured.get(index));
                    if (missing > 0 && !stopping) {
                        return stopped(round, v, missing + " of " + expected + " trials failed: "
                                + (console.first() != null ? ForkErrors.shortened(console.first())
                                : "no error line (JMH's output above)"),
                                published);
                    }
                }
                if (stopping) {
                    break;
                }
                for (int v = 0; v < 2; v++) {
                    add(kept.get(v), measured.get(v));
                }
                order.add(roundOrder);
                save(variants, kept, order, start, published);
                Duration took = Duration.ofNanos(System.nanoTime() - roundStart);
                lastRound = took;
                if (sequential == null) {
                    int left = ab.rounds() - round;
                    out.println("sumbench: round " + round + " of " + ab.rounds() + " done in " + Suite.roughly(took)
                            + " and saved" + (left == 0 ? "" : "; about " + Suite.roughly(took.multipliedBy(left))
                            + " left (planned: " + Suite.roughly(perRound) + " a round)"));
                    out.flush();
                    continue;
                }
                Duration left = ab.maxTime().minus(Duration.ofNanos(System.nanoTime() - started));
                String judged = "";
                if (sequential.isLook(round)) {
                    look(published);
                    judged = "; look: " + decided.size() + " of " + looked.size() + " rows decided";
                }
                out.println("sumbench: round " + round + " done in " + Suite.roughly(took) + " and saved" + judged
                        + "; " + (left.isNegative() ? "the budget is spent" : "about " + Suite.roughly(left)
                        + " of the budget left"));
                out.flush();
                if (sequential.isLook(round) && decided.size() == looked.size()) {
                    break;
                }
            }
        } finally {
            if (!stopping) {
                Runtime.getRuntime().removeShutdownHook(hook);
            }
        }
        if (published.isEmpty()) {
            err.println("sumbench: no round was completed; nothing was written");
            err.flush();
            return ExitCodes.FAILURE;
        }
        for (RunFiles.Published run : published) {
            Suite.printPublished(run, out);
        }
        return compare(published);
    }

    /** How many trials {@code results} hold a fork of. */
    private static int trials(List<RunResult> results) {
        return (int) results.stream().filter(r -> !r.getBenchmarkResults().isEmpty()).count();
    }

    /** The verbosity the user asked JMH for. */
    private static VerboseMode verbosity(Planned v) {
        return v.user().verbosity().orElse(Defaults.VERBOSITY);
    }

    /**
     * Ends the run after a round that {@code v} could not complete: a fork that fails once fails again in the next
     * round, which would only cost time. The round is dropped, like one cut off by Ctrl-C, so both runs keep the
     * same rounds; one line says why and what was kept. Returns the exit code, 1.
     */
    private int stopped(int round, Planned v, String reason, List<RunFiles.Published> published) {
        writing.lock();
        try {
            err.println("sumbench: round " + round + ", " + v.variant().name() + " (" + v.variant().spec() + "): "
                    + reason + "; stopped, " + kept(published));
            err.flush();
            return ExitCodes.FAILURE;
        } finally {
            writing.unlock();
        }
    }

    /** What is saved so far: nothing, or the rounds and where. */
    private String kept(List<RunFiles.Published> published) {
        if (published.isEmpty()) {
            return "no round was completed; nothing was written";
        }
        return "the " + roundsSaved + " completed round" + (roundsSaved == 1 ? " is" : "s are") + " saved in "
                + published.get(0).json() + " and " + published.get(1).json() + "; compare them with scripts/compare "
                + published.get(0).json() + " " + published.get(1).json();
    }

    private List<RunResult> runOnce(Planned v, int round, ForkErrors console) throws RunnerException {
        List<RunResult> results = new ArrayList<>();
        for (Plan.Pass pass : passes(v)) {
            if (stopping) {
                break;
            }
            out.println("sumbench: round " + round + ", " + v.variant().name() + ": " + pass.classes() + " ("
                    + Suite.count(pass.trials().size(), "trial") + ", about " + Suite.roughly(v.plan().estimate(pass))
                    + ")");
            out.flush();
            ChainedOptionsBuilder options = new OptionsBuilder().parent(v.plan().options(pass)).forks(1)
                    .warmupForks(0);
            List<String> jvmArgs = new ArrayList<>(v.user().getJvmArgsAppend().orElse(List.of()));
            jvmArgs.addAll(v.variant().options());
            if (!jvmArgs.isEmpty()) {
                options.jvmArgsAppend(jvmArgs.toArray(String[]::new));
            }
            options.jvm(v.executable());
            results.addAll(new Runner(options.build(), console.format(verbosity(v))).run());
        }
        return results;
    }

    /**
     * The passes of the next round: all of them, or in a sequential run after a look, each narrowed to the trials of
     * rows still undecided (its benchmarks and param values; a param value that an undecided trial needs runs for
     * every benchmark of the pass that has it), passes without one left out.
     */
    private List<Plan.Pass> passes(Planned v) {
        return decided.isEmpty() ? v.plan().passes() : undecided(v.plan().passes(), this::isDecided);
    }

    /** {@code passes} narrowed to the trials that {@code decided} does not hold (see {@link #passes}). */
    static List<Plan.Pass> undecided(List<Plan.Pass> passes, java.util.function.Predicate<Plan.Trial> decided) {
        List<Plan.Pass> narrowed = new ArrayList<>();
        for (Plan.Pass pass : passes) {
            List<Plan.Trial> open = pass.trials().stream().filter(decided.negate()).toList();
            if (open.isEmpty()) {
                continue;
            }
            java.util.Set<String> benchmarks = new java.util.HashSet<>();
            Map<String, List<String>> params = new LinkedHashMap<>();
            for (Plan.Trial t : open) {
                benchmarks.add(t.benchmark());
                t.params().forEach((name, value) -> {
                    List<String> values = params.computeIfAbsent(name, n -> new ArrayList<>());
                    if (!values.contains(value)) {
                        values.add(value);
                    }
                });
            }
            List<BenchmarkListEntry> entries = pass.entries().stream()
                    .filter(e -> benchmarks.contains(e.getUsername())).toList();
            List<Plan.Trial> trials = pass.trials().stream().filter(t -> benchmarks.contains(t.benchmark())
                    && t.params().entrySet().stream().allMatch(p -> params.getOrDefault(p.getKey(), List.of())
                    .contains(p.getValue()))).toList();
            narrowed.add(new Plan.Pass(entries, params, trials));
        }
        return narrowed;
    }

    /** Whether a look decided the row of trial {@code t}: same benchmark, and the row's params are the trial's. */
    private boolean isDecided(Plan.Trial t) {
        return decided.keySet().stream().anyMatch(key -> key.benchmark().equals(t.benchmark())
                && t.params().entrySet().containsAll(key.params().entrySet()));
    }

    /** The first planned look at or after {@code round}. */
    private int nextLook(int round) {
        return java.util.Arrays.stream(sequential.looks()).filter(l -> l >= round).min()
                .orElse(sequential.maxRounds());
    }

    /** The planned looks, as a list for the console: {@code 3, 4, 5, 7, ... 30}. */
    private String looks() {
        return java.util.Arrays.stream(sequential.looks()).mapToObj(Integer::toString)
                .collect(java.util.stream.Collectors.joining(", "));
    }

    /**
     * One look of a sequential run: the rows still undecided in the saved runs are judged at the look's level; those
     * it decides keep that judgement.
     */
    private void look(List<RunFiles.Published> published) {
        Run a = RunReader.read(published.get(0).json());
        Run b = RunReader.read(published.get(1).json());
        Comparison all = Comparisons.compare(a, b, sequential.lookAlpha(), ab.threshold());
        looked.clear();
        all.rows().forEach(row -> looked.add(row.key()));
        java.util.Set<Result.Key> open = new java.util.HashSet<>(looked);
        open.removeAll(decided.keySet());
        Comparison undecided = Comparisons.compare(only(a, open), only(b, open), sequential.lookAlpha(),
                ab.threshold());
        for (RowComparison row : undecided.rows()) {
            if (row.decision() != Decision.INCONCLUSIVE) {
                decided.put(row.key(), row.judgement());
            }
        }
    }

    /** {@code run} with only the rows whose compare key is in {@code keys}. */
    private static Run only(Run run, java.util.Set<Result.Key> keys) {
        return new Run(run.source(), run.results().stream()
                .filter(r -> keys.contains(Comparisons.matchKey(r.key())) || keys.contains(r.key())).toList(),
                run.meta());
    }

    /** The forks of one trial so far: the first result's params and every fork's result. */
    private static final class Trial {
        final BenchmarkParams params;
        final List<BenchmarkResult> forks = new ArrayList<>();

        Trial(BenchmarkParams params) {
            this.params = params;
        }

        RunResult merged() {
            return new RunResult(withForks(params, forks.size()), forks);
        }
    }

    /** Adds this round's forks. */
    private static void add(Map<String, Trial> trials, List<RunResult> results) {
        for (RunResult result : results) {
            Trial trial = trials.computeIfAbsent(key(result.getParams()), k -> new Trial(result.getParams()));
            trial.forks.addAll(result.getBenchmarkResults());
        }
    }

    private void save(List<Planned> variants, List<Map<String, Trial>> kept, List<String> order, ZonedDateTime start,
                      List<RunFiles.Published> published) throws IOException {
        writing.lock();
        try {
            if (stopping) {
                return;
            }
            Map<Path, byte[]> unit = new LinkedHashMap<>();
            for (int v = 0; v < 2; v++) {
                Planned planned = variants.get(v);
                List<RunResult> results = kept.get(v).values().stream().map(Trial::merged).toList();
                RunMeta meta = Suite.meta(start, planned.jvm(), planned.jvm().availableProcessors(),
                        jmhArgsOfRecord(planned), List.of());
                if (published.size() <= v) {
                    String stem = RunFiles.stem(start, Machine.host(), planned.jvm().feature()) + "_"
                            + planned.variant().name();
                    published.add(RunFiles.publish(request.results(), stem, results, meta));
                }
                unit.putAll(RunFiles.contents(published.get(v), results, meta, extra(variants, v, order)));
            }
            AbSave.save(unit);
            roundsSaved = order.size();
        } finally {
            writing.unlock();
        }
    }

    /** What a variant's .meta.json records about the A/B run. */
    private Map<String, Object> extra(List<Planned> variants, int v, List<String> order) {
        Map<String, Object> variantsByName = new LinkedHashMap<>();
        for (Planned p : variants) {
            variantsByName.put(p.variant().name(), Map.of("spec", p.variant().spec(), "java", p.executable(),
                    "jvmOptions", p.variant().options()));
        }
        Map<String, Object> abRun = new LinkedHashMap<>();
        abRun.put("variant", variants.get(v).variant().name());
        abRun.put("variants", variantsByName);
        abRun.put("roundsPlanned", ab.rounds());
        abRun.put("roundsKept", order.size());
        abRun.put("order", order);
        abRun.put("seed", ab.seed());
        return Map.of("abRun", abRun);
    }

    private List<String> jmhArgsOfRecord(Planned v) {
        List<String> words = new ArrayList<>(List.of("-f", "1", "-jvm", v.executable()));
        if (!v.variant().options().isEmpty()) {
            words.add("-jvmArgsAppend");
            words.add(String.join(" ", v.variant().options()));
        }
        words.addAll(Suite.jmhArgsOfRecord(request, v.user(), v.executable()));
        return words;
    }

    /** Compares A (old) with B (new) as {@code sumbench compare} does; returns its exit code. */
    private int compare(List<RunFiles.Published> published) throws IOException {
        Path a = published.get(0).json();
        Path b = published.get(1).json();
        List<String> notes = new ArrayList<>(List.of("A/B run: A and B measured fork by fork in " + roundsSaved
                + " randomized interleaved round" + (roundsSaved == 1 ? "" : "s") + " (seed " + ab.seed() + ")"));
        Comparison comparison;
        if (sequential == null) {
            comparison = Comparisons.compare(RunReader.read(a), RunReader.read(b), ALPHA, ab.threshold());
        } else {
            // the rows a look decided keep that look's judgement; the others are judged on all their forks
            Comparison last = Comparisons.compare(RunReader.read(a), RunReader.read(b), sequential.lookAlpha(),
                    ab.threshold());
            List<RowComparison> rows = last.rows().stream()
                    .map(row -> decided.containsKey(row.key()) ? row.judged(decided.get(row.key())) : row).toList();
            comparison = new Comparison(last.alpha(), last.threshold(), rows, last.onlyOld(), last.onlyNew(),
                    GeoMean.of(rows), last.notices());
            notes.add("sequential: after " + sequential.minRounds() + " rounds, rounds only for the rows still "
                    + "undecided, judged after " + looks() + " rounds, each look at " + Formats.confidence(
                    sequential.lookAlpha()) + " (alpha " + Formats.confidence(ALPHA) + " spent in equal shares over "
                    + sequential.looks().length + " looks); a decided row keeps the verdict and figures of the look "
                    + "that decided it");
        }
        String text = TableFormat.TEXT.render(CompareReport.table(comparison, a.toString(), b.toString(), notes));
        int exitCode = !comparison.regressions().isEmpty() ? ExitCodes.REGRESSION
                : !comparison.inconclusive().isEmpty() ? ExitCodes.UNDECIDED : ExitCodes.OK;
        out.print(text);
        Path file = published.get(1).json().resolveSibling(published.get(1).stem() + ".compare.txt");
        try {
            Path temporary = OutputFiles.temporary(file);
            try {
                Files.writeString(temporary, text, StandardCharsets.UTF_8);
                OutputFiles.publishNew(temporary, file);
            } finally {
                Files.deleteIfExists(temporary);
            }
            out.println("sumbench: the comparison is saved in " + file + " (compare's exit code " + exitCode + ")");
        } catch (IOException e) {
            err.println("sumbench: the comparison was not saved (" + e.getMessage() + "); rerun it with "
                    + "scripts/compare " + published.get(0).json() + " " + published.get(1).json());
        }
        out.flush();
        err.flush();
        return exitCode;
    }

    private void onStop(List<RunFiles.Published> published) {
        stopping = true;
        try {
            if (writing.tryLock(WRITE_DEADLINE.toMillis(), TimeUnit.MILLISECONDS)) {
                writing.unlock();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        err.println("sumbench: stopped; " + kept(published));
        err.flush();
    }

    private static String describe(Planned v) {
        return v.variant().spec() + " (JDK " + v.jvm().feature() + ", " + v.executable()
                + (v.variant().options().isEmpty() ? "" : ", " + String.join(" ", v.variant().options())) + ")";
    }

    /** A trial's identity across rounds: benchmark, mode and params. */
    private static String key(BenchmarkParams params) {
        Map<String, String> values = new TreeMap<>();
        for (String name : params.getParamsKeys()) {
            values.put(name, params.getParam(name));
        }
        return params.getBenchmark() + " " + params.getMode() + " " + values;
    }

    /** {@code params} saying {@code forks} forks: how JMH describes a run with -f forks. */
    static BenchmarkParams withForks(BenchmarkParams params, int forks) {
        WorkloadParams workload = new WorkloadParams();
        int order = 0;
        for (String name : params.getParamsKeys()) {
            workload.put(name, params.getParam(name), order++);
        }
        @SuppressWarnings("unchecked")
        Collection<String> labels = params.getThreadGroupLabels();
        @SuppressWarnings("unchecked")
        Collection<String> jvmArgs = params.getJvmArgs();
        return new BenchmarkParams(params.getBenchmark(), params.generatedBenchmark(), params.shouldSynchIterations(),
                params.getThreads(), params.getThreadGroups(), labels, forks, params.getWarmupForks(),
                params.getWarmup(), params.getMeasurement(), params.getMode(), workload, params.getTimeUnit(),
                params.getOpsPerInvocation(), params.getJvm(), jvmArgs, params.getJdkVersion(), params.getVmName(),
                params.getVmVersion(), params.getJmhVersion(), params.getTimeout());
    }
}
