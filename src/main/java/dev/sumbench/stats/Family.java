package dev.sumbench.stats;

import java.util.Locale;

/** The teaching note's axis: one thread, threads of one JVM, or separate processes. */
public enum Family {
    /** One thread, no hand-off. */
    SEQUENTIAL,
    /** Threads of this JVM: shared memory, cheap hand-off. */
    THREADS,
    /** Child processes: own memory, explicit communication, start-up cost. */
    PROCESSES;

    /**
     * The family of a strategy id or a benchmark label: {@code process-*}, {@code *jvm*}, {@code *spawn*} are
     * processes; {@code sequential*} is sequential; everything else (pools, fork/join, streams, threads) is threads.
     */
    public static Family of(String strategyOrLabel) {
        String id = strategyOrLabel.toLowerCase(Locale.ROOT);
        if (id.contains("process") || id.contains("jvm") || id.contains("spawn")) {
            return PROCESSES;
        }
        if (id.startsWith("sequential") || id.equals("loop")) {
            return SEQUENTIAL;
        }
        return THREADS;
    }
}
