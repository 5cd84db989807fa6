package dev.sumbench.results;

import java.nio.file.Path;

/**
 * A results file that is not what it should be. The message is one line, {@code FILE:LINE: what was expected, what
 * was found}, fit to print as it is (the command line prints it and exits with code 2).
 */
public final class MalformedResultsException extends RuntimeException {

    private final transient Path file;
    private final long line;
    private final String problem;

    /**
     * @param file    the file that was read
     * @param line    the 1-based line the problem is on, or 0 when it concerns the whole file
     * @param problem what was expected and what was found
     */
    public MalformedResultsException(Path file, long line, String problem) {
        this(file, line, problem, null);
    }

    public MalformedResultsException(Path file, long line, String problem, Throwable cause) {
        super(file + (line > 0 ? ":" + line : "") + ": " + problem, cause);
        this.file = file;
        this.line = line;
        this.problem = problem;
    }

    /** The file that was read. */
    public Path file() {
        return file;
    }

    /** The 1-based line of the problem, or 0 when it concerns the whole file. */
    public long line() {
        return line;
    }

    /** What was expected and what was found, without the file and line. */
    public String problem() {
        return problem;
    }
}
