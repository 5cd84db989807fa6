package dev.sumbench.sum;

import java.util.List;

/**
 * A source of strategies, found with {@link java.util.ServiceLoader}: {@link InProcessStrategies} here, the process
 * strategies in {@code dev.sumbench.process}. This keeps {@code sum} free of any dependency on {@code process}.
 */
public interface StrategyProvider {

    /** The strategies this provider can create on the running JVM (an unavailable one is simply not listed). */
    List<StrategyInfo> strategies();

    /**
     * Creates the strategy {@code id}, one of {@link #strategies()}.
     *
     * @throws IllegalArgumentException if the settings do not suit this strategy (the message says why)
     */
    SumStrategy create(String id, Settings settings);
}
