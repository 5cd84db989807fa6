package dev.sumbench.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sumbench.results.Metric;
import dev.sumbench.results.Result;
import dev.sumbench.results.Run;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

/** Best chunk, flat region and recommendation on sweeps with known answers (the real sweep is tested elsewhere). */
class ChunkTuningTest {

    private static final String BENCH = "dev.sumbench.bench.ChunkBenchmark.sum";

    @Test
    void theRecommendationIsTheMiddleOfTheFlatRegionOnALogScale() {
        // chunk:   256  1024  4096  16384  65536  262144
        // time:    200   104   101    100    103     150   -> flat (within 5 %) = 1024..65536, middle 4096/16384
        Run run = sweep("fork-join", "1000000", "2", new long[] {256, 1024, 4096, 16384, 65536, 262144},
                new double[] {200, 104, 101, 100, 103, 150});
        ChunkChoice choice = ChunkTuning.of(run, 0.05).choices().get(0);
        assertEquals(16384, choice.best().chunk());
        assertEquals(1024, choice.flatFrom());
        assertEquals(65536, choice.flatTo());
        // 4096 and 16384 are equally central (log scale); 16384 is cheaper
        assertEquals(16384, choice.recommended().chunk());
        assertTrue(choice.warnings().isEmpty(), choice.warnings().toString());
        assertEquals(1000000 / 8, choice.streamsRuleChunk().getAsLong());
        assertEquals(1, choice.againstForkJoinRule());
    }

    @Test
    void anOddFlatRegionRecommendsItsCentrePointEvenIfAnotherIsFaster() {
        Run run = sweep("thread-pool", "100000", "4", new long[] {1000, 10000, 100000},
                new double[] {100, 102, 98});
        ChunkChoice choice = ChunkTuning.of(run, 0.05).choices().get(0);
        assertEquals(100000, choice.best().chunk());
        assertEquals(10000, choice.recommended().chunk());
        assertEquals(Caveat.of(Caveat.Code.FLAT_AT_LARGEST_CHUNK, 100000L), choice.warnings().get(0));
        assertEquals(0, choice.againstForkJoinRule());
    }

    @Test
    void aNarrowerToleranceShrinksTheFlatRegion() {
        Run run = sweep("fork-join", "1000000", "2", new long[] {1024, 4096, 16384, 65536},
                new double[] {104, 101, 100, 103});
        ChunkChoice choice = ChunkTuning.of(run, 0.02).choices().get(0);
        assertEquals(4096, choice.flatFrom());
        assertEquals(16384, choice.flatTo());
    }

    @Test
    void aDetachedPointWithinToleranceIsWarnedAboutNotMerged() {
        Run run = sweep("fork-join", "1000000", "2", new long[] {1024, 4096, 16384, 65536, 262144},
                new double[] {101, 130, 100, 102, 140});
        ChunkChoice choice = ChunkTuning.of(run, 0.05).choices().get(0);
        assertEquals(16384, choice.flatFrom());
        assertEquals(65536, choice.flatTo());
        assertTrue(choice.warnings().contains(Caveat.of(Caveat.Code.CHUNK_ALSO_WITHIN, 1024L, 0.05)),
                choice.warnings().toString());
    }

    @Test
    void throughputIsTunedTheOtherWayRound() {
        Run run = new Run(Path.of("t.json"), List.of(
                row("fork-join", "1000", "2", "16", "thrpt", "ops/s", 100),
                row("fork-join", "1000", "2", "64", "thrpt", "ops/s", 300),
                row("fork-join", "1000", "2", "256", "thrpt", "ops/s", 200)), null);
        assertEquals(64, ChunkTuning.of(run, 0.05).choices().get(0).best().chunk());
    }

    @Test
    void chunkZeroIsTheDefaultReferenceNeverARecommendation() {
        List<Result> rows = new ArrayList<>(sweep("fork-join", "1000", "2", new long[] {16, 64},
                new double[] {10, 12}).results());
        rows.add(row("fork-join", "1000", "2", "0", "avgt", "us/op", 1));
        ChunkChoice choice = ChunkTuning.of(new Run(Path.of("s.json"), rows, null), 0.05).choices().get(0);
        assertEquals(1, choice.defaultPoint().estimate().centre(), 1e-9);
        assertTrue(choice.warnings().contains(Caveat.of(Caveat.Code.DEFAULT_CHUNK_BEST)), choice.warnings().toString());
        assertEquals(16, choice.best().chunk());
        assertEquals(List.of(16L, 64L), choice.points().stream().map(ChunkPoint::chunk).toList());
    }

