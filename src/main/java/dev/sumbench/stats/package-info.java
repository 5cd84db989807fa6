/**
 * Pure statistics over the results model, for the tables and charts: a {@link dev.sumbench.stats.Summary} of a
 * metric with its interval, a {@link dev.sumbench.stats.Ratio} (speedup, efficiency) with a conservative interval,
 * the least-squares {@link dev.sumbench.stats.OverheadModel} (fixed cost, per-element cost, R²) and its
 * {@link dev.sumbench.stats.Crossover} size, the Karp–Flatt serial fraction ({@link dev.sumbench.stats.Scaling}) and
 * {@link dev.sumbench.stats.Bandwidth}. {@link dev.sumbench.stats.SumMatrix} is sumbench's view of its own rows, keyed
 * by params; {@link dev.sumbench.stats.SumAnalysis}, {@link dev.sumbench.stats.BandwidthAnalysis} and
 * {@link dev.sumbench.stats.TradeOffAnalysis} compute the figures of each table.
 *
 * <p>Immutable records and pure functions; Commons Math stays behind these types; no I/O and no formatting.
 */
package dev.sumbench.stats;
