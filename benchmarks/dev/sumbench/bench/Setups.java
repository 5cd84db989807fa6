package dev.sumbench.bench;

import dev.sumbench.sum.Settings;
import dev.sumbench.sum.Strategies;
import dev.sumbench.sum.SumStrategy;

/** What every benchmark's {@code @Setup} does with its params: resolve them, or refuse loudly. */
final class Setups {

    /** Value of {@code cores} and {@code workers} that means "whatever this JVM may use". */
    static final int MACHINE_DEFAULT = 0;

    private Setups() {
    }

    /**
     * Checks the {@code cores} param against the CPUs this JVM may use: a core sweep ({@code scripts/bench-cores}) runs
     * each count under {@code taskset}, and a row labelled with the wrong count would be worse than no row.
     *
     * @throws IllegalStateException if {@code cores} is set and differs from {@link Runtime#availableProcessors()}
     */
    static void checkCores(int cores) {
        int available = Runtime.getRuntime().availableProcessors();
        if (cores != MACHINE_DEFAULT && cores != available) {
            throw new IllegalStateException("cores=" + cores + " but this JVM may use " + available
                    + " CPUs: run it under 'taskset -c 0-" + (cores - 1) + "' (scripts/bench-cores does)");
        }
    }

    /** {@code workers}, with {@link #MACHINE_DEFAULT} meaning one worker per CPU this JVM may use. */
    static int workers(int workers) {
        return workers == MACHINE_DEFAULT ? Runtime.getRuntime().availableProcessors() : workers;
    }

    /**
     * Creates strategy {@code id}; the caller closes it.
     *
     * @throws IllegalStateException if no strategy of that id is available on this JVM
     */
    static SumStrategy strategy(String id, Settings settings) {
        if (Strategies.info(id).isEmpty()) {
            throw new IllegalStateException("Unknown strategy: " + id);
        }
        return Strategies.create(id, settings);
    }

    /** The chunk that gives each of {@code workers} workers exactly one chunk of {@code size} elements. */
    static int oneChunkPerWorker(int size, int workers) {
        return Math.max(1, (size + workers - 1) / workers);
    }
}
