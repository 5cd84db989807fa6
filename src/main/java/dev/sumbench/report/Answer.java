package dev.sumbench.report;

import dev.sumbench.stats.CrossoverAnalysis;
import dev.sumbench.stats.MeasuredCrossover;
import dev.sumbench.stats.Ratio;
import dev.sumbench.stats.SumAnalysis;
import dev.sumbench.stats.SumMatrix;
import dev.sumbench.stats.TradeOffAnalysis;
import dev.sumbench.sum.Family;
import dev.sumbench.sum.StrategyCatalog;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The answer a run gives, in a few lines that lead its {@code .md} and end its console summary: per strategy, from
 * which size splitting pays (hot and after idle), its best speedup and where it levels off, what a worker costs in
 * memory; then one line on processes against threads. Every figure is one the tables show, formatted the same way,
 * and each part names the table it comes from.
 */
public final class Answer {

    /* Implementation notes
     * "Pays from" is the crossover of the chunking that always splits (halves) where the run has it: that is where a
     * hand-off starts to pay for itself. The default chunking sums below that size in the caller, so its own crossover
     * says where its rule starts to split, not where parallel pays; it stays in table 4b. A strategy without crossover
     * rows gets table 4's "faster from (measured sizes)" instead, which has no interval and says so. Memory has no
     * interval: the memory benchmark measures one pool per fork and table 7 shows the mean. */

    /** The chunking that splits every call into one chunk per worker. */
    static final String HALVES = "halves";

    /**
     * A piece of a line and the table it comes from.
     *
     * @param text  the words and figures
     * @param table the table's number ({@code 4b}), or empty for text without a source
     */
    public record Part(String text, String table) {
    }

    /**
     * One line of the answer.
     *
     * @param parts its pieces, in order
     */
    public record Line(List<Part> parts) {

        public Line {
            parts = List.copyOf(parts);
        }

        /** The line for a console: each source as {@code (table 4b)}. */
        public String text() {
            return render(table -> " (table " + table + ")");
        }

        /** The line with each source rendered by {@code source} after its part, parts joined by "; ". */
        String render(java.util.function.Function<String, String> source) {
            List<String> out = new ArrayList<>();
            for (Part part : parts) {
                out.add(part.text() + (part.table().isEmpty() ? "" : source.apply(part.table())));
            }
            return String.join("; ", out);
        }
    }

    private Answer() {
    }

    /**
     * The answer's lines: first, where the run cannot answer, why ({@code cannotAnswer}); then one line per strategy
     * and one on processes against threads.
     */
    public static List<Line> lines(SumAnalysis analysis, CrossoverAnalysis crossover, TradeOffAnalysis tradeOff,
                                   Optional<String> cannotAnswer) {
        List<Line> lines = new ArrayList<>();
        cannotAnswer.ifPresent(why -> lines.add(new Line(List.of(new Part("this run cannot answer: " + why
                + "; the lines below only show that every part ran", "")))));
        Optional<TradeOffAnalysis.Aspect> memory = tradeOff.aspects().stream()
                .filter(a -> a.kind() == TradeOffAnalysis.Kind.MEMORY).findFirst();
        // a run of the crossover benchmark alone answers where splitting pays, and nothing else
        List<String> strategies = !analysis.matrix().isEmpty() ? analysis.matrix().strategies()
                : crossover.rows().stream().map(CrossoverAnalysis.Row::strategy).distinct().toList();
        for (String strategy : strategies) {
            if (strategy.equals(SumMatrix.BASELINE)) {
                continue;
            }
            List<Part> parts = new ArrayList<>();
            boolean oneThread = StrategyCatalog.family(strategy).equals(Optional.of(Family.SEQUENTIAL));
            parts.add(oneThread ? new Part(strategy + ": one thread, not a parallel strategy", "")
                    : paysFrom(strategy, analysis, crossover));
            best(strategy, analysis).ifPresent(parts::add);
            memory.flatMap(m -> memoryOf(m, strategy)).ifPresent(parts::add);
            lines.add(new Line(parts));
        }
        processesVsThreads(analysis, memory).ifPresent(lines::add);
        return lines;
    }

