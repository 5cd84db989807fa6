package dev.sumbench.suite;

import dev.sumbench.report.Report;
import dev.sumbench.report.TableFormat;
import dev.sumbench.results.RunReader;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;

/**
 * Renders a published run's tables in this JVM, as {@code sumbench tables RUN.json --out RUN.md --summary} would:
 * the same {@link Report}, the same files, the same summary lines.
 */
final class RunRenderer {

    /* Implementation notes
     * The suite calls report directly rather than the command line: the suite sits below cli, and both render through
     * Report.writeDocument, so the files and the summary agree. */

    private RunRenderer() {
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
        try {
            Report report = Report.of(RunReader.readAll(List.of(run.json())));
            List<Path> written = report.writeDocument(run.tables(), TableFormat.MD, true);
            report.summary().forEach(out::println);
            out.println("written: " + String.join(", ", written.stream().map(Path::toString).toList()));
            out.flush();
            return true;
        } catch (Exception e) {
            // the run is complete without its tables: say so in one line, never lose the run over them
            out.flush();
            err.println("sumbench: the run is saved, but its tables failed (" + e.getMessage()
                    + "); retry with: scripts/tables " + run.json() + " --out " + run.tables());
            err.flush();
            return false;
        }
    }
}
