package dev.sumbench.cli;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sumbench.core.BadInputException;
import dev.sumbench.core.ExitCodes;
import dev.sumbench.report.Durations;
import dev.sumbench.sum.ChunkProfile;
import dev.sumbench.sum.ChunkProfiles;
import dev.sumbench.sum.ChunkingRule;
import dev.sumbench.sum.Data;
import dev.sumbench.sum.IdleTime;
import dev.sumbench.sum.Probe;
import dev.sumbench.sum.Settings;
import dev.sumbench.sum.Strategies;
import dev.sumbench.sum.SumStrategy;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.OptionalInt;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code sumbench sum}: one strategy on generated data; with {@code --repeat}, a quick timing probe. */
@Command(name = "sum", mixinStandardHelpOptions = true,
        description = {"Sums generated data with one strategy and prints the sum.",
            "With --repeat, also the min/median/max time per sum and GB/s after a short warm-up: the quick probe to run "
                    + "before a full JMH suite."},
        footer = {"", "Examples:",
            "  sumbench sum --strategy fork-join --size 10000000 --workers 2 --repeat 50",
            "  sumbench sum --strategy thread-pool --size 10 --chunk 5 --repeat 1000 --json",
            "  sumbench sum --strategy fork-join --size 1048576 --workers 2 --repeat 300 --idle 2ms --verbose",
            "  sumbench sum --strategy fork-join --size 10000000 --workers 2 \\",
            "      --chunk auto --profile results/<run>.chunks.json"})
final class SumCommand implements Callable<Integer> {

    /** Time budget for the timed calls of one probe (the warm-up comes on top). */
    private static final long PROBE_BUDGET_NANOS = 60_000_000_000L;
    /** The {@code --chunk} value that asks for the tuned chunk of {@code --profile}. */
    private static final String AUTO = "auto";

    @Spec
    private CommandSpec spec;

    @Option(names = "--strategy", required = true, paramLabel = "ID",
            description = "Strategy id: ${COMPLETION-CANDIDATES}", completionCandidates = StrategyIds.class)
    private String strategy;

    @Option(names = "--size", required = true, paramLabel = "N", description = "Number of elements (0..2147483639).")
    private long size;

    @Option(names = "--workers", paramLabel = "W",
            description = "Threads or processes that sum (1..1024; default: the available processors).")
    private Integer workers;

    @Option(names = "--chunk", paramLabel = "C|auto", defaultValue = "0",
            description = "Elements per task; 0 = the strategy's built-in default; auto = the tuned chunk from "
                    + "--profile (default: ${DEFAULT-VALUE}).")
    private String chunk;

    @Option(names = "--profile", paramLabel = "FILE",
            description = "A chunking profile written by 'sumbench tune', for --chunk auto.")
    private Path profile;

    @Option(names = "--seed", paramLabel = "S", defaultValue = "" + Data.DEFAULT_SEED,
            description = "Seed of the generated data (default: ${DEFAULT-VALUE}).")
    private long seed;

    @Option(names = "--repeat", paramLabel = "R", defaultValue = "0",
            description = "Time R sums after a warm-up and print min/median/max ns and GB/s (default: no timing).")
    private int repeat;

    @Option(names = "--json", description = "Print one JSON object instead of text.")
    private boolean json;

    @Option(names = "--idle", paramLabel = "T", defaultValue = "0",
            description = "With --repeat: idle (park) for T before each timed sum, outside the timed region, like an "
                    + "occasional sum after the pool has gone idle: 0, 500us, 2ms, ... up to 1s (default: "
                    + "${DEFAULT-VALUE}, back to back).")
    private String idle;

    @Option(names = "--chunking", paramLabel = "RULE",
            description = "With chunk 0: adaptive (the measured rule: split n elements only when "
                    + "n*c*(1 - 1/p) - n*t > m*h, with the costs this strategy measures when it starts) or fixed (the "
                    + "former size rule) (default: adaptive, or -Dsumbench.chunking).")
    private String chunking;

    @Option(names = "--verbose", description = "Print how the default chunking decides on stderr: the rule with "
            + "this run's measured numbers, the minimum parallel size, and the chunks for this size.")
    private boolean verbose;

    @Override
    public Integer call() throws JsonProcessingException {
        Settings settings = validatedSettings();
        long idleNanos = idleNanos();
        int n = (int) size;
        int shownChunk = shownChunk(settings, n);
        long[] data = Data.generate(n, seed);
        SumReport report;
        try (SumStrategy sumStrategy = createStrategy(settings)) {
            if (repeat == 0) {
                report = SumReport.untimed(strategy, n, settings.workers(), shownChunk, sumStrategy.sum(data));
            } else {
                Probe.Timings timings = Probe.run(sumStrategy, data, repeat, PROBE_BUDGET_NANOS, idleNanos);
                report = SumReport.timed(strategy, n, settings.workers(), shownChunk, timings, idleNanos);
            }
            if (verbose) {
                PrintWriter err = spec.commandLine().getErr();
                err.println("sumbench sum: " + ChunkingNotes.describe(sumStrategy, n));
                err.flush();
            }
        }
        print(report);
        return ExitCodes.OK;
    }

    private long idleNanos() {
        try {
            return IdleTime.parseNanos(idle);
        } catch (IllegalArgumentException e) {
            throw bad("--idle: " + e.getMessage());
        }
    }

    private ChunkingRule rule() {
        try {
            return chunking == null ? ChunkingRule.fromSystemProperty() : ChunkingRule.parse(chunking);
        } catch (IllegalArgumentException e) {
            throw bad("--chunking: " + e.getMessage());
        }
    }

