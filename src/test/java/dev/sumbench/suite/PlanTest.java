package dev.sumbench.suite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.openjdk.jmh.runner.BenchmarkList;
import org.openjdk.jmh.runner.BenchmarkListEntry;
import org.openjdk.jmh.runner.format.OutputFormatFactory;
import org.openjdk.jmh.runner.options.CommandLineOptionException;
import org.openjdk.jmh.runner.options.CommandLineOptions;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.VerboseMode;

/** The plan of the real benchmark list, for JVMs described by hand (the probe is tested by BenchMainTest). */
class PlanTest {

    private static final List<String> ALL_IDS = List.of("sequential", "sequential-stream", "thread-pool",
            "fork-join", "parallel-stream", "virtual-threads", "process-pipe", "process-shared", "process-spawn");
    private static final List<String> JDK17_IDS = ALL_IDS.stream().filter(id -> !id.equals("virtual-threads"))
            .toList();

    @Test
    void theDefaultMatrixIsEstimatedAtMostSeventeenMinutesOnTwoCores() throws CommandLineOptionException {
        Plan plan = plan(jvm(2, ALL_IDS), false);

        // Sum 9 x 4 x 3 = 108, Dispatch 9 handOff + 9 afterIdle, Spawn 1 + 2, ChunkSize 3 x 2 x 8 = 48, Bandwidth 2,
        // Layout 2 x 3 x 2 = 12, Crossover 6 x 2 sizes x 2 chunkings = 24 (5 forks each), Memory 2 (5 single-shot
        // forks each)
        assertEquals(108 + 9 + 9 + 3 + 48 + 2 + 12 + 24 + 2, plan.trials().size());
        // without the crossover and memory benchmarks, whose share is checked below
        Duration estimate = plan(jvm(2, ALL_IDS), false, "-e", "CrossoverBenchmark|MemoryBenchmark").estimate();
        assertTrue(estimate.compareTo(Duration.ofMinutes(17)) <= 0, "default: " + estimate);
    }

    @Test
    void theCrossoverAndMemoryShareWithItsBisectionFitsFiveMinutesOnJdk17() throws CommandLineOptionException {
        Plan plan = plan(jvm(2, JDK17_IDS), false, "CrossoverBenchmark|MemoryBenchmark");
        CrossoverRefinement refinement = new CrossoverRefinement(plan, CrossoverRefinement.Mode.DEFAULT, false,
                new java.io.PrintWriter(java.io.Writer.nullWriter()));

        // Crossover 5 strategies x 2 sizes x 2 chunkings = 20, Memory 2; one bisection step: 8 series + sequential
        assertEquals(20 + 2, plan.trials().size());
        assertEquals(8 + 1, refinement.maxTrials(1));
        Duration share = plan.estimate().plus(refinement.estimate());
        assertTrue(share.compareTo(Duration.ofMinutes(5)) <= 0, "crossover and memory: " + share);
        assertEquals(Duration.ZERO, new CrossoverRefinement(plan, CrossoverRefinement.Mode.DEFAULT, true,
                new java.io.PrintWriter(java.io.Writer.nullWriter())).estimate(), "the quick matrix never bisects");
    }

