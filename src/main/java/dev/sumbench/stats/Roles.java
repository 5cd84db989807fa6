package dev.sumbench.stats;

import dev.sumbench.results.Result;
import java.util.Locale;

/**
 * What a row outside the sum matrix measures, from its benchmark class's simple name: the few places where sumbench's
 * tables must know its own suite ({@code BandwidthBenchmark}, {@code DispatchBenchmark}, {@code SpawnBenchmark}).
 * Matching is by a word in the class name, case-insensitive, so {@code MemoryBandwidth} or {@code Dispatch} match too.
 */
final class Roles {

    private Roles() {
    }

    /** The class part of {@code Class.method}. */
    static String className(Result row) {
        String shortName = row.shortName();
        int dot = shortName.lastIndexOf('.');
        return dot < 0 ? shortName : shortName.substring(0, dot);
    }

    /** The method part of {@code Class.method}. */
    static String method(Result row) {
        String shortName = row.shortName();
        return shortName.substring(shortName.lastIndexOf('.') + 1);
    }

    /** A memory-bandwidth kernel (the ceiling of table 6). */
    static boolean isBandwidth(Result row) {
        return has(row, "bandwidth");
    }

    /** The cost of handing (almost) no work to an executor. */
    static boolean isDispatch(Result row) {
        return has(row, "dispatch");
    }

    /** The cost of starting threads or processes. */
    static boolean isSpawn(Result row) {
        return has(row, "spawn") || has(row, "startup");
    }

    /** How a row names what it measured: its strategy param, else its method name. */
    static String label(Result row) {
        String strategy = row.param("strategy");
        return strategy != null ? strategy : method(row);
    }

    /** Its int param {@code name}, else {@code fallback} (also when the value is not a number). */
    static int intParam(Result row, String name, int fallback) {
        String value = row.param(name);
        if (value == null) {
            return fallback;
        }
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            return fallback;
        }
    }

    private static boolean has(Result row, String word) {
        return className(row).toLowerCase(Locale.ROOT).contains(word);
    }
}
