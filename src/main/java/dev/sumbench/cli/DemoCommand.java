package dev.sumbench.cli;

import dev.sumbench.report.Durations;
import dev.sumbench.report.Table;
import dev.sumbench.report.TableFormat;
import dev.sumbench.sum.Data;
import dev.sumbench.sum.Probe;
import dev.sumbench.sum.Settings;
import dev.sumbench.sum.Strategies;
import dev.sumbench.sum.StrategyInfo;
import dev.sumbench.sum.SumStrategy;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code sumbench demo}: the teaching note's exercise in Java: the numbers 1..10 split in two halves, summed with
 * every available strategy.
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = {"The teaching note's exercise: the numbers 1..10 split in two halves (2 workers, chunk 5), "
                + "summed with every available strategy.",
            "Prints each strategy's sum, the time to set it up (start its threads or processes), the median time "
                    + "per sum, and the trade-off it shows."})
final class DemoCommand implements Callable<Integer> {

    /** The teaching note's list: 1..10. */
    static final int SIZE = 10;
    /** Two halves: two workers of five elements each. */
    static final Settings TWO_HALVES = new Settings(2, SIZE / 2);
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

    @Override
    public Integer call() {
        if (repeat < 1) {
            throw new BadInputException("--repeat: must be >= 1, got " + repeat);
        }
        TableFormat tableFormat;
        try {
            tableFormat = TableFormat.parse(format);
        } catch (IllegalArgumentException e) {
            throw new BadInputException("--format: " + e.getMessage());
        }
        long[] data = Data.oneTo(SIZE);
        Table.Builder table = Table.builder("sum of 1..10 in two halves (workers=2, chunk=5)",
                Table.Column.left("strategy"), Table.Column.right("sum"), Table.Column.right("setup"),
                Table.Column.right("median per sum"), Table.Column.left("trade-off"));
        for (StrategyInfo info : Strategies.available()) {
            long setupStart = System.nanoTime();
            try (SumStrategy strategy = Strategies.create(info.id(), TWO_HALVES)) {
                long setup = System.nanoTime() - setupStart;
                Probe.Timings timings = Probe.run(strategy, data, repeat, BUDGET_NANOS);
                table.row(info.id(), Long.toString(timings.sum()), Durations.format(setup),
                        Durations.format(timings.median()), info.tradeOff());
            }
        }
        table.note("setup: creating the strategy (its threads or child JVMs); median per sum: after a warm-up.");
        table.note("A probe, not a benchmark: `mvn verify -Pbench` measures the same with JMH.");
        PrintWriter out = spec.commandLine().getOut();
        out.print(tableFormat.render(table.build()));
        out.flush();
        return ExitCodes.OK;
    }
}
