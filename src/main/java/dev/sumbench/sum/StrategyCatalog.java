package dev.sumbench.sum;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Every strategy sumbench knows, in the order the tables list them, with its family and its trade-off: the one place
 * that defines the strategy vocabulary. It holds data only; {@link Strategies} creates strategies, and only those that
 * this JVM has (no {@code virtual-threads} before JDK 21), while this catalog also describes the ones a run made on
 * another JVM may hold. The statistics and the report read ids, order and family from here, never from the id's
 * spelling.
 *
 * <p>A new strategy is added here first: {@link Strategies} refuses a provider that offers an id this catalog lacks.
 */
public final class StrategyCatalog {

    /* Implementation notes
     * A class of its own rather than constants in Strategies: the providers read it while Strategies loads them
     * (ServiceLoader inside Strategies' static initialiser), and the statistics read it without touching the
     * ServiceLoader or any strategy implementation. The ids are literals here and constants (Sequential.ID, ...) in
     * the implementations; StrategiesCatalogTest checks that they agree. */

    private static final List<StrategyInfo> ALL = List.of(
            new StrategyInfo("sequential", Family.SEQUENTIAL, false,
                    "one thread, no hand-off: the baseline every other row must beat"),
            new StrategyInfo("sequential-stream", Family.SEQUENTIAL, false,
                    "the same loop behind the Stream API: what the abstraction costs"),
            new StrategyInfo("thread-pool", Family.THREADS, false,
                    "threads share the array (no copy), but every hand-off wakes a thread"),
            new StrategyInfo("fork-join", Family.THREADS, false,
                    "work-stealing threads share memory; each split is a task to schedule"),
            new StrategyInfo("parallel-stream", Family.THREADS, false,
                    "the JDK splits for you, bounded to the workers of its own pool"),
            new StrategyInfo("jdk-parallel-stream", Family.THREADS, false,
                    "Arrays.stream(a).parallel().sum() as users write it: the common pool, the caller helps"),
            new StrategyInfo("virtual-threads", Family.THREADS, false,
                    "cheap to create, but still threads on the same cores: no gain for CPU work"),
            new StrategyInfo("process-pipe", Family.PROCESSES, false,
                    "own memory: every chunk is copied through a pipe to a child JVM and the sum comes back"),
            new StrategyInfo("process-shared", Family.PROCESSES, false,
                    "child JVMs map the data once from shared memory; only offsets travel"),
            new StrategyInfo("process-spawn", Family.PROCESSES, true,
                    "a new pool of child JVMs in every call: JVM start-up dominates"));

    /** The id every speedup is measured against. */
    public static final String BASELINE = "sequential";

    private StrategyCatalog() {
    }

    /** Every known strategy, in the order tables list them. */
    public static List<StrategyInfo> all() {
        return ALL;
    }

    /** Every known id, in the order tables list them. */
    public static List<String> ids() {
        return ALL.stream().map(StrategyInfo::id).toList();
    }

    /** The description of {@code id}, or empty for an id sumbench does not know (another project's, a newer one). */
    public static Optional<StrategyInfo> find(String id) {
        return ALL.stream().filter(info -> info.id().equals(id)).findFirst();
    }

    /**
     * The description of {@code id}, which must be known.
     *
     * @throws IllegalArgumentException for an id this catalog lacks
     */
    public static StrategyInfo get(String id) {
        return find(id).orElseThrow(() -> new IllegalArgumentException("Unknown strategy: " + id
                + " (add it to StrategyCatalog first; known: " + String.join(", ", ids()) + ")"));
    }

    /** The family of {@code id}, or empty for an unknown id. */
    public static Optional<Family> family(String id) {
        return find(id).map(StrategyInfo::family);
    }

    /** The catalog's order of ids; unknown ids come after the known ones, by name. */
    public static Comparator<String> order() {
        List<String> ids = ids();
        return Comparator.comparingInt((String id) -> {
            int index = ids.indexOf(id);
            return index < 0 ? ids.size() : index;
        }).thenComparing(Function.identity());
    }
}
