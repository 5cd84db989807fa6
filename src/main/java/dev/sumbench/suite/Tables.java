package dev.sumbench.suite;

import dev.sumbench.cli.Main;
import java.io.PrintWriter;
import picocli.CommandLine;

/** Renders a published run's tables with {@code sumbench tables}, in this JVM, when the CLI has that command. */
final class Tables {

    static final String COMMAND = "tables";

    private Tables() {
    }

    /** Writes {@code <stem>.md} beside the run and lets the command print its summary; false if it failed. */
    static boolean render(RunFiles.Published run, PrintWriter out, PrintWriter err) {
        CommandLine cli = Main.newCommandLine(out, err);
        if (!cli.getSubcommands().containsKey(COMMAND)) {
            out.println("sumbench: tables are not available in this build (no 'sumbench " + COMMAND + "'); "
                    + "the run files above are complete");
            out.flush();
            return true;
        }
        int exitCode = cli.execute(COMMAND, run.json().toString(), "--format", "md", "--out",
                run.tables().toString());
        out.flush();
        if (exitCode != 0) {
            err.println("sumbench: the run is saved, but 'sumbench " + COMMAND + "' failed (exit code " + exitCode
                    + "); retry with: scripts/tables " + run.json());
            err.flush();
            return false;
        }
        out.println("sumbench: tables: " + run.tables());
        out.flush();
        return true;
    }
}
