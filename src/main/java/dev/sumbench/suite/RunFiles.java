package dev.sumbench.suite;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.sumbench.core.BadInputException;
import dev.sumbench.core.OneLineErrors;
import dev.sumbench.files.InputFiles;
import dev.sumbench.files.OutputFiles;
import dev.sumbench.results.RunMeta;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.LinkOption;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.results.format.ResultFormatFactory;
import org.openjdk.jmh.results.format.ResultFormatType;

/**
 * The files of a run: {@code <dir>/<stem>.json} and {@code .csv} written by JMH's own result formats, and
 * {@code .meta.json}. A run never overwrites another: if any file of the stem exists, the stem gets a suffix
 * {@code -2}, {@code -3}, ...; each file is written under a temporary name first and appears under its final name
 * only when complete, with the mode of every output ({@link OutputFiles}).
 */
final class RunFiles {

    /*
     * Implementation notes. A file appears with Files.createLink(final, temporary): link(2) fails when the name
     * exists, so two runs finishing in the same second cannot take the same stem, and a reader never sees half a
     * file. If a later file of the set finds its name taken, the ones already linked are removed and the next suffix
     * is tried. Where the file system has no hard links, Files.move without REPLACE_EXISTING does the same, with a
     * tiny window between its existence check and the rename (and then a retry cannot reuse the moved file: the
     * run fails with a clear message instead, which such a race on such a file system deserves).
     */

    static final String JSON = ".json";
    static final String CSV = ".csv";
    static final String META = ".meta.json";
    /** The tables a run gets next (written by {@code sumbench tables}): reserved with the stem. */
    static final String TABLES = ".md";

    private static final List<String> RESERVED = List.of(JSON, CSV, META, TABLES);
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");
    /** More runs than this with one stem in one second is a bug, not a busy machine. */
    private static final int MAX_SUFFIX = 1000;

    private static final ObjectMapper JSON_MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private RunFiles() {
    }

    /** The stem of a run: {@code <yyyyMMdd-HHmmss>_<host>_jdk<feature>} (docs/suite.md, "The run files"). */
    static String stem(ZonedDateTime start, String host, int jdkFeature) {
        return STAMP.format(start) + "_" + Machine.fileNameSafe(host) + "_jdk" + jdkFeature;
    }

    /**
     * The paths of a published run.
     *
     * @param stem the stem taken (with its suffix, if it needed one)
     * @param json the JMH JSON
     * @param csv  the JMH CSV
     * @param meta the metadata
     */
    record Published(String stem, Path json, Path csv, Path meta) {

        /** Where {@code sumbench tables} writes the tables of this run. */
        Path tables() {
            return json.resolveSibling(stem + TABLES);
        }
    }

    /**
     * Free space a run's files need, with room to spare: the JSON of the largest committed run is under 2 MiB, its
     * CSV, metadata, tables and charts add less than that again.
     */
    static final long MIN_FREE_BYTES = 16L << 20;

    /**
     * Checks, before the first fork, that a run can be saved into {@code dir}: an existing directory (or one that can
     * be created in an existing one) in which this process can create a file, with {@link #MIN_FREE_BYTES} free.
     * Nothing is left behind: the probe file is removed, a directory is not created.
     *
     * @throws BadInputException naming the directory and what is wrong
     */
    static void checkDestination(Path dir) {
        Path absolute = dir.toAbsolutePath().normalize();
        Path existing = absolute;
        while (existing != null && !Files.exists(existing, LinkOption.NOFOLLOW_LINKS)) {
            existing = existing.getParent();
        }
        if (existing == null || !Files.isDirectory(existing)) {
            throw new BadInputException("--results " + dir + ": " + (existing == null ? "no such directory"
                    : existing + " is not a directory") + "; the run could not be saved there");
        }
        try {
            Path probe = Files.createTempFile(existing, ".sumbench-probe", ".tmp");
            Files.delete(probe);
            long free = Files.getFileStore(existing).getUsableSpace();
            if (free < MIN_FREE_BYTES) {
                throw new BadInputException("--results " + dir + ": only " + (free >> 20) + " MiB free in "
                        + existing + ", a run needs " + (MIN_FREE_BYTES >> 20) + " MiB; free some space first");
            }
        } catch (java.io.IOException e) {
            String why = e instanceof java.nio.file.AccessDeniedException ? "permission denied" : e.getMessage();
            throw new BadInputException("--results " + dir + ": cannot create a file in " + existing + " (" + why
                    + "); the run could not be saved there");
        }
    }

