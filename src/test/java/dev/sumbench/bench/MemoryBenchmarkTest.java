package dev.sumbench.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.sumbench.process.MemoryUse;
import dev.sumbench.report.Report;
import dev.sumbench.report.TableFormat;
import dev.sumbench.results.Fixtures;
import dev.sumbench.results.Result;
import dev.sumbench.results.Run;
import dev.sumbench.results.RunReader;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.results.format.ResultFormatFactory;
import org.openjdk.jmh.results.format.ResultFormatType;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.VerboseMode;

/**
 * MemoryBenchmark through JMH's Runner (embedded, one shot per strategy), its JSON written by JMH and read back:
 * a child JVM's RSS and PSS per worker, and table 7's cell in MiB.
 */
class MemoryBenchmarkTest {

    static {
        System.setProperty("jmh.ignoreLock", "true");
    }

    @TempDir
    Path temp;

    @Test
    void aChildJvmHoldsMoreThanAThreadAndTable7ShowsBothInMiB() throws RunnerException, IOException {
        assumeTrue(MemoryUse.ofThisProcess().isPresent(), "no /proc/<pid>/smaps_rollup here (not Linux)");
        Collection<RunResult> results = new Runner(new OptionsBuilder().include("MemoryBenchmark")
                .param("strategy", "thread-pool", "process-shared").param("workers", "2").forks(0)
                .verbosity(VerboseMode.SILENT).build()).run();
        Path json = temp.resolve("memory.json");
        try (PrintStream out = new PrintStream(Files.newOutputStream(json), false, StandardCharsets.UTF_8)) {
            ResultFormatFactory.getInstance(ResultFormatType.JSON, out).writeOut(new ArrayList<>(results));
        }
        List<Run> runs = RunReader.readAll(List.of(Fixtures.path("sumbench/cores2.json"), json));
        List<Result> rows = runs.get(1).results();
        double childRss = perWorker(rows, "process-shared", "perWorkerRssMiB");
        double childPss = perWorker(rows, "process-shared", "perWorkerPssMiB");
        double threadRss = perWorker(rows, "thread-pool", "perWorkerRssMiB");
        assertTrue(childRss > 10, "a child JVM holds more than 10 MiB: " + childRss);
        assertTrue(childPss > 0 && childPss <= childRss, "PSS " + childPss + " <= RSS " + childRss);
        assertTrue(threadRss < childRss / 4, "a thread " + threadRss + " MiB vs a child JVM " + childRss + " MiB");

        String text = Report.of(runs).render(TableFormat.MD, Optional.empty(), List.of());
        String memory = text.lines().filter(line -> line.startsWith("| memory per worker")).findFirst().orElseThrow();
        assertTrue(memory.contains("process-shared ") && memory.contains(" MiB RSS (PSS ")
                && memory.contains("per child JVM, 2 workers"), memory);
        assertTrue(memory.contains("thread-pool ") && memory.contains("the caller's growth ÷ workers"), memory);
    }

    private static double perWorker(List<Result> rows, String strategy, String metric) {
        Result row = rows.stream().filter(r -> strategy.equals(r.param("strategy"))).findFirst().orElseThrow();
        assertEquals(1, row.secondary().get(metric).rawData().size(), "one fork");
        return row.secondary().get(metric).rawData().get(0).get(0);
    }
}
