package dev.sumbench.cli;

import dev.sumbench.core.ExitCodes;
import dev.sumbench.core.OneLineErrors;
import dev.sumbench.core.VersionProvider;
import dev.sumbench.sum.SystemProperties;
import java.io.PrintWriter;
import picocli.CommandLine;

/** Entry point of {@code sumbench}. */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        PrintWriter err = new PrintWriter(System.err, true);
        int exitCode = OneLineErrors.execute(newCommandLine(new PrintWriter(System.out, true), err), err, "sumbench",
                args);
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
        OneLineErrors.install(cli, err, Main::qualifiedName, commandLine -> qualifiedName(commandLine) + " --help");
        OneLineErrors.checkBeforeRunning(cli, SystemProperties::check);
        VersionProvider.install(cli);
        return cli;
    }

    private static String qualifiedName(CommandLine commandLine) {
        return commandLine.getCommandSpec().qualifiedName();
    }
}
