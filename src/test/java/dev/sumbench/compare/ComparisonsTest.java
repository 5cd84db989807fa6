package dev.sumbench.compare;

import dev.sumbench.stats.Direction;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sumbench.results.Metric;
import dev.sumbench.results.Result;
import dev.sumbench.results.Run;
import dev.sumbench.results.RunMeta;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Matching, direction, sampling unit and warnings, on rows built directly (the real-data checks are elsewhere). */
public class ComparisonsTest {

    private static final String BENCH = "dev.example.SumBench.sum";

    @Test
    void rowsMatchByBenchmarkModeAndParamsAndTheRestIsListedPerSide() {
        Run old = run("old.json", row(BENCH, "avgt", Map.of("size", "10"), "ns/op", forks(5, 4, 100, 1)),
                row(BENCH, "avgt", Map.of("size", "100"), "ns/op", forks(5, 4, 500, 1)),
                row(BENCH, "thrpt", Map.of("size", "10"), "ops/s", forks(5, 4, 1e7, 1e4)));
        Run neu = run("new.json", row(BENCH, "avgt", Map.of("size", "100"), "ns/op", forks(5, 4, 500, 1)),
                row(BENCH, "avgt", Map.of("size", "10"), "ns/op", forks(5, 4, 100, 1)),
                row(BENCH, "avgt", Map.of("size", "1000"), "ns/op", forks(5, 4, 5000, 1)));
        Comparison comparison = Comparisons.compare(old, neu, 0.05, 0.05);
        assertEquals(List.of(Map.of("size", "10"), Map.of("size", "100")),
                comparison.rows().stream().map(r -> r.key().params()).toList());
        assertEquals(List.of(new Result.Key(BENCH, "thrpt", Map.of("size", "10"))), comparison.onlyOld());
        assertEquals(List.of(new Result.Key(BENCH, "avgt", Map.of("size", "1000"))), comparison.onlyNew());
    }

    @Test
    void runsWhoseParamsDifferMatchNothingAndSaySo() {
        Run old = run("old.json", row(BENCH, "avgt", Map.of("size", "10"), "ns/op", forks(5, 4, 100, 1)));
        Run neu = run("new.json",
                row(BENCH, "avgt", Map.of("size", "10", "cores", "2"), "ns/op", forks(5, 4, 100, 1)));
        Comparison comparison = Comparisons.compare(old, neu, 0.05, 0.05);
        assertTrue(comparison.rows().isEmpty());
        assertEquals(1, comparison.onlyOld().size());
        assertEquals(1, comparison.onlyNew().size());
        assertTrue(comparison.notices().contains(new Notice(Notice.Kind.NO_ROW_MATCHES, null,
                List.of("size", "cores, size"))), comparison.notices().toString());
        assertNull(comparison.geoMean());
    }

    @Test
    void moreOperationsPerSecondIsFasterAndLessTimePerOperationIsFaster() {
        Result thrptOld = row(BENCH, "thrpt", Map.of(), "ops/s", forks(5, 3, 1000, 5));
        Result thrptNew = row(BENCH, "thrpt", Map.of(), "ops/s", forks(5, 3, 1200, 5));
        RowComparison throughput = compare(thrptOld, thrptNew, 0.05);
        assertEquals(Decision.FASTER, throughput.decision());
        assertEquals(0.2, throughput.change(), 0.01);
        assertEquals(-1 / 6.0, throughput.costChange(), 0.01);
        assertTrue(throughput.changeLo() < throughput.change() && throughput.change() < throughput.changeHi());

        Result timeOld = row(BENCH, "avgt", Map.of(), "ns/op", forks(5, 3, 1000, 5));
        Result timeNew = row(BENCH, "avgt", Map.of(), "ns/op", forks(5, 3, 1200, 5));
        RowComparison time = compare(timeOld, timeNew, 0.05);
        assertEquals(Decision.SLOWER, time.decision());
        assertEquals(0.2, time.change(), 0.01);
        assertEquals(Decision.EQUIVALENT, compare(timeOld, timeNew, 0.25).decision());
    }

