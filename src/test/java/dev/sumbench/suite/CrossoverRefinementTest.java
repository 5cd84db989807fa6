package dev.sumbench.suite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sumbench.core.BadInputException;
import dev.sumbench.results.Result;
import dev.sumbench.results.Run;
import dev.sumbench.results.RunReader;
import dev.sumbench.stats.CrossoverAnalysis;
import dev.sumbench.stats.CrossoverBisection;
import dev.sumbench.stats.MeasuredCrossover;
import dev.sumbench.stats.Samples;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The crossover's bisection in a real run: CrossoverBenchmark through BenchMain and JMH's Runner, three real forks a
 * trial, tiny iterations; then the estimate read back from the JSON that JMH wrote.
 */
class CrossoverRefinementTest {

    static {
        System.setProperty("jmh.ignoreLock", "true");
    }

    @TempDir
    Path results;

    @Test
    void aRealRunIsBisectedAtMostOncePerSizeAndItsEstimateUsesTheForkMeans() throws IOException {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exitCode = BenchMain.newCommandLine(new PrintWriter(out, true), new PrintWriter(err, true)).execute(
                "--results=" + results, "--include=CrossoverBenchmark", "--crossover=full", "--",
                "-f", "3", "-wi", "1", "-w", "20ms", "-i", "1", "-r", "20ms", "-v", "SILENT",
                "-p", "strategy=sequential,thread-pool", "-p", "chunking=halves", "-p", "size=1024,1048576");
        assertEquals(0, exitCode, err.toString());
        Path json;
        try (Stream<Path> files = Files.list(results)) {
            json = files.filter(f -> f.toString().endsWith(".json") && !f.toString().endsWith(".meta.json"))
                    .findFirst().orElseThrow();
        }
        List<Run> runs = RunReader.readAll(List.of(json));
        List<Result> all = runs.get(0).results();
        // the after-idle crossover is measured on the coarse grid beside the hot one; only the hot one is bisected
        List<Result> afterIdle = all.stream().filter(r -> r.benchmark().endsWith(".afterIdle")).toList();
        List<Result> rows = all.stream().filter(r -> r.benchmark().endsWith(".sum")).toList();
        assertEquals(Set.of(List.of("sequential", "1024"), List.of("sequential", "1048576"),
                        List.of("thread-pool", "1024"), List.of("thread-pool", "1048576")),
                afterIdle.stream().map(r -> List.of(r.param("strategy"), r.param("size"))).collect(
                        java.util.stream.Collectors.toSet()));
        assertTrue(afterIdle.stream().allMatch(r -> "1ms".equals(r.param("idle")) && r.mode().equals("sample")),
                afterIdle.toString());
        assertEquals(all.size(), rows.size() + afterIdle.size());

        // each (strategy, size) measured once, sequential at every size thread-pool has
        Set<List<String>> seen = new HashSet<>();
        for (Result row : rows) {
            assertTrue(seen.add(List.of(row.param("strategy"), row.param("size"))), "measured twice: " + row.params());
            assertEquals(3, row.primary().rawData().size(), "three forks");
        }
        Set<String> poolSizes = new TreeSet<>();
        Set<String> sequentialSizes = new TreeSet<>();
        rows.forEach(r -> (r.param("strategy").equals("sequential") ? sequentialSizes : poolSizes).add(r.param("size")));
        assertEquals(poolSizes, sequentialSizes);
        assertTrue(poolSizes.containsAll(Set.of("1024", "1048576")));

        CrossoverAnalysis analysis = CrossoverAnalysis.of(runs);
        assertEquals(2, analysis.rows().size(), analysis.toString());
        assertTrue(analysis.rows().get(0).hot(), "hot first");
        assertEquals("1ms", analysis.rows().get(1).idle());
        assertEquals(2, analysis.rows().get(1).crossover().points().size(), "after idle: the coarse grid only");
        MeasuredCrossover crossover = analysis.rows().get(0).crossover();
        assertEquals(3, crossover.fewestForks());
        assertEquals(poolSizes.size(), crossover.points().size());
        for (MeasuredCrossover.Point point : crossover.points()) {
            double base = mean(Samples.forkMeans(row(rows, "sequential", point.size()).primary()));
            double pool = mean(Samples.forkMeans(row(rows, "thread-pool", point.size()).primary()));
            assertEquals(base / pool, point.speedup(), 1e-9 * point.speedup(), "speedup = ratio of fork-mean means");
        }
        if (crossover.kind() == MeasuredCrossover.Kind.AT) {
            // the coarse grid crossed: the first step measured the geometric midpoint 32 768
            assertTrue(poolSizes.contains("32768"), poolSizes.toString());
            assertTrue(crossover.hasInterval());
            assertTrue(crossover.lower() <= crossover.size() && crossover.size() <= crossover.upper());
        } else if (!crossover.notes().get(0).code().equals(dev.sumbench.stats.Caveat.Code.AT_PAR_ABOVE)) {
            assertEquals(Set.of("1024", "1048576"), poolSizes, "no crossing, no bisection");
        }
        // else: the point estimates crossed, so the bracket was bisected, but no size above the last dip was faster
        // beyond noise: the estimate says at par instead of a crossing
        assertTrue(out.toString().contains("crossover: up to 3 bisection steps"), out.toString());
        assertTrue(out.toString().contains("the after-idle crossover is measured on the coarse grid in its pass"),
                out.toString());
    }

    @Test
    void aStepGroupsItsProbesByChunkingAndSizeAndAddsTheBaselineWhereItLacksIt() {
        CrossoverRefinement.Series pool = new CrossoverRefinement.Series("thread-pool", "halves");
        CrossoverRefinement.Series forkJoin = new CrossoverRefinement.Series("fork-join", "halves");
        CrossoverRefinement.Series pooled = new CrossoverRefinement.Series("thread-pool", "default");
        CrossoverBisection<CrossoverRefinement.Series> step = new CrossoverBisection<>(
                Map.of(pool, 16384L, forkJoin, 16384L, pooled, 262144L), new TreeSet<>(Set.of(16384L, 262144L)));
        Map<List<String>, List<String>> groups = CrossoverRefinement.groups(step);
        assertEquals(Set.of("thread-pool", "fork-join"), Set.copyOf(groups.get(List.of("halves", "16384"))));
        assertEquals(List.of("sequential", "thread-pool"), groups.get(List.of("default", "262144")));
        assertEquals(List.of("sequential"), groups.get(List.of("default", "16384")));
        assertEquals(3, groups.size());
    }

    @Test
    void anUnknownModeIsBadInput() {
        assertEquals(CrossoverRefinement.Mode.DEFAULT, CrossoverRefinement.Mode.parse(null));
        assertEquals(CrossoverRefinement.Mode.FULL, CrossoverRefinement.Mode.parse("full"));
        BadInputException e = assertThrows(BadInputException.class, () -> CrossoverRefinement.Mode.parse("most"));
        assertEquals("bench.crossover: expected off, default or full, got 'most'", e.getMessage());
    }

    private static Result row(List<Result> rows, String strategy, long size) {
        return rows.stream().filter(r -> r.param("strategy").equals(strategy)
                && r.param("size").equals(Long.toString(size))).findFirst().orElseThrow();
    }

    private static double mean(double[] values) {
        return java.util.Arrays.stream(values).average().orElseThrow();
    }
}