    private Settings validatedSettings() {
        if (!Strategies.ids().contains(strategy)) {
            throw bad("--strategy: unknown strategy '" + strategy + "' (available: "
                    + String.join(", ", Strategies.ids()) + ")");
        }
        SizeOption.problem(size).ifPresent(problem -> {
            throw bad(problem);
        });
        int w = workers == null ? Runtime.getRuntime().availableProcessors() : workers;
        if (w < 1 || w > Settings.MAX_WORKERS) {
            throw bad("--workers: must be 1.." + Settings.MAX_WORKERS + ", got " + w);
        }
        if (repeat < 0) {
            throw bad("--repeat: must be >= 0, got " + repeat);
        }
        if (AUTO.equals(chunk.strip())) {
            if (profile == null) {
                throw bad("--chunk auto: needs --profile FILE (a chunking profile written by 'sumbench tune')");
            }
            return new Settings(w, Settings.DEFAULT_CHUNK, readProfile(), rule());
        }
        if (profile != null) {
            throw bad("--profile: only used with --chunk auto, got --chunk " + chunk);
        }
        int c;
        try {
            c = Integer.parseInt(chunk.strip());
        } catch (NumberFormatException e) {
            throw bad("--chunk: expected a number >= 0 or auto, got '" + chunk + "'");
        }
        if (c < 0) {
            throw bad("--chunk: must be >= 0 (0 = the strategy's default), got " + c);
        }
        return new Settings(w, c, ChunkProfile.NONE, rule());
    }

    private ChunkProfile readProfile() {
        ChunkProfiles.Document document;
        try {
            document = ChunkProfiles.readDocument(profile);
        } catch (IllegalArgumentException e) {
            throw new BadInputException("--profile " + e.getMessage(), e);
        }
        List<String> differences = ChunkingNotes.differencesFromHere(document);
        if (!differences.isEmpty()) {
            PrintWriter err = spec.commandLine().getErr();
            err.println("sumbench sum: warning: " + profile + " was measured elsewhere ("
                    + String.join(", ", differences) + "): its sizes may not hold here; run 'sumbench tune' on a "
                    + "sweep from this machine and JVM");
            err.flush();
        }
        return document.toProfile();
    }

    /**
     * The chunk the report shows: the explicit one, or with {@code --chunk auto} the profile's for this strategy,
     * workers and size (0 when the profile has none and the built-in default applies, which stderr then says).
     */
    private int shownChunk(Settings settings, int n) {
        if (settings.chunk() != Settings.DEFAULT_CHUNK || settings.profile() == ChunkProfile.NONE) {
            return settings.chunk();
        }
        OptionalInt tuned = settings.profile().chunkFor(strategy, settings.workers(), n);
        if (tuned.isEmpty()) {
            PrintWriter err = spec.commandLine().getErr();
            err.println("sumbench sum: " + profile + " has no chunk for " + strategy + " with " + settings.workers()
                    + " workers: the built-in default applies");
            err.flush();
        }
        return tuned.orElse(Settings.DEFAULT_CHUNK);
    }

    private SumStrategy createStrategy(Settings settings) {
        try {
            return Strategies.create(strategy, settings);
        } catch (IllegalArgumentException e) {
            throw bad("--strategy " + strategy + ": " + e.getMessage());
        }
    }

    private ParameterException bad(String message) {
        return new ParameterException(spec.commandLine(), message);
    }

    private void print(SumReport report) throws JsonProcessingException {
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            out.println(new ObjectMapper().writeValueAsString(report));
        } else {
            out.println(report.sum());
            if (report.repeat() > 0) {
                out.printf(Locale.ROOT, "%s size=%d workers=%d chunk=%d: min %d ns, median %d ns, max %d ns, "
                                + "%.2f GB/s (%d timed sums%s)%n",
                        report.strategy(), report.size(), report.workers(), report.chunk(), report.minNs(),
                        report.medianNs(), report.maxNs(), report.gbps(), report.repeat(),
                        report.idleNs() == 0 ? "" : ", each after " + Durations.format(report.idleNs()) + " idle");
            }
        }
        out.flush();
    }

    /** The picocli completion candidates: the strategy ids of this JVM. */
    static final class StrategyIds implements Iterable<String> {
        @Override
        public java.util.Iterator<String> iterator() {
            return Strategies.ids().iterator();
        }
    }

    /** What {@code sum} prints; the JSON field names are part of the CLI's contract. */
    record SumReport(
            @JsonProperty("strategy") String strategy,
            @JsonProperty("size") int size,
            @JsonProperty("workers") int workers,
            @JsonProperty("chunk") int chunk,
            @JsonProperty("sum") long sum,
            @JsonProperty("repeat") int repeat,
            @JsonProperty("min_ns") Long minNs,
            @JsonProperty("median_ns") Long medianNs,
            @JsonProperty("median_ns_exact") Double medianNsExact,
            @JsonProperty("max_ns") Long maxNs,
            @JsonProperty("gbps") Double gbps,
            @JsonProperty("idle_ns") Long idleNs) {

        static SumReport untimed(String strategy, int size, int workers, int chunk, long sum) {
            return new SumReport(strategy, size, workers, chunk, sum, 0, null, null, null, null, null, null);
        }

        static SumReport timed(String strategy, int size, int workers, int chunk, Probe.Timings timings,
                               long idleNanos) {
            return new SumReport(strategy, size, workers, chunk, timings.sum(),
                    timings.times().length, timings.min(), timings.median(), timings.exactMedian(), timings.max(),
                    timings.gigabytesPerSecond(size), idleNanos);
        }
    }
}
