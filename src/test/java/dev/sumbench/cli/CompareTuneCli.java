package dev.sumbench.cli;

import java.io.PrintWriter;
import java.io.StringWriter;

/** One in-process run of the whole command line for the compare and tune tests: exit code, stdout and stderr. */
record CompareTuneCli(int exitCode, String out, String err) {

    static CompareTuneCli run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.newCommandLine(new PrintWriter(out, true), new PrintWriter(err, true)).execute(args);
        return new CompareTuneCli(code, out.toString(), err.toString());
    }

    /** stderr's lines. */
    long errLines() {
        return err.lines().count();
    }
}
