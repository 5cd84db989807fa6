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
 * The question: from which size on does each parallel strategy beat the plain loop?
 *
 * SumBenchmark's sizes are decades apart, so it can only say "somewhere between 100 000 and 10 000 000". This class
 * measures a coarse geometric grid of sizes with one worker per core, and the suite then bisects, between the two
 * sizes where a strategy's speedup over `sequential` crosses 1, at their geometric midpoints (more JMH passes that
 * the suite merges into the same run: CrossoverRefinement). The tables interpolate the crossing and give it an interval from the
 * forks: each fork is one independent JVM, so the spread of fork means carries both the noise within a fork and the
 * differences between forks (JIT decisions, memory layout).
 *
 * Two chunkings, because they answer different questions:
 * - `default` (chunk 0): what a user gets. It sums in the caller below the minimum parallel size of the measured
 *   rule, so its speedup sits at 1 there and the crossing says where the default starts to split, and what that
 *   gains (`jdk-parallel-stream`, the JDK's own split, is measured with this chunking only); `-p size=65536,131072,...,4194304` with
 *   `-p chunking=default` is the fine sweep of docs/suite.md;
 * - `halves`: always one chunk per worker (the teaching note's two halves at two workers), so the hand-off is paid
 *   at every size and the crossing is where the work starts to outweigh it.
 *
 * `sequential` ignores the chunking, so its two rows per size measure the same code: the tables pool them into one
 * baseline of twice the forks (and their difference shows what two trials of the same thing differ by).
 *
 * Hot and after idle: two patterns of use. `sum` calls the strategy back to back (a loop of sums: the pool's threads
 * are awake, the data is in cache). `afterIdle` measures an occasional sum: before each call the benchmark thread
 * parks for `idle` (1 ms), outside the timed region, and each call is timed on its own (Mode.SampleTime), exactly as
 * DispatchBenchmark.afterIdle does; `sequential` runs under the same idle time and is each after-idle row's baseline,
 * so that the crossing compares the hand-off after idle with the loop after idle, not with a hot loop. Why
 * @Setup(Level.Invocation) is safe here: the timer's own cost per sample (tens of nanoseconds) is small against calls
 * of microseconds to milliseconds and sits in sequential's row too, and the helper *is* the idle time whose effect is
 * measured (see DispatchBenchmark's class comment). The suite measures afterIdle on the coarse grid and does not
 * bisect it (a bisection step costs as much again), and leaves it out of the quick matrix; a finer after-idle grid
 * is one {@code -p size=...} away.
 *
 * Short iterations and many forks: the question is about the mean per fork, so five forks of two 100 ms iterations
 * say more than one fork of ten. Pools and child processes are made per trial (@Setup(Level.Trial)); the data too,
 * from a fixed seed; the last sum is checked against `sequential` in @TearDown, outside the timed region.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 1, time = 100, timeUnit = TimeUnit.MILLISECONDS)
@Measurement(iterations = 2, time = 100, timeUnit = TimeUnit.MILLISECONDS)
@Fork(5)
@State(Scope.Benchmark)
public class CrossoverBenchmark {

    /** The chunking that always gives each worker exactly one chunk. */
    static final String HALVES = "halves";
    /** The strategy's own default chunking (chunk 0). */
    static final String DEFAULT = "default";

    /** The plain loop and the parallel strategies; virtual-threads is left out by the suite below JDK 21. */
    @Param({"sequential", "thread-pool", "fork-join", "parallel-stream", "jdk-parallel-stream", "virtual-threads",
            "process-shared"})
    public String strategy;

    /**
     * The coarse grid: 2^12, where every strategy is known to lose, 2^20 and 2^23, where it may win: on a 2-core VM
     * fork-join, parallel streams and shared-memory processes first beat the loop between 2^20 and 2^23 (8 MiB and
     * 64 MiB of data), so a grid that stops at 2^20 cannot locate them. The suite bisects where the speedup crosses
     * 1 (2^16, then 2^14 or 2^18; 2^21.5, ...): three sizes and adaptive midpoints cost fewer trials than a fixed
     * grid. {@code -p size=1024,8192,65536,524288,4194304,16777216} gives a finer grid to start from.
     */
    @Param({"4096", "1048576", "8388608"})
    public int size;

    /** {@code default} (chunk 0) or {@code halves} (one chunk per worker). */
    @Param({DEFAULT, HALVES})
    public String chunking;

    /** Workers; 0 = one per CPU this JVM may use (the suite writes the number into the row). */
    @Param({"0"})
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
        int threads = Setups.workers(workers);
        int chunk = switch (chunking) {
            case DEFAULT -> Settings.DEFAULT_CHUNK;
            case HALVES -> Setups.oneChunkPerWorker(size, threads);
            default -> throw new IllegalStateException("Unknown chunking: " + chunking);
        };
        data = Data.generate(size, Data.DEFAULT_SEED);
        expected = new Sequential(new Settings(1, Settings.DEFAULT_CHUNK)).sum(data);
        sum = Setups.strategy(strategy, new Settings(threads, chunk));
    }

    @Benchmark
    public long sum() {
        long result = sum.sum(data);
        last = result;
        return result;
    }

    /**
     * The same sum as {@link #sum}, each call after {@code idle} of idle time, timed call by call: what an occasional
     * sum pays. Iterations as short as DispatchBenchmark.afterIdle's: each call takes at least the idle time, so an
     * iteration of 150 ms holds at most 150 samples at 1 ms, and the fork is the sampling unit.
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
            Validation.sameSum("CrossoverBenchmark strategy=" + strategy + " size=" + size + " chunking=" + chunking,
                    expected, last);
        } finally {
            sum.close();
        }
    }

    /*
     * How to run:
     *   mvn verify -Pbench -Dbench.include=CrossoverBenchmark          (coarse grid hot and after idle, one
     *                                                                   bisection step of the hot crossing)
     *   mvn verify -Pbench -Dbench.include=CrossoverBenchmark -Dbench.crossover=full   (three bisection steps)
     * or, with the jar built (mvn package), the coarse grid alone:
     *   java -cp target/sumbench.jar org.openjdk.jmh.Main CrossoverBenchmark -p workers=2 -p cores=2
     * or run this main() from the IDE.
     */
    public static void main(String[] args) throws RunnerException {
        Options opt = new OptionsBuilder()
                .include(CrossoverBenchmark.class.getSimpleName())
                .build();
        new Runner(opt).run();
    }
}