    /**
     * Saves {@code results} as a JMH JSON file in the temp dir under a new name (created exclusively, so no planted
     * name or link is used), for a run whose own files could not be written: hours of measurement are not lost.
     *
     * @return the file written
     */
    static Path rescue(Collection<RunResult> results) throws IOException {
        List<RunResult> sorted = new ArrayList<>(results);
        sorted.sort(RunResult.DEFAULT_SORT_COMPARATOR);
        Path file = Files.createTempFile("sumbench-unsaved-", JSON);
        Files.write(file, jmhBytes(ResultFormatType.JSON, sorted));
        return file;
    }

    /**
     * {@link #publish}, and where that fails, {@link #rescue}: the exception then says why the run could not be saved
     * and where its results are.
     */
    static Published publishOrRescue(Path dir, String stem, Collection<RunResult> results, RunMeta meta)
            throws IOException {
        try {
            return publish(dir, stem, results, meta);
        } catch (IOException e) {
            String why = e instanceof java.nio.file.FileSystemException f ? OneLineErrors.fileProblem(f)
                    : e.getMessage();
            Path rescued;
            try {
                rescued = rescue(results);
            } catch (IOException again) {
                e.addSuppressed(again);
                throw new IOException("cannot save the run into " + dir + ": " + why + "; nor into the temp dir: "
                        + again.getMessage(), e);
            }
            throw new IOException("cannot save the run into " + dir + ": " + why + "; its results are kept in "
                    + rescued + " ('scripts/tables " + rescued + "' renders them)", e);
        }
    }

    /**
     * Writes {@code results} and {@code meta} (whose stem is replaced by the one taken) into {@code dir}, creating it.
     *
     * @throws IOException if a file cannot be written; nothing of the run is left behind then
     */
    static Published publish(Path dir, String stem, Collection<RunResult> results, RunMeta meta) throws IOException {
        Files.createDirectories(dir);
        List<RunResult> sorted = new ArrayList<>(results);
        sorted.sort(RunResult.DEFAULT_SORT_COMPARATOR);
        Path json = temporary(dir, stem, JSON);
        Path csv = temporary(dir, stem, CSV);
        Path metaFile = null;
        try {
            writeJmh(json, ResultFormatType.JSON, sorted);
            writeJmh(csv, ResultFormatType.CSV, sorted);
            for (int suffix = 1; suffix <= MAX_SUFFIX; suffix++) {
                String taken = suffix == 1 ? stem : stem + "-" + suffix;
                if (anyExists(dir, taken)) {
                    continue;
                }
                if (metaFile != null) {
                    Files.deleteIfExists(metaFile);
                }
                metaFile = temporary(dir, taken, META);
                JSON_MAPPER.writeValue(metaFile.toFile(), withStem(meta, taken));
                Map<Path, Path> files = new LinkedHashMap<>();
                files.put(json, dir.resolve(taken + JSON));
                files.put(csv, dir.resolve(taken + CSV));
                files.put(metaFile, dir.resolve(taken + META));
                if (appearAll(files)) {
                    return new Published(taken, dir.resolve(taken + JSON), dir.resolve(taken + CSV),
                            dir.resolve(taken + META));
                }
            }
            throw new IOException("more than " + MAX_SUFFIX + " runs named " + stem + " in " + dir);
        } finally {
            Files.deleteIfExists(json);
            Files.deleteIfExists(csv);
            if (metaFile != null) {
                Files.deleteIfExists(metaFile);
            }
        }
    }

