package dev.sumbench.cli;

import dev.sumbench.core.BadInputException;
import dev.sumbench.core.ExitCodes;
import dev.sumbench.report.Table;
import dev.sumbench.report.TableFormat;
import dev.sumbench.sum.ChunkingRule;
import dev.sumbench.sum.Data;
import dev.sumbench.sum.Probe;
import dev.sumbench.sum.Settings;
import dev.sumbench.sum.Strategies;
import dev.sumbench.sum.SumStrategy;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.Callable;
import org.apache.commons.math3.stat.descriptive.rank.Median;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code sumbench race}: several strategies side by side in one JVM, on one array, in a random order each round. */
@Command(name = "race", mixinStandardHelpOptions = true,
        description = {"Times several contenders side by side in one JVM on the same array, each warmed up as by sum "
                + "--repeat. Each round takes R timed sums of each in turns of " + RaceCommand.TURN + ", the "
                + "contenders in a new random order each round, and prints each one's median per sum and its "
                + "speed-up over the first contender in the same round.",
            "A contender is a strategy id, or ID@RULE: the strategy's default chunking under a rule (adaptive or "
                    + "fixed). Each is created, and measures its costs, once, before the first round.",
            "One JVM and one array for all takes out what differs between JVMs (where the array lies in memory, "
                    + "the code the JIT made), which moves a median by several per cent on a virtual machine."},
        footer = {"", "Examples:",
            "  sumbench race --size 524288 --workers 2",
            "  sumbench race --size 2097152 --workers 2 --repeat 60 --contenders "
                    + "sequential,fork-join@fixed,fork-join@adaptive,jdk-parallel-stream --format csv"})
final class RaceCommand implements Callable<Integer> {

    /** The contenders by default: the baseline, each default that chunks, and the JDK's own idiom. */
    static final String DEFAULT_CONTENDERS =
            "sequential,fork-join,parallel-stream,thread-pool,process-shared,process-pipe,jdk-parallel-stream";
    /**
     * Samples a contender takes in one turn before the next contender's turn: few, so that a change of the machine's
     * state during a round (a median can step by several per cent within a JVM on a virtual machine) falls on every
     * contender alike; several, so that a strategy's pool is as hot as back to back when its later samples are timed.
     */
    static final int TURN = 10;

    @Spec
    private CommandSpec spec;

    @Option(names = "--size", required = true, paramLabel = "N", description = "Number of elements (0..2147483639).")
    private long size;

    @Option(names = "--contenders", paramLabel = "ID[@RULE],...", defaultValue = DEFAULT_CONTENDERS,
            description = "The contenders, the first the one the others are set against (default: "
                    + "${DEFAULT-VALUE}).")
    private String contenders;

    @Option(names = "--workers", paramLabel = "W",
            description = "Threads or processes that sum (1..1024; default: the available processors).")
    private Integer workers;

    @Option(names = "--chunk", paramLabel = "C", defaultValue = "0",
            description = "Elements per task; 0 = each strategy's default chunking (default: ${DEFAULT-VALUE}).")
    private int chunk;

    @Option(names = "--repeat", paramLabel = "R", defaultValue = "300",
            description = "Timed sums per contender and round (default: ${DEFAULT-VALUE}).")
    private int repeat;

    @Option(names = "--rounds", paramLabel = "K", defaultValue = "5",
            description = "Rounds, each in a new random order (default: ${DEFAULT-VALUE}).")
    private int rounds;

    @Option(names = "--idle", paramLabel = "T", defaultValue = "0",
            description = "Idle (park) for T before each timed sum, outside the timed region: 0, 500us, 2ms, ... up "
                    + "to 1s (default: ${DEFAULT-VALUE}, back to back).")
    private String idle;

    @Option(names = "--seed", paramLabel = "S", defaultValue = "" + Data.DEFAULT_SEED,
            description = "Seed of the generated data (default: ${DEFAULT-VALUE}).")
    private long seed;

    @Option(names = "--order-seed", paramLabel = "S",
            description = "Seed of the rounds' random order (default: a new one, printed).")
    private Long orderSeed;

