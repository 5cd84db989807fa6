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
import dev.sumbench.sum.ChunkingStrategy;
import dev.sumbench.sum.SplitCosts;
import dev.sumbench.sum.Strategies;
import dev.sumbench.sum.SumStrategy;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The process strategies under the measured rule: process-pipe's copy keeps every range in the caller, process-shared
 * splits from its measured minimum, the sum exact on both sides.
 */
class ProcessDefaultChunkingTest {

    private static final Settings ADAPTIVE = new Settings(2, 0, ChunkProfile.NONE, ChunkingRule.ADAPTIVE);

    @AfterEach
    void leavesNoChild() {
        ProcessTesting.awaitCondition(ProcessTesting.JVM_START, "every worker reaped",
                () -> ProcessTesting.descendants().isEmpty());
    }

    @Test
    void pipesCopyCostsMoreThanTheSplitSavesSoItSumsEveryRangeInTheCaller() {
        try (ProcessPipe pipe = new ProcessPipe(ADAPTIVE, WorkerLauncher.defaults())) {
            SplitCosts costs = pipe.decider().costs();
            // a pipe moves a few GB/s at most; the loop sums several elements per ns
            assertTrue(costs.copyNanos() > costs.elementNanos() / 2, costs.formula(2));
            assertEquals(Long.MAX_VALUE, costs.minParallelSize(2), costs.formula(2));
            long[] data = Data.generate(1 << 20, 3);
            assertEquals(Ranges.loop(data, 0, data.length), pipe.sum(data));
            assertTrue(pipe.decider().decide(0, data.length).inCaller());
        }
    }

    @Test
    void sharedSplitsFromItsMeasuredMinimumAndPlacesTheDataOnTheFirstSplit() throws IOException {
        assumeTrue(Files.isReadable(Path.of("/proc/self/maps")), "the workers' mappings are read from /proc");
        try (ProcessShared shared = new ProcessShared(ADAPTIVE, WorkerLauncher.defaults())) {
            SplitCosts costs = shared.decider().costs();
            assertEquals(0.0, costs.copyNanos(), "nothing is copied per sum");
            long min = costs.minParallelSize(2);
            long[] small = Data.generate(1_000, 3);
            assertEquals(Ranges.loop(small, 0, small.length), shared.sum(small));
            assertTrue(shared.decider().decide(0, 1_000).inCaller(), "1000 < " + min);
            assumeTrue(min <= 8_000_000, "the minimum, " + min + " elements, is above what this test allocates");
            long[] data = Data.generate((int) min, 6);
            assertEquals(Ranges.loop(data, 0, data.length), shared.sum(data));
            assertFalse(shared.decider().decide(0, data.length).inCaller());
            String file = SharedDirectory.DATA_FILE;
            for (ProcessHandle worker : shared.pool().processes()) {
                String maps = Files.readString(Path.of("/proc", Long.toString(worker.pid()), "maps"));
                assertTrue(maps.contains(file), "worker " + worker.pid() + " maps " + file + " after the first split");
            }
        }
    }

    @Test
    void aProfilesMinimumSendsRangesFromItToTheWorkers() {
        for (String id : List.of(ProcessPipe.ID, ProcessShared.ID)) {
            ChunkProfile profile = new ChunkProfile(Map.of(), Map.of(ChunkProfile.key(id, 2), 500L));
            Settings settings = new Settings(2, 0, profile, ChunkingRule.ADAPTIVE);
            long[] data = Data.generate(20_001, 5);
            try (SumStrategy strategy = Strategies.create(id, settings)) {
                for (int n : new int[] {0, 1, 499, 500, 501, 20_001}) {
                    assertEquals(Ranges.loop(data, 0, n), strategy.sum(data, 0, n), id + " n=" + n);
                    DefaultChunking.Decision decision = ((ChunkingStrategy) strategy).decider().decide(0, n);
                    assertEquals(n < 500, decision.inCaller(), id + " n=" + n + ": " + decision.reason());
                }
            }
        }
    }
}
