package dev.sumbench.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Checks a benchmark's result outside the timed region (in {@code @TearDown}), and lets a test see that it did.
 *
 * <p>When the system property {@value #LOG_PROPERTY} names a file, every successful check appends one line
 * {@code <what>} to it; the test that runs every benchmark reads it back.
 */
final class Validation {

    /** System property naming the file that records each successful check. */
    static final String LOG_PROPERTY = "sumbench.bench.validationLog";

    private Validation() {
    }

    /**
     * Checks that {@code actual}, the last result of the timed code, equals the {@code sequential} sum.
     *
     * @param what names the benchmark and its params, for the message
     * @throws IllegalStateException if the two differ
     */
    static void sameSum(String what, long expected, long actual) {
        if (expected != actual) {
            throw new IllegalStateException(what + ": the last sum was " + actual + " but sequential gives "
                    + expected);
        }
        record(what);
    }

    /** Checks that a started JVM exited normally. */
    static void exitedNormally(String what, int exitCode) {
        if (exitCode != 0) {
            throw new IllegalStateException(what + ": the JVM exited with code " + exitCode);
        }
        record(what);
    }

    private static void record(String what) {
        String log = System.getProperty(LOG_PROPERTY);
        if (log == null || log.isBlank()) {
            return;
        }
        try {
            Files.writeString(Path.of(log), what + System.lineSeparator(), StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot record a validation in " + log, e);
        }
    }
}
