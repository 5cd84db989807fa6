package dev.sumbench.results;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The results of one run read from a file: its rows in file order, and sumbench's metadata when a
 * {@code .meta.json} lay beside it.
 *
 * @param source  the file the rows came from
 * @param results the rows
 * @param meta    the metadata, or {@code null} when there was none (use {@link #metadata()})
 */
public record Run(Path source, List<Result> results, RunMeta meta) {

    public Run {
        results = List.copyOf(results);
    }

    /** The run's metadata, if any. */
    public Optional<RunMeta> metadata() {
        return Optional.ofNullable(meta);
    }
}
