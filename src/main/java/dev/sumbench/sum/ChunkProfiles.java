package dev.sumbench.sum;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sumbench.files.InputFiles;
import dev.sumbench.files.OutputFiles;
import dev.sumbench.files.RefusedFileException;
import dev.sumbench.files.UntrustedText;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The chunking profile file that {@code sumbench tune} writes and {@code sumbench sum --chunk auto --profile FILE}
 * (or any caller of {@link #read}) turns into a {@link ChunkProfile}.
 *
 * <p>The file is a small JSON object:
 * <pre>{@code
 * {
 *   "format" : "sumbench-chunk-profile",
 *   "version" : 1,
 *   "source" : "run.json",
 *   "within" : 0.05,
 *   "cores" : 2,
 *   "pattern" : "back-to-back",
 *   "machine" : { "host" : "box", "cpu" : "AMD EPYC 7B13", "jdkVendor" : "Eclipse Adoptium", "jdk" : 17,
 *                 "cores" : 2 },
 *   "entries" : [ { "strategy" : "fork-join", "workers" : 2, "size" : 1000000, "chunk" : 16384,
 *                   "flat" : [ 4096, 65536 ] } ],
 *   "minParallel" : [ { "strategy" : "fork-join", "workers" : 2, "size" : 1000000 } ]
 * }
 * }</pre>
 * {@code format}, {@code version} and each entry's {@code strategy}, {@code workers}, {@code size} and
 * {@code chunk} are required; {@code source}, {@code within}, {@code cores} and {@code flat} (the flat region the
 * recommendation was taken from) are for people. For a range of {@code n} elements a strategy uses the entry of
 * its id and workers with the largest {@code size <= n} (the smallest size when {@code n} is below all).
 *
 * <p>Optional: {@code minParallel} gives a strategy's minimum parallel size (below it the range is summed in the
 * caller); {@code pattern} says which pattern of use the rows were measured in ({@code back-to-back} or
 * {@code after-idle}, see {@link UsePattern}); {@code machine} says where, so that a reader can warn when the profile
 * comes from another machine or JVM ({@link Origin#differences}).
 *
 * <p>Stateless and thread-safe. Errors are {@link IllegalArgumentException}s whose message is one line naming the
 * file and the field: {@code x.chunks.json: entries[2].chunk: expected an integer >= 1, found -5}.
 */
public final class ChunkProfiles {

    /*
     * Implementation notes. Read with Jackson's tree model rather than data binding, so that every missing or wrong
     * field gets a message with its path. Written through a temporary file in the same directory and an atomic move,
     * so a reader never sees half a profile and a failed write leaves the old one in place. Two entries for the same
     * strategy, workers and size are refused: which one should win is not the reader's to guess.
     */

    /** The value of the {@code format} field. */
    public static final String FORMAT = "sumbench-chunk-profile";
    /** The version this class reads and writes. */
    public static final int VERSION = 1;
    /** The suffix {@code tune} gives a profile beside its run: {@code <stem>.chunks.json}. */
    public static final String SUFFIX = ".chunks.json";

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    /** Reads a profile as one JSON value: a key given twice or anything after the value is an error, not ignored. */
    private static final ObjectMapper STRICT = com.fasterxml.jackson.databind.json.JsonMapper.builder()
            .enable(com.fasterxml.jackson.core.StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(com.fasterxml.jackson.databind.DeserializationFeature.FAIL_ON_TRAILING_TOKENS).build();

    private ChunkProfiles() {
    }

    /**
     * One tuned chunk.
     *
     * @param strategy the strategy id
     * @param workers  workers it was tuned for
     * @param size     elements in the tuned range
     * @param chunk    the recommended chunk, &gt;= 1
     * @param flatFrom smallest chunk of the flat region it came from (0 when unknown)
     * @param flatTo   largest chunk of the flat region (0 when unknown)
     */
    public record Entry(String strategy, int workers, long size, int chunk, long flatFrom, long flatTo) {

        public Entry {
            if (strategy == null || strategy.isBlank()) {
                throw new IllegalArgumentException("strategy must not be empty");
            }
            if (workers < 1 || workers > Settings.MAX_WORKERS) {
                throw new IllegalArgumentException("workers must be 1.." + Settings.MAX_WORKERS + ", got " + workers);
            }
            if (size < 0) {
                throw new IllegalArgumentException("size must be >= 0, got " + size);
            }
            if (chunk < Settings.DEFAULT_CHUNK) {
                throw new IllegalArgumentException("chunk must be >= 0 (0: the strategy's own rule), got " + chunk);
            }
        }
    }

    /**
     * A strategy's minimum parallel size: the smallest range whose split was measured to beat {@code sequential}.
     *
     * @param strategy the strategy id
     * @param workers  workers it was measured with
     * @param size     the size, &gt;= 1
     */
    public record MinParallel(String strategy, int workers, long size) {

        public MinParallel {
            if (strategy == null || strategy.isBlank()) {
                throw new IllegalArgumentException("strategy must not be empty");
            }
            if (workers < 1 || workers > Settings.MAX_WORKERS) {
                throw new IllegalArgumentException("workers must be 1.." + Settings.MAX_WORKERS + ", got " + workers);
            }
            if (size < 1) {
                throw new IllegalArgumentException("size must be >= 1, got " + size);
            }
        }
    }

    /**
     * Where a profile was measured: what decides whether its sizes hold on another machine or JVM.
     *
     * @param host       the host name ({@code null} when unknown)
     * @param cpuModel   the CPU model ({@code null} when unknown)
     * @param jdkVendor  the JDK's vendor ({@code null} when unknown)
     * @param jdkFeature the JDK's feature release (0 when unknown)
     * @param cores      the CPUs the JVM could use (0 when unknown)
     */
    public record Origin(String host, String cpuModel, String jdkVendor, int jdkFeature, int cores) {

        /** What differs between this origin and {@code here}, field by field (unknown fields never differ). */
        public List<String> differences(Origin here) {
            List<String> differences = new ArrayList<>();
            differ(differences, "host", host, here.host);
            differ(differences, "CPU", cpuModel, here.cpuModel);
            differ(differences, "JDK vendor", jdkVendor, here.jdkVendor);
            differ(differences, "JDK", jdkFeature == 0 ? null : Integer.toString(jdkFeature),
                    here.jdkFeature == 0 ? null : Integer.toString(here.jdkFeature));
            differ(differences, "cores", cores == 0 ? null : Integer.toString(cores),
                    here.cores == 0 ? null : Integer.toString(here.cores));
            return differences;
        }

        private static void differ(List<String> differences, String what, String there, String here) {
            if (there != null && here != null && !there.equals(here)) {
                differences.add(what + " " + there + " (this one: " + here + ")");
            }
        }
    }

    /**
     * A profile file's content.
     *
     * @param source  the run it was tuned from (a file name), or {@code null}
     * @param within  the tolerance of the flat regions, or NaN when unknown
     * @param cores   the cores the tuned rows ran on, or 0 when unknown
     * @param entries the tuned chunks
     * @param minParallel the minimum parallel sizes
     * @param pattern the pattern of use the rows were measured in, or {@code null} when unknown
     * @param origin  where they were measured, or {@code null} when unknown
     */
    public record Document(String source, double within, int cores, List<Entry> entries,
                           List<MinParallel> minParallel, UsePattern pattern, Origin origin) {

        public Document {
            entries = List.copyOf(entries);
            minParallel = List.copyOf(minParallel);
        }

        /** Chunks only: no minimum parallel sizes, pattern or origin. */
        public Document(String source, double within, int cores, List<Entry> entries) {
            this(source, within, cores, entries, List.of(), null, null);
        }

        /** The profile the strategies use. */
        public ChunkProfile toProfile() {
            Map<String, List<Entry>> byKey = new HashMap<>();
            for (Entry entry : entries) {
                byKey.computeIfAbsent(ChunkProfile.key(entry.strategy(), entry.workers()), k -> new ArrayList<>())
                        .add(entry);
            }
            Map<String, long[][]> chunks = new HashMap<>();
            byKey.forEach((key, list) -> chunks.put(key, list.stream()
                    .sorted(Comparator.comparingLong(Entry::size))
                    .map(e -> new long[] {e.size(), e.chunk()})
                    .toArray(long[][]::new)));
            Map<String, Long> mins = new HashMap<>();
            for (MinParallel min : minParallel) {
                mins.put(ChunkProfile.key(min.strategy(), min.workers()), min.size());
            }
            return new ChunkProfile(chunks, mins);
        }
    }

    /** Reads the profile in {@code file}. */
    public static ChunkProfile read(Path file) {
        return readDocument(file).toProfile();
    }

    /** Reads the whole content of the profile in {@code file}. */
    public static Document readDocument(Path file) {
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(
                    InputFiles.read(file, "a chunking profile"))).toString();
        } catch (java.nio.charset.CharacterCodingException e) {
            throw bad(file, "expected UTF-8 text, found bytes that are not");
        } catch (RefusedFileException e) {
            throw bad(file, e.problem());
        } catch (IOException e) {
            throw bad(file, "cannot read it: " + e.getMessage());
        }
        JsonNode root;
        try {
            root = STRICT.readTree(text);
        } catch (JsonProcessingException e) {
            long line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
            throw new IllegalArgumentException(file + (line > 0 ? ":" + line : "") + ": expected JSON, found "
                    + e.getOriginalMessage().lines().findFirst().orElse("something else"), e);
        }
        if (root == null || !root.isObject()) {
            throw bad(file, "expected a JSON object with \"format\": \"" + FORMAT + "\", found "
                    + (root == null ? "nothing" : root.getNodeType().toString().toLowerCase(java.util.Locale.ROOT)));
        }
        String format = root.path("format").asText(null);
        if (!FORMAT.equals(format)) {
            throw bad(file, "format: expected \"" + FORMAT + "\", found " + root.path("format"));
        }
        if (!root.path("version").canConvertToInt() || root.path("version").asInt() != VERSION) {
            throw bad(file, "version: expected " + VERSION + ", found " + root.path("version"));
        }
        JsonNode entries = root.path("entries");
        if (!entries.isArray()) {
            throw bad(file, "entries: expected an array, found " + entries);
        }
        List<Entry> list = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < entries.size(); i++) {
            String at = "entries[" + i + "]";
            JsonNode node = entries.get(i);
            if (!node.isObject()) {
                throw bad(file, at + ": expected an object, found " + node);
            }
            JsonNode strategy = node.path("strategy");
            if (!strategy.isTextual() || strategy.asText().isBlank()) {
                throw bad(file, at + ".strategy: expected a strategy id, found "
                    + (strategy.isMissingNode() ? "nothing" : strategy));
            }
            int workers = (int) integer(file, node, at, "workers", 1, Settings.MAX_WORKERS);
            long size = integer(file, node, at, "size", 0, Long.MAX_VALUE);
            // 0: the strategy's own default, kept where no chunk measured beat it
            int chunk = (int) integer(file, node, at, "chunk", Settings.DEFAULT_CHUNK, Integer.MAX_VALUE);
            long[] flat = flat(file, node, at);
            if (!seen.add(strategy.asText() + "/" + workers + "/" + size)) {
                throw bad(file, at + ": expected one entry per strategy, workers and size, found a second for "
                        + strategy.asText() + " with " + workers + " workers at size " + size);
            }
            list.add(new Entry(strategy.asText(), workers, size, chunk, flat[0], flat[1]));
        }
        List<MinParallel> mins = new ArrayList<>();
        JsonNode minParallel = root.path("minParallel");
        if (!minParallel.isMissingNode() && !minParallel.isArray()) {
            throw bad(file, "minParallel: expected an array, found " + minParallel);
        }
        Set<String> seenMin = new HashSet<>();
        for (int i = 0; i < minParallel.size(); i++) {
            String at = "minParallel[" + i + "]";
            JsonNode node = minParallel.get(i);
            if (!node.isObject() || !node.path("strategy").isTextual() || node.path("strategy").asText().isBlank()) {
                throw bad(file, at + ": expected an object with a strategy id, found " + node);
            }
            int workers = (int) integer(file, node, at, "workers", 1, Settings.MAX_WORKERS);
            long size = integer(file, node, at, "size", 1, Long.MAX_VALUE);
            String strategy = node.path("strategy").asText();
            if (!seenMin.add(strategy + "/" + workers)) {
                throw bad(file, at + ": expected one minimum per strategy and workers, found a second for "
                        + strategy + " with " + workers + " workers");
            }
            mins.add(new MinParallel(strategy, workers, size));
        }
        UsePattern pattern = null;
        JsonNode patternNode = root.path("pattern");
        if (!patternNode.isMissingNode()) {
            try {
                pattern = UsePattern.parse(patternNode.asText());
            } catch (IllegalArgumentException e) {
                throw bad(file, "pattern: " + e.getMessage());
            }
        }
        JsonNode machine = root.path("machine");
        Origin origin = machine.isObject() ? new Origin(text(machine, "host"), text(machine, "cpu"),
                text(machine, "jdkVendor"), machine.path("jdk").canConvertToInt() ? machine.path("jdk").asInt() : 0,
                machine.path("cores").canConvertToInt() ? machine.path("cores").asInt() : 0) : null;
        JsonNode within = root.path("within");
        JsonNode cores = root.path("cores");
        return new Document(text(root, "source"),
                within.isNumber() ? within.asDouble() : Double.NaN, cores.canConvertToInt() ? cores.asInt() : 0,
                list, mins, pattern, origin);
    }

    /** A text field, with control characters shown as escapes: the machine description is printed as it is. */
    private static String text(JsonNode node, String field) {
        return node.path(field).isTextual() ? UntrustedText.forTerminal(node.path(field).asText()) : null;
    }

    /**
     * Writes {@code document} to {@code file} atomically: a reader sees the old file or the new one, never a part.
     *
     * @throws UncheckedIOException if the file cannot be written (nothing is left behind)
     */
    public static void write(Path file, Document document) {
        write(file, document, List.of());
    }

    /**
     * Writes {@code document} to {@code file} as every output is written ({@link OutputFiles}): atomically, mode
     * 0644, only over a regular file, never over one of {@code inputs}.
     *
     * @throws UncheckedIOException if the file cannot be written (nothing is left behind)
     * @throws RefusedFileException if {@code file} may not be written
     */
    public static void write(Path file, Document document, Collection<Path> inputs) {
        write(file, document, inputs, true);
    }

    /**
     * {@link #write(Path, Document, Collection)}; with {@code replace} false only as a new file: a profile that exists
     * or appears meanwhile (a second {@code tune} of the same run) is never replaced.
     *
     * @throws RefusedFileException if {@code file} exists and {@code replace} is false
     */
    public static void write(Path file, Document document, Collection<Path> inputs, boolean replace) {
        ObjectNode root = JSON.createObjectNode();
        root.put("format", FORMAT);
        root.put("version", VERSION);
        if (document.source() != null) {
            root.put("source", document.source());
        }
        if (!Double.isNaN(document.within())) {
            root.put("within", document.within());
        }
        if (document.cores() > 0) {
            root.put("cores", document.cores());
        }
        if (document.pattern() != null) {
            root.put("pattern", document.pattern().id());
        }
        Origin origin = document.origin();
        if (origin != null) {
            ObjectNode machine = root.putObject("machine");
            machine.put("host", origin.host());
            machine.put("cpu", origin.cpuModel());
            machine.put("jdkVendor", origin.jdkVendor());
            if (origin.jdkFeature() > 0) {
                machine.put("jdk", origin.jdkFeature());
            }
            if (origin.cores() > 0) {
                machine.put("cores", origin.cores());
            }
        }
        ArrayNode entries = root.putArray("entries");
        for (Entry entry : document.entries()) {
            ObjectNode node = entries.addObject();
            node.put("strategy", entry.strategy());
            node.put("workers", entry.workers());
            node.put("size", entry.size());
            node.put("chunk", entry.chunk());
            if (entry.flatFrom() > 0 && entry.flatTo() > 0) {
                node.putArray("flat").add(entry.flatFrom()).add(entry.flatTo());
            }
        }
        if (!document.minParallel().isEmpty()) {
            ArrayNode mins = root.putArray("minParallel");
            for (MinParallel min : document.minParallel()) {
                mins.addObject().put("strategy", min.strategy()).put("workers", min.workers()).put("size", min.size());
            }
        }
        try {
            byte[] bytes = (JSON.writeValueAsString(root) + "\n").getBytes(StandardCharsets.UTF_8);
            if (replace) {
                OutputFiles.replace(file, bytes, inputs);
            } else {
                OutputFiles.createNew(file, bytes, inputs);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(file + ": cannot write the profile: " + e.getMessage(), e);
        }
    }

    /** Where {@code tune} puts the profile of the run in {@code runFile}: {@code <stem>.chunks.json} beside it. */
    public static Path besideRun(Path runFile) {
        String name = String.valueOf(runFile.getFileName());
        for (String extension : List.of(".json", ".csv", ".scsv")) {
            if (name.toLowerCase(java.util.Locale.ROOT).endsWith(extension)) {
                name = name.substring(0, name.length() - extension.length());
                break;
            }
        }
        return runFile.resolveSibling(name + SUFFIX);
    }

    private static long integer(Path file, JsonNode node, String at, String field, long min, long max) {
        JsonNode value = node.path(field);
        if (!value.isIntegralNumber() || !value.canConvertToLong() || value.asLong() < min || value.asLong() > max) {
            String range = max == Long.MAX_VALUE ? ">= " + min : min + ".." + max;
            throw bad(file, at + "." + field + ": expected an integer " + range + ", found "
                    + (value.isMissingNode() ? "nothing" : value));
        }
        return value.asLong();
    }

    private static long[] flat(Path file, JsonNode node, String at) {
        JsonNode flat = node.path("flat");
        if (flat.isMissingNode() || flat.isNull()) {
            return new long[] {0, 0};
        }
        if (!flat.isArray() || flat.size() != 2 || !flat.get(0).canConvertToLong() || !flat.get(1).canConvertToLong()) {
            throw bad(file, at + ".flat: expected [smallest, largest] chunk, found " + flat);
        }
        return new long[] {flat.get(0).asLong(), flat.get(1).asLong()};
    }

    private static IllegalArgumentException bad(Path file, String problem) {
        return new IllegalArgumentException(file + ": " + problem);
    }
}