    @Test
    void theChangeIsTheGatesEstimateTheRatioOfTheGeometricMeansOfTheForkMeans() {
        RowComparison row = compare(row(BENCH, "avgt", Map.of(), "ns/op", forks(5, 4, 100, 1)),
                row(BENCH, "avgt", Map.of(), "ns/op", forks(5, 4, 120, 1)), 0.05);
        assertEquals(5, row.oldSide().n());
        assertTrue(row.rawData());
        assertEquals(row.judgement().costRatio() - 1, row.change(), 1e-15);
        double[] oldMeans = {99.8, 99.9, 100, 100.1, 100.2};
        double[] newMeans = {119.8, 119.9, 120, 120.1, 120.2};
        double logRatio = 0;
        for (int i = 0; i < 5; i++) {
            logRatio += (Math.log(newMeans[i]) - Math.log(oldMeans[i])) / 5;
        }
        assertEquals(Math.exp(logRatio) - 1, row.change(), 1e-12);
        assertEquals(2.0 / 252, row.rankP(), 1e-12); // the rank test, on request: five fork means against five
    }

    @Test
    void belowThreeForksTheRowHasAChangeButNoIntervalAndSaysWhy() {
        RowComparison row = compare(row(BENCH, "avgt", Map.of(), "ns/op", forks(2, 5, 100, 1)),
                row(BENCH, "avgt", Map.of(), "ns/op", forks(2, 5, 120, 1)), 0.05);
        assertEquals(2, row.oldSide().n());
        assertFalse(row.oldSide().hasInterval());
        assertEquals(0.2, row.change(), 0.001);
        assertFalse(row.judgement().hasInterval());
        assertTrue(Double.isNaN(row.changeLo()));
        assertEquals(Decision.INCONCLUSIVE, row.decision());
        assertEquals(Reason.TOO_FEW_FORKS, row.judgement().reason());
    }

    @Test
    void theNewRunsUnitIsConvertedIntoTheOldOnes() {
        RowComparison row = compare(row(BENCH, "avgt", Map.of(), "ns/op", forks(5, 3, 1000, 5)),
                row(BENCH, "avgt", Map.of(), "us/op", forks(5, 3, 1.0, 0.005)), 0.05);
        assertEquals("ns/op", row.unit().text());
        assertEquals(1000, row.newSide().center(), 1e-6);
        assertEquals(0, row.change(), 1e-9);
        assertEquals(Decision.EQUIVALENT, row.decision());
    }

    @Test
    void aSequentialStrategyIsMatchedWhateverItsWorkersParam() {
        Run old = run("old.json", row(BENCH, "avgt", Map.of("strategy", "sequential", "workers", "1"), "ns/op",
                forks(5, 3, 100, 1)), row(BENCH, "avgt", Map.of("strategy", "fork-join", "workers", "1"), "ns/op",
                forks(5, 3, 100, 1)));
        Run neu = run("new.json", row(BENCH, "avgt", Map.of("strategy", "sequential", "workers", "2"), "ns/op",
                forks(5, 3, 100, 1)), row(BENCH, "avgt", Map.of("strategy", "fork-join", "workers", "2"), "ns/op",
                forks(5, 3, 100, 1)));
        Comparison comparison = Comparisons.compare(old, neu, 0.05, 0.05);
        assertEquals(List.of(Map.of("strategy", "sequential")),
                comparison.rows().stream().map(r -> r.key().params()).toList());
        assertEquals(1, comparison.onlyOld().size());
        assertEquals("fork-join", comparison.onlyOld().get(0).params().get("strategy"));
        assertTrue(comparison.notices().contains(new Notice(Notice.Kind.IGNORED_WORKERS,
                comparison.rows().get(0).key(), List.of("sequential", "1", "2"))), comparison.notices().toString());
    }

