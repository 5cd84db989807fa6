package dev.sumbench.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sumbench.sum.Strategies;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;
import org.openjdk.jmh.runner.options.VerboseMode;

/**
 * Runs every benchmark class through JMH's own Runner with tiny settings and tiny params, and checks that each trial
 * produced a result and passed its validation. The runs are embedded (forks = 0): a fork is a JVM start per trial,
 * and BenchMainTest already runs the forked path.
 */
class BenchmarksRunTest {

    static {
        // the JMH lock guards a machine against two benchmark runs; functional tests must not fail on it
        System.setProperty("jmh.ignoreLock", "true");
    }

    private static final int CPUS = Runtime.getRuntime().availableProcessors();

    @TempDir
    Path temp;

    /**
     * One benchmark class with tiny params.
     *
     * @param include   the include regex
     * @param params    the values of each param set
     * @param validated the line each trial's validation writes, one per trial
     */
    record Case(String include, Map<String, List<String>> params, List<String> validated) {
        @Override
        public String toString() {
            return include;
        }
    }

    static Stream<Arguments> cases() {
        List<String> sumIds = available(List.of("sequential", "sequential-stream", "thread-pool", "fork-join",
                "parallel-stream", "virtual-threads", "process-pipe", "process-shared", "process-spawn"));
        List<String> chunkIds = available(List.of("thread-pool", "fork-join", "process-shared"));
        boolean spawn = Strategies.ids().contains("process-spawn");
        List<String> memoryIds = available(List.of("thread-pool", "process-shared"));
        String cpus = Integer.toString(CPUS);
        List<Case> cases = List.of(
                new Case("SumBenchmark", Map.of("strategy", sumIds, "size", List.of("1000"), "workers", List.of("2"),
                        "chunk", List.of("100"), "cores", List.of(cpus)),
                        sumIds.stream().map(id -> "SumBenchmark strategy=" + id + " size=1000 workers=2 chunk=100")
                                .toList()),
                new Case("DispatchBenchmark", Map.of("strategy", sumIds, "workers", List.of("2"),
                        "idle", List.of("1ms")),
                        sumIds.stream().flatMap(id -> Stream.of("handOff", "afterIdle")
                                .map(method -> "DispatchBenchmark strategy=" + id + " workers=2")).toList()),
                new Case(spawn ? "SpawnBenchmark" : "SpawnBenchmark.bareJvm", Map.of("workers", List.of("1")),
                        spawn ? List.of("SpawnBenchmark.bareJvm", "SpawnBenchmark.spawnSum workers=1")
                                : List.of("SpawnBenchmark.bareJvm")),
                new Case("ChunkSizeBenchmark", Map.of("strategy", chunkIds, "size", List.of("10000"),
                        "chunk", List.of("1000")),
                        chunkIds.stream().map(id -> "ChunkSizeBenchmark strategy=" + id + " size=10000 workers=" + cpus
                                + " chunk=1000").toList()),
                new Case("BandwidthBenchmark", Map.of("size", List.of("10000"), "threads", List.of("1", "2")),
                        List.of("BandwidthBenchmark size=10000 threads=1", "BandwidthBenchmark size=10000 threads=2")),
                new Case("LayoutBenchmark", Map.of("size", List.of("1000"), "workers", List.of("2")),
                        List.of("LayoutBenchmark strategy=sequential size=1000",
                                "LayoutBenchmark strategy=sequential size=1000",
                                "LayoutBenchmark strategy=parallel-stream size=1000",
                                "LayoutBenchmark strategy=parallel-stream size=1000")),
                new Case("CrossoverBenchmark", Map.of("strategy", List.of("sequential", "fork-join"),
                        "size", List.of("1024"), "chunking", List.of("default", "halves"), "workers", List.of("2"),
                        "idle", List.of("1ms")),
                        // sum (hot) and afterIdle (after 1ms idle): each trial validates its last sum
                        Stream.of("sum", "afterIdle").flatMap(method -> Stream.of(
                                "CrossoverBenchmark strategy=sequential size=1024 chunking=default",
                                "CrossoverBenchmark strategy=sequential size=1024 chunking=halves",
                                "CrossoverBenchmark strategy=fork-join size=1024 chunking=default",
                                "CrossoverBenchmark strategy=fork-join size=1024 chunking=halves")).toList()),
                new Case("MemoryBenchmark", Map.of("strategy", memoryIds, "workers", List.of("2")),
                        memoryIds.stream().map(id -> "MemoryBenchmark strategy=" + id).toList()));
        return cases.stream().map(Arguments::of);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void everyTrialRunsAndPassesItsValidation(Case c) throws RunnerException, IOException {
        Path log = temp.resolve("validated.txt");
        System.setProperty(Validation.LOG_PROPERTY, log.toString());
        try {
            ChainedOptionsBuilder options = tiny(c.include());
            c.params().forEach((name, values) -> options.param(name, values.toArray(String[]::new)));
            Collection<RunResult> results = new Runner(options.build()).run();

            assertEquals(c.validated().size(), results.size(), "one result per trial");
            for (RunResult result : results) {
                double score = result.getPrimaryResult().getScore();
                assertTrue(score > 0 && Double.isFinite(score), result.getParams().getBenchmark() + " scored " + score);
            }
            List<String> lines = Files.readAllLines(log);
            assertEquals(c.validated().stream().sorted().toList(), lines.stream().sorted().toList());
        } finally {
            System.clearProperty(Validation.LOG_PROPERTY);
        }
    }

    @Test
    void aCoresParamThatDiffersFromTheJvmFailsAtSetup() {
        ChainedOptionsBuilder options = tiny("LayoutBenchmark.array")
                .param("strategy", "sequential").param("size", "10").param("cores", Integer.toString(CPUS + 1));
        RunnerException e = assertThrows(RunnerException.class, () -> new Runner(options.build()).run());
        assertTrue(causes(e).contains("cores=" + (CPUS + 1) + " but this JVM may use " + CPUS + " CPUs"),
                causes(e));
    }

    @Test
    void afterIdleIsTimedCallByCallUnderEachIdleTimeWithSequentialInTheSameMatrix() throws RunnerException {
        ChainedOptionsBuilder options = tiny("DispatchBenchmark.afterIdle")
                .param("strategy", "sequential", "thread-pool").param("workers", "2").param("idle", "0", "1ms");
        Collection<RunResult> results = new Runner(options.build()).run();

        assertEquals(4, results.size());
        List<String> rows = results.stream().map(r -> r.getParams().getParam("strategy") + "@"
                + r.getParams().getParam("idle")).sorted().toList();
        assertEquals(List.of("sequential@0", "sequential@1ms", "thread-pool@0", "thread-pool@1ms"), rows);
        for (RunResult result : results) {
            assertEquals(org.openjdk.jmh.annotations.Mode.SampleTime, result.getParams().getMode());
            assertTrue(result.getPrimaryResult().getSampleCount() >= 1, "at least one timed call");
            assertTrue(result.getPrimaryResult().getScore() > 0);
        }
    }

    @Test
    void anUnknownIdleTimeFailsAtSetupWithItsValue() {
        ChainedOptionsBuilder options = tiny("DispatchBenchmark.afterIdle")
                .param("strategy", "sequential").param("workers", "2").param("idle", "soon");
        RunnerException e = assertThrows(RunnerException.class, () -> new Runner(options.build()).run());
        assertTrue(causes(e).contains("Unknown idle: soon"), causes(e));
    }

    @Test
    void anUnknownStrategyFailsAtSetupWithItsId() {
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> Setups.strategy("no-such-strategy", new dev.sumbench.sum.Settings(1, 0)));
        assertEquals("Unknown strategy: no-such-strategy", e.getMessage());
    }

    @Test
    void aWrongSumFailsTheValidation() {
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> Validation.sameSum("SumBenchmark strategy=x", 55, 54));
        assertEquals("SumBenchmark strategy=x: the last sum was 54 but sequential gives 55", e.getMessage());
    }

    private static ChainedOptionsBuilder tiny(String include) {
        return new OptionsBuilder()
                .include(include)
                .forks(0)
                .warmupIterations(0)
                .measurementIterations(1)
                .measurementTime(TimeValue.milliseconds(10))
                .shouldFailOnError(true)
                .verbosity(VerboseMode.SILENT);
    }

    private static List<String> available(List<String> ids) {
        return ids.stream().filter(Strategies.ids()::contains).toList();
    }

    /** Every message in {@code e}'s causes and suppressed exceptions (JMH collects a benchmark's errors there). */
    private static String causes(Throwable e) {
        StringBuilder text = new StringBuilder();
        collect(e, text);
        return text.toString();
    }

    private static void collect(Throwable e, StringBuilder text) {
        if (e == null) {
            return;
        }
        text.append(e).append(" / ");
        for (Throwable suppressed : e.getSuppressed()) {
            collect(suppressed, text);
        }
        collect(e.getCause(), text);
    }
}
