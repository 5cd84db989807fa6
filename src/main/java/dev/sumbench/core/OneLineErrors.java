package dev.sumbench.core;

import dev.sumbench.files.RefusedFileException;
import dev.sumbench.files.UntrustedText;
import java.io.PrintWriter;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.util.function.Function;
import picocli.CommandLine;

/**
 * Turns a command's errors into one line on {@code err}: bad input (a picocli {@code ParameterException}, a
 * {@link BadInputException} or a file refused as input or output, {@link RefusedFileException}) exits with
 * {@link ExitCodes#BAD_INPUT}, any other failure with {@link ExitCodes#FAILURE}.
 * Set {@code SUMBENCH_DEBUG=1} to see stack traces. Used by {@code sumbench} ({@code dev.sumbench.cli.Main}) and by
 * the suite's {@code BenchMain}.
 */
public final class OneLineErrors {

    private OneLineErrors() {
    }

    /**
     * Installs the handlers on {@code cli}.
     *
     * @param label names the command that failed, e.g. {@code sumbench sum}
     * @param help  the command to suggest for help, e.g. {@code sumbench sum --help}
     */
    public static void install(CommandLine cli, PrintWriter err, Function<CommandLine, String> label,
                               Function<CommandLine, String> help) {
        cli.setParameterExceptionHandler((e, args) -> {
            err.println(label.apply(e.getCommandLine()) + ": " + firstLine(e.getMessage()) + " (see '"
                    + help.apply(e.getCommandLine()) + "')");
            err.flush();
            return ExitCodes.BAD_INPUT;
        });
        cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            boolean badInput = e instanceof BadInputException || e instanceof RefusedFileException;
            err.println(label.apply(commandLine) + ": " + (badInput ? "" : "error: ") + firstLine(describe(e)));
            if (System.getenv("SUMBENCH_DEBUG") != null) {
                e.printStackTrace(err);
            }
            err.flush();
            return badInput ? ExitCodes.BAD_INPUT : ExitCodes.FAILURE;
        });
    }

    /**
     * Runs {@code check} before any command of {@code cli} runs, except when only help or the version is asked for:
     * the settings every command depends on (system properties) are input too, refused by {@code check} with an
     * {@link IllegalArgumentException} that becomes one line and {@link ExitCodes#BAD_INPUT}, while {@code --help}
     * still works.
     */
    public static void checkBeforeRunning(CommandLine cli, Runnable check) {
        cli.setExecutionStrategy(parseResult -> {
            boolean helpOnly = parseResult.asCommandLineList().stream().anyMatch(c -> c.isUsageHelpRequested()
                    || c.isVersionHelpRequested() || c.getCommand() instanceof CommandLine.HelpCommand);
            if (!helpOnly) {
                try {
                    check.run();
                } catch (IllegalArgumentException e) {
                    CommandLine last = parseResult.asCommandLineList().get(parseResult.asCommandLineList().size() - 1);
                    throw new CommandLine.ExecutionException(last, e.getMessage(), new BadInputException(
                            e.getMessage(), e));
                }
            }
            return new CommandLine.RunLast().execute(parseResult);
        });
    }

    /**
     * Runs {@code cli} with {@code args}; a JVM out of threads or memory (an {@link OutOfMemoryError}, which the
     * handlers of {@link #install} never see) is one line on {@code err} and {@link ExitCodes#FAILURE} too.
     */
    public static int execute(CommandLine cli, PrintWriter err, String label, String... args) {
        try {
            return cli.execute(args);
        } catch (OutOfMemoryError e) {
            String message = String.valueOf(e.getMessage());
            err.println(label + ": error: " + (message.contains("native thread")
                    ? "cannot start a thread: the limit of processes and threads for this user (ulimit -u) or the "
                    + "memory is exhausted"
                    : "out of memory (" + firstLine(message) + ")"));
            err.flush();
            return ExitCodes.FAILURE;
        }
    }

    /** A message longer than this is cut: an input echoed in it (a huge format string) must not flood the terminal. */
    static final int MAX_LINE = 400;

    private static String describe(Throwable e) {
        if (e instanceof FileSystemException f) {
            return fileProblem(f);
        }
        String message = e.getMessage();
        return message == null || message.isBlank() ? e.getClass().getSimpleName() : message;
    }

    /** A file system exception's message is often the bare path: name the problem too. */
    public static String fileProblem(FileSystemException e) {
        String problem = e.getReason();
        if (problem == null) {
            problem = e instanceof AccessDeniedException ? "permission denied"
                    : e instanceof NoSuchFileException ? "no such file or directory"
                    : e instanceof NotDirectoryException ? "not a directory"
                    : e instanceof FileAlreadyExistsException ? "already exists"
                    : e.getClass().getSimpleName();
        }
        return (e.getFile() == null ? "" : e.getFile() + ": ") + problem
                + (e.getOtherFile() == null ? "" : " (" + e.getOtherFile() + ")");
    }

    private static String firstLine(String message) {
        String text = message == null ? "" : message.strip();
        int newline = text.indexOf('\n');
        String line = newline < 0 ? text : text.substring(0, newline).strip();
        return UntrustedText.forTerminal(line.length() > MAX_LINE ? line.substring(0, MAX_LINE) + "..." : line);
    }
}
