package dev.sumbench.stats;

import dev.sumbench.results.Result;
import dev.sumbench.sum.Family;
import dev.sumbench.sum.StrategyCatalog;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

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

    /**
     * What the spawn benchmark's methods start, for its rows without a strategy param: a bare JVM, a pool of child
     * JVMs per call ({@code process-spawn}'s family), or, in older runs of the benchmark, a thread.
     */
    private static final Map<String, Family> SPAWN_METHODS = Map.of(
            "bareJvm", Family.PROCESSES,
            "spawnSum", StrategyCatalog.get("process-spawn").family(),
            "thread", Family.THREADS);

    /**
     * The family of what a row measured: its strategy's, from {@link StrategyCatalog} (empty for a strategy the
     * catalog lacks); for a row of the spawn benchmark without a strategy, what its method starts
     * ({@link #SPAWN_METHODS}); empty otherwise. Never guessed from how a name is spelled.
     */
    static Optional<Family> family(Result row) {
        String strategy = row.param("strategy");
        if (strategy != null) {
            return StrategyCatalog.family(strategy);
        }
        return isSpawn(row) ? Optional.ofNullable(SPAWN_METHODS.get(method(row))) : Optional.empty();
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