    /** "thread-pool: hot pays from ≈ 418,302 [339,766, 487,210], after 1ms idle does not pay up to 1,048,576 (...)". */
    private static Part paysFrom(String strategy, SumAnalysis analysis, CrossoverAnalysis crossover) {
        List<CrossoverAnalysis.Row> rows = crossover.rows().stream().filter(r -> r.strategy().equals(strategy))
                .toList();
        if (!rows.isEmpty()) {
            String chunking = rows.stream().anyMatch(r -> r.chunking().equals(HALVES)) ? HALVES
                    : rows.get(0).chunking();
            List<String> patterns = new ArrayList<>();
            int workers = 0;
            for (CrossoverAnalysis.Row row : rows) {
                if (row.chunking().equals(chunking)) {
                    patterns.add((row.hot() ? "hot" : CrossoverAnalysis.pattern(row.idle())) + " "
                            + crossing(row.crossover()));
                    workers = row.workers();
                }
            }
            String how = chunking.equals(HALVES) ? "split in halves" : chunking + " chunking";
            return new Part(strategy + ": " + String.join(", ", patterns) + " (" + how + ", "
                    + Formats.workers(workers) + ")", "4b");
        }
        // the most workers measured: one worker sums in the caller, its gains are not parallel ones (table 2's note)
        int most = analysis.speedups().stream().filter(r -> r.strategy().equals(strategy))
                .mapToInt(SumAnalysis.SpeedupRow::workers).max().orElse(1);
        Map<Long, Ratio> bySize = analysis.speedups().stream()
                .filter(r -> r.strategy().equals(strategy) && r.workers() == most)
                .map(SumAnalysis.SpeedupRow::bySize).findFirst().orElse(Map.of());
        // a size counts as faster or slower only where table 2's interval says so; without one, by the estimate
        Long from = null;
        boolean slower = false;
        boolean intervals = false;
        List<String> fasterAt = new ArrayList<>();
        for (Map.Entry<Long, Ratio> e : new TreeMap<>(bySize).entrySet()) {
            Ratio r = e.getValue();
            intervals |= r.hasInterval();
            boolean faster = r.hasInterval() ? r.lo() > 1 : r.value() > 1;
            slower |= r.hasInterval() ? r.hi() < 1 : r.value() < 1;
            if (faster) {
                fasterAt.add(Formats.size(e.getKey()));
            }
            if (faster && from == null) {
                from = e.getKey();
            } else if (!faster) {
                from = null;
            }
        }
        String what;
        if (from != null) {
            what = ": faster at every measured size from " + Formats.size(from) + " (no crossover measured"
                    + (intervals ? ")" : ", no interval)");
        } else if (!fasterAt.isEmpty()) {
            what = ": faster only at " + String.join(", ", fasterAt) + " of the measured sizes";
        } else if (!bySize.isEmpty() && !slower && intervals) {
            what = ": at par with sequential at every measured size (each interval holds 1)";
        } else {
            what = ": faster at no measured size";
        }
        return new Part(strategy + what, intervals ? "2" : "4");
    }

    /** "pays from ≈ 418,302 [339,766, 487,210]", "pays from below 4,096", "does not pay up to 1,048,576". */
    private static String crossing(MeasuredCrossover c) {
        return switch (c.kind()) {
            case AT -> "pays from " + CrossoverTables.estimate(c) + " " + CrossoverTables.interval(c);
            case BELOW_SMALLEST -> "pays from " + CrossoverTables.estimate(c);
            case NOT_REACHED -> "does not pay up to " + Formats.size(c.points().get(c.points().size() - 1).size());
        };
    }

