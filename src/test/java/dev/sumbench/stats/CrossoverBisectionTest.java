package dev.sumbench.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.LongUnaryOperator;
import org.junit.jupiter.api.Test;

/** The bisection plan: geometric midpoints of the bracket, and never a size measured twice. */
class CrossoverBisectionTest {

    @Test
    void proposesTheGeometricMidpointOfTheBracketAndTheBaselineSizesItLacks() {
        Map<String, SortedMap<Long, Double>> speedups = new LinkedHashMap<>();
        speedups.put("thread-pool/halves", new TreeMap<>(Map.of(4096L, 0.3, 65536L, 0.9, 1048576L, 1.8)));
        speedups.put("fork-join/halves", new TreeMap<>(Map.of(4096L, 0.6, 65536L, 1.2, 1048576L, 1.9)));
        speedups.put("process-shared/default", new TreeMap<>(Map.of(4096L, 1.0, 65536L, 0.99, 1048576L, 0.7)));
        CrossoverBisection<String> step = CrossoverBisection.next(speedups, Set.of(4096L, 65536L, 1048576L));
        assertEquals(Map.of("thread-pool/halves", 262144L, "fork-join/halves", 16384L), step.probes());
        assertEquals(new TreeSet<>(Set.of(16384L, 262144L)), step.baseline());
    }

    @Test
    void repeatedStepsNeverProposeASizeMeasuredBeforeAndStopWhenTheBracketIsClosed() {
        LongUnaryOperator noTrueSize = size -> size; // speedup = log2(size) / 17: crosses at 2^17
        Map<String, SortedMap<Long, Double>> speedups = new LinkedHashMap<>();
        SortedMap<Long, Double> series = new TreeMap<>();
        Set<Long> baselined = new HashSet<>();
        for (long size : new long[] {1 << 12, 1 << 16, 1 << 20}) {
            series.put(noTrueSize.applyAsLong(size), Math.log(size) / Math.log(2) / 17);
            baselined.add(size);
        }
        speedups.put("s", series);
        Set<Long> measured = new HashSet<>(series.keySet());
        int steps = 0;
        while (true) {
            CrossoverBisection<String> step = CrossoverBisection.next(speedups, baselined);
            if (step.isEmpty()) {
                break;
            }
            long size = step.probes().get("s");
            assertTrue(measured.add(size), "size " + size + " proposed twice");
            assertTrue(baselined.addAll(step.baseline()) || step.baseline().isEmpty());
            series.put(size, Math.log(size) / Math.log(2) / 17);
            steps++;
            assertTrue(steps < 40, "the bisection does not end");
        }
        // 2^16 .. 2^20 -> 2^18 -> 2^17 (speedup exactly 1: the bracket is [2^17, 2^18]) -> ... down to adjacent sizes
        assertTrue(series.containsKey(1L << 18) && series.containsKey(1L << 17), series.keySet().toString());
    }
}
