package dev.sumbench.cli;

import dev.sumbench.core.BadInputException;
import dev.sumbench.core.ExitCodes;
import dev.sumbench.process.CrashDemo;
import dev.sumbench.process.JvmStartProbe;
import dev.sumbench.process.ProcessSpawn;
import dev.sumbench.process.WorkerLauncher;
import dev.sumbench.report.Durations;
import dev.sumbench.report.Table;
import dev.sumbench.report.TableFormat;
import dev.sumbench.sum.Calibration;
import dev.sumbench.sum.Data;
import dev.sumbench.sum.Family;
import dev.sumbench.sum.JdkParallelStream;
import dev.sumbench.sum.Probe;
import dev.sumbench.sum.Sequential;
import dev.sumbench.sum.Settings;
import dev.sumbench.sum.SplitCosts;
import dev.sumbench.sum.Strategies;
import dev.sumbench.sum.StrategyInfo;
import dev.sumbench.sum.SumStrategy;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code sumbench demo}: the teaching note's exercise in Java: the numbers 1..10 split in two halves, summed with
 * every available strategy; with {@code --crash}, the note's failure: a worker killed during a sum.
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = {"The teaching note's exercise: the numbers 1..10 split in two halves (2 workers, chunk 5), "
                + "summed with every available strategy.",
            "Prints each strategy's sum, the time to set it up (start its threads or processes), the median time "
                    + "per sum, and the trade-off it shows.",
            "With --crash: kills a worker process (SIGKILL) during a sum and prints the BrokenPoolException it "
                    + "causes; a demonstration, so it exits 0."})
final class DemoCommand implements Callable<Integer> {

    /** The teaching note's list: 1..10. */
    static final int SIZE = 10;
    /** Two halves: two workers of five elements each. */
    private static final int TWO = 2;
    /**
     * Two halves: two workers of five elements each. Made when the demo runs, not when the class loads: the settings
     * read {@code -Dsumbench.chunking}, and a bad value must not break {@code --help}.
     */
    static Settings twoHalves() {
        return new Settings(TWO, SIZE / 2);
    }

    /** Timed sums per strategy when nothing else is asked for. */
    private static final int DEFAULT_REPEAT = 201;
    /** Time budget per strategy for the timed sums (process-spawn starts JVMs in every call). */
    private static final long BUDGET_NANOS = 1_000_000_000L;

    @Spec
    private CommandSpec spec;