    /** The bytes of the files of {@code run}: its .json, .csv and .meta.json, in that order. */
    static Map<Path, byte[]> contents(Published run, Collection<RunResult> results, RunMeta meta,
                                      Map<String, Object> extra) throws IOException {
        List<RunResult> sorted = new ArrayList<>(results);
        sorted.sort(RunResult.DEFAULT_SORT_COMPARATOR);
        com.fasterxml.jackson.databind.node.ObjectNode node = JSON_MAPPER.valueToTree(withStem(meta, run.stem()));
        extra.forEach((key, value) -> node.set(key, JSON_MAPPER.valueToTree(value)));
        Map<Path, byte[]> files = new LinkedHashMap<>();
        files.put(run.json(), jmhBytes(ResultFormatType.JSON, sorted));
        files.put(run.csv(), jmhBytes(ResultFormatType.CSV, sorted));
        files.put(run.meta(), JSON_MAPPER.writeValueAsBytes(node));
        return files;
    }

    private static byte[] jmhBytes(ResultFormatType type, Collection<RunResult> results) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (PrintStream out = new PrintStream(bytes, false, StandardCharsets.UTF_8)) {
            ResultFormatFactory.getInstance(type, out).writeOut(results);
            if (out.checkError()) {
                throw new IOException("cannot format the " + type + " results");
            }
        }
        return bytes.toByteArray();
    }

    /** Saves the results of a pass of a core sweep for the sweep to merge (same JMH, same classes: serialisation). */
    static void saveRaw(Path file, Collection<RunResult> results) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream objects = new ObjectOutputStream(bytes)) {
            objects.writeObject(new ArrayList<>(results));
        }
        OutputFiles.replace(file, bytes.toByteArray(), List.of());
    }

    /** Reads what {@link #saveRaw} wrote. */
    @SuppressWarnings("unchecked")
    static List<RunResult> loadRaw(Path file) throws IOException {
        try (InputStream in = new ByteArrayInputStream(InputFiles.read(file, "the results of a sumbench pass"));
             ObjectInputStream objects = new ObjectInputStream(in)) {
            return (List<RunResult>) objects.readObject();
        } catch (ClassNotFoundException | ClassCastException e) {
            throw new IOException(file + ": not the results of a sumbench pass", e);
        }
    }

    private static RunMeta withStem(RunMeta m, String stem) {
        return new RunMeta(stem, m.date(), m.host(), m.cpuModel(), m.cores(), m.onlineCpus(), m.memoryBytes(), m.os(),
                m.jdkVendor(), m.jdkVersion(), m.jdkFeature(), m.javaHome(), m.jmhVersion(), m.jmhArgs(),
                m.gitCommit(), m.gitDirty(), m.coreCounts());
    }

    private static boolean anyExists(Path dir, String stem) {
        return RESERVED.stream().anyMatch(extension -> Files.exists(dir.resolve(stem + extension),
                LinkOption.NOFOLLOW_LINKS));
    }

    /** Gives each temporary file its final name, all or none; false if a name was taken meanwhile. */
    private static boolean appearAll(Map<Path, Path> files) throws IOException {
        List<Path> appeared = new ArrayList<>();
        try {
            for (Map.Entry<Path, Path> file : files.entrySet()) {
                appear(file.getKey(), file.getValue());
                appeared.add(file.getValue());
            }
            return true;
        } catch (FileAlreadyExistsException e) {
            for (Path path : appeared) {
                Files.deleteIfExists(path);
            }
            return false;
        }
    }

    private static void appear(Path temporary, Path target) throws IOException {
        OutputFiles.publishNew(temporary, target);
    }

    /** A new hidden file beside the final one, with the mode of every output ({@link OutputFiles#MODE}). */
    private static Path temporary(Path dir, String stem, String extension) throws IOException {
        return OutputFiles.temporary(dir.resolve(stem + extension));
    }

    /** Writes the whole file at once, so a failure carries its cause (a PrintStream would only say that it failed). */
    private static void writeJmh(Path file, ResultFormatType type, Collection<RunResult> results) throws IOException {
        Files.write(file, jmhBytes(type, results));
    }
}
