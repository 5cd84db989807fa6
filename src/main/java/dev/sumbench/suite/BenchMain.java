package dev.sumbench.suite;

import dev.sumbench.core.BadInputException;
import dev.sumbench.core.OneLineErrors;
import dev.sumbench.core.VersionProvider;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * Runs the JMH suite: what {@code mvn verify -Pbench} and {@code scripts/bench-cores} start.
 *
 * <p>Every option also reads a system property, so {@code java -Dbench.quick -cp target/sumbench.jar
 * dev.sumbench.suite.BenchMain} works like {@code mvn verify -Pbench -Dbench.quick}; an option given on the command
 * line wins, and an empty value counts as not given.
 */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = {"Runs the sumbench JMH suite and saves the run as results/<yyyyMMdd-HHmmss>_<host>_jdk<N>"
                + ".{json,csv,meta.json}, never overwriting a run.",
            "JMH options go after '--' (or in --args / -Dbench.args); JMH's progress and ETA are printed as it runs."},
        footer = {"", "Examples:",
            "  mvn verify -Pbench -Dbench.quick",
            "  mvn verify -Pbench -Dbench.include=SumBenchmark -Dbench.args=\"-p size=1000 -prof gc\"",
            "  java -cp target/sumbench.jar dev.sumbench.suite.BenchMain --dry-run",
            "  java -cp target/sumbench.jar dev.sumbench.suite.BenchMain --core-counts 1,2 -- -p size=10000000",
            "  java -cp target/sumbench.jar dev.sumbench.suite.BenchMain --ab-a=/usr/lib/jvm/jdk-17 "
                    + "--ab-b=/usr/lib/jvm/jdk-25 --rounds=5 --include=DispatchBenchmark",
            "  mvn verify -Pbench -Dbench.ab.a=::-XX:+UseG1GC -Dbench.ab.b=::-XX:+UseParallelGC",
            "",
            "A/B variants are JVM[::OPTIONS]: a java executable or JDK home (empty: the JVM running this), then "
                    + "JVM options after '::'. The same variant twice is an A/A check.",
            "Exit codes of an A/B run are compare's: 0 every row decided and none slower, 3 a row slower beyond "
                    + "the threshold, 4 a row undecided; 1 a failure, 2 bad input (before any fork starts)."})
public final class BenchMain implements Callable<Integer> {

    /** The lock of the checkout's target/ during a run, beside the jar (see {@link BenchLock}). */
    static final String LOCK_FILE = "bench.lock";

    /** How error lines name this command. */
    private static final String NAME = "sumbench";

    @Option(names = "--quick", arity = "0..1", fallbackValue = "true", paramLabel = "BOOLEAN",
            description = "Run the reduced matrix (about 2 minutes on 2 cores). System property: bench.quick.")
    private String quick;

    @Option(names = "--include", paramLabel = "REGEX",
            description = "Only benchmarks whose name matches. System property: bench.include.")
    private String include;

    @Option(names = "--jvm", paramLabel = "PATH",
            description = "The java (or JDK home) that runs the forks. System property: bench.jvm.")
    private String jvm;

    @Option(names = "--args", paramLabel = "JMH_OPTIONS",
            description = "JMH options as one string, e.g. \"-p size=1000 -prof gc\". System property: bench.args.")
    private String args;

    @Option(names = "--results", paramLabel = "DIR", description = "Where runs land (default: results).")
    private Path results;

    @Option(names = "--core-counts", paramLabel = "COUNTS", arity = "0..1", fallbackValue = "",
            description = "Run once per core count under taskset (1,2,4 or 1-4; no value: 1..the CPUs) and merge.")
    private String coreCounts;

    @Option(names = "--crossover", paramLabel = "MODE",
            description = "How far the crossover bisects after its coarse grid: off, default (1 step) or full "
                    + "(3 steps). System property: bench.crossover.")
    private String crossover;

    @Option(names = "--dry-run", description = "Print the plan and its estimated duration; run nothing.")
    private boolean dryRun;

