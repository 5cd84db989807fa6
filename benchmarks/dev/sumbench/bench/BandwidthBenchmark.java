package dev.sumbench.bench;

import dev.sumbench.sum.Data;
import dev.sumbench.sum.Sequential;
import dev.sumbench.sum.Settings;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
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
 * The question: how fast can this machine read a long[] at all, with 1, 2, ... cores reading?
 *
 * This is the ceiling every large-size row of SumBenchmark is measured against: no strategy can sum 10 000 000 longs
 * (80 MB) faster than the memory delivers them. Like STREAM's kernels, it is the simplest loop that keeps the memory
 * busy, here a read-only reduction with four independent accumulators (so that the loop waits on loads, not on its own
 * additions), split into one contiguous slice per thread. GB/s = 8 * size / (time per op).
 *
 * The threads are started once per trial; per op the caller reads slice 0 and each pool thread one other slice. At
 * this size one op takes milliseconds, so the hand-off (tens of microseconds) is below 1 % of it. The size is the
 * same as SumBenchmark's largest, so both see the same caches; -p size=100000000 measures far beyond them.
 *
 * The sum is compared with `sequential` after the trial (addition wraps, so any split gives the same value).
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 2, time = 100, timeUnit = TimeUnit.MILLISECONDS)
@Measurement(iterations = 4, time = 100, timeUnit = TimeUnit.MILLISECONDS)
@Fork(5)
@State(Scope.Benchmark)
public class BandwidthBenchmark {

    /** How long tearDown waits for the reader threads to stop (they are idle by then). */
    private static final long SHUTDOWN_SECONDS = 10;

    /** Elements read per op: SumBenchmark's largest default size. */
    @Param({"10000000"})
    public int size;

    /** Threads reading at once; BenchMain passes 1, 2, 4, ... up to the cores (and the cores themselves). */
    @Param({"1", "2", "4"})
    public int threads;

    /** CPUs this JVM may use; 0 = whatever it has (checked at setup when set). */
    @Param({"0"})
    public int cores;

    private long[] data;
    private long expected;
    /** The threads other than the caller; shut down in tearDown. */
    private ExecutorService readers;
    /** Slice boundaries: thread t reads [bounds[t], bounds[t + 1]). */
    private int[] bounds;
    /** The last result of the timed code, checked in tearDown. */
    private long last;

    @Setup(Level.Trial)
    public void setUp() {
        Setups.checkCores(cores);
        if (threads < 1) {
            throw new IllegalStateException("threads must be >= 1, got " + threads);
        }
        data = Data.generate(size, Data.DEFAULT_SEED);
        expected = new Sequential(new Settings(1, Settings.DEFAULT_CHUNK)).sum(data);
        bounds = new int[threads + 1];
        for (int t = 0; t <= threads; t++) {
            bounds[t] = (int) ((long) size * t / threads);
        }
        readers = threads == 1 ? null : Executors.newFixedThreadPool(threads - 1, runnable -> {
            Thread thread = new Thread(runnable, "sumbench-bandwidth");
            thread.setDaemon(true);
            return thread;
        });
    }

    @Benchmark
    public long read() throws InterruptedException, ExecutionException {
        @SuppressWarnings("unchecked")
        Future<Long>[] others = new Future[threads - 1];
        for (int t = 1; t < threads; t++) {
            int lo = bounds[t];
            int hi = bounds[t + 1];
            others[t - 1] = readers.submit(() -> read(data, lo, hi));
        }
        long sum = read(data, bounds[0], bounds[1]);
        for (Future<Long> other : others) {
            sum += other.get();
        }
        last = sum;
        return sum;
    }

    /** The kernel: a read-only sum of [lo, hi) with four independent accumulators. */
    static long read(long[] a, int lo, int hi) {
        long s0 = 0;
        long s1 = 0;
        long s2 = 0;
        long s3 = 0;
        int i = lo;
        for (; i + 3 < hi; i += 4) {
            s0 += a[i];
            s1 += a[i + 1];
            s2 += a[i + 2];
            s3 += a[i + 3];
        }
        for (; i < hi; i++) {
            s0 += a[i];
        }
        return s0 + s1 + s2 + s3;
    }

    @TearDown(Level.Trial)
    public void tearDown() throws InterruptedException {
        try {
            Validation.sameSum("BandwidthBenchmark size=" + size + " threads=" + threads, expected, last);
        } finally {
            if (readers != null) {
                readers.shutdownNow();
                readers.awaitTermination(SHUTDOWN_SECONDS, TimeUnit.SECONDS);
            }
        }
    }

    /*
     * How to run:
     *   mvn verify -Pbench -Dbench.include=BandwidthBenchmark
     * or, with the jar built (mvn package):
     *   java -cp target/sumbench.jar org.openjdk.jmh.Main BandwidthBenchmark -p threads=1,2,4,8 -p size=100000000
     * or run this main() from the IDE.
     */
    public static void main(String[] args) throws RunnerException {
        Options opt = new OptionsBuilder()
                .include(BandwidthBenchmark.class.getSimpleName())
                .build();
        new Runner(opt).run();
    }
}
