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
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 2, time = 100, timeUnit = TimeUnit.MILLISECONDS)
@Measurement(iterations = 4, time = 100, timeUnit = TimeUnit.MILLISECONDS)
@Fork(5)
@State(Scope.Benchmark)
public class DispatchBenchmark {

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
    }

    @Benchmark
    public long handOff() {
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
     * or run this main() from the IDE.
     */
    public static void main(String[] args) throws RunnerException {
        Options opt = new OptionsBuilder()
                .include(DispatchBenchmark.class.getSimpleName())
                .build();
        new Runner(opt).run();
    }
}
