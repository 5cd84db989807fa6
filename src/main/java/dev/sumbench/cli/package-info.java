/**
 * The {@code sumbench} command line: picocli commands, one thin class per subcommand, that only translate arguments
 * into calls of the domain packages. {@link dev.sumbench.cli.Main#newCommandLine} builds the whole command with
 * injected writers, so tests drive it in-process.
 */
package dev.sumbench.cli;