    @Option(names = "--verbose", description = "Print on stderr how each contender's chunking decides for this size "
            + "(the rule with the numbers it measured when it was made), as sum --verbose does.")
    private boolean verbose;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text",
            description = "Table format: text, md or csv (default: ${DEFAULT-VALUE}).")
    private String format;

    /** A contender: a strategy, and the rule its default chunking follows ({@code null}: the default rule). */
    record Contender(String label, String strategy, ChunkingRule rule) {
    }

    @Override
    public Integer call() {
        TableFormat tableFormat = FormatOption.parse(format);
        long idleNanos = IdleOption.parseNanos(idle);
        List<Contender> list = parseContenders(contenders);
        int w = workers == null ? Runtime.getRuntime().availableProcessors() : workers;
        checkNumbers(w);
        long order = orderSeed == null ? new Random().nextInt(1_000_000_000) : orderSeed;
        int n = (int) size;
        long[] data = Data.generate(n, seed);
        double[][] medians = new double[rounds][list.size()];
        List<SumStrategy> strategies = new ArrayList<>();
        try {
            for (Contender contender : list) {
                Settings settings = new Settings(w, chunk);
                strategies.add(Strategies.create(contender.strategy(),
                        contender.rule() == null ? settings : settings.with(contender.rule())));
            }
            if (verbose) {
                PrintWriter err = spec.commandLine().getErr();
                for (int i = 0; i < list.size(); i++) {
                    err.println("sumbench race: " + list.get(i).label() + ": "
                            + ChunkingNotes.describe(strategies.get(i), n));
                }
                err.flush();
            }
            // warmed up once all are made: the strategies measure their costs when they are made, and the JIT
            // compiles each timing loop with what it has seen by then
            List<Probe.Session> sessions = new ArrayList<>();
            for (SumStrategy strategy : strategies) {
                sessions.add(new Probe.Session(strategy, data, idleNanos));
            }
            Random random = new Random(order);
            List<Integer> indices = new ArrayList<>();
            for (int i = 0; i < list.size(); i++) {
                indices.add(i);
            }
            for (int r = 0; r < rounds; r++) {
                Collections.shuffle(indices, random);
                double[][] times = new double[list.size()][repeat];
                for (int done = 0; done < repeat; done += TURN) {
                    int samples = Math.min(TURN, repeat - done);
                    for (int i : indices) {
                        sessions.get(i).time(times[i], done, samples);
                    }
                }
                for (int i = 0; i < list.size(); i++) {
                    medians[r][i] = median(times[i]);
                }
            }
        } finally {
            for (SumStrategy strategy : strategies) {
                strategy.close();
            }
        }
        PrintWriter out = spec.commandLine().getOut();
        out.print(tableFormat.render(table(list, medians, w, idleNanos, order)));
        out.flush();
        return ExitCodes.OK;
    }

    private Table table(List<Contender> list, double[][] medians, int w, long idleNanos, long order) {
        String first = list.get(0).label();
        Table.Builder table = Table.builder(String.format(Locale.ROOT, "race: %d elements, %d workers, chunk %d, %d "
                        + "timed sums per contender and round%s, %d rounds in a random order (order seed %d)", size, w,
                chunk, repeat, idleNanos > 0 ? " (each after " + idle + " idle)" : "", rounds, order),
                Table.Column.right("round"), Table.Column.left("contender"), Table.Column.right("median ns"),
                Table.Column.right("× " + first));
        for (int r = 0; r < rounds; r++) {
            for (int i = 0; i < list.size(); i++) {
                table.row(Integer.toString(r + 1), list.get(i).label(), number(medians[r][i]),
                        ratio(medians[r][0] / medians[r][i]));
            }
        }
        for (int i = 0; i < list.size(); i++) {
            double[] times = new double[rounds];
            double[] ratios = new double[rounds];
            for (int r = 0; r < rounds; r++) {
                times[r] = medians[r][i];
                ratios[r] = medians[r][0] / medians[r][i];
            }
            table.row("all", list.get(i).label(), number(median(times)), ratio(median(ratios)));
        }
        table.note("median ns: the median time per sum of the round, timed in turns of " + TURN + " samples (a "
                + "short sum is timed in batches, as in sum "
                + "--repeat); × " + first + ": " + first + "'s median over the contender's in the same round (> 1: "
                + "faster). Rows \"all\": the median over the rounds.");
        table.note("A probe, not a benchmark: `mvn verify -Pbench` measures with JMH, each strategy in its own forks.");
        return table.build();
    }

    /** The contenders of {@code text}: ID or ID@RULE, comma-separated, each at most once. */
    static List<Contender> parseContenders(String text) {
        List<Contender> list = new ArrayList<>();
        for (String part : text.split(",", -1)) {
            String label = part.strip();
            int at = label.indexOf('@');
            String id = at < 0 ? label : label.substring(0, at);
            if (!Strategies.ids().contains(id)) {
                throw new BadInputException("--contenders: unknown strategy '" + id + "' (available: "
                        + String.join(", ", Strategies.ids()) + ")");
            }
            ChunkingRule rule = null;
            if (at >= 0) {
                try {
                    rule = ChunkingRule.parse(label.substring(at + 1));
                } catch (IllegalArgumentException e) {
                    throw new BadInputException("--contenders: " + label + ": " + e.getMessage());
                }
            }
            if (list.stream().anyMatch(c -> c.label().equals(label))) {
                throw new BadInputException("--contenders: " + label + " is named twice");
            }
            list.add(new Contender(label, id, rule));
        }
        return list;
    }

    private void checkNumbers(int w) {
        SizeOption.problem(size).ifPresent(problem -> {
            throw new BadInputException(problem);
        });
        if (w < 1 || w > Settings.MAX_WORKERS) {
            throw new BadInputException("--workers: must be 1.." + Settings.MAX_WORKERS + ", got " + w);
        }
        if (chunk < 0) {
            throw new BadInputException("--chunk: must be >= 0 (0 = the default chunking), got " + chunk);
        }
        if (repeat < 1) {
            throw new BadInputException("--repeat: must be >= 1, got " + repeat);
        }
        if (rounds < 1) {
            throw new BadInputException("--rounds: must be >= 1, got " + rounds);
        }
        if (orderSeed != null && orderSeed < 0) {
            throw new BadInputException("--order-seed: must be >= 0, got " + orderSeed);
        }
    }

    private static double median(double[] values) {
        return new Median().evaluate(values);
    }

    private static String number(double nanos) {
        return String.format(Locale.ROOT, "%.1f", nanos);
    }

    private static String ratio(double value) {
        return String.format(Locale.ROOT, "%.4f", value);
    }
}
