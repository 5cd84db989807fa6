package dev.sumbench.cli;

import dev.sumbench.core.BadInputException;
import dev.sumbench.core.ExitCodes;
import dev.sumbench.files.OutputFiles;
import dev.sumbench.files.RefusedFileException;
import dev.sumbench.report.Caveats;
import dev.sumbench.report.Formats;
import dev.sumbench.report.TableFormat;
import dev.sumbench.report.TuneReport;
import dev.sumbench.results.Run;
import dev.sumbench.stats.ChunkChoice;
import dev.sumbench.stats.ChunkTuning;
import dev.sumbench.stats.Direction;
import dev.sumbench.stats.MinParallelSize;
import dev.sumbench.sum.ChunkProfiles;
import dev.sumbench.sum.IdleTime;
import dev.sumbench.sum.Settings;
import dev.sumbench.sum.UsePattern;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code sumbench tune RUN}: the best chunk sizes of a chunk-size sweep, written as a profile the strategies use. */
@Command(name = "tune", mixinStandardHelpOptions = true,
        description = {"Reads a run of the chunk-size benchmark (rows with params strategy, size, workers, chunk and "
                + "maybe cores) and shows, per strategy × size × workers (× cores), the best chunk with its interval, "
                + "the flat region of chunks within --within of the best, and the recommendation: the middle of the "
                + "flat region.",
            "Writes the recommendations as a chunking profile beside the run (<stem>" + ChunkProfiles.SUFFIX + "), "
                    + "which 'sumbench sum --chunk auto --profile FILE' and the strategies' default chunk use."},
        footer = {"", "Examples:",
            "  sumbench tune results/20250101-120000_box_jdk17.json",
            "  sumbench tune run.json --within 3%% --cores 4 --out fork-join.chunks.json",
            "  sumbench sum --strategy fork-join --size 10000000 --workers 2 \\",
            "      --chunk auto --profile results/20250101-120000_box_jdk17" + ChunkProfiles.SUFFIX})
