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
 * The question: which chunk size is best, for a pool of threads, for work stealing, and for child processes that
 * share the data?
 *
 * With one worker per core, the chunk decides the trade-off between hand-off and balance: one chunk per worker pays
 * the fewest hand-offs but waits for the slowest worker; many small chunks balance well but pay a hand-off (a task
 * for thread-pool, a fork for fork-join, a frame round trip for process-shared) per chunk. The rules of thumb are
 * ForkJoinTask's "100 to 10 000 basic steps per task" and parallel streams' "4 leaves per worker"; this sweep measures
 * instead of guessing, over chunk sizes from 2^8 to 2^22 elements (a factor of 4 apart), at a middle size (100 000,
 * cached) and a large one (10 000 000, beyond the caches). Chunks larger than the array give one chunk (summed in the
 * caller), the baseline of no hand-off at all, in the same matrix.
 *
 * `scripts/tune` reads these rows (strategy x size x workers x chunk, and cores) to recommend the best chunk and the
 * flat region around it, and writes the profile that the strategies' default chunking reads.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 2, time = 100, timeUnit = TimeUnit.MILLISECONDS)
@Measurement(iterations = 4, time = 100, timeUnit = TimeUnit.MILLISECONDS)
@Fork(5)
@State(Scope.Benchmark)
public class ChunkSizeBenchmark {

    /** The strategies whose chunking matters most: a fixed pool, work stealing, and processes on shared memory. */
    @Param({"thread-pool", "fork-join", "process-shared"})
    public String strategy;

    /** A middle size (in cache) and a large one (beyond the caches). */
    @Param({"100000", "10000000"})
    public int size;

    /** Workers; 0 = one per CPU this JVM may use (BenchMain writes the number). */
    @Param({"0"})
    public int workers;

    /** Elements per chunk: 2^8 .. 2^22, a factor of 4 apart. */
    @Param({"256", "1024", "4096", "16384", "65536", "262144", "1048576", "4194304"})
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
        sum = Setups.strategy(strategy, new Settings(Setups.workers(workers), chunk));
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
            Validation.sameSum("ChunkSizeBenchmark strategy=" + strategy + " size=" + size + " workers="
                    + Setups.workers(workers) + " chunk=" + chunk, expected, last);
        } finally {
            sum.close();
        }
    }

    /*
     * How to run:
     *   mvn verify -Pbench -Dbench.include=ChunkSizeBenchmark
     * then tune from the run it writes:
     *   scripts/tune results/<run>.json
     * or, with the jar built (mvn package):
     *   java -cp target/sumbench.jar org.openjdk.jmh.Main ChunkSizeBenchmark -p strategy=fork-join -p workers=8
     * or run this main() from the IDE.
     */
    public static void main(String[] args) throws RunnerException {
        Options opt = new OptionsBuilder()
                .include(ChunkSizeBenchmark.class.getSimpleName())
                .build();
        new Runner(opt).run();
    }
}
