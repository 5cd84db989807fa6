package dev.sumbench.core;

/** The exit codes of every sumbench command. */
public final class ExitCodes {

    /** Success. */
    public static final int OK = 0;
    /** The work failed (a worker died, a file could not be written). */
    public static final int FAILURE = 1;
    /** The input was wrong: an option, a number, a file. Nothing was written. */
    public static final int BAD_INPUT = 2;
    /** {@code compare} found a row significantly worse beyond the threshold. */
    public static final int REGRESSION = 3;
    /**
     * {@code compare} found no regression but could not decide some row (too few forks, no raw data, too noisy for
     * the threshold): not a pass, not a failure.
     */
    public static final int UNDECIDED = 4;

    private ExitCodes() {
    }
}
