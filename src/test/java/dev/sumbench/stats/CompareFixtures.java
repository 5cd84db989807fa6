package dev.sumbench.stats;

import dev.sumbench.results.Metric;
import dev.sumbench.results.Result;
import dev.sumbench.results.Run;
import dev.sumbench.results.RunReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The real JMH runs under {@code src/test/resources/compare}, written by JMH itself from the throwaway benchmarks in
 * {@code compare/source} ({@code compare/make-fixtures.sh.txt} says how).
 */
public final class CompareFixtures {

    /** The fixture directory, relative to the project root (Maven runs tests there). */
    public static final Path DIR = Path.of("src", "test", "resources", "compare");

    private CompareFixtures() {
    }

    /** A fixture file, e.g. {@code aa-pinned-1.json}. */
    public static Path path(String name) {
        Path path = DIR.resolve(name);
        if (!Files.isRegularFile(path)) {
            throw new IllegalStateException("missing fixture " + path.toAbsolutePath());
        }
        return path;
    }

    /** A fixture read as a run. */
    public static Run run(String name) {
        return RunReader.read(path(name));
    }

    /**
     * {@code run} with every row made slower by {@code factor} in its raw data, score and error: times multiplied
     * by it, throughputs divided by it. That is how the slowdown checks inject a known change into real data.
     */
    public static Run slowedDown(Run run, double factor) {
        List<Result> rows = run.results().stream().map(row -> {
            Metric m = row.primary();
            boolean throughput = m.scoreUnit().kind() == dev.sumbench.results.ScoreUnit.Kind.OPS_PER_TIME;
            double f = throughput ? 1 / factor : factor;
            List<List<Double>> raw = m.rawData().stream().map(fork -> fork.stream().map(v -> v * f).toList()).toList();
            Metric slower = new Metric(m.score() * f, m.error() * f, m.confidence(), m.unit(), m.samples(), raw);
            return new Result(row.benchmark(), row.mode(), row.params(), row.threads(), row.forks(), slower,
                    row.secondary());
        }).toList();
        return new Run(run.source(), rows, run.meta());
    }
}
