package dev.sumbench.bench;

import dev.sumbench.sum.IdleTime;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * The idle time before each call of an {@code afterIdle} benchmark (DispatchBenchmark, CrossoverBenchmark): the
 * benchmark thread parks for {@code idle} in a {@code Level.Invocation} setup, outside the timed region. Each of those
 * classes says why the Invocation pitfalls do not bite at these durations.
 */
@State(Scope.Thread)
public class Idle {

    /** Idle time before each call: 0, or a time with a unit (500us, 1ms, 10ms); see IdleTime. */
    @Param({"1ms"})
    public String idle;

    private long idleNanos;

    @Setup(Level.Trial)
    public void resolve() {
        try {
            idleNanos = IdleTime.parseNanos(idle);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("Unknown idle: " + idle + " (" + e.getMessage() + ")", e);
        }
    }

    /** Parks the benchmark thread for the idle time, outside the timed region. */
    @Setup(Level.Invocation)
    public void beIdle() {
        if (idleNanos > 0) {
            IdleTime.park(idleNanos);
        }
    }
}
