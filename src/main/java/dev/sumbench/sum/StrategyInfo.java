package dev.sumbench.sum;

/**
 * What a user needs to know about a strategy before choosing it.
 *
 * @param id       the strategy id (DESIGN.md's vocabulary)
 * @param family   sequential, threads or processes
 * @param tradeOff one line on the trade-off it shows (printed by {@code sumbench demo})
 */
public record StrategyInfo(String id, Family family, String tradeOff) {
}
