package dev.sumbench.report;

import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Benchmark names shortened for reading, only as far as they stay apart: {@code MapBenchmark.put} where that is
 * unique, {@code shapemap.MapBenchmark.put} and {@code constshapemap.MapBenchmark.put} where the class name occurs in
 * two packages. A secondary metric's row ({@code com.x.MapBenchmark.put:gc.alloc.rate.norm}) keeps its label whole.
 */
public final class Names {

    /* Implementation notes
     * Each name starts as its last two dotted parts (class and method, as JMH's console prints them); while two
     * different names share a short form, both get one more part in front. This ends, since the full names differ.
     * The label after the first ':' is not split at its dots: gc.alloc.rate.norm is one label. */

    /** The dotted parts a short name starts with: class and method. */
    private static final int FIRST_PARTS = 2;

    private Names() {
    }

    /** Each of {@code names} to its shortest unique form (at least class and method). */
    public static Map<String, String> shortest(Collection<String> names) {
        Set<String> distinct = new LinkedHashSet<>(names);
        Map<String, Integer> parts = new HashMap<>();
        distinct.forEach(name -> parts.put(name, FIRST_PARTS));
        while (true) {
            Map<String, List<String>> byShort = new HashMap<>();
            for (String name : distinct) {
                byShort.computeIfAbsent(shorten(name, parts.get(name)), s -> new java.util.ArrayList<>()).add(name);
            }
            boolean grew = false;
            for (List<String> clash : byShort.values()) {
                if (clash.size() > 1) {
                    for (String name : clash) {
                        if (parts.get(name) < benchmarkParts(name).length) {
                            parts.merge(name, 1, Integer::sum);
                            grew = true;
                        }
                    }
                }
            }
            if (!grew) {
                Map<String, String> result = new HashMap<>();
                distinct.forEach(name -> result.put(name, shorten(name, parts.get(name))));
                return result;
            }
        }
    }

    private static String[] benchmarkParts(String name) {
        int colon = name.indexOf(':');
        return (colon < 0 ? name : name.substring(0, colon)).split("\\.");
    }

    /** The last {@code count} dotted parts of the benchmark, and the label after ':' if any. */
    static String shorten(String name, int count) {
        int colon = name.indexOf(':');
        String label = colon < 0 ? "" : name.substring(colon);
        String[] parts = benchmarkParts(name);
        int from = Math.max(0, parts.length - count);
        return String.join(".", java.util.Arrays.asList(parts).subList(from, parts.length)) + label;
    }
}