    @Test
    void eachStrategySizeWorkersAndCoresIsItsOwnGroupAndTheProfileTakesOneCoreCount() {
        List<Result> rows = new ArrayList<>();
        for (String cores : new String[] {"1", "2"}) {
            for (String size : new String[] {"1000", "100000"}) {
                for (long chunk : new long[] {100, 1000}) {
                    Map<String, String> params = Map.of("strategy", "fork-join", "size", size, "workers", "2",
                            "cores", cores, "chunk", Long.toString(chunk));
                    rows.add(result(params, "avgt", "us/op", chunk == 100 ? 5 : 6));
                }
            }
        }
        ChunkTuning tuning = ChunkTuning.of(new Run(Path.of("c.json"), rows, null), 0.05);
        assertEquals(4, tuning.choices().size());
        List<ChunkChoice> profile = tuning.forProfile(OptionalLong.empty());
        assertEquals(2, profile.size());
        assertTrue(profile.stream().allMatch(c -> c.cores().getAsLong() == 2));
        assertTrue(tuning.forProfile(OptionalLong.of(1)).stream().allMatch(c -> c.cores().getAsLong() == 1));
        assertTrue(tuning.forProfile(OptionalLong.of(8)).isEmpty());
    }

    @Test
    void aRunWithoutChunkRowsCannotBeTuned() {
        Run run = new Run(Path.of("x.json"), List.of(result(Map.of("size", "10"), "avgt", "ns/op", 1)), null);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ChunkTuning.of(run, 0.05));
        assertTrue(e.getMessage().startsWith("no row with a 'chunk' param"));
    }

    @Test
    void nonNumericChunksAreSkippedWithAWarning() {
        List<Result> rows = new ArrayList<>(sweep("fork-join", "1000", "2", new long[] {16, 64},
                new double[] {10, 12}).results());
        rows.add(row("fork-join", "1000", "2", "auto", "avgt", "us/op", 1));
        ChunkTuning tuning = ChunkTuning.of(new Run(Path.of("s.json"), rows, null), 0.05);
        assertEquals(List.of(Caveat.of(Caveat.Code.CHUNK_NOT_A_NUMBER, "auto")), tuning.warnings());
        assertNull(tuning.choices().get(0).defaultPoint());
    }

    @Test
    void aRealSweepIsTunedPerSizeWithTheForkJoinDefaultAsReference() {
        ChunkTuning tuning = ChunkTuning.of(CompareFixtures.run("chunk-sweep-quiet.json"), 0.05);
        assertEquals(2, tuning.choices().size());
        assertTrue(tuning.warnings().isEmpty(), tuning.warnings().toString()); // 4 forks: intervals over fork means
        ChunkChoice small = tuning.choices().stream().filter(c -> c.size().getAsLong() == 200_000).findFirst()
                .orElseThrow();
        ChunkChoice large = tuning.choices().stream().filter(c -> c.size().getAsLong() == 2_000_000).findFirst()
                .orElseThrow();
        assertEquals(List.of(256L, 1024L, 4096L, 16384L, 65536L, 262144L),
                small.points().stream().map(ChunkPoint::chunk).toList());
        // 200 000 elements: 65 536 (125 us) and 262 144 (127 us) are within 5 %; equally central, the faster wins
        assertEquals(65536, small.best().chunk());
        assertEquals(125.3, small.best().estimate().centre(), 0.05); // us/op, the mean of 4 fork means
        assertEquals(4, small.best().estimate().n());
        assertEquals(65536, small.flatFrom());
        assertEquals(262144, small.flatTo());
        assertEquals(65536, small.recommended().chunk());
        assertEquals(Caveat.of(Caveat.Code.FLAT_AT_LARGEST_CHUNK, 262144L), small.warnings().get(0));
        assertEquals(130.7, small.defaultPoint().estimate().centre(), 0.05);
        assertEquals(25_000, small.streamsRuleChunk().getAsLong());
        assertEquals(1, small.againstForkJoinRule());
        // 2 000 000 elements: 4 096 alone, and the default (size / 8 = 250 000) beat it
        assertEquals(4096, large.best().chunk());
        assertEquals(4096, large.recommended().chunk());
        assertEquals(0, large.againstForkJoinRule());
        assertTrue(large.warnings().contains(Caveat.of(Caveat.Code.DEFAULT_CHUNK_BEST)), large.warnings().toString());
        assertEquals(2, tuning.forProfile(OptionalLong.empty()).size());
    }

    private static Run sweep(String strategy, String size, String workers, long[] chunks, double[] times) {
        List<Result> rows = new ArrayList<>();
        for (int i = 0; i < chunks.length; i++) {
            rows.add(row(strategy, size, workers, Long.toString(chunks[i]), "avgt", "us/op", times[i]));
        }
        return new Run(Path.of("sweep.json"), rows, null);
    }

    private static Result row(String strategy, String size, String workers, String chunk, String mode, String unit,
                              double score) {
        return result(Map.of("strategy", strategy, "size", size, "workers", workers, "chunk", chunk), mode, unit,
                score);
    }

    private static Result result(Map<String, String> params, String mode, String unit, double score) {
        List<List<Double>> raw = dev.sumbench.compare.ComparisonsTest.forks(4, 3, score, score / 100);
        return new Result(BENCH, mode, params, 1, 4, new Metric(score, Double.NaN, 0.999, unit, 12, raw), Map.of());
    }
}
