package dev.sumbench.results;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The JMH output files under {@code src/test/resources/jmh}, written by JMH itself ({@code make-fixtures.sh}). */
public final class Fixtures {

    /** The fixture directory, relative to the project root (Maven runs tests there). */
    public static final Path DIR = Path.of("src", "test", "resources", "jmh");

    private Fixtures() {
    }

    /** A fixture file, e.g. {@code en/sized.csv}. */
    public static Path path(String name) {
        Path path = DIR.resolve(name);
        if (!Files.isRegularFile(path)) {
            throw new IllegalStateException("missing fixture " + path.toAbsolutePath() + " (see make-fixtures.sh)");
        }
        return path;
    }

    /** A fixture's text. */
    public static String text(String name) {
        try {
            return Files.readString(path(name));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Copies fixture {@code name} into {@code dir}, with its {@code .meta.json} if it has one. */
    public static Path copy(String name, Path dir) {
        try {
            Path source = path(name);
            Path target = dir.resolve(source.getFileName().toString());
            Files.copy(source, target);
            Path meta = RunReader.metaPath(source);
            if (Files.isRegularFile(meta)) {
                Files.copy(meta, RunReader.metaPath(target));
            }
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
