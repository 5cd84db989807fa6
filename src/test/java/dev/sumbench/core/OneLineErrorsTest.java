package dev.sumbench.core;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.AccessDeniedException;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** A failure is one short, printable line that names its cause. */
class OneLineErrorsTest {

    @Command(name = "probe")
    static final class Failing implements Callable<Integer> {
        private final Exception failure;

        Failing(Exception failure) {
            this.failure = failure;
        }

        @Override
        public Integer call() throws Exception {
            throw failure;
        }
    }

    @Command(name = "probe")
    static final class OutOfThreads implements Callable<Integer> {
        @Override
        public Integer call() {
            // what Thread.start throws when RLIMIT_NPROC is reached
            throw new OutOfMemoryError("unable to create native thread: possibly out of memory or process/resource "
                    + "limits reached");
        }
    }

    private static String run(Exception failure, int expectedExitCode) {
        StringWriter err = new StringWriter();
        CommandLine cli = new CommandLine(new Failing(failure));
        OneLineErrors.install(cli, new PrintWriter(err, true), c -> "sumbench probe", c -> "sumbench probe --help");
        assertEquals(expectedExitCode, cli.execute());
        return err.toString();
    }

    @Test
    void aFileProblemNamesTheFileAndTheProblem() {
        assertEquals("sumbench probe: error: /results/.x.csv.tmp: permission denied\n",
                run(new AccessDeniedException("/results/.x.csv.tmp"), ExitCodes.FAILURE));
    }

    @Test
    void aHugeInputEchoedInAMessageIsCutAndControlCharactersAreEscaped() {
        String line = run(new BadInputException("format: unknown '" + "x".repeat(1_000_000) + "'"),
                ExitCodes.BAD_INPUT);
        assertEquals(1, line.lines().count());
        assertEquals("sumbench probe: ".length() + OneLineErrors.MAX_LINE + "...".length(), line.strip().length());

        assertEquals("sumbench probe: bad \\u001b[2J name\n",
                run(new BadInputException("bad \u001b[2J name"), ExitCodes.BAD_INPUT));
    }

    @Test
    void aJvmOutOfThreadsIsOneLineAndExitOne() {
        StringWriter err = new StringWriter();
        CommandLine cli = new CommandLine(new OutOfThreads());

        int exitCode = OneLineErrors.execute(cli, new PrintWriter(err, true), "sumbench");

        assertEquals(ExitCodes.FAILURE, exitCode);
        assertEquals("sumbench: error: cannot start a thread: the limit of processes and threads for this user "
                + "(ulimit -u) or the memory is exhausted\n", err.toString());
    }
}
