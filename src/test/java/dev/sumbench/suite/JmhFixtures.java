package dev.sumbench.suite;

import java.util.Collection;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;
import org.openjdk.jmh.runner.options.VerboseMode;

/** Real JMH results for the tests that write run files: a tiny embedded run of LayoutBenchmark.array. */
final class JmhFixtures {

    static {
        // the JMH lock guards a machine against two benchmark runs; functional tests must not fail on it
        System.setProperty("jmh.ignoreLock", "true");
    }

    private JmhFixtures() {
    }

    /** Two rows (sequential and parallel-stream at size 10), measured by JMH in this JVM. */
    static Collection<RunResult> tinyRun() throws RunnerException {
        return new Runner(new OptionsBuilder()
                .include("LayoutBenchmark.array")
                .param("size", "10")
                .param("workers", "1")
                .forks(0)
                .warmupIterations(0)
                .measurementIterations(1)
                .measurementTime(TimeValue.milliseconds(5))
                .shouldFailOnError(true)
                .verbosity(VerboseMode.SILENT)
                .build()).run();
    }
}
