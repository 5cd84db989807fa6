package dev.sumbench.bench;

import dev.sumbench.sum.Data;
import dev.sumbench.sum.Sequential;
import dev.sumbench.sum.Settings;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ForkJoinPool;
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
 * The question: what does boxing cost? The teaching note summed a list; in Java the same list is a List<Long>.
 *
 * A long[] is one block of 8-byte values: the loop streams through it and the JIT vectorises it. A List<Long> is an
 * array of references to Long objects, 16 bytes each somewhere on the heap: every element is a pointer to follow and
 * a value to unbox, and the memory read is three times larger. array() and boxed() sit side by side and sum the same
 * values, once with a plain loop (`sequential`) and once with a parallel stream on a private pool of `workers`
 * threads (`parallel-stream`), always parallel here, whatever the size, so that both layouts split the same way.
 *
 * The boxed list is built in one go right after the array, so its Long objects lie in allocation order, next to each
 * other: the best case for boxing. A list that grew over a program's life, with its objects scattered by other
 * allocations, costs more.
 *
 * Both layouts are built at setup (the list only matters to boxed(), but building both keeps one state); the last sum
 * is compared with `sequential` after the trial.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 2, time = 100, timeUnit = TimeUnit.MILLISECONDS)
@Measurement(iterations = 4, time = 100, timeUnit = TimeUnit.MILLISECONDS)
@Fork(5)
@State(Scope.Benchmark)
public class LayoutBenchmark {

    /** The two ways of summing compared: a plain loop and the JDK's parallel stream. */
    @Param({"sequential", "parallel-stream"})
    public String strategy;

    /** Elements to sum: in cache, at the cache's edge, beyond it. */
    @Param({"1000", "100000", "10000000"})
    public int size;

    /** Threads of the parallel stream's pool; 0 = one per CPU this JVM may use (BenchMain writes the number). */
    @Param({"0"})
    public int workers;

    /** CPUs this JVM may use; 0 = whatever it has (checked at setup when set). */
    @Param({"0"})
    public int cores;

    private long[] array;
    private List<Long> boxed;
    private boolean parallel;
    /** The parallel stream's pool (null for sequential); shut down in tearDown. */
    private ForkJoinPool pool;
    private long expected;
    /** The last result of the timed code, checked in tearDown. */
    private long last;

    @Setup(Level.Trial)
    public void setUp() {
        Setups.checkCores(cores);
        parallel = switch (strategy) {
            case "sequential" -> false;
            case "parallel-stream" -> true;
            default -> throw new IllegalStateException("Unknown strategy: " + strategy);
        };
        array = Data.generate(size, Data.DEFAULT_SEED);
        boxed = new ArrayList<>(size);
        for (long value : array) {
            boxed.add(value);
        }
        expected = new Sequential(new Settings(1, Settings.DEFAULT_CHUNK)).sum(array);
        pool = parallel ? new ForkJoinPool(Setups.workers(workers)) : null;
    }

    /** A long[]: values side by side. */
    @Benchmark
    public long array() {
        long result = parallel ? pool.submit(() -> Arrays.stream(array).parallel().sum()).join() : loop(array);
        last = result;
        return result;
    }

    /** A List<Long>: a reference per value, and an object to unbox behind each. */
    @Benchmark
    public long boxed() {
        long result = parallel
                ? pool.submit(() -> boxed.parallelStream().mapToLong(Long::longValue).sum()).join()
                : loop(boxed);
        last = result;
        return result;
    }

    private static long loop(long[] values) {
        long sum = 0;
        for (long value : values) {
            sum += value;
        }
        return sum;
    }

    private static long loop(List<Long> values) {
        long sum = 0;
        for (Long value : values) {
            sum += value;
        }
        return sum;
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        try {
            Validation.sameSum("LayoutBenchmark strategy=" + strategy + " size=" + size, expected, last);
        } finally {
            if (pool != null) {
                pool.shutdownNow();
            }
        }
    }

    /*
     * How to run:
     *   mvn verify -Pbench -Dbench.include=LayoutBenchmark
     * or, with the jar built (mvn package):
     *   java -cp target/sumbench.jar org.openjdk.jmh.Main LayoutBenchmark -p size=1000000
     * or run this main() from the IDE.
     */
    public static void main(String[] args) throws RunnerException {
        Options opt = new OptionsBuilder()
                .include(LayoutBenchmark.class.getSimpleName())
                .build();
        new Runner(opt).run();
    }
}
