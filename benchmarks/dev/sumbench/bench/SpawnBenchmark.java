package dev.sumbench.bench;

import dev.sumbench.process.WorkerLauncher;
import dev.sumbench.sum.Data;
import dev.sumbench.sum.Sequential;
import dev.sumbench.sum.Settings;
import dev.sumbench.sum.SumStrategy;
import java.io.IOException;
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
 * The question: what does `process-spawn` pay per call, and how much of that is just starting a JVM?
 *
 * `process-spawn` is the teaching note's pattern: `with ProcessPoolExecutor() as executor` inside the function, so
 * every call starts its worker processes, sums, and stops them. Its baseline, in the same class, is a bare JVM start:
 * the same `java`, class path and options a worker gets (WorkerLauncher.bareCommand(): `-Xshare:auto` among them,
 * but not the workers' own class-data archive), running a main that does nothing, started and waited for. If
 * spawnSum costs about one bareJvm, the price of the pattern is JVM start-up and nothing else; the rest is the
 * worker's own start (its hello, its class loading) and the hand-off.
 *
 * Neither has a steady state: each call pays the whole start-up again, and the JIT of this JVM has little to do with
 * it. So both are measured as single shots (Mode.SingleShotTime), one call per iteration, as the JMH samples advise
 * for cold work (JMHSample_26_BatchSize); a few warm-up shots let the file system cache the JDK and the jar.
 *
 * The exit code of each bare JVM and the sum of each spawnSum are checked after every shot, outside the timed region
 * (@TearDown(Level.Iteration): in single-shot mode an iteration is one call).
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 1)
@Measurement(iterations = 5)
@Fork(5)
@State(Scope.Benchmark)
public class SpawnBenchmark {

    /** CPUs this JVM may use; 0 = whatever it has (checked at setup when set). */
    @Param({"0"})
    public int cores;

    @Setup(Level.Trial)
    public void setUp() {
        Setups.checkCores(cores);
    }

    /** The baseline's command: the same JVM, class path and options as a worker, and a main that does nothing. */
    @State(Scope.Benchmark)
    public static class Launcher {

        /** How long one bare JVM may take before the shot fails (it takes well under a second). */
        private static final long EXIT_DEADLINE_SECONDS = 60;

        private ProcessBuilder bareJvm;
        /** Exit code of the last bare JVM, checked after each shot. */
        private int lastExitCode;

        @Setup(Level.Trial)
        public void setUp() {
            bareJvm = new ProcessBuilder(WorkerLauncher.defaults().bareCommand())
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .redirectError(ProcessBuilder.Redirect.INHERIT);
        }

        int startAndWait() throws IOException, InterruptedException {
            Process process = bareJvm.start();
            if (!process.waitFor(EXIT_DEADLINE_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException("a bare JVM did not exit within " + EXIT_DEADLINE_SECONDS + " s");
            }
            lastExitCode = process.exitValue();
            return lastExitCode;
        }

        @TearDown(Level.Iteration)
        public void check() {
            Validation.exitedNormally("SpawnBenchmark.bareJvm", lastExitCode);
        }
    }

    /** The baseline: start a JVM that does nothing, and wait for it to exit. */
    @Benchmark
    public int bareJvm(Launcher launcher) throws IOException, InterruptedException {
        return launcher.startAndWait();
    }

    /** The teaching note's sum of [1..10] in {@code workers} parts, with a pool made and closed inside each call. */
    @State(Scope.Benchmark)
    public static class Spawner {

        /** Child processes started by each call. */
        @Param({"1", "2"})
        public int workers;

        private long[] data;
        private SumStrategy sum;
        private long expected;
        /** The sum of the last shot, checked after each shot. */
        private long last;

        @Setup(Level.Trial)
        public void setUp() {
            data = Data.oneTo(DispatchBenchmark.TEACHING_NOTE_SIZE);
            expected = new Sequential(new Settings(1, Settings.DEFAULT_CHUNK)).sum(data);
            int chunk = Setups.oneChunkPerWorker(data.length, workers);
            sum = Setups.strategy("process-spawn", new Settings(workers, chunk));
        }

        @TearDown(Level.Iteration)
        public void check() {
            Validation.sameSum("SpawnBenchmark.spawnSum workers=" + workers, expected, last);
        }

        @TearDown(Level.Trial)
        public void tearDown() {
            sum.close();
        }
    }

    @Benchmark
    public long spawnSum(Spawner spawner) {
        long result = spawner.sum.sum(spawner.data);
        spawner.last = result;
        return result;
    }

    /*
     * How to run:
     *   mvn verify -Pbench -Dbench.include=SpawnBenchmark
     * or, with the jar built (mvn package):
     *   java -cp target/sumbench.jar org.openjdk.jmh.Main SpawnBenchmark -i 30
     * or run this main() from the IDE.
     */
    public static void main(String[] args) throws RunnerException {
        Options opt = new OptionsBuilder()
                .include(SpawnBenchmark.class.getSimpleName())
                .build();
        new Runner(opt).run();
    }
}