    @Test
    void theAfterIdleCrossoverRunsWithFullOnlyAndItsCoarseGridCostsAboutAsMuchAsTheHotOne()
            throws CommandLineOptionException {
        Plan byDefault = plan(CrossoverRefinement.Mode.DEFAULT, jvm(2, JDK17_IDS), false, "CrossoverBenchmark");
        Plan full = plan(CrossoverRefinement.Mode.FULL, jvm(2, JDK17_IDS), false, "CrossoverBenchmark");

        // hot: 5 strategies x 2 sizes x 2 chunkings = 20; full adds afterIdle at idle 1ms on the same grid: 20 more
        assertEquals(20, byDefault.trials().size());
        assertTrue(byDefault.trials().stream().noneMatch(t -> t.benchmark().endsWith(".afterIdle")));
        assertEquals(20 + 20, full.trials().size());
        assertEquals(Set.of("1ms"), full.trials().stream().filter(t -> t.benchmark().endsWith(".afterIdle"))
                .map(t -> t.params().get("idle")).collect(Collectors.toSet()));
        // each after-idle trial: 5 forks x (1.5 s + 0.1 s + 2 x 0.15 s) = 9.5 s, so 190 s for the grid
        assertEquals(Duration.ofSeconds(190), full.estimate().minus(byDefault.estimate()));
        // the default run's whole estimate on JDK 17, bisection included, as printed by --dry-run: 19.1 min plus
        // at most 81 s (over 20 minutes by this pessimistic estimate: docs/suite.md says why)
        Plan all = plan(CrossoverRefinement.Mode.DEFAULT, jvm(2, JDK17_IDS), false);
        Duration bisection = new CrossoverRefinement(all, CrossoverRefinement.Mode.DEFAULT, false,
                new java.io.PrintWriter(java.io.Writer.nullWriter())).estimate();
        assertEquals(Duration.ofSeconds(81), bisection);
        assertTrue(all.estimate().compareTo(Duration.ofMinutes(20)) <= 0, "default passes: " + all.estimate());
    }

    @Test
    void theQuickMatrixFitsThreeMinutesOnTwoCores() throws CommandLineOptionException {
        Plan plan = plan(jvm(2, ALL_IDS), true);

        // Sum 9 x 2 x 1 = 18, Dispatch 4 strategies x (handOff + afterIdle) = 8, Spawn 1 + 1, ChunkSize 3 x 1 x 3 = 9,
        // Bandwidth 2, Layout 2 x 1 x 2 = 4, Crossover 6 x 2 sizes x 1 chunking = 12, Memory 2
        assertEquals(18 + 8 + 2 + 9 + 2 + 4 + 12 + 2, plan.trials().size());
        Duration estimate = plan.estimate();
        assertTrue(estimate.compareTo(Duration.ofMinutes(2)) <= 0, "quick: " + estimate);
    }

    @Test
    void idsTheJvmLacksAreLeftOutWithANote() throws CommandLineOptionException {
        Plan plan = plan(jvm(2, JDK17_IDS), false);

        assertFalse(values(plan, "SumBenchmark.sum", "strategy").contains("virtual-threads"));
        assertEquals(Set.copyOf(JDK17_IDS), values(plan, "SumBenchmark.sum", "strategy"));
        assertEquals(Set.of("sequential", "parallel-stream"), values(plan, "LayoutBenchmark.array", "strategy"));
        assertTrue(plan.notes().contains("SumBenchmark.sum: virtual-threads left out, not available on JDK 17 "
                + "(/jdk/bin/java)"), plan.notes().toString());
    }

    @Test
    void machineParamsFollowTheCpus() throws CommandLineOptionException {
        Plan plan = plan(jvm(6, ALL_IDS), false);

        assertEquals(Set.of("6"), values(plan, "SumBenchmark.sum", "cores"));
        assertEquals(Set.of("6"), values(plan, "SpawnBenchmark.bareJvm", "cores"));
        assertEquals(Set.of("1", "2", "4"), values(plan, "SumBenchmark.sum", "workers"));
        assertEquals(Set.of("6"), values(plan, "ChunkSizeBenchmark.sum", "workers"));
        assertEquals(Set.of("6"), values(plan, "LayoutBenchmark.boxed", "workers"));
        assertEquals(Set.of("1", "2", "4", "6"), values(plan, "BandwidthBenchmark.read", "threads"));
    }

    @Test
    void theUsersWorkersZeroMeansOnePerCore() throws CommandLineOptionException {
        Plan plan = plan(jvm(16, ALL_IDS), false, "-p", "workers=0");

        assertEquals(Set.of("16"), values(plan, "SumBenchmark.sum", "workers"));
        assertEquals(Set.of("16"), values(plan, "ChunkSizeBenchmark.sum", "workers"));
    }

