package dev.sumbench.sum;

import java.util.Optional;

/**
 * A strategy that chunks its ranges through a {@link ChunkDecider}: what {@code sum --verbose} and {@code demo} ask of
 * it about its default chunking comes from that decider.
 */
public interface ChunkingStrategy extends SumStrategy {

    /** The decider this strategy's sums go through. */
    ChunkDecider decider();

    @Override
    default Optional<DefaultChunking.Decision> decision(int n) {
        return decider().decision(n);
    }

    @Override
    default Optional<SplitCosts> splitCosts() {
        return decider().splitCosts();
    }

    @Override
    default Optional<String> learned(int n) {
        return decider().learned(n);
    }
}
