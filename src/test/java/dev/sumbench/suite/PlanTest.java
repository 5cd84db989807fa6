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
            "fork-join", "parallel-stream", "jdk-parallel-stream", "virtual-threads", "process-pipe", "process-shared",
            "process-spawn");
    private static final List<String> JDK17_IDS = ALL_IDS.stream().filter(id -> !id.equals("virtual-threads"))
            .toList();

    /** The classes whose share of the default run's 20 minutes is 13 minutes: 12, and 1 for the after-idle hand-offs. */
    private static final Set<String> CORE_CLASSES = Set.of("SumBenchmark", "DispatchBenchmark", "SpawnBenchmark",
            "ChunkSizeBenchmark", "BandwidthBenchmark", "LayoutBenchmark");

    @Test
    void theDefaultMatrixFitsTwentyMinutesOnTwoCoresWithFiveForksPerTrial() throws CommandLineOptionException {
        Plan plan = plan(jvm(2, ALL_IDS), false);

        // Sum: 7 parallel strategies x 3 sizes x workers 1,2 = 42, sequential, sequential-stream and jdk-parallel-stream
        // (its parallelism is the common pool's) x 3 sizes once = 9;
        // Dispatch 9 handOff + 9 afterIdle, Spawn 1 + 2, ChunkSize 3 x 2 x 5 = 30, Bandwidth 2, Layout 2 x 3 x 2 = 12
        assertEquals(List.of(42 + 9, 9 + 9, 3, 30, 2, 12), CORE_CLASSES.stream().sorted((a, b) -> order(a) - order(b))
                .map(c -> (int) plan.trials().stream().filter(t -> t.benchmark().contains("." + c + ".")).count())
                .toList());
        Duration estimate = plan.estimate();
        System.out.println("default plan on 2 cores, JDK 21+: " + Suite.roughly(estimate));
        assertTrue(estimate.compareTo(Duration.ofMinutes(20)) <= 0, "default: " + estimate);
        Duration core = Duration.ZERO;
        for (Plan.Pass pass : plan.passes()) {
            if (CORE_CLASSES.containsAll(List.of(pass.classes().split(", ")))) {
                core = core.plus(plan.estimate(pass));
            }
        }
        assertTrue(core.compareTo(Duration.ofMinutes(13)) <= 0, "the six core classes: " + core);
        for (BenchmarkListEntry entry : selected(new CommandLineOptions())) {
            assertTrue(entry.getForks().orElse(0) >= 5, entry.getUsername() + " forks " + entry.getForks());
        }
    }

    @Test
    void theCrossoverAndMemoryShareWithItsBisectionFitsSixAndAHalfMinutesOnJdk17() throws CommandLineOptionException {
        Plan plan = plan(jvm(2, JDK17_IDS), false, "CrossoverBenchmark|MemoryBenchmark");
        CrossoverRefinement refinement = new CrossoverRefinement(plan, CrossoverRefinement.Mode.DEFAULT, false,
                new java.io.PrintWriter(java.io.Writer.nullWriter()));

        // Crossover 5 strategies x 3 sizes x 2 chunkings + jdk-parallel-stream x 3 sizes at the default chunking = 33
        // hot + 33 after idle, Memory 2; one bisection step of the hot crossover: 8 series (not the JDK's stream,
        // measured in a pass of its own) + sequential at each of the two midpoints (2^16 and 2^21.5) it may need
        assertEquals(33 + 33 + 2, plan.trials().size());
        assertEquals(8 + 2, refinement.maxTrials(1));
        Duration share = plan.estimate().plus(refinement.estimate());
        // six minutes and a half: the peer row jdk-parallel-stream adds about 30 s; the whole run still fits 20 minutes
        assertTrue(share.compareTo(Duration.ofSeconds(390)) <= 0, "crossover and memory: " + share);
        assertEquals(Duration.ZERO, new CrossoverRefinement(plan, CrossoverRefinement.Mode.DEFAULT, true,
                new java.io.PrintWriter(java.io.Writer.nullWriter())).estimate(), "the quick matrix never bisects");
    }

    @Test
    void theAfterIdleCrossoverRunsOnTheCoarseGridAndTheDefaultRunStillFitsTwentyMinutes()
            throws CommandLineOptionException {
        for (List<String> ids : List.of(ALL_IDS, JDK17_IDS)) {
            Plan crossover = plan(jvm(2, ids), false, "CrossoverBenchmark");
            Plan hot = plan(jvm(2, ids), false, "CrossoverBenchmark.sum");
            int strategies = ids.contains("virtual-threads") ? 7 : 6;

            // hot: strategies x 3 sizes x 2 chunkings, jdk-parallel-stream at one chunking; afterIdle at idle 1ms on
            // the same grid
            int perMethod = (strategies - 1) * 3 * 2 + 3;
            assertEquals(2 * perMethod, crossover.trials().size());
            assertEquals(Set.of("1ms"), crossover.trials().stream().filter(t -> t.benchmark().endsWith("afterIdle"))
                    .map(t -> t.params().get("idle")).collect(Collectors.toSet()));
            // each after-idle trial: 5 forks x (0.6 s + 0.1 s + 2 x 0.15 s) = 5 s
            assertEquals(Duration.ofSeconds(5L * perMethod), crossover.estimate().minus(hot.estimate()));

            // the whole default run as --dry-run prints it: the passes and at most one bisection step
            Plan all = plan(jvm(2, ids), false);
            Duration total = all.estimate().plus(new CrossoverRefinement(all, CrossoverRefinement.Mode.DEFAULT, false,
                    new java.io.PrintWriter(java.io.Writer.nullWriter())).estimate());
            System.out.println("default run on 2 cores, JDK " + (strategies == 7 ? "21+" : "17") + ", with the "
                    + "bisection: " + Suite.roughly(total));
            assertTrue(total.compareTo(Duration.ofMinutes(20)) <= 0, "default with the bisection: " + total);
        }
        // the quick matrix measures the hot crossover only
        assertTrue(plan(jvm(2, ALL_IDS), true).trials().stream()
                .noneMatch(t -> t.benchmark().endsWith("CrossoverBenchmark.afterIdle")));
    }

    @Test
    void theQuickMatrixFitsThreeMinutesOnTwoCores() throws CommandLineOptionException {
        Plan plan = plan(jvm(2, ALL_IDS), true);

        // Sum 10 x 2 x 1 = 20, Dispatch 4 strategies x (handOff + afterIdle) = 8, Spawn 1 + 1, ChunkSize 3 x 1 x 3 = 9,
        // Bandwidth 2, Layout 2 x 1 x 2 = 4
        assertEquals(20 + 8 + 2 + 9 + 2 + 4, plan.trials().stream()
                .filter(t -> CORE_CLASSES.stream().anyMatch(c -> t.benchmark().contains("." + c + "."))).count());
        Duration estimate = plan.estimate();
        System.out.println("quick plan on 2 cores, JDK 21+: " + Suite.roughly(estimate));
        assertTrue(estimate.compareTo(Duration.ofMinutes(3)) <= 0, "quick: " + estimate);
        assertEquals(BenchParams.QUICK_FORKS, plan.options(plan.passes().get(0)).getForkCount().get());
    }

    @Test
    void thePassCountsDocsSuiteQuotesAreThePlansOnJdk17() throws Exception {
        int full = plan(jvm(2, JDK17_IDS), false).passes().size();
        int quick = plan(jvm(2, JDK17_IDS), true).passes().size();
        String suite = java.nio.file.Files.readString(java.nio.file.Path.of("docs", "suite.md"));
        assertTrue(suite.contains("(" + full + " on the default matrix, " + quick + " on the quick one, on JDK 17;"),
                "docs/suite.md quotes " + full + " and " + quick + " passes");
    }

    @Test
    void strategiesThatIgnoreWorkersAreMeasuredOnceAtTheFewestWorkers() throws CommandLineOptionException {
        Plan plan = plan(jvm(4, ALL_IDS), false);

        assertEquals(Set.of("1"), values(plan, "SumBenchmark.sum", "workers", "sequential"));
        assertEquals(Set.of("1"), values(plan, "SumBenchmark.sum", "workers", "sequential-stream"));
        assertEquals(Set.of("1", "2", "4"), values(plan, "SumBenchmark.sum", "workers", "fork-join"));
        // the user's own -p workers is measured as asked, for every strategy
        Plan asked = plan(jvm(4, ALL_IDS), false, "-p", "workers=1,2");
        assertEquals(Set.of("1", "2"), values(asked, "SumBenchmark.sum", "workers", "sequential"));
        // more workers than CPUs only when asked for
        assertEquals(Set.of("1", "2"), values(plan(jvm(2, ALL_IDS), false), "SumBenchmark.sum", "workers"));
    }

    private static int order(String benchmarkClass) {
        return List.of("SumBenchmark", "DispatchBenchmark", "SpawnBenchmark", "ChunkSizeBenchmark",
                "BandwidthBenchmark", "LayoutBenchmark").indexOf(benchmarkClass);
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
            all.addAll(expected);
        }
        assertEquals(all.size(), selected(new CommandLineOptions()).size());
        assertTrue(all.contains("dev.sumbench.bench.CrossoverBenchmark.afterIdle"));
        assertEquals(plan.trials().size(), Set.copyOf(plan.trials()).size(), "a trial runs in one pass only");
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

    /** The plan as the suite makes it: without the after-idle crossover in the quick matrix. */
    @Test
    void aSequentialAbRoundRunsOnlyTheTrialsStillUndecided() throws CommandLineOptionException {
        Plan plan = plan(jvm(2, JDK17_IDS), false, "SumBenchmark", "-p", "size=10000000", "-p", "workers=2");
        // every row decided but fork-join's: one pass, its trial alone, and JMH's options say only that strategy
        List<Plan.Pass> open = AbRun.undecided(plan.passes(), t -> !"fork-join".equals(t.params().get("strategy")));
        assertEquals(1, open.size());
        assertEquals(1, open.get(0).trials().size(), open.get(0).trials().toString());
        assertEquals("fork-join", open.get(0).trials().get(0).params().get("strategy"));
        assertEquals(List.of("fork-join"), List.of(plan.options(open.get(0)).getParameter("strategy").get()
                .toArray()));
        assertTrue(AbRun.undecided(plan.passes(), t -> true).isEmpty());
        assertEquals(plan.trials().size(), AbRun.undecided(plan.passes(), t -> false).stream()
                .mapToInt(p -> p.trials().size()).sum());
    }

    private static Plan plan(ForkJvm jvm, boolean quick, String... jmhArgs) throws CommandLineOptionException {
        Options user = CrossoverRefinement.withoutAfterIdle(new CommandLineOptions(jmhArgs), quick);
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

    private static Set<String> values(Plan plan, String benchmark, String param, String strategy) {
        return plan.trials().stream()
                .filter(t -> t.benchmark().endsWith("." + benchmark) && strategy.equals(t.params().get("strategy")))
                .map(t -> t.params().get(param))
                .collect(Collectors.toSet());
    }

    private static ForkJvm jvm(int cpus, List<String> ids) {
        int feature = ids.contains("virtual-threads") ? 21 : 17;
        return new ForkJvm("/jdk/bin/java", feature + ".0.1", "Vendor", feature, "/jdk", cpus, ids, "Linux", 1L << 34);
    }
}