    @Option(names = "--repeat", paramLabel = "R", defaultValue = "" + DEFAULT_REPEAT,
            description = "Timed sums per strategy, after a warm-up (default: ${DEFAULT-VALUE}; at most ~1 s each).")
    private int repeat;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text",
            description = "Table format: text, md or csv (default: ${DEFAULT-VALUE}).")
    private String format;

    @Option(names = "--idle", paramLabel = "T", defaultValue = "0",
            description = "Idle (park) for T before each timed sum, outside the timed region: what an occasional sum "
                    + "costs after the pool has gone idle: 0, 500us, 2ms, ... up to 1s (default: ${DEFAULT-VALUE}, "
                    + "back to back).")
    private String idle;

    @Option(names = "--crash",
            description = "Instead of the table: sum 1..1000000 in two halves with a pool of 2 worker processes, kill "
                    + "worker 1 with SIGKILL while its half is being sent, and print the BrokenPoolException that the "
                    + "sum fails with (the teaching note's BrokenProcessPool, explained). Exits 0: the crash is the "
                    + "demonstration.")
    private boolean crash;

    /** Bare JVM starts timed for the process-spawn note; the median is printed. */
    private static final int BARE_JVM_RUNS = 3;

    @Override
    public Integer call() {
        // every option is checked, also those --crash does not use: a typo is never silently ignored
        if (repeat < 1) {
            throw new BadInputException("--repeat: must be >= 1, got " + repeat);
        }
        TableFormat tableFormat;
        try {
            tableFormat = TableFormat.parse(format);
        } catch (IllegalArgumentException e) {
            throw new BadInputException("--format: " + e.getMessage());
        }
        long idleNanos = IdleOption.parseNanos(idle);
        if (crash) {
            return crash();
        }
        long[] data = Data.oneTo(SIZE);
        Table.Builder table = Table.builder("sum of 1..10 in two halves (workers=2, chunk=5"
                        + (idleNanos > 0 ? ", each sum after " + Durations.format(idleNanos) + " idle" : "") + ")",
                Table.Column.left("strategy"), Table.Column.right("sum"), Table.Column.right("setup"),
                Table.Column.right("median per sum"), Table.Column.right("splits from"),
                Table.Column.left("trade-off"));
        List<StrategyInfo> infos = Strategies.available();
        List<Probe.Timings> probes = new ArrayList<>();
        List<Long> setups = new ArrayList<>();
        for (StrategyInfo info : infos) {
            long setupStart = System.nanoTime();
            try (SumStrategy strategy = Strategies.create(info.id(), twoHalves())) {
                setups.add(System.nanoTime() - setupStart);
                probes.add(Probe.run(strategy, data, repeat, BUDGET_NANOS, idleNanos));
            }
        }
        // c measured by itself, after the probes: the loop is compiled by then, and the value is this run's
        double elementNanos = Calibration.elementNanos();
        long sequentialMedian = probes.get(infos.indexOf(Strategies.info(Sequential.ID).orElseThrow())).median();
        for (int i = 0; i < infos.size(); i++) {
            StrategyInfo info = infos.get(i);
            Probe.Timings timings = probes.get(i);
            table.row(info.id(), Long.toString(timings.sum()), Durations.format(setups.get(i)),
                    Durations.format(timings.median()),
                    splitsFrom(info, timings.median(), sequentialMedian, elementNanos), info.tradeOff());
        }
        table.note("setup: creating the strategy (its threads or child JVMs); median per sum: after a warm-up"
                + (idleNanos > 0 ? ", each timed sum after " + Durations.format(idleNanos) + " idle (outside the "
                + "timed region)" : ", back to back") + ".");
        table.note(String.format(Locale.ROOT, "splits from: the default chunking's rule, split n elements when "
                + "n·c·(1 − 1/p) − n·t > m·h, with this run's c = %.3f ns per element (the fastest of the warmed-up "
                + "loop), t = 0, m = %s, p = 2 and h = this row's median less sequential's: from n = m·h / "
                + "(c·(1 − 1/p) − t). The strategies measure their own c, h and t when they start (sum --verbose "
                + "prints them); process-pipe's copy (t) keeps it in the caller.", elementNanos,
                SplitCosts.formatMargin()));
        if (Strategies.ids().contains(ProcessSpawn.ID)) {
            long bare = JvmStartProbe.medianBareStartNanos(WorkerLauncher.defaults(), BARE_JVM_RUNS);
            table.note(ProcessSpawn.ID + " starts its JVMs in every sum; a bare JVM (same java and options, empty "
                    + "main) starts and exits in " + Durations.format(bare) + " here.");
        }
        table.note("A probe, not a benchmark: `mvn verify -Pbench` measures the same with JMH.");
        PrintWriter out = spec.commandLine().getOut();
        out.print(tableFormat.render(table.build()));
        out.flush();
        return ExitCodes.OK;
    }

    /** The "splits from" cell: the measured rule's minimum parallel size for this row's hand-off. */
    private static String splitsFrom(StrategyInfo info, long median, long sequentialMedian, double elementNanos) {
        if (info.family() == Family.SEQUENTIAL || info.id().equals(ProcessSpawn.ID)
                || info.id().equals(JdkParallelStream.ID)) {
            return "-";
        }
        double handOff = Math.max(0, median - sequentialMedian);
        SplitCosts costs = new SplitCosts(elementNanos, 0, handOff, Runtime.getRuntime().availableProcessors());
        long min = costs.minParallelSize(TWO);
        return min == Long.MAX_VALUE ? "never" : Long.toString(min);
    }

    private Integer crash() {
        PrintWriter out = spec.commandLine().getOut();
        out.printf("Summing 1..%d in two halves with a pool of 2 worker processes (process-pipe), and killing "
                + "worker %d with SIGKILL while its half is being sent...%n", CrashDemo.SIZE, CrashDemo.VICTIM);
        out.flush();
        CrashDemo.Outcome outcome = CrashDemo.run(WorkerLauncher.defaults());
        out.printf("The sum failed %s after the kill of pid %d with %s:%n", Durations.format(outcome.detectionNanos()),
                outcome.victimPid(), outcome.failure().getClass().getSimpleName());
        out.println("  " + outcome.failure().getMessage());
        out.println("The pool was closed: " + (outcome.childrenLeft() == 0 ? "every worker process reaped"
                : outcome.childrenLeft() + " worker processes still alive (a defect)") + ".");
        out.println("Python's ProcessPoolExecutor reports the same event as \"BrokenProcessPool: A process in the "
                + "process pool was terminated abruptly while the future was running or pending.\"");
        out.flush();
        return ExitCodes.OK;
    }
}
