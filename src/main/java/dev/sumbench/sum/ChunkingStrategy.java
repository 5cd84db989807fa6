package dev.sumbench.sum;

/**
 * A strategy that chunks its ranges through a {@link ChunkDecider}: what {@code sum --verbose} and {@code demo} say
 * about its chunking is asked of that decider, not of the strategy.
 */
public interface ChunkingStrategy extends SumStrategy {

    /** The decider this strategy's sums go through. */
    ChunkDecider decider();
}
