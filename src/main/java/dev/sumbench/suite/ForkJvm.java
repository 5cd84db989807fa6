package dev.sumbench.suite;

import dev.sumbench.core.BadInputException;
import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;

/**
 * The JVM that runs the benchmark forks, as it describes itself: the same executable and class path JMH will use,
 * started once before the run with {@link ForkJvmProbe}. Its feature release names the run ({@code jdk21}), its
 * processors are the {@code cores} of the run, and its strategies decide which ids the run can measure (no
 * {@code virtual-threads} below 21).
 *
 * @param executable          the {@code java} executable
 * @param version             {@code java.version}
 * @param vendor              {@code java.vendor}
 * @param feature             the feature release (17, 21, 25, ...)
 * @param home                {@code java.home}
 * @param availableProcessors {@link Runtime#availableProcessors()} there (under {@code taskset}: the CPUs allowed)
 * @param strategies          the strategy ids available there, in canonical order
 * @param os                  OS name, version and architecture
 * @param memoryBytes         physical memory as that JVM sees it (0 if unknown)
 */
record ForkJvm(String executable, String version, String vendor, int feature, String home, int availableProcessors,
               List<String> strategies, String os, long memoryBytes) {

    /** A JVM prints its properties in well under a second; a loaded machine gets plenty more. */
    private static final Duration PROBE_DEADLINE = Duration.ofSeconds(60);

    ForkJvm {
        strategies = List.copyOf(strategies);
    }

    /** The {@code java} of the JVM running this code. */
    static String currentExecutable() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    /**
     * Resolves what a user gave as the forks' JVM: a {@code java} executable, or a JDK home containing
     * {@code bin/java}.
     *
     * @param source names the option for the message, e.g. {@code bench.jvm}
     * @throws BadInputException if it is neither
     */
    static String resolveExecutable(String given, String source) {
        Path path = Path.of(given);
        if (Files.isDirectory(path)) {
            path = path.resolve("bin").resolve("java");
        }
        if (!Files.isRegularFile(path) || !Files.isExecutable(path)) {
            throw new BadInputException(source + ": " + given + " is not a java executable (nor a JDK home with "
                    + "bin/java)");
        }
        return path.toString();
    }

    /**
     * Starts {@code executable} with {@code classPath} and asks it.
     *
     * @param source names where the executable came from, for the message
     * @throws BadInputException if that JVM cannot run sumbench's classes (too old, broken, not a JVM)
     */
    static ForkJvm probe(String executable, String classPath, String source) {
        return probe(executable, List.of(), classPath, source);
    }

    /**
     * The same, with {@code jvmOptions} on the probe's command line: options the JVM refuses are found before any
     * fork starts.
     */
    static ForkJvm probe(String executable, List<String> jvmOptions, String classPath, String source) {
        List<String> command = new java.util.ArrayList<>(List.of(executable));
        command.addAll(jvmOptions);
        command.addAll(List.of("-cp", classPath, ForkJvmProbe.class.getName()));
        Processes.Output output;
        try {
            output = Processes.run(command, null, PROBE_DEADLINE);
        } catch (IOException e) {
            throw new BadInputException(source + ": " + e.getMessage(), e);
        }
        if (!output.ok()) {
            boolean tooOld = output.stderr().contains(UnsupportedClassVersionError.class.getName());
            throw new BadInputException(source + ": " + executable + " cannot run the benchmarks (exit code "
                    + output.exitCode() + "): " + firstErrorLine(output.stderr())
                    + (tooOld ? " (sumbench needs JDK 17 or newer)" : ""));
        }
        Properties properties = new Properties();
        try {
            properties.load(new StringReader(output.stdout()));
            return new ForkJvm(executable,
                    required(properties, ForkJvmProbe.VERSION),
                    required(properties, ForkJvmProbe.VENDOR),
                    Integer.parseInt(required(properties, ForkJvmProbe.FEATURE)),
                    required(properties, ForkJvmProbe.HOME),
                    Integer.parseInt(required(properties, ForkJvmProbe.PROCESSORS)),
                    Arrays.stream(properties.getProperty(ForkJvmProbe.STRATEGIES, "").split(","))
                            .filter(id -> !id.isBlank()).toList(),
                    required(properties, ForkJvmProbe.OS),
                    Long.parseLong(required(properties, ForkJvmProbe.MEMORY)));
        } catch (IOException | RuntimeException e) {
            throw new BadInputException(source + ": " + executable + " answered the probe with something else than "
                    + "expected: " + e.getMessage(), e);
        }
    }

    private static String required(Properties properties, String key) {
        String value = properties.getProperty(key);
        if (value == null) {
            throw new IllegalStateException("no " + key);
        }
        return value;
    }

    /**
     * The JVM's own first line about what went wrong ({@code Unrecognized VM option 'Bogus'}): the lines after it
     * ({@code Error: Could not create the Java Virtual Machine.}) say only that it stopped. Notes a JVM prints about
     * its environment ({@code Picked up JAVA_TOOL_OPTIONS: ...}) are no error.
     */
    static String firstErrorLine(String stderr) {
        return stderr.lines().map(String::strip).filter(line -> !line.isEmpty() && !line.startsWith("Picked up "))
                .findFirst().map(ForkErrors::shortened).orElse("(no message)");
    }
}
