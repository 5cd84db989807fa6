package dev.sumbench.suite;

import dev.sumbench.cli.Main;
import java.io.PrintWriter;
import picocli.CommandLine;

/** Renders a published run's tables with {@code sumbench tables}, in this JVM. */
final class Tables {

    static final String COMMAND = "tables";

    private Tables() {
    }

    /** Writes {@code <stem>.md} (and its charts) beside the run and prints the tables' summary; false if it failed. */
    static boolean render(RunFiles.Published run, PrintWriter out, PrintWriter err) {
        CommandLine cli = Main.newCommandLine(out, err);
        int exitCode = cli.execute(COMMAND, run.json().toString(), "--format", "md", "--out",
                run.tables().toString(), "--summary");
        out.flush();
        if (exitCode != 0) {
            err.println("sumbench: the run is saved, but 'sumbench " + COMMAND + "' failed (exit code " + exitCode
                    + "); retry with: scripts/tables " + run.json() + " --out " + run.tables());
            err.flush();
            return false;
        }
        return true;
    }
}
