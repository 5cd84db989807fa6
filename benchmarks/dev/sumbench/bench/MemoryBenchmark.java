package dev.sumbench.bench;

import dev.sumbench.process.MemoryUse;
import dev.sumbench.process.ProcessPipe;
import dev.sumbench.process.ProcessPool;
import dev.sumbench.process.ProcessShared;
import dev.sumbench.sum.Data;
import dev.sumbench.sum.Sequential;
import dev.sumbench.sum.Settings;
import dev.sumbench.sum.SumStrategy;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.AuxCounters;
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
 * The question: what does a worker cost in memory, a child JVM of a process pool against a thread of a thread pool?
 *
 * The teaching note says processes "have their own memory". This class puts a number on it. One shot per fork: start
 * the strategy's pool with one worker per core, sum once (so that every worker has run, its stack and its JIT'd code
 * are real), then read /proc/<pid>/smaps_rollup:
 * - process strategies: each child JVM's RSS (all its resident pages) and PSS (shared pages divided among the
 *   processes sharing them: the JDK's files, the class-data archive), averaged over the children;
 * - thread strategies: the caller's own growth from before the pool started to after the sum, divided by the workers.
 * The figures are JMH secondary metrics (@AuxCounters, in MiB); the primary score is the time of the shot: starting
 * the pool and one sum. Where /proc is absent (not Linux) the memory metrics are NaN, never 0, and the tables say so.
 *
 * Single shot (Mode.SingleShotTime), because a pool starts once: a steady-state loop would start hundreds of JVMs.
 * Five forks give five independent pools. The fork's heap is fixed and pre-touched (see HEAP), so the caller's growth
 * is not the GC resizing the heap; it is still small beside a JVM: read it as an order of magnitude. JMH adds an
 * @AuxCounters EVENTS metric over forks; the tables take the mean of the forks' values instead. The sum is checked after the shot, outside the timed
 * region (@TearDown(Level.Iteration): in single-shot mode an iteration is one call).
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 0)
@Measurement(iterations = 1)
@Fork(value = 5, jvmArgsAppend = {"-Xms" + MemoryBenchmark.HEAP, "-Xmx" + MemoryBenchmark.HEAP, "-XX:+AlwaysPreTouch"})
@State(Scope.Benchmark)
public class MemoryBenchmark {

    /** Elements summed once: small, the memory of the data is not what is measured. */
    static final int SIZE = 1 << 16;
    /**
     * The fork's heap, fixed and touched at start (-Xms = -Xmx, -XX:+AlwaysPreTouch): every heap page is resident
     * before the first reading, so the caller's growth is what the threads add (stacks, thread-local buffers, code),
     * not the GC growing or shrinking the heap meanwhile. 256 MiB holds the data and JMH with room to spare.
     */
    static final String HEAP = "256m";
    private static final double MIB = 1024.0 * 1024.0;

    /** A thread pool and a process pool; process-pipe has the same children as process-shared. */
    @Param({"thread-pool", "process-shared"})
    public String strategy;

    /** Workers; 0 = one per CPU this JVM may use (the suite writes the number into the row). */
    @Param({"0"})
    public int workers;

    /** CPUs this JVM may use; 0 = whatever it has (checked at setup when set). */
    @Param({"0"})
    public int cores;

    private long[] data;
    private long expected;
    private SumStrategy sum;
    private long last;
    private Optional<MemoryUse> before;

    /** The memory figures of one shot, in MiB, reported as secondary metrics. */
    @State(Scope.Thread)
    @AuxCounters(AuxCounters.Type.EVENTS)
    public static class Memory {
        /** RSS per worker: a child JVM's own, or the caller's growth ÷ workers for threads. */
        public double perWorkerRssMiB;
        /** PSS per worker, likewise. */
        public double perWorkerPssMiB;
        /** The caller's RSS growth while the pool started and summed once (all workers). */
        public double callerGrowthRssMiB;

        @Setup(Level.Iteration)
        public void clear() {
            perWorkerRssMiB = Double.NaN;
            perWorkerPssMiB = Double.NaN;
            callerGrowthRssMiB = Double.NaN;
        }
    }

    @Setup(Level.Trial)
    public void setUp() {
        Setups.checkCores(cores);
        if (!strategy.equals("thread-pool") && !strategy.equals(ProcessShared.ID) && !strategy.equals(ProcessPipe.ID)) {
            throw new IllegalStateException("Unknown strategy: " + strategy);
        }
        data = Data.generate(SIZE, Data.DEFAULT_SEED);
        expected = new Sequential(new Settings(1, Settings.DEFAULT_CHUNK)).sum(data);
    }

    @Setup(Level.Iteration)
    public void before() {
        before = MemoryUse.ofThisProcess();
    }

    @Benchmark
    public long startAndSumOnce(Memory memory) {
        int threads = Setups.workers(workers);
        sum = Setups.strategy(strategy, new Settings(threads, Setups.oneChunkPerWorker(SIZE, threads)));
        last = sum.sum(data);
        Optional<MemoryUse> after = MemoryUse.ofThisProcess();
        if (before.isPresent() && after.isPresent()) {
            memory.callerGrowthRssMiB = (after.get().rssBytes() - before.get().rssBytes()) / MIB;
        }
        Optional<ProcessPool> pool = pool(sum);
        if (pool.isPresent()) {
            List<ProcessHandle> children = pool.get().processes();
            double rss = 0;
            double pss = 0;
            for (ProcessHandle child : children) {
                Optional<MemoryUse> use = MemoryUse.of(child.pid());
                if (use.isEmpty()) {
                    return last; // no /proc: the metrics stay NaN
                }
                rss += use.get().rssBytes();
                pss += use.get().pssBytes();
            }
            memory.perWorkerRssMiB = rss / children.size() / MIB;
            memory.perWorkerPssMiB = pss / children.size() / MIB;
        } else if (before.isPresent() && after.isPresent()) {
            memory.perWorkerRssMiB = (after.get().rssBytes() - before.get().rssBytes()) / MIB / threads;
            memory.perWorkerPssMiB = (after.get().pssBytes() - before.get().pssBytes()) / MIB / threads;
        }
        return last;
    }

    @TearDown(Level.Iteration)
    public void after() {
        try {
            Validation.sameSum("MemoryBenchmark strategy=" + strategy, expected, last);
        } finally {
            if (sum != null) {
                sum.close();
                sum = null;
            }
        }
    }

    private static Optional<ProcessPool> pool(SumStrategy sum) {
        if (sum instanceof ProcessShared shared) {
            return Optional.of(shared.pool());
        }
        if (sum instanceof ProcessPipe pipe) {
            return Optional.of(pipe.pool());
        }
        return Optional.empty();
    }

    /*
     * How to run:
     *   mvn verify -Pbench -Dbench.include=MemoryBenchmark
     * or, with the jar built (mvn package):
     *   java -cp target/sumbench.jar org.openjdk.jmh.Main MemoryBenchmark -p workers=2
     * or run this main() from the IDE.
     */
    public static void main(String[] args) throws RunnerException {
        Options opt = new OptionsBuilder()
                .include(MemoryBenchmark.class.getSimpleName())
                .build();
        new Runner(opt).run();
    }
}
