package dev.sumbench.sum;

/**
 * What a user, a table or a statistic needs to know about a strategy; {@link StrategyCatalog} holds one per id.
 *
 * @param id                    the strategy id, as the command line, the JMH params and the tables spell it
 * @param family                sequential, threads or processes: the axis of the teaching note's table
 * @param startsWorkersEveryCall whether every call starts its workers anew, so that its fixed cost is a start-up
 *                              cost (the teaching note's pattern: a pool per call)
 * @param tradeOff              one line on the trade-off it shows (printed by {@code sumbench demo})
 */
public record StrategyInfo(String id, Family family, boolean startsWorkersEveryCall, String tradeOff) {
}
