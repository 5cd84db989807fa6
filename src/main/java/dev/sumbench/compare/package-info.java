/**
 * Two runs compared row by row, with one test per row: {@link dev.sumbench.compare.Comparisons} matches the rows into
 * a {@link dev.sumbench.compare.Comparison}; each {@link dev.sumbench.compare.RowComparison} carries one
 * {@link dev.sumbench.compare.Judgement} of the {@link dev.sumbench.compare.Gate} (a
 * {@link dev.sumbench.compare.Decision}, the estimate of the change with its interval, and a
 * {@link dev.sumbench.compare.Reason} code when it could not decide); a {@link dev.sumbench.compare.GeoMean} sums the
 * rows up; {@link dev.sumbench.compare.Notice}s say what limits the whole comparison.
 *
 * <p>Pure functions over immutable records, built on {@code stats}; no I/O, no formatting and no sentences: what this
 * package finds is a code with its data, and {@code report} says it in words (ArchitectureTest holds that).
 */
package dev.sumbench.compare;
