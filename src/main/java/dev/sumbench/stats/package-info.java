/**
 * Pure statistics over the results model, for the tables and charts: a {@link dev.sumbench.stats.Summary} of a
 * metric with its interval, a {@link dev.sumbench.stats.Ratio} (speedup, efficiency) with a conservative interval,
 * the least-squares {@link dev.sumbench.stats.OverheadModel} (fixed cost, per-element cost, R²) and its
 * {@link dev.sumbench.stats.Crossover} size, the Karp–Flatt serial fraction ({@link dev.sumbench.stats.Scaling}) and
 * {@link dev.sumbench.stats.Bandwidth}. {@link dev.sumbench.stats.SumMatrix} is sumbench's view of its own rows, keyed
 * by params; {@link dev.sumbench.stats.SumAnalysis}, {@link dev.sumbench.stats.BandwidthAnalysis} and
 * {@link dev.sumbench.stats.TradeOffAnalysis} compute the figures of each table.
 *
 * <p>What {@code compare} is made of: {@link dev.sumbench.stats.Welch}, {@link dev.sumbench.stats.FalseDiscovery},
 * the exact {@link dev.sumbench.stats.MannWhitney} U test, {@link dev.sumbench.stats.Samples} (fork means) and
 * {@link dev.sumbench.stats.Direction}. For {@code tune}: {@link dev.sumbench.stats.ChunkTuning} turns a chunk-size
 * sweep into {@link dev.sumbench.stats.ChunkChoice}s (best chunk, flat region, recommendation).
 *
 * <p>Immutable records and pure functions; Commons Math stays behind these types; no I/O, no formatting and no
 * sentence for the user: what limits an answer is a {@link dev.sumbench.stats.Caveat}, a code with its values, that
 * {@code report} puts in words. Strategy
 * ids, their order and their family come from {@code dev.sumbench.sum.StrategyCatalog}, the only part of {@code sum}
 * this package uses besides {@code StrategyInfo} and {@code Family}.
 */
package dev.sumbench.stats;