    /** "best 1.78× [1.66, 1.90] at 10,000,000 with 2 workers, the most measured". */
    private static Optional<Part> best(String strategy, SumAnalysis analysis) {
        List<SumAnalysis.SpeedupRow> all = analysis.speedups().stream().filter(r -> r.strategy().equals(strategy))
                .toList();
        // parallel rows where there are some: one worker's gain over the loop is not parallelism (table 2's note)
        List<SumAnalysis.SpeedupRow> rows = all.stream().anyMatch(r -> r.workers() > 1)
                ? all.stream().filter(r -> r.workers() > 1).toList() : all;
        SumAnalysis.SpeedupRow bestRow = null;
        long bestSize = 0;
        Ratio best = null;
        for (SumAnalysis.SpeedupRow row : rows) {
            for (Map.Entry<Long, Ratio> e : row.bySize().entrySet()) {
                if (best == null || e.getValue().value() > best.value()) {
                    best = e.getValue();
                    bestRow = row;
                    bestSize = e.getKey();
                }
            }
        }
        if (best == null) {
            return Optional.empty();
        }
        long size = bestSize;
        Ratio top = best;
        // the fewest workers whose speedup at that size cannot be told from the best one: where it levels off
        int levels = rows.stream().filter(r -> r.bySize().containsKey(size))
                .filter(r -> r.workers() == 0 || r.bySize().get(size).hasInterval()
                        && r.bySize().get(size).hi() >= top.value())
                .mapToInt(SumAnalysis.SpeedupRow::workers).min().orElse(bestRow.workers());
        int most = rows.stream().mapToInt(SumAnalysis.SpeedupRow::workers).max().orElse(bestRow.workers());
        String where;
        if (levels < bestRow.workers()) {
            where = "levels off from " + Formats.workers(levels);
        } else if (bestRow.workers() == most) {
            where = Formats.workers(bestRow.workers()) + ", the most measured"
                    + (analysis.cores() > 0 ? " on " + analysis.cores() + " cores" : "");
        } else {
            where = "best with " + Formats.workers(bestRow.workers()) + ", more workers are slower";
        }
        if (rows.size() < all.size() && bestRow.workers() == most && levels == bestRow.workers()) {
            where = Formats.workers(bestRow.workers()) + ", the most measured"
                    + (analysis.cores() > 0 ? " on " + analysis.cores() + " cores" : "");
        }
        boolean oneThread = StrategyCatalog.family(strategy).equals(Optional.of(Family.SEQUENTIAL));
        return Optional.of(new Part("best " + Formats.ratio(best) + " at " + Formats.size(size)
                + (oneThread ? "" : ", " + where), "2"));
    }

    /** "a worker costs 0.377 MiB RSS (PSS ...)" as table 7 writes it. */
    private static Optional<Part> memoryOf(TradeOffAnalysis.Aspect memory, String strategy) {
        return java.util.stream.Stream.concat(memory.threads().stream(), memory.processes().stream())
                .filter(e -> e.label().equals(strategy)).findFirst()
                .map(e -> new Part("a worker costs " + memoryValue(e), "7"));
    }

    /** Processes against threads: the best of each family, the hand-off and the memory of one worker. */
    private static Optional<Line> processesVsThreads(SumAnalysis analysis, Optional<TradeOffAnalysis.Aspect> memory) {
        Optional<Best> threads = bestOf(analysis, Family.THREADS);
        Optional<Best> processes = bestOf(analysis, Family.PROCESSES);
        if (threads.isEmpty() || processes.isEmpty()) {
            return Optional.empty();
        }
        List<Part> parts = new ArrayList<>();
        parts.add(new Part("processes vs threads: the best process strategy, " + processes.get().strategy() + ", "
                + Formats.ratio(processes.get().ratio()) + " at " + Formats.size(processes.get().size())
                + "; the best thread strategy, " + threads.get().strategy() + ", " + Formats.ratio(threads.get().ratio())
                + "; the JVM has no GIL, so processes add a JVM per worker and buy no parallelism threads lack", "2"));
        memory.ifPresent(m -> {
            Optional<TradeOffAnalysis.Entry> process = m.processes().stream().findFirst();
            Optional<TradeOffAnalysis.Entry> thread = m.threads().stream().findFirst();
            if (process.isPresent() && thread.isPresent()) {
                parts.add(new Part("a child JVM holds " + memoryValue(process.get()) + ", a thread "
                        + memoryValue(thread.get()), "7"));
            }
        });
        return Optional.of(new Line(parts));
    }

    /** {@code 39.2 MiB RSS (PSS 21.7 MiB)}: table 7's figure and the first part of its detail. */
    private static String memoryValue(TradeOffAnalysis.Entry entry) {
        String pss = SumTables.pss(entry.detail());
        return Formats.number(entry.value()) + " " + entry.unit() + (pss.isEmpty() ? "" : " (" + pss + ")");
    }

    private record Best(String strategy, long size, Ratio ratio) {
    }

    /** The largest speedup of a family's strategies at the largest size. */
    private static Optional<Best> bestOf(SumAnalysis analysis, Family family) {
        List<Long> sizes = analysis.matrix().sizes();
        if (sizes.isEmpty()) {
            return Optional.empty();
        }
        long largest = sizes.get(sizes.size() - 1);
        return analysis.speedups().stream()
                .filter(r -> StrategyCatalog.family(r.strategy()).equals(Optional.of(family)))
                .filter(r -> r.bySize().containsKey(largest))
                .map(r -> new Best(r.strategy(), largest, r.bySize().get(largest)))
                .max(Comparator.comparingDouble(b -> b.ratio().value()));
    }
}
