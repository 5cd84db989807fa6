package dev.sumbench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.commons.ClassRemapper;
import org.objectweb.asm.commons.Remapper;

/**
 * The package structure that docs/architecture.md describes, checked on the compiled classes (main and benchmarks,
 * {@code target/classes}): every reference from one sumbench package to another must follow the stated direction.
 *
 * <p>Every type a class names anywhere counts (fields, signatures, generics, annotations, instructions, constants),
 * as ASM's {@link ClassRemapper} reports it; javadoc does not, since it is not compiled.
 */
class ArchitectureTest {

    /* Implementation notes
     * ASM rather than a hand-written constant-pool reader: the remapper visits every place a class file names a type,
     * including generic signatures, which a scan of CONSTANT_Class entries alone would miss. ArchUnit would do the
     * same with more machinery; ASM is enough for one direction per package. */

    private static final Path CLASSES = Path.of("target", "classes", "dev", "sumbench");
    private static final String PREFIX = "dev/sumbench/";

    /** Package -> the sumbench packages it may use. The order is the layering, from the bottom up. */
    static final Map<String, Set<String>> ALLOWED = Map.ofEntries(
            Map.entry("files", Set.of()),
            Map.entry("core", Set.of("files")),
            Map.entry("sum", Set.of("files")),
            Map.entry("results", Set.of("files")),
            Map.entry("process", Set.of("sum", "files")),
            Map.entry("stats", Set.of("results", "sum")),
            Map.entry("compare", Set.of("stats", "results", "sum")),
            Map.entry("report", Set.of("compare", "stats", "results", "sum", "files")),
            Map.entry("bench", Set.of("sum", "process")),
            Map.entry("suite", Set.of("core", "bench", "sum", "results", "stats", "compare", "report", "files")),
            Map.entry("cli", Set.of("core", "sum", "process", "results", "stats", "compare", "report", "files")));

    /** What {@code stats} and {@code report} may use of {@code sum}: the strategy metadata, no implementation. */
    static final Set<String> SUM_METADATA = Set.of("dev/sumbench/sum/StrategyCatalog", "dev/sumbench/sum/StrategyInfo",
            "dev/sumbench/sum/Family");

    /**
     * What the benchmarks may use of {@code process}: the launcher, to start a bare JVM as workers start
     * ({@code SpawnBenchmark}); a process strategy's pool and the memory reader, to measure each child JVM's memory
     * ({@code MemoryBenchmark}).
     */
    static final Set<String> BENCH_PROCESS = Set.of("dev/sumbench/process/WorkerLauncher",
            "dev/sumbench/process/ProcessPipe", "dev/sumbench/process/ProcessShared", "dev/sumbench/process/ProcessPool",
            "dev/sumbench/process/MemoryUse");

    /** Class (internal name) -> the sumbench classes it references outside its own package. */
    private static Map<String, Set<String>> references;

