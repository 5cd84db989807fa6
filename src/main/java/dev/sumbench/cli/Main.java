package dev.sumbench.cli;

import java.io.PrintWriter;
import picocli.CommandLine;

/** Entry point of {@code sumbench}. */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        int exitCode = newCommandLine(new PrintWriter(System.out, true), new PrintWriter(System.err, true)).execute(args);
        System.exit(exitCode);
    }

    /**
     * The whole command, writing to {@code out} and {@code err}: bad input becomes one line on {@code err} and exit code
     * {@link ExitCodes#BAD_INPUT}; a failure one line and {@link ExitCodes#FAILURE}. Set {@code SUMBENCH_DEBUG=1} to
     * see stack traces.
     */
    public static CommandLine newCommandLine(PrintWriter out, PrintWriter err) {
        CommandLine cli = new CommandLine(new SumbenchCommand());
        cli.setOut(out);
        cli.setErr(err);
        cli.setParameterExceptionHandler((e, args) -> {
            String command = qualifiedName(e.getCommandLine());
            err.println(command + ": " + firstLine(e.getMessage()) + " (see '" + qualifiedName(e.getCommandLine())
                    + " --help')");
            err.flush();
            return ExitCodes.BAD_INPUT;
        });
        cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            boolean badInput = e instanceof BadInputException;
            err.println(qualifiedName(commandLine) + ": " + (badInput ? "" : "error: ") + firstLine(describe(e)));
            if (System.getenv("SUMBENCH_DEBUG") != null) {
                e.printStackTrace(err);
            }
            err.flush();
            return badInput ? ExitCodes.BAD_INPUT : ExitCodes.FAILURE;
        });
        return cli;
    }

    private static String qualifiedName(CommandLine commandLine) {
        return commandLine.getCommandSpec().qualifiedName();
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
