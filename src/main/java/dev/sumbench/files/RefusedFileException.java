package dev.sumbench.files;

import java.nio.file.Path;

/**
 * A file sumbench will not read or write, with a one-line message {@code FILE: expected ..., found ...}: bad input,
 * for the commands exit code 2.
 */
public final class RefusedFileException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient Path file;
    private final String problem;

    RefusedFileException(Path file, String problem) {
        super(file + ": " + problem);
        this.file = file;
        this.problem = problem;
    }

    /** What is wrong, without the file name: {@code expected ..., found ...}. */
    public String problem() {
        return problem;
    }

    /** The file refused. */
    public Path file() {
        return file;
    }
}
