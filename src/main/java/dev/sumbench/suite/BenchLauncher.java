package dev.sumbench.suite;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * How {@code mvn verify -Pbench} starts the suite: runs {@link BenchMain} in a JVM of its own, started from the shaded
 * jar, and ends Maven with BenchMain's exit code when it is not 0, so that bad input ends the build with its one-line
 * error and exit code 2, and nothing after it.
 *
 * <p>Arguments: the {@code java} to run, the jar, the working directory, then BenchMain's arguments.
 */
public final class BenchLauncher {

    /* Implementation notes
     * exec-maven-plugin's exec goal turns any exit code but 0 into an ExecuteException, which Maven prints as a
     * 30-line stack trace and "BUILD FAILURE" after the one-line error, and Maven then exits 1, not 2. Rejected:
     * successCodes (the build would "succeed" with exit 0 after bad input) and mvn -q (the trace is an ERROR, which
     * -q still prints). So the exec plugin's java goal runs this class in Maven's JVM; it starts BenchMain as before
     * (a JVM of its own from the jar, so that JMH's forks get the same short class path) and, when that ends with an
     * error, calls System.exit with its code: Maven stops right there, silently, with the same exit code
     * (exec:java leaves System.exit alone unless blockSystemExit is set). A shutdown hook destroys the child when
     * Maven is stopped, so that no JVM is left behind. */

    /** The arguments before BenchMain's own: java, jar, working directory. */
    private static final int LEADING_ARGUMENTS = 3;

    private BenchLauncher() {
    }

    public static void main(String[] args) throws IOException, InterruptedException {
        if (args.length < LEADING_ARGUMENTS) {
            System.err.println("sumbench: BenchLauncher expects JAVA JAR DIRECTORY [BenchMain arguments...], got "
                    + Arrays.toString(args));
            System.exit(2);
        }
        List<String> command = new ArrayList<>(List.of(args[0], "-cp", args[1], BenchMain.class.getName()));
        command.addAll(Arrays.asList(args).subList(LEADING_ARGUMENTS, args.length));
        Process child = new ProcessBuilder(command).directory(Path.of(args[2]).toFile()).inheritIO().start();
        Thread reaper = new Thread(child::destroyForcibly, "sumbench-bench-reaper");
        Runtime.getRuntime().addShutdownHook(reaper);
        int exitCode = child.waitFor();
        Runtime.getRuntime().removeShutdownHook(reaper);
        if (exitCode != 0) {
            System.exit(exitCode);
        }
    }
}
