/**
 * The one place that decides which files sumbench reads ({@link dev.sumbench.files.InputFiles}: regular files of a
 * bounded size only) and how it writes ({@link dev.sumbench.files.OutputFiles}: whole files under a temporary name,
 * renamed into place, mode 0644, never over an input, a link, a directory or a special file), and how text read from
 * files is made safe to print ({@link dev.sumbench.files.UntrustedText}). Depends on nothing else
 * in sumbench, so every package may use it.
 */
package dev.sumbench.files;
