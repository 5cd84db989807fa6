package dev.sumbench.cli;

import dev.sumbench.core.VersionProvider;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** The top command: lists the subcommands. */
@Command(name = "sumbench", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "When do threads, fork/join or separate processes pay off on the JVM, and how should the work "
                + "be chunked? Measures it.",
        subcommands = {DemoCommand.class, SumCommand.class, RaceCommand.class, TablesCommand.class, PlotCommand.class,
            CompareCommand.class, TuneCommand.class})
final class SumbenchCommand implements Runnable {

    @Spec
    private CommandSpec spec;

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "a command is missing: demo, sum, tables, plot, compare, "
                + "tune");
    }
}
