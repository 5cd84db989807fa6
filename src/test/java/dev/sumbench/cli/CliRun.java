package dev.sumbench.cli;

import java.io.PrintWriter;
import java.io.StringWriter;

/**
 * One in-process run of the whole sumbench command line (picocli with injected writers), with its exit code and what it printed.
 *
 * @param exitCode the exit code
 * @param out      standard output
 * @param err      standard error
 */
record CliRun(int exitCode, String out, String err) {

    static CliRun of(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exitCode = Main.newCommandLine(new PrintWriter(out, true), new PrintWriter(err, true)).execute(args);
        return new CliRun(exitCode, out.toString(), err.toString());
    }

    /** The number of lines on standard error. */
    long errLines() {
        return err.lines().count();
    }
}