    @Option(names = "--ab-a", paramLabel = "JVM[::OPTIONS]",
            description = "An A/B run (scripts/bench-ab): variant A. System property: bench.ab.a.")
    private String abA;

    @Option(names = "--ab-b", paramLabel = "JVM[::OPTIONS]",
            description = "Variant B (the one judged against A). System property: bench.ab.b.")
    private String abB;

    @Option(names = "--rounds", paramLabel = "N",
            description = "A/B rounds: one fork per trial and variant each; alone, exactly N (" + AbRun.DEFAULT_ROUNDS
                    + " is JMH's default forks); with --max-time, at most N (default: "
                    + AbRun.SEQUENTIAL_MAX_ROUNDS + "). System property: bench.ab.rounds.")
    private String rounds;

    @Option(names = "--max-time", paramLabel = "D",
            description = "A sequential A/B run: after 3 rounds, rounds only for the rows still undecided, until every "
                    + "row is decided or D (15m, 900s, 1h) runs out (default without --rounds: 15m). System property: "
                    + "bench.ab.maxTime.")
    private String maxTime;

    @Option(names = "--seed", paramLabel = "SEED",
            description = "Seed of the A/B order per round (default: random; recorded in .meta.json). System "
                    + "property: bench.ab.seed.")
    private String seed;

    @Option(names = "--threshold", paramLabel = "P",
            description = "The A/B comparison's threshold (default: 5%%). System property: bench.ab.threshold.")
    private String threshold;

    @Option(names = "--raw-out", hidden = true, paramLabel = "FILE",
            description = "One count of a core sweep: save the results here for the sweep to merge.")
    private Path rawOut;

    @Parameters(paramLabel = "JMH_OPTION", description = "JMH options, after '--'.")
    private List<String> jmhOptions = new ArrayList<>();

    private PrintWriter out;
    private PrintWriter err;

    private BenchMain() {
    }

    public static void main(String[] args) {
        PrintWriter err = new PrintWriter(System.err, true);
        int exitCode = OneLineErrors.execute(newCommandLine(new PrintWriter(System.out, true), err), err, NAME, args);
        System.exit(exitCode);
    }

    /**
     * The command, writing to {@code out} and {@code err}: bad input is one line and exit code 2, a failure one line
     * and exit code 1 ({@code SUMBENCH_DEBUG=1} adds the stack trace).
     */
    static CommandLine newCommandLine(PrintWriter out, PrintWriter err) {
        BenchMain command = new BenchMain();
        command.out = out;
        command.err = err;
        CommandLine cli = new CommandLine(command);
        cli.setOut(out);
        cli.setErr(err);
        OneLineErrors.install(cli, err, commandLine -> NAME,
                commandLine -> BenchMain.class.getName() + " --help");
        OneLineErrors.checkBeforeRunning(cli, dev.sumbench.sum.SystemProperties::check);
        VersionProvider.install(cli);
        return cli;
    }

    @Override
    public Integer call() throws Exception {
        BenchRequest request = request();
        AbRequest ab = abRequest();
        if (ab != null && request.coreCounts() != null) {
            throw new BadInputException("an A/B run and a core sweep do not combine: give --ab-a/--ab-b or "
                    + "--core-counts");
        }
        if (!request.dryRun() && request.rawOut() == null) {
            RunFiles.checkDestination(request.results());
        }
        Optional<Path> lockFile = request.dryRun() || request.rawOut() != null ? Optional.empty() : lockBesideJar();
        if (lockFile.isEmpty()) {
            return run(request, ab);
        }
        try (BenchLock held = BenchLock.hold(lockFile.get(), ProcessHandle.current(), "a benchmark run ("
                + String.join(" ", ProcessHandle.current().info().arguments().map(List::of).orElse(List.of()))
                + ")")) {
            return run(request, ab);
        } catch (BenchLock.TakenException e) {
            throw new BadInputException(e.getMessage(), e);
        }
    }

