package dev.sumbench.stats;

/**
 * One measured chunk size of a tuning group.
 *
 * @param chunk    elements per task
 * @param estimate its score with an interval
 */
public record ChunkPoint(long chunk, Estimate estimate) {
}
