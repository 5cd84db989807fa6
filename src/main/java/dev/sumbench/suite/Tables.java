package dev.sumbench.suite;

import dev.sumbench.cli.Main;
import java.io.PrintWriter;
import picocli.CommandLine;

/** Renders a published run's tables with {@code sumbench tables}, in this JVM. */
final class Tables {

    static final String COMMAND = "tables";

    private Tables() {
    }

    /** The module the charts are drawn with (AWT); a minimal or jlinked runtime may lack it. */
    static final String CHARTS_MODULE = "java.desktop";

    /**
     * Writes {@code <stem>.md} (and its charts) beside the run and prints the tables' summary; false if it failed.
     * On a runtime without {@value #CHARTS_MODULE} (a jlinked one, as {@code scripts/reference-sweep} carries to a
     * machine without a JDK) it renders nothing, says how to render the run elsewhere, and returns true: the run files
     * are complete without the tables.
     */
    static boolean render(RunFiles.Published run, PrintWriter out, PrintWriter err) {
        if (ModuleLayer.boot().findModule(CHARTS_MODULE).isEmpty()) {
            out.println("sumbench: this runtime has no " + CHARTS_MODULE + " module, so the tables are not rendered"
                    + " here; render them with: scripts/tables " + run.json() + " --out " + run.tables());
            out.flush();
            return true;
        }
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