    @BeforeAll
    static void readClasses() throws IOException {
        references = new TreeMap<>();
        try (Stream<Path> files = Files.walk(CLASSES)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".class")).toList()) {
                String name = PREFIX + CLASSES.relativize(file).toString().replace('\\', '/').replaceAll("\\.class$", "");
                references.put(name, referencesOf(file, packageOf(name)));
            }
        }
    }

    /** The sumbench classes that {@code file} names, outside package {@code own}. */
    static Set<String> referencesOf(Path file, String own) {
        Set<String> found = new TreeSet<>();
        Remapper recorder = new Remapper() {
            @Override
            public String map(String internalName) {
                if (internalName.startsWith(PREFIX) && !packageOf(internalName).equals(own)) {
                    found.add(internalName.replaceAll("\\$.*", ""));
                }
                return internalName;
            }
        };
        try {
            // the remapper visits methods and fields only when its delegate does: a ClassWriter visits everything
            new ClassReader(Files.readAllBytes(file)).accept(new ClassRemapper(new ClassWriter(0), recorder), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return found;
    }

    static String packageOf(String internalName) {
        String rest = internalName.substring(PREFIX.length());
        int slash = rest.indexOf('/');
        return slash < 0 ? "" : rest.substring(0, slash);
    }

    @Test
    void everyPackageHasAStatedPlace() {
        Set<String> packages = new TreeSet<>();
        references.keySet().forEach(c -> packages.add(packageOf(c)));
        assertEquals(new TreeSet<>(ALLOWED.keySet()), packages, "packages in target/classes vs ALLOWED");
    }

    @Test
    void dependenciesPointOneWay() {
        List<String> violations = new ArrayList<>();
        references.forEach((from, targets) -> {
            String own = packageOf(from);
            for (String target : targets) {
                if (!ALLOWED.getOrDefault(own, Set.of()).contains(packageOf(target))) {
                    violations.add(from + " -> " + target);
                }
            }
        });
        assertEquals(List.of(), violations, "references against the stated direction (docs/architecture.md)");
    }

    @Test
    void statisticsAndReportKnowStrategiesOnlyByTheirMetadata() {
        List<String> violations = new ArrayList<>();
        references.forEach((from, targets) -> {
            String own = packageOf(from);
            if (own.equals("stats") || own.equals("compare") || own.equals("report")) {
                targets.stream().filter(t -> packageOf(t).equals("sum") && !SUM_METADATA.contains(t))
                        .forEach(t -> violations.add(from + " -> " + t));
            }
        });
        assertEquals(List.of(), violations, "stats, compare and report may use only " + SUM_METADATA + " of sum");
    }

    @Test
    void benchmarksUseOnlyTheStatedPartsOfTheProcessEngine() {
        List<String> violations = new ArrayList<>();
        references.forEach((from, targets) -> {
            if (packageOf(from).equals("bench")) {
                targets.stream().filter(t -> packageOf(t).equals("process") && !BENCH_PROCESS.contains(t))
                        .forEach(t -> violations.add(from + " -> " + t));
            }
        });
        assertEquals(List.of(), violations, "bench may use only " + BENCH_PROCESS + " of process");
    }

    /**
     * The comparison and the statistics speak in codes (the comparison's {@code Reason} and {@code Notice}, the
     * analyses' {@code Caveat}); {@code report} says them in words. A string literal of three words or more in their
     * sources is a sentence, allowed only in an exception's message (for the programmer, not the user): a statement
     * that holds one must construct an exception.
     */
    @Test
    void theComparisonAndTheStatisticsHoldNoSentenceForTheUser() throws IOException {
        List<String> sentences = new ArrayList<>();
        for (String pkg : List.of("compare", "stats")) {
            try (Stream<Path> files = Files.list(Path.of("src", "main", "java", "dev", "sumbench", pkg))) {
                for (Path file : files.filter(f -> f.toString().endsWith(".java")).sorted().toList()) {
                    sentences.addAll(sentences(file.getFileName().toString(), Files.readString(file)));
                }
            }
        }
        assertEquals(List.of(), sentences, "sentences for the user: make them codes that report words");
    }


    @Test
    void aPlantedSentenceIsCaught() {
        String code = "class A {\n  // a comment of many words\n  String s = \"one; two\";\n"
                + "  void f() { notes.add(\"the flat region is wide\"); throw new IllegalStateException(\"bad input "
                + "for the programmer\"); }\n  String t = \"two words\" + x + \"fork\";\n}";
        assertEquals(List.of("A.java: \"the flat region is wide\""), sentences("A.java", code));
    }

    /** The literals of three words or more in {@code code}, outside comments and statements that make an exception. */
    private static List<String> sentences(String name, String code) {
        java.util.regex.Pattern literal = java.util.regex.Pattern.compile("\"((?:[^\"\\\\]|\\\\.)*)\"");
        String stripped = code.replaceAll("(?s)/\\*.*?\\*/", "").replaceAll("//[^\n]*", "");
        // a ';' inside a literal ends no statement
        String masked = literal.matcher(stripped).replaceAll(m -> java.util.regex.Matcher.quoteReplacement(
                m.group().replace(';', ',')));
        List<String> sentences = new ArrayList<>();
        for (String statement : masked.split(";")) {
            java.util.regex.Matcher m = literal.matcher(statement);
            while (m.find()) {
                if (m.group(1).trim().split("\\s+").length >= 3 && !statement.contains("Exception(")) {
                    sentences.add(name + ": \"" + m.group(1) + "\"");
                }
            }
        }
        return sentences;
    }

    @Test
    void theReaderSeesReferencesInSignaturesAndCode() {
        // a reference value: SumMatrix names results.Run in a generic signature (List<Run>) and StrategyCatalog in code
        Set<String> ofSumMatrix = references.get("dev/sumbench/stats/SumMatrix");
        assertTrue(ofSumMatrix.contains("dev/sumbench/results/Run"), ofSumMatrix.toString());
        assertTrue(ofSumMatrix.contains("dev/sumbench/sum/StrategyCatalog"), ofSumMatrix.toString());
        assertFalse(ofSumMatrix.stream().anyMatch(c -> packageOf(c).equals("stats")), "own package left out");
    }
}