    private Integer run(BenchRequest request, AbRequest ab) throws Exception {
        if (ab != null) {
            return new AbRun(request, ab, out, err).run();
        }
        return request.coreCounts() != null
                ? new CoreSweep(request, out, err).run()
                : new Suite(request, out, err).run();
    }

    /**
     * {@code target/bench.lock} when this runs from {@code target/sumbench.jar} (the jar a second build would
     * rebuild); nothing when it runs from classes (tests). A pass of a core sweep runs under its sweep's lock.
     */
    private static Optional<Path> lockBesideJar() {
        try {
            Path location = Path.of(BenchMain.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            return location.getFileName().toString().endsWith(".jar")
                    ? Optional.of(location.resolveSibling(LOCK_FILE)) : Optional.empty();
        } catch (java.net.URISyntaxException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** The options merged with the {@code bench.*} system properties. */
    private BenchRequest request() {
        boolean isQuick = isQuick(quick != null ? quick : System.getProperty("bench.quick"));
        List<String> words = new ArrayList<>(JmhArgs.split(given(args, "bench.args")));
        words.addAll(jmhOptions);
        Path resultsDir = results != null ? results : Path.of("results");
        return new BenchRequest(isQuick, given(include, "bench.include"), given(jvm, "bench.jvm"), words,
                resultsDir, coreCounts, dryRun, rawOut,
                given(crossover, "bench.crossover"));
    }

    /** The A/B request, or null when neither variant is given. */
    private AbRequest abRequest() {
        String a = given(abA, "bench.ab.a");
        String b = given(abB, "bench.ab.b");
        String roundsText = given(rounds, "bench.ab.rounds");
        String seedText = given(seed, "bench.ab.seed");
        String thresholdText = given(threshold, "bench.ab.threshold");
        String maxTimeText = given(maxTime, "bench.ab.maxTime");
        if (a == null && b == null) {
            if (roundsText != null || seedText != null || thresholdText != null || maxTimeText != null) {
                throw new BadInputException("--rounds, --seed, --threshold and --max-time belong to an A/B run: give "
                        + "--ab-a and --ab-b too");
            }
            return null;
        }
        if (a == null || b == null) {
            throw new BadInputException("an A/B run needs two variants, --ab-a and --ab-b (bench.ab.a, bench.ab.b); "
                    + "the same one twice is an A/A check");
        }
        // --rounds alone: exactly that many rounds; otherwise sequential, within --max-time, up to --rounds
        java.time.Duration budget = maxTimeText != null ? AbRequest.maxTime(maxTimeText)
                : roundsText == null ? AbRun.DEFAULT_MAX_TIME : null;
        int n = budget == null ? AbRun.DEFAULT_ROUNDS : AbRun.SEQUENTIAL_MAX_ROUNDS;
        if (roundsText != null) {
            try {
                n = Integer.parseInt(roundsText);
            } catch (NumberFormatException e) {
                throw new BadInputException("--rounds: expected a whole number, got '" + roundsText + "'");
            }
        }
        long s;
        if (seedText == null) {
            s = new java.security.SecureRandom().nextLong();
        } else {
            try {
                s = Long.parseLong(seedText);
            } catch (NumberFormatException e) {
                throw new BadInputException("--seed: expected a whole number, got '" + seedText + "'");
            }
        }
        String t = thresholdText == null ? "5%" : thresholdText;
        return new AbRequest(a, b, n, s, AbRequest.threshold(t), budget);
    }

    /** {@code -Dbench.quick} alone gives "" (java) or "true" (Maven): both mean yes; absent means no. */
    private static boolean isQuick(String value) {
        if (value == null || value.equalsIgnoreCase("false")) {
            return false;
        }
        if (value.isBlank() || value.equalsIgnoreCase("true")) {
            return true;
        }
        throw new BadInputException("bench.quick: expected true or false, got '" + value + "'");
    }

    /** The option's value, else the system property's; blank counts as not given. */
    private static String given(String option, String property) {
        String value = option != null ? option : System.getProperty(property);
        return value == null || value.isBlank() ? null : value.strip();
    }
}