    @Test
    void unitsThatDoNotConvertAreNotComparedButWarnedAbout() {
        Run old = run("old.json", row(BENCH, "avgt", Map.of(), "ns/op", forks(5, 3, 1000, 5)));
        Run neu = run("new.json", row(BENCH, "avgt", Map.of(), "ops/s", forks(5, 3, 1000, 5)));
        Comparison comparison = Comparisons.compare(old, neu, 0.05, 0.05);
        assertTrue(comparison.rows().isEmpty());
        assertEquals(new Notice(Notice.Kind.UNITS_DIFFER, new Result.Key(BENCH, "avgt", Map.of()),
                List.of("ns/op", "ops/s")), comparison.notices().get(0));
    }

    @Test
    void summariesOnlyGiveTheScoresRatioWithoutAnIntervalOrAVerdict() {
        Comparison comparison = Comparisons.compare(run("old.csv", summaryRow(100, 2, 25)),
                run("new.csv", summaryRow(110, 2, 25)), 0.05, 0.05);
        RowComparison row = comparison.rows().get(0);
        assertFalse(row.rawData());
        assertEquals(25, row.oldSide().n());
        assertEquals(0.1, row.change(), 1e-12);
        assertFalse(row.judgement().hasInterval());
        assertTrue(Double.isNaN(row.rankP()));
        assertEquals(Decision.INCONCLUSIVE, row.decision());
        assertEquals(Reason.NO_RAW_DATA, row.judgement().reason());
    }

    @Test
    void differentMachinesCoresOrJdksAreWarnedAbout() {
        Run old = new Run(Path.of("a.json"), List.of(), meta("box", 2, "17.0.15"));
        Run neu = new Run(Path.of("b.json"), List.of(), meta("box", 4, "21.0.2"));
        List<Notice> notices = Comparisons.metadataNotices(old, neu);
        assertEquals(2, notices.size(), notices.toString());
        assertEquals(new Notice(Notice.Kind.RUNS_DIFFER, null, List.of("cores", "2", "4")), notices.get(0));
        assertEquals("JDK", notices.get(1).values().get(0));
        assertTrue(Comparisons.metadataNotices(old, old).isEmpty());
        assertEquals(new Notice(Notice.Kind.NO_METADATA, null, List.of("old")),
                Comparisons.metadataNotices(run("x.json"), old).get(0));
    }

    @Test
    void theGeometricMeanAveragesCostRatiosWhenTimeAndThroughputMix() {
        Run old = run("old.json", row(BENCH, "avgt", Map.of(), "ns/op", forks(5, 3, 100, 1)),
                row(BENCH, "thrpt", Map.of(), "ops/s", forks(5, 3, 1200, 1)));
        Run neu = run("new.json", row(BENCH, "avgt", Map.of(), "ns/op", forks(5, 3, 120, 1)),
                row(BENCH, "thrpt", Map.of(), "ops/s", forks(5, 3, 1000, 1)));
        GeoMean geoMean = Comparisons.compare(old, neu, 0.05, 0.05).geoMean();
        assertEquals(2, geoMean.rows());
        assertEquals(0.2, geoMean.change(), 1e-6); // both rows 20 % slower in time (geometric means of forks)
        assertEquals(Direction.LOWER_IS_BETTER, geoMean.direction());
        assertNull(geoMean.unit());
        assertTrue(Double.isNaN(geoMean.oldCentre()));

        Run oneUnitOld = run("old.json", row(BENCH, "avgt", Map.of("size", "1"), "ns/op", forks(5, 3, 100, 1)),
                row(BENCH, "avgt", Map.of("size", "2"), "ns/op", forks(5, 3, 400, 1)));
        Run oneUnitNew = run("new.json", row(BENCH, "avgt", Map.of("size", "1"), "ns/op", forks(5, 3, 100, 1)),
                row(BENCH, "avgt", Map.of("size", "2"), "ns/op", forks(5, 3, 900, 1)));
        GeoMean same = Comparisons.compare(oneUnitOld, oneUnitNew, 0.05, 0.05).geoMean();
        assertEquals(200, same.oldCentre(), 1e-6);
        assertEquals(300, same.newCentre(), 1e-6);
        assertEquals(0.5, same.change(), 1e-6);
    }