    @Test
    void theUsersParamsWinEverywhere() throws CommandLineOptionException {
        Plan plan = plan(jvm(2, ALL_IDS), true, "-p", "size=1000", "-p", "workers=3");

        assertEquals(Set.of("1000"), values(plan, "SumBenchmark.sum", "size"));
        assertEquals(Set.of("1000"), values(plan, "LayoutBenchmark.array", "size"));
        assertEquals(Set.of("3"), values(plan, "ChunkSizeBenchmark.sum", "workers"));
        assertEquals(Set.of("3"), values(plan, "SumBenchmark.sum", "workers"));
    }

    @Test
    void eachPassRunsExactlyItsBenchmarksWithItsParams() throws CommandLineOptionException {
        Plan plan = plan(jvm(2, JDK17_IDS), false);

        assertTrue(plan.passes().size() > 1, "benchmarks whose params disagree need passes of their own");
        Set<String> all = new TreeSet<>();
        for (Plan.Pass pass : plan.passes()) {
            Options options = plan.options(pass);
            Set<String> selected = BenchmarkList.defaultList()
                    .find(OutputFormatFactory.createFormatInstance(System.out, VerboseMode.SILENT),
                            options.getIncludes(), options.getExcludes())
                    .stream().map(BenchmarkListEntry::getUsername).collect(Collectors.toSet());
            Set<String> expected = pass.entries().stream().map(BenchmarkListEntry::getUsername)
                    .collect(Collectors.toSet());
            assertEquals(expected, selected);
            for (Map.Entry<String, List<String>> param : pass.params().entrySet()) {
                assertEquals(param.getValue(), List.copyOf(options.getParameter(param.getKey()).get()));
            }
            assertTrue(all.addAll(expected), "a benchmark runs in one pass only");
        }
        assertEquals(all.size() + 1, selected(new CommandLineOptions()).size(), "all but the after-idle crossover");
        assertFalse(all.contains("dev.sumbench.bench.CrossoverBenchmark.afterIdle"));
    }

    @Test
    void aClassStaysInOnePassWhenItsMethodsAgree() throws CommandLineOptionException {
        Plan plan = plan(jvm(2, ALL_IDS), false);

        for (Plan.Pass pass : plan.passes()) {
            if (pass.classes().contains("LayoutBenchmark")) {
                assertEquals(2, pass.entries().stream().filter(e -> e.getUsername().contains("Layout")).count());
            }
        }
    }

    private static Plan plan(ForkJvm jvm, boolean quick, String... jmhArgs) throws CommandLineOptionException {
        return plan(CrossoverRefinement.Mode.DEFAULT, jvm, quick, jmhArgs);
    }

    /** The plan as the suite makes it in {@code mode}: the after-idle crossover only with full. */
    private static Plan plan(CrossoverRefinement.Mode mode, ForkJvm jvm, boolean quick, String... jmhArgs)
            throws CommandLineOptionException {
        Options user = CrossoverRefinement.withoutAfterIdle(new CommandLineOptions(jmhArgs), mode);
        return Plan.make(selected(user), user, new Plan.RunSettings(null, quick, null), jvm);
    }

    private static SortedSet<BenchmarkListEntry> selected(Options user) {
        return BenchmarkList.defaultList().find(OutputFormatFactory.createFormatInstance(System.out,
                VerboseMode.SILENT), user.getIncludes(), user.getExcludes());
    }

    private static Set<String> values(Plan plan, String benchmark, String param) {
        return plan.trials().stream()
                .filter(t -> t.benchmark().endsWith("." + benchmark))
                .map(t -> t.params().get(param))
                .collect(Collectors.toSet());
    }

    private static ForkJvm jvm(int cpus, List<String> ids) {
        int feature = ids.contains("virtual-threads") ? 21 : 17;
        return new ForkJvm("/jdk/bin/java", feature + ".0.1", "Vendor", feature, "/jdk", cpus, ids, "Linux", 1L << 34);
    }
}
