package dev.sumbench.stats;

import dev.sumbench.results.Result;
import dev.sumbench.results.Run;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Table 6: the memory bandwidth of each large-size row, and its share of the measured ceiling (the fastest row of a
 * bandwidth kernel at the same cores, such as sumbench's {@code BandwidthBenchmark}).
 *
 * @param rows          the kernel's large-size rows first, then the matrix's large-size rows at the most cores (none
 *                      when no size is large: a loop over an array that fits in the caches measures the caches)
 * @param ceilingGbps   the ceiling, GB/s: the bandwidth kernel's fastest large-size row; {@link Double#NaN} when the
 *                      runs have none (a strategy's own fastest row is no ceiling: it would be 100 % by definition)
 * @param ceilingRow    the bandwidth kernel's row the ceiling comes from; empty when there is none
 * @param threshold     the smallest size counted as large
 * @param largestSize   the largest size of the matrix (0 when it is empty)
 */
public record BandwidthAnalysis(List<Row> rows, double ceilingGbps, Optional<Row> ceilingRow, long threshold,
                                long largestSize) {

    /* Implementation notes
     * A pass over n longs reads 8n bytes; GB/s is bytes per nanosecond. Sizes from 10^6 longs (8 MB) on are "large":
     * past the L2 cache of common CPUs, where memory starts to bound a summing loop. A run without such sizes has no
     * rows here (rejected: falling back to its largest size, which reported cache speed as memory bandwidth, and
     * without a note). A run without a bandwidth kernel at a large size has no ceiling and says so (rejected: its own
     * fastest row as the ceiling, which called an in-cache loop "100 % of the ceiling"). */

    /** Sizes from here on (8 MB of longs) count as large. */
    public static final long LARGE_SIZE = 1_000_000;

    /**
     * One row of table 6.
     *
     * @param label   a strategy id, or the kernel's method name
     * @param kernel  whether the row is the bandwidth kernel's (not a strategy's)
     * @param workers threads or processes
     * @param cores   cores (0 = unknown)
     * @param size    elements read
     * @param nanos   time per pass
     * @param gbps    GB/s
     * @param share   share of the ceiling
     */
    public record Row(String label, boolean kernel, int workers, int cores, long size, Summary nanos, double gbps,
                      double share) {
    }

    public BandwidthAnalysis {
        rows = List.copyOf(rows);
    }

    /** Table 6 of {@code runs}, whose sum matrix is {@code matrix}; empty rows when the matrix is empty. */
    public static BandwidthAnalysis of(List<Run> runs, SumMatrix matrix) {
        if (matrix.isEmpty()) {
            return new BandwidthAnalysis(List.of(), Double.NaN, Optional.empty(), LARGE_SIZE, 0);
        }
        int cores = matrix.mostCores();
        List<Long> sizes = matrix.sizes();
        long largest = sizes.get(sizes.size() - 1);
        long threshold = LARGE_SIZE;
        List<Row> kernel = new ArrayList<>();
        for (Run run : runs) {
            int metaCores = run.metadata().map(m -> m.cores()).orElse(0);
            for (Result row : run.results()) {
                kernelRow(row, metaCores).filter(r -> r.size() >= threshold).ifPresent(kernel::add);
            }
        }
        List<Row> atCores = kernel.stream().filter(r -> r.cores() == cores).toList();
        List<Row> ceilingRows = atCores.isEmpty() ? kernel : atCores;
        List<Row> strategies = new ArrayList<>();
        for (SumMatrix.Cell cell : matrix.cells()) {
            if (cell.cores() == cores && cell.size() >= threshold) {
                strategies.add(new Row(cell.strategy(), false, cell.workers(), cell.cores(), cell.size(),
                        cell.nanos(), Bandwidth.gigabytesPerSecond(cell.size(), cell.nanos().center()), Double.NaN));
            }
        }
        strategies.sort(Comparator.comparing(Row::size).thenComparing(Row::label, SumMatrix.strategyOrder())
                .thenComparing(Row::workers));
        Optional<Row> top = ceilingRows.stream().max(Comparator.comparingDouble(Row::gbps));
        double ceiling = top.map(Row::gbps).orElse(Double.NaN);
        List<Row> rows = new ArrayList<>();
        for (Row row : ceilingRows) {
            rows.add(withShare(row, ceiling));
        }
        for (Row row : strategies) {
            rows.add(withShare(row, ceiling));
        }
        return new BandwidthAnalysis(rows, ceiling, top, threshold, largest);
    }

    private static Row withShare(Row row, double ceiling) {
        return new Row(row.label(), row.kernel(), row.workers(), row.cores(), row.size(), row.nanos(), row.gbps(),
                Bandwidth.shareOf(row.gbps(), ceiling));
    }

    private static Optional<Row> kernelRow(Result row, int metaCores) {
        if (!Roles.isBandwidth(row) || row.param("size") == null || !row.primary().scoreUnit().isTime()) {
            return Optional.empty();
        }
        long size;
        try {
            size = Long.parseLong(row.param("size"));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
        int workers = Roles.intParam(row, "workers", Roles.intParam(row, "threads", row.threads()));
        int cores = Roles.intParam(row, "cores", 0);
        if (cores <= 0) {
            cores = metaCores;
        }
        Summary nanos = Summary.nanosPerOp(row.primary());
        return Optional.of(new Row(Roles.method(row), true, workers, cores, size, nanos,
                Bandwidth.gigabytesPerSecond(size, nanos.center()), Double.NaN));
    }
}
