package dev.sumbench.sum;

/** What kind of parallelism a strategy uses: the axis of the teaching note's trade-off table. */
public enum Family {
    /** One thread, no hand-off. */
    SEQUENTIAL,
    /** Threads of this JVM: shared memory, cheap hand-off. */
    THREADS,
    /** Child JVMs: own memory, explicit communication, start-up cost. */
    PROCESSES
}