    @Test
    void onlyWorseningBeyondTheThresholdIsARegression() {
        Run old = run("old.json", row(BENCH, "avgt", Map.of("size", "1"), "ns/op", forks(5, 3, 100, 0.5)),
                row(BENCH, "avgt", Map.of("size", "2"), "ns/op", forks(5, 3, 100, 0.5)));
        Run neu = run("new.json", row(BENCH, "avgt", Map.of("size", "1"), "ns/op", forks(5, 3, 103, 0.5)),
                row(BENCH, "avgt", Map.of("size", "2"), "ns/op", forks(5, 3, 110, 0.5)));
        Comparison comparison = Comparisons.compare(old, neu, 0.05, 0.05);
        assertEquals(Decision.EQUIVALENT, comparison.rows().get(0).decision());
        assertEquals(List.of(Map.of("size", "2")), comparison.regressions().stream().map(r -> r.key().params()).toList());
    }

    @Test
    void rawDataWithNaNGivesTheScoresRatioAndNoVerdict() {
        List<List<Double>> broken = List.of(List.of(100.0, Double.NaN, 101.0), List.of(99.0, 100.0, 102.0));
        Result old = new Result(BENCH, "avgt", Map.of(), 1, 2, new Metric(100, 1, 0.999, "ns/op", 6, broken), Map.of());
        RowComparison row = Comparisons.compare(run("old.json", old),
                run("new.json", row(BENCH, "avgt", Map.of(), "ns/op", forks(5, 3, 100, 1))), 0.05, 0.05).rows().get(0);
        assertFalse(row.rawData());
        assertEquals(Reason.UNUSABLE_RAW_DATA, row.judgement().reason());
    }

    private static RowComparison compare(Result old, Result neu, double threshold) {
        return Comparisons.compare(run("old.json", old), run("new.json", neu), 0.05, threshold).rows().get(0);
    }

    /** {@code forks} forks of {@code iterations} iterations around {@code centre}, fork f offset by f * spread / 10. */
    public static List<List<Double>> forks(int forks, int iterations, double centre, double spread) {
        List<List<Double>> data = new ArrayList<>();
        for (int f = 0; f < forks; f++) {
            List<Double> fork = new ArrayList<>();
            for (int i = 0; i < iterations; i++) {
                fork.add(centre + spread * ((f - (forks - 1) / 2.0) / 10 + (i - (iterations - 1) / 2.0) / 20));
            }
            data.add(fork);
        }
        return data;
    }

    static Result row(String benchmark, String mode, Map<String, String> params, String unit,
                      List<List<Double>> raw) {
        double[] all = raw.stream().flatMap(List::stream).mapToDouble(Double::doubleValue).toArray();
        double mean = java.util.Arrays.stream(all).average().orElseThrow();
        Metric metric = new Metric(mean, Double.NaN, 0.999, unit, all.length, raw);
        return new Result(benchmark, mode, params, 1, raw.size(), metric, Map.of());
    }

    private static Result summaryRow(double score, double error, long samples) {
        return new Result(BENCH, "avgt", Map.of(), 1, 0,
                new Metric(score, error, 0.999, "ns/op", samples, List.of()), Map.of());
    }

    private static Run run(String file, Result... rows) {
        return new Run(Path.of(file), List.of(rows), null);
    }

    private static RunMeta meta(String host, int cores, String jdk) {
        return new RunMeta("stem", "2025-01-01T00:00:00Z", host, "Some CPU", cores, 4, 8L << 30, "Linux 6.1 amd64",
                "Debian", jdk, Integer.parseInt(jdk.substring(0, 2)), "/usr/lib/jvm", "1.37", List.of("-f", "5"),
                "abc", false, List.of());
    }
}
