/**
 * Readers for JMH results (CSV and JSON, from any project) and sumbench's run metadata, into one immutable model:
 * a {@link dev.sumbench.results.Run} holds {@link dev.sumbench.results.Result} rows, each identified by benchmark,
 * mode and params, with a primary {@link dev.sumbench.results.Metric} and any secondary ones.
 *
 * <p>{@link dev.sumbench.results.RunReader#read(java.nio.file.Path)} is the entry point: it tells CSV from JSON and
 * picks up {@code <stem>.meta.json}. A malformed file is a {@link dev.sumbench.results.MalformedResultsException}
 * whose one-line message reads {@code FILE:LINE: what was expected, what was found}.
 * {@link dev.sumbench.results.ScoreUnit} says what a score's unit means (time per op, ops per time, other).
 */
package dev.sumbench.results;
