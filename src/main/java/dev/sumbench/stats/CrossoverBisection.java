package dev.sumbench.stats;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * One step of the crossover's bisection: for every series whose speedup crosses 1 between two measured sizes, the
 * geometric midpoint of those two sizes, unless it was measured already. A pure function of what was measured.
 *
 * @param probes   per series, the one new size to measure
 * @param baseline the new sizes the baseline must be measured at (those of the probes it lacks)
 * @param <K>      what names a series (strategy and chunking)
 */
public record CrossoverBisection<K>(Map<K, Long> probes, SortedSet<Long> baseline) {

    /* Implementation notes
     * The bracket is MeasuredCrossover's: the largest measured size with a speedup of at most 1 and the next one
     * above it, so the bisection narrows exactly the interval the estimate interpolates in. The midpoint is
     * geometric (round(sqrt(lo * hi))) because the grid is: sizes 2^12 and 2^20 give 2^16, then 2^14 or 2^18, then an odd power of two. A
     * midpoint equal to an end (adjacent sizes) or already measured for that series is not proposed, so no size of a
     * series is ever measured twice, however many steps run; the same holds for the baseline, which is proposed only
     * the sizes it lacks. */

    public CrossoverBisection {
        probes = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(probes));
        baseline = java.util.Collections.unmodifiableSortedSet(new TreeSet<>(baseline));
    }

    /** Whether this step measures nothing (no bracket left to narrow). */
    public boolean isEmpty() {
        return probes.isEmpty();
    }

    /**
     * The next step.
     *
     * @param speedups  per series, the speedup (point estimate) at each size measured so far
     * @param baselined the sizes the baseline has been measured at
     */
    public static <K> CrossoverBisection<K> next(Map<K, SortedMap<Long, Double>> speedups, Set<Long> baselined) {
        Map<K, Long> probes = new LinkedHashMap<>();
        SortedSet<Long> baseline = new TreeSet<>();
        for (Map.Entry<K, SortedMap<Long, Double>> series : speedups.entrySet()) {
            List<Map.Entry<Long, Double>> points = List.copyOf(series.getValue().entrySet());
            int last = -1;
            for (int i = points.size() - 1; i >= 0; i--) {
                if (points.get(i).getValue() <= 1) {
                    last = i;
                    break;
                }
            }
            if (last < 0 || last == points.size() - 1) {
                continue;
            }
            long lo = points.get(last).getKey();
            long hi = points.get(last + 1).getKey();
            long mid = Math.round(Math.sqrt((double) lo * hi));
            if (mid <= lo || mid >= hi || series.getValue().containsKey(mid)) {
                continue;
            }
            probes.put(series.getKey(), mid);
            if (!baselined.contains(mid)) {
                baseline.add(mid);
            }
        }
        return new CrossoverBisection<>(probes, baseline);
    }
}
