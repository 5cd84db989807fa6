package dev.sumbench.process;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.sumbench.sum.ChunkProfile;
import dev.sumbench.sum.ChunkingRule;
import dev.sumbench.sum.Data;
import dev.sumbench.sum.DefaultChunking;
import dev.sumbench.sum.Ranges;
import dev.sumbench.sum.Settings;
import dev.sumbench.sum.SplitCosts;
import dev.sumbench.sum.Strategies;
import dev.sumbench.sum.SumStrategy;
import dev.sumbench.sum.UsePattern;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The process strategies under the adaptive default: small ranges in the caller, the sum exact on both sides. */
class ProcessDefaultChunkingTest {

    private static final Settings ADAPTIVE = new Settings(2, 0, ChunkProfile.NONE, ChunkingRule.ADAPTIVE,
            UsePattern.BACK_TO_BACK);

    @AfterEach
    void leavesNoChild() {
        ProcessTesting.awaitCondition(ProcessTesting.JVM_START, "every worker reaped",
                () -> ProcessTesting.descendants().isEmpty());
    }

    @Test
    void aRangeBelowTheMeasuredMinimumIsSummedInTheCallerAndOneAboveByTheWorkers() {
        for (String id : List.of(ProcessPipe.ID, ProcessShared.ID)) {
            try (SumStrategy strategy = Strategies.create(id, ADAPTIVE)) {
                SplitCosts costs = strategy.splitCosts().orElseThrow();
                assertTrue(costs.handOffNanos() > 0, id + ": " + costs.describe());
                long min = costs.minParallelSize(2, SplitCosts.margin());
                long[] data = Data.generate(1_000, 3);
                assertEquals(Ranges.loop(data, 0, 1_000), strategy.sum(data), id);
                assertTrue(strategy.decision(1_000).orElseThrow().inCaller(), id + " 1000 < " + min);
                if (min <= 4_000_000) {
                    long[] large = Data.generate((int) min, 4);
                    assertEquals(Ranges.loop(large, 0, large.length), strategy.sum(large), id + " n=" + min);
                    assertFalse(strategy.decision((int) min).orElseThrow().inCaller(), id);
                }
            }
        }
    }

    @Test
    void sharedPlacesTheDataOnTheFirstCallTheRuleWouldSplitThoughTheLearnerStartsOnTheLoop() throws IOException {
        assumeTrue(Files.isReadable(Path.of("/proc/self/maps")), "the workers' mappings are read from /proc");
        try (ProcessShared shared = new ProcessShared(ADAPTIVE, WorkerLauncher.defaults())) {
            long min = shared.splitCosts().orElseThrow().minParallelSize(2, SplitCosts.margin());
            assumeTrue(min <= 8_000_000, "the floor, " + min + " elements, is above what this test allocates");
            long[] data = Data.generate((int) min, 6);
            assertEquals(Ranges.loop(data, 0, data.length), shared.sum(data));
            String learned = shared.learned(data.length).orElseThrow();
            assertTrue(learned.contains("not timed yet"), "the first call was summed by the loop: " + learned);
            String file = SharedDirectory.DATA_FILE;
            for (ProcessHandle worker : shared.pool().processes()) {
                String maps = Files.readString(Path.of("/proc", Long.toString(worker.pid()), "maps"));
                assertTrue(maps.contains(file), "worker " + worker.pid() + " maps " + file + " after the first call");
            }
        }
    }

    @Test
    void aProfilesMinimumSendsRangesFromItToTheWorkers() {
        for (String id : List.of(ProcessPipe.ID, ProcessShared.ID)) {
            ChunkProfile profile = new ChunkProfile(Map.of(), Map.of(ChunkProfile.key(id, 2), 500L));
            Settings settings = new Settings(2, 0, profile, ChunkingRule.ADAPTIVE, UsePattern.BACK_TO_BACK);
            long[] data = Data.generate(20_001, 5);
            try (SumStrategy strategy = Strategies.create(id, settings)) {
                for (int n : new int[] {0, 1, 499, 500, 501, 20_001}) {
                    assertEquals(Ranges.loop(data, 0, n), strategy.sum(data, 0, n), id + " n=" + n);
                    DefaultChunking.Decision decision = strategy.decision(n).orElseThrow();
                    assertEquals(n < 500, decision.inCaller(), id + " n=" + n + ": " + decision.reason());
                }
            }
        }
    }
}