final class TuneCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Parameters(index = "0", paramLabel = "RUN", description = "A run of the chunk-size benchmark (JMH .json or .csv).")
    private Path runFile;

    @Option(names = "--within", paramLabel = "P", defaultValue = "5%",
            description = "Chunks this close to the best belong to the flat region (default: ${DEFAULT-VALUE}).")
    private String within;

    @Option(names = "--cores", paramLabel = "N",
            description = "With a 'cores' param: which core count goes into the profile (default: the largest).")
    private Long cores;

    @Option(names = "--out", paramLabel = "FILE",
            description = "Where to write the profile (default: beside the run, <stem>" + ChunkProfiles.SUFFIX + ").")
    private Path out;

    @Option(names = "--force", description = "Replace an existing profile (without it, an existing profile is "
            + "refused with exit code 2 before anything is printed).")
    private boolean force;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text",
            description = "Table format: text, md or csv (default: ${DEFAULT-VALUE}).")
    private String format;

    @Override
    public Integer call() {
        double withinFraction = Percent.parse("--within", within);
        if (cores != null && cores < 1) {
            throw new BadInputException("--cores: expected a count >= 1, got " + cores);
        }
        TableFormat tableFormat = FormatOption.parse(format);
        Path profileFile = out != null ? out : ChunkProfiles.besideRun(runFile);
        checkProfileFile(profileFile);
        Run run = CompareCommand.read(runFile);
        ChunkTuning tuning;
        try {
            tuning = ChunkTuning.of(run, withinFraction);
        } catch (IllegalArgumentException e) {
            if (MinParallelSize.of(run).stream().noneMatch(m -> m.size().isPresent())) {
                throw new BadInputException(runFile + ": " + e.getMessage(), e);
            }
            return crossoverOnly(run, withinFraction, profileFile);
        }
        List<ChunkChoice> chosen = tuning.forProfile(cores == null ? OptionalLong.empty() : OptionalLong.of(cores));
        if (cores != null && chosen.isEmpty()) {
            boolean coresParam = tuning.choices().stream().anyMatch(c -> c.cores().isPresent());
            throw new BadInputException("--cores: " + runFile + " has no rows with " + (coresParam ? "cores=" + cores
                    : "a 'cores' param"));
        }
        PrintWriter stdout = spec.commandLine().getOut();
        stdout.print(tableFormat.render(TuneReport.table(tuning, runFile.toString())));
        stdout.flush();
        PrintWriter err = spec.commandLine().getErr();
        if (chosen.isEmpty()) {
            err.println("tune: no profile written: no row has the params strategy, size and workers");
            err.flush();
            return ExitCodes.OK;
        }
        List<ChunkChoice> kept = chosen.stream().filter(TuneCommand::slowerThanDefault).toList();
        for (ChunkChoice choice : kept) {
            err.println("tune: kept the default chunk for " + choice.strategy() + " size " + choice.size().getAsLong()
                    + " workers " + choice.workers().getAsLong() + ": chunk " + choice.recommended().chunk()
                    + " measured slower than the default");
        }
        List<ChunkChoice> written = chosen;
        ChunkProfiles.Document document;
        try {
            document = document(run, withinFraction, written);
        } catch (IllegalArgumentException e) {
            throw new BadInputException(runFile + ": cannot make a profile: " + e.getMessage(), e);
        }
        ChunkProfiles.write(profileFile, document, TablesCommand.inputsOf(List.of(runFile)), force);
        err.println("tune: wrote " + written.size() + " recommendation" + (written.size() == 1 ? "" : "s") + " to "
                + profileFile);
        tellMinimumSizes(run, document, err);
        return ExitCodes.OK;
    }

    /**
     * A run with a crossover sweep but no chunk sweep: a profile with each strategy's minimum parallel size and no
     * chunk recommendations, saying so.
     */
    private Integer crossoverOnly(Run run, double withinFraction, Path profileFile) {
        PrintWriter err = spec.commandLine().getErr();
        err.println("tune: " + runFile + " has no chunk sweep (no row with a 'chunk' param): no chunk recommendations "
                + "(the strategies keep their own chunk); minimum parallel sizes from its crossover rows only");
        ChunkProfiles.Document document;
        try {
            document = document(run, withinFraction, List.of());
        } catch (IllegalArgumentException e) {
            throw new BadInputException(runFile + ": cannot make a profile: " + e.getMessage(), e);
        }
        ChunkProfiles.write(profileFile, document, TablesCommand.inputsOf(List.of(runFile)), force);
        err.println("tune: wrote 0 recommendations to " + profileFile);
        tellMinimumSizes(run, document, err);
        return ExitCodes.OK;
    }

    /**
     * The pattern the profile's rows were measured under, each minimum parallel size written, and for each strategy
     * without one, why not.
     */
    private static void tellMinimumSizes(Run run, ChunkProfiles.Document document, PrintWriter err) {
        String pattern = document.pattern() == UsePattern.AFTER_IDLE ? "after idle (its rows waited before each call)"
                : "back to back (its rows called the sum in a loop, no idle time)";
        err.println("tune: the profile is tuned for calls " + pattern + ": pattern " + document.pattern().id());
        for (ChunkProfiles.MinParallel min : document.minParallel()) {
            err.println("tune: " + min.strategy() + " with " + min.workers() + " workers splits from "
                    + Formats.size(min.size()) + " elements");
        }
        List<MinParallelSize> all = MinParallelSize.of(run);
        if (all.isEmpty()) {
            err.println("tune: no minimum parallel size: the run has no crossover rows (CrossoverBenchmark, "
                    + "chunking halves); the strategies keep deciding from their own measured sums");
        }
        boolean afterIdle = document.pattern() == UsePattern.AFTER_IDLE;
        java.util.Set<String> told = new java.util.HashSet<>();
        document.minParallel().forEach(m -> told.add(m.strategy() + "/" + m.workers()));
        for (MinParallelSize min : all) {
            if (min.size().isEmpty() && min.hot() != afterIdle && told.add(min.strategy() + "/" + min.workers())) {
                err.println("tune: no minimum parallel size for " + min.strategy() + " with " + min.workers()
                        + " workers: " + (min.warnings().isEmpty() ? "no size where splitting paid"
                        : String.join("; ", Caveats.words(min.warnings()))));
            }
        }
        err.flush();
    }

    /**
     * Refuses, before anything is printed, a profile file that cannot or must not be written: a missing directory, a
     * directory, a link or special file, one of the inputs, or an existing profile without {@code --force}.
     */
    private void checkProfileFile(Path profileFile) {
        String option = out != null ? "--out " : "";
        try {
            OutputFiles.check(List.of(profileFile), TablesCommand.inputsOf(List.of(runFile)));
        } catch (RefusedFileException e) {
            throw new BadInputException(option + e.getMessage(), e);
        }
        if (!force && Files.exists(profileFile, LinkOption.NOFOLLOW_LINKS)) {
            throw new BadInputException(option + profileFile + ": expected a new file, found an existing profile "
                    + "(use --force to replace it)");
        }
    }

    /**
     * Whether the recommended chunk measured worse than the strategy's own default (the {@code chunk = 0} row): then
     * the profile keeps the default there (an entry with chunk 0, which the strategies read as "use your own rule").
     */
    static boolean slowerThanDefault(ChunkChoice choice) {
        if (choice.defaultPoint() == null) {
            return false;
        }
        double recommended = choice.recommended().estimate().centre();
        double byDefault = choice.defaultPoint().estimate().centre();
        return Direction.of(choice.unit()) == Direction.HIGHER_IS_BETTER ? recommended < byDefault
                : recommended > byDefault;
    }

    private static ChunkProfiles.Document document(Run run, double within, List<ChunkChoice> chosen) {
        // a chunk at or above the size is one chunk: the profile says so with the size itself, never more
        List<ChunkProfiles.Entry> entries = chosen.stream()
                .map(c -> slowerThanDefault(c)
                        ? new ChunkProfiles.Entry(c.strategy(), (int) c.workers().getAsLong(), c.size().getAsLong(),
                                Settings.DEFAULT_CHUNK, 0, 0)
                        : new ChunkProfiles.Entry(c.strategy(), (int) c.workers().getAsLong(), c.size().getAsLong(),
                                (int) Math.min(Integer.MAX_VALUE, Math.min(c.recommended().chunk(), c.size().getAsLong())),
                                Math.min(c.flatFrom(), c.size().getAsLong()), Math.min(c.flatTo(), c.size().getAsLong())))
                .toList();
        // the cores of the chunk sweep's rows, else of the crossover rows, else the run's machine
        int cores = (int) chosen.stream().map(ChunkChoice::cores).filter(OptionalLong::isPresent)
                .mapToLong(OptionalLong::getAsLong).findFirst()
                .orElse(MinParallelSize.of(run).stream().map(MinParallelSize::cores).filter(OptionalLong::isPresent)
                        .mapToLong(OptionalLong::getAsLong).findFirst()
                        .orElse(run.metadata().map(m -> m.cores()).orElse(0)));
        long profileCores = cores;
        // the profile is tuned for one pattern: back to back where the run has such rows, else after idle
        List<MinParallelSize> all = MinParallelSize.of(run);
        boolean hotMins = all.stream().anyMatch(m -> m.hot() && m.size().isPresent());
        boolean idleMins = all.stream().anyMatch(m -> !m.hot() && m.size().isPresent());
        List<ChunkProfiles.MinParallel> mins = all.stream()
                .filter(m -> m.size().isPresent())
                .filter(m -> m.hot() == hotMins)
                .filter(m -> m.cores().isEmpty() || profileCores == 0 || m.cores().getAsLong() == profileCores)
                .filter(m -> m.workers() <= Settings.MAX_WORKERS)
                .collect(java.util.stream.Collectors.toMap(m -> m.strategy() + "/" + m.workers(),
                        m -> new ChunkProfiles.MinParallel(m.strategy(), (int) m.workers(), m.size().getAsLong()),
                        (first, second) -> first, java.util.LinkedHashMap::new))
                .values().stream().toList();
        // else the pattern of the chunk sweep's own rows: other benchmarks' idle rows (the dispatch benchmark's) are not
        // what the profile's figures come from
        boolean afterIdle = hotMins || idleMins ? !hotMins : chosen.stream().map(c -> c.params().get("idle"))
                .anyMatch(idle -> idle != null && IdleTime.parseNanosOrZero(idle) > 0);
        ChunkProfiles.Origin origin = run.metadata().map(m -> new ChunkProfiles.Origin(m.host(), m.cpuModel(),
                m.jdkVendor(), m.jdkFeature(), profileCores > 0 ? (int) profileCores : m.cores())).orElse(null);
        return new ChunkProfiles.Document(String.valueOf(run.source().getFileName()), within, cores, entries, mins,
                afterIdle ? UsePattern.AFTER_IDLE : UsePattern.BACK_TO_BACK, origin);
    }
}
