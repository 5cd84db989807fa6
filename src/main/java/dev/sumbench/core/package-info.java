/**
 * What every command of sumbench shares, below the command line ({@code cli}) and the suite ({@code suite}): the exit
 * codes ({@link dev.sumbench.core.ExitCodes}), the exception for bad input found after parsing
 * ({@link dev.sumbench.core.BadInputException}), and the handlers that turn a command's errors into one line on stderr
 * ({@link dev.sumbench.core.OneLineErrors}), and the version every command prints for {@code -V}
 * ({@link dev.sumbench.core.VersionProvider}). It depends on nothing of sumbench's own, so that both may use it without
 * depending on each other.
 */
package dev.sumbench.core;
