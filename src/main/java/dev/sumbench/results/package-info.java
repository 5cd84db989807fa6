/**
 * Readers for JMH results (CSV and JSON, from any project) and sumbench's run metadata, into one immutable model:
 * a {@link dev.sumbench.results.Run} holds {@link dev.sumbench.results.Result} rows, each identified by benchmark,
 * mode and params, with a primary {@link dev.sumbench.results.Metric} and any secondary ones.
 */
package dev.sumbench.results;
