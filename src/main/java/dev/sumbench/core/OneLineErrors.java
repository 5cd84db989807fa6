package dev.sumbench.core;

import dev.sumbench.files.RefusedFileException;
import java.io.PrintWriter;
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

    private static String describe(Throwable e) {
        String message = e.getMessage();
        return message == null || message.isBlank() ? e.getClass().getSimpleName() : message;
    }

    private static String firstLine(String message) {
        String text = message == null ? "" : message.strip();
        int newline = text.indexOf('\n');
        return newline < 0 ? text : text.substring(0, newline).strip();
    }
}
