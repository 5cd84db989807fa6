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
 * The question: what does one sum of a long[] cost, for every way of summing, at each size, with 1, 2 or 4 workers?
 *
 * This is the main table of the suite. Read it along the sizes: at 10 and 1 000 elements every parallel strategy
 * should cost about what `sequential` costs, because the default chunking keeps a small array in the caller (a
 * hand-off costs more than summing a thousand longs); DispatchBenchmark forces the hand-off to show its price. At
 * 10 000 000 elements the array (80 MB) no longer fits in any cache, and the best a strategy can do is to reach the
 * memory bandwidth that BandwidthBenchmark measures. In between lies the size from which on parallel pays.
 *
 * `sequential` is the baseline and sits in the same matrix. It ignores `workers` and `chunk` (so does
 * `sequential-stream`), so the suite measures both once, at the fewest workers, in a JMH pass of their own, and the
 * tables use that one measurement as the baseline of every worker count; run directly by JMH, the class still
 * repeats them for every worker count, because JMH params cannot depend on each other.
 *
 * Five forks of 2 + 4 iterations of 100 ms: the fork is the sampling unit of every interval and comparison, and
 * five is JMH's own default; short iterations keep the whole suite within its time budget.
 *
 * Pools and child processes are made once per trial (@Setup(Level.Trial)): their start-up is not what this class
 * measures (SpawnBenchmark does that). The data is made there too, from a fixed seed, so every strategy sums the
 * same values; the last sum of the timed loop is compared with `sequential` in @TearDown, outside the timed region.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 2, time = 100, timeUnit = TimeUnit.MILLISECONDS)
@Measurement(iterations = 4, time = 100, timeUnit = TimeUnit.MILLISECONDS)
@Fork(5)
@State(Scope.Benchmark)
public class SumBenchmark {

    /** Every strategy id; the ones this JVM lacks (virtual-threads below JDK 21) are left out by BenchMain. */
    @Param({"sequential", "sequential-stream", "thread-pool", "fork-join", "parallel-stream", "jdk-parallel-stream",
            "virtual-threads", "process-pipe", "process-shared", "process-spawn"})
    public String strategy;

    /** Elements to sum; 100000000 (800 MB) is available with {@code -p size=100000000}. */
    @Param({"10", "1000", "100000", "10000000"})
    public int size;

    /** Threads or processes; {@code -p workers=1,2,4,8,16} on big machines. */
    @Param({"1", "2", "4"})
    public int workers;

    /** Elements per task; 0 = the strategy's own default (ChunkSizeBenchmark sweeps it). */
    @Param({"0"})
    public int chunk;

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
        data = Data.generate(size, Data.DEFAULT_SEED);
        expected = new Sequential(new Settings(1, Settings.DEFAULT_CHUNK)).sum(data);
        sum = Setups.strategy(strategy, new Settings(workers, chunk));
    }

    @Benchmark
    public long sum() {
        long result = sum.sum(data);
        last = result;
        return result;
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        try {
            Validation.sameSum("SumBenchmark strategy=" + strategy + " size=" + size + " workers=" + workers
                    + " chunk=" + chunk, expected, last);
        } finally {
            sum.close();
        }
    }

    /*
     * How to run:
     *   mvn verify -Pbench -Dbench.include=SumBenchmark
     * or, with the jar built (mvn package):
     *   java -cp target/sumbench.jar org.openjdk.jmh.Main SumBenchmark -p strategy=sequential,fork-join -p size=10000000
     * or run this main() from the IDE.
     */
    public static void main(String[] args) throws RunnerException {
        Options opt = new OptionsBuilder()
                .include(SumBenchmark.class.getSimpleName())
                .build();
        new Runner(opt).run();
    }
}
