package dev.sumbench.stats;

import dev.sumbench.results.Metric;
import dev.sumbench.results.Result;
import dev.sumbench.sum.Family;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Table 7's "memory per worker" from the memory benchmark's rows: RSS and PSS per worker in MiB (a child JVM's own
 * for process strategies, the caller's growth divided by the workers for thread strategies).
 */
final class MemoryFigures {

    /* Implementation notes
     * The benchmark reports its figures as @AuxCounters EVENTS, which JMH adds up over forks; the per-fork values
     * are in the raw data, and the figure shown is their mean (each fork is one pool). A NaN means the fork could
     * not read /proc/<pid>/smaps_rollup: the cell says so rather than showing a number. */

    /** The secondary metrics the memory benchmark reports. */
    static final String RSS = "perWorkerRssMiB";
    static final String PSS = "perWorkerPssMiB";

    private MemoryFigures() {
    }

    /** The aspect from the memory benchmark's rows; empty when the runs have none. */
    static Optional<TradeOffAnalysis.Aspect> aspect(List<Result> rows) {
        List<TradeOffAnalysis.Entry> threads = new ArrayList<>();
        List<TradeOffAnalysis.Entry> processes = new ArrayList<>();
        for (Result row : rows) {
            if (!Roles.className(row).toLowerCase(Locale.ROOT).contains("memory") || !row.secondary().containsKey(RSS)
                    || !row.secondary().containsKey(PSS)) {
                continue;
            }
            String label = Roles.label(row);
            Optional<Family> known = Roles.family(row);
            if (known.isEmpty()) {
                continue; // a strategy the catalog does not know belongs to neither side
            }
            Family family = known.get();
            int workers = Roles.intParam(row, "workers", 1);
            double rss = forkMean(row.secondary().get(RSS));
            double pss = forkMean(row.secondary().get(PSS));
            TradeOffAnalysis.Detail detail = Double.isNaN(rss) || Double.isNaN(pss)
                    ? TradeOffAnalysis.Detail.of(TradeOffAnalysis.Detail.Code.NO_PROC)
                    : TradeOffAnalysis.Detail.of(TradeOffAnalysis.Detail.Code.MEMORY, pss, family == Family.PROCESSES,
                    workers,
                    row.secondary().get(RSS).rawData().isEmpty() ? 1 : row.secondary().get(RSS).rawData().size());
            TradeOffAnalysis.Entry entry = new TradeOffAnalysis.Entry(label, rss, "MiB RSS", detail);
            (family == Family.PROCESSES ? processes : threads).add(entry);
        }
        if (threads.isEmpty() && processes.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new TradeOffAnalysis.Aspect(TradeOffAnalysis.Kind.MEMORY, TradeOffAnalysis.Measure.OTHER,
                threads, processes, List.of(TradeOffAnalysis.Source.MEMORY_BENCHMARK)));
    }

    /** The mean of the forks' values; the score itself without raw data (a CSV: then a single fork's value). */
    private static double forkMean(Metric metric) {
        if (!metric.hasRawData()) {
            return metric.samples() <= 1 ? metric.score() : metric.score() / metric.samples();
        }
        double[] forks = Samples.forkMeans(metric);
        return Arrays.stream(forks).anyMatch(Double::isNaN) ? Double.NaN
                : Arrays.stream(forks).average().orElse(Double.NaN);
    }
}
