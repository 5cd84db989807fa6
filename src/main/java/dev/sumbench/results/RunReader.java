package dev.sumbench.results;

import dev.sumbench.files.InputFiles;
import dev.sumbench.files.RefusedFileException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * Reads one JMH result file, CSV or JSON, from sumbench or any other project, into a {@link Run}, with sumbench's
 * {@code <stem>.meta.json} when one lies beside it.
 *
 * <p>The format comes from the name ({@code .json}, {@code .csv}) and otherwise from the content (a JSON array starts
 * with {@code [}). Every problem with the content is a {@link MalformedResultsException} whose message is one line,
 * {@code FILE:LINE: what was expected, what was found}; a missing or unreadable file is one too (line 0). Other I/O
 * errors are {@link UncheckedIOException}s. Stateless and thread-safe.
 */
public final class RunReader {

    /* Implementation notes
     * Files are read whole (JMH result files are kilobytes to a few megabytes; InputFiles refuses special files and
     * anything beyond its size limit before opening) and decoded strictly as UTF-8, which
     * JMH always writes: a file in another encoding is reported instead of being read as mojibake. The stem of a run
     * is its name without .json/.csv, so results/X.json and results/X.csv share results/X.meta.json. */

    /** The suffix of sumbench's metadata file beside a run. */
    public static final String META_SUFFIX = ".meta.json";

    /** A result file's format. */
    public enum Format { CSV, JSON }

    private RunReader() {
    }

    /** Reads {@code file} and the metadata beside it, if any. */
    public static Run read(Path file) {
        String name = file.getFileName() == null ? file.toString() : file.getFileName().toString();
        if (name.toLowerCase(Locale.ROOT).endsWith(META_SUFFIX)) {
            throw new MalformedResultsException(file, 0, "expected a JMH result file (.json or .csv), found run "
                    + "metadata; name the run's .json or .csv instead");
        }
        String content = readText(file);
        List<Result> results = switch (format(file, content)) {
            case JSON -> new JmhJsonReader(file).read(content);
            case CSV -> new JmhCsvReader(file).read(content);
        };
        Path metaFile = metaPath(file);
        RunMeta meta = Files.isRegularFile(metaFile) ? new RunMetaReader(metaFile).read(readText(metaFile)) : null;
        return new Run(file, results, meta);
    }

    /** Reads every file in order (for merged runs such as a core sweep). */
    public static List<Run> readAll(List<Path> files) {
        return files.stream().map(RunReader::read).toList();
    }

    /** Reads only a metadata file, {@code <stem>.meta.json}. */
    public static RunMeta readMeta(Path metaFile) {
        return new RunMetaReader(metaFile).read(readText(metaFile));
    }

    /** The format of {@code file}: from its extension, else from whether {@code content} starts like JSON. */
    public static Format format(Path file, String content) {
        String name = String.valueOf(file.getFileName()).toLowerCase(Locale.ROOT);
        if (name.endsWith(".json")) {
            return Format.JSON;
        } else if (name.endsWith(".csv") || name.endsWith(".scsv")) {
            return Format.CSV;
        }
        String start = content.stripLeading();
        return start.startsWith("[") || start.startsWith("{") ? Format.JSON : Format.CSV;
    }

    /** The run's stem: its path without {@code .json}, {@code .csv} or {@code .scsv}. */
    public static Path stem(Path file) {
        String name = String.valueOf(file.getFileName());
        String lower = name.toLowerCase(Locale.ROOT);
        for (String extension : List.of(".json", ".csv", ".scsv")) {
            if (lower.endsWith(extension)) {
                return file.resolveSibling(name.substring(0, name.length() - extension.length()));
            }
        }
        return file;
    }

    /** Where the metadata of the run in {@code file} lies: {@code <stem>.meta.json}. */
    public static Path metaPath(Path file) {
        Path stem = stem(file);
        return stem.resolveSibling(stem.getFileName() + META_SUFFIX);
    }

    private static String readText(Path file) {
        String content;
        try {
            content = StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(InputFiles.read(file,
                    "a JMH result file"))).toString();
        } catch (RefusedFileException e) {
            throw new MalformedResultsException(file, 0, e.problem());
        } catch (CharacterCodingException e) {
            throw new MalformedResultsException(file, 0, "expected UTF-8 text as JMH writes it, found bytes that are "
                    + "not UTF-8");
        } catch (IOException e) {
            throw new UncheckedIOException(file + ": cannot read: " + e.getMessage(), e);
        }
        if (content.isBlank()) {
            throw new MalformedResultsException(file, 1, "expected JMH results, found an empty file");
        }
        return content.startsWith("\uFEFF") ? content.substring(1) : content;
    }
}
