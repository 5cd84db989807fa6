package dev.sumbench.cli;

import dev.sumbench.suite.Machine;
import dev.sumbench.sum.ChunkProfiles;
import dev.sumbench.sum.DefaultChunking;
import dev.sumbench.sum.SumStrategy;
import java.util.List;

/** What {@code sum --verbose} and {@code demo} say about a strategy's default chunking, and about a foreign profile. */
final class ChunkingNotes {

    private ChunkingNotes() {
    }

    /** The rule, its measured inputs and the decision for {@code n} elements, in one line. */
    static String describe(SumStrategy strategy, int n) {
        return strategy.decision(n)
                .map(decision -> strategy.id() + ": " + DefaultChunking.describe(strategy.settings(),
                        strategy.splitCosts().orElse(null)) + "; " + n + " elements: "
                        + (decision.inCaller() || decision.plan().count() == 1 ? "summed as one chunk"
                        : decision.plan().count() + " chunks") + " (" + decision.reason() + ")")
                .orElse(strategy.id() + ": does not chunk");
    }

    /** How the machine and JVM a profile was measured on differ from this one; empty when they do not (or unknown). */
    static List<String> differencesFromHere(ChunkProfiles.Document document) {
        if (document.origin() == null) {
            return List.of();
        }
        ChunkProfiles.Origin here = new ChunkProfiles.Origin(Machine.host(), Machine.cpuModel(),
                System.getProperty("java.vendor"), Runtime.version().feature(),
                Runtime.getRuntime().availableProcessors());
        return document.origin().differences(here);
    }
}
