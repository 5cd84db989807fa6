package dev.sumbench.bench;

import dev.sumbench.sum.Data;
import dev.sumbench.sum.Sequential;
import dev.sumbench.sum.Settings;
import dev.sumbench.sum.SumStrategy;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;

/*
 * The question: what does it cost to hand work to each executor when there is (almost) nothing to do?
 *
 * This is the teaching note's exercise: sum [1..10] split in two halves, one half per worker. Summing five longs
 * takes a few nanoseconds, so what remains is the hand-off: waking a pool thread and waiting for it (thread-pool,
 * fork-join, parallel-stream), creating virtual threads, writing a frame to a child process and reading its reply
 * (process-pipe, process-shared), or starting the child processes themselves (process-spawn).
 *
 * SumBenchmark cannot show this: at 10 elements the default chunking sums in the caller and never hands off. Here
 * the chunk is set to size / workers, so every worker gets exactly one chunk and the hand-off always happens.
 * `sequential` (which ignores workers and chunk) is the baseline of zero hand-offs, in the same matrix.
 *
 * The fixed cost per call measured here is the first term of the overhead model (time = fixed + size * per-element):
 * it is the reason small arrays should never be split.
 *
 * Hot and after idle. handOff calls the strategy back to back: the pool's threads are still awake and the data is in
 * cache, which is what a loop of sums pays. afterIdle measures what an occasional sum pays: before each call the
 * benchmark thread parks for `idle` (default 1 ms, long enough for every pool here to park its threads and for the
 * core to go idle), outside the timed region, and each call is timed on its own (Mode.SampleTime). `sequential` runs
 * under the same idle time and is each row's baseline, so that "row minus sequential" is the hand-off and not the cold
 * cache or the clocked-down core that the idle time costs any code.
 *
 * Why Level.Invocation is safe here. JMH warns about @Setup(Level.Invocation) for two reasons: each invocation is then
 * timed on its own, so the timer's own cost and granularity (a System.nanoTime() pair, some 20-50 ns) enter every
 * sample; and the helper runs between invocations, disturbing what is measured. The first is a constant offset of
 * tens of nanoseconds against hand-offs of microseconds to milliseconds after idle, and `sequential` shows it in its
 * own row; the second is the point here: the helper *is* the idle time whose effect is measured. The idle time itself
 * is excluded from the samples, as Level.Invocation guarantees. Only afterIdle uses the Idle state, so handOff keeps
 * its back-to-back timing without any per-invocation helper.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 2, time = 100, timeUnit = TimeUnit.MILLISECONDS)
@Measurement(iterations = 4, time = 100, timeUnit = TimeUnit.MILLISECONDS)
@Fork(5)
@State(Scope.Benchmark)
public class DispatchBenchmark {

    /** Back-to-back calls before either benchmark's own warm-up: see warmUpBackToBack. */
    private static final long BACK_TO_BACK_WARM_UP_NANOS = 100_000_000L;

    /** The teaching note's list: the numbers 1..10. */
    static final int TEACHING_NOTE_SIZE = 10;

    /** Every strategy id; the ones this JVM lacks are left out by BenchMain. */
    @Param({"sequential", "sequential-stream", "thread-pool", "fork-join", "parallel-stream", "virtual-threads",
            "process-pipe", "process-shared", "process-spawn"})
    public String strategy;

    /** Workers, each of which gets one chunk; the teaching note used two halves. */
    @Param({"2"})
    public int workers;

    /** CPUs this JVM may use; 0 = whatever it has (checked at setup when set). */
    @Param({"0"})
    public int cores;

    private long[] data;
    private SumStrategy sum;
    private long expected;
    /** The last result of the timed code, checked in tearDown. */
    private long last;

    @Setup(Level.Trial)
    public void setUp() {
        Setups.checkCores(cores);
        data = Data.oneTo(TEACHING_NOTE_SIZE);
        expected = new Sequential(new Settings(1, Settings.DEFAULT_CHUNK)).sum(data);
        int chunk = Setups.oneChunkPerWorker(TEACHING_NOTE_SIZE, workers);
        sum = Setups.strategy(strategy, new Settings(workers, chunk));
        warmUpBackToBack();
    }

    /**
     * Calls the strategy back to back for up to {@link #BACK_TO_BACK_WARM_UP_NANOS} (at least once): afterIdle's own
     * warm-up makes few calls (each after its idle time), too few for the JIT to compile the dispatch path that a
     * long-running program would have compiled. Outside any measurement; handOff's warm-up does the same again.
     */
    private void warmUpBackToBack() {
        long start = System.nanoTime();
        do {
            last = sum.sum(data);
        } while (System.nanoTime() - start < BACK_TO_BACK_WARM_UP_NANOS);
    }

    @Benchmark
    public long handOff() {
        long result = sum.sum(data);
        last = result;
        return result;
    }

    /**
     * The same hand-off as {@link #handOff}, each call after {@code idle} of idle time, timed call by call. Fewer and
     * shorter iterations than handOff, to keep its share of the suite's time small: each call takes at least the idle
     * time, so an iteration of 150 ms holds at most 150 samples at 1 ms, and the fork is the sampling unit.
     */
    @Benchmark
    @BenchmarkMode(Mode.SampleTime)
    @Warmup(iterations = 1, time = 100, timeUnit = TimeUnit.MILLISECONDS)
    @Measurement(iterations = 2, time = 150, timeUnit = TimeUnit.MILLISECONDS)
    public long afterIdle(Idle idle) {
        long result = sum.sum(data);
        last = result;
        return result;
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        try {
            Validation.sameSum("DispatchBenchmark strategy=" + strategy + " workers=" + workers, expected, last);
        } finally {
            sum.close();
        }
    }

    /*
     * How to run:
     *   mvn verify -Pbench -Dbench.include=DispatchBenchmark
     * or, with the jar built (mvn package):
     *   java -cp target/sumbench.jar org.openjdk.jmh.Main DispatchBenchmark -p strategy=thread-pool,process-pipe
     * hot against after idle, at several idle times:
     *   java -cp target/sumbench.jar org.openjdk.jmh.Main 'DispatchBenchmark' -p idle=100us,1ms,10ms
     * or run this main() from the IDE.
     */
    public static void main(String[] args) throws RunnerException {
        Options opt = new OptionsBuilder()
                .include(DispatchBenchmark.class.getSimpleName())
                .build();
        new Runner(opt).run();
    }
}
