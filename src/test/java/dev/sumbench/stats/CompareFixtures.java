package dev.sumbench.stats;

import dev.sumbench.results.Run;
import dev.sumbench.results.RunReader;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The real JMH runs under {@code src/test/resources/compare}, written by JMH itself from the throwaway benchmarks in
 * {@code compare/source} ({@code compare/make-fixtures.sh.txt} says how).
 */
public final class CompareFixtures {

    /** The fixture directory, relative to the project root (Maven runs tests there). */
    public static final Path DIR = Path.of("src", "test", "resources", "compare");

    private CompareFixtures() {
    }

    /** A fixture file, e.g. {@code aa-long-1.json}. */
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
}
