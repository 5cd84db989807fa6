package dev.sumbench.stats;

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
class ComparisonsTest {

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
        assertTrue(comparison.warnings().stream()
                .anyMatch(w -> w.contains("no row matches") && w.contains("old: [size]") && w.contains("new: [cores, size]")),
                comparison.warnings().toString());
        assertNull(comparison.geoMean());
    }

    @Test
    void moreOperationsPerSecondIsFasterAndLessTimePerOperationIsFaster() {
        Result thrptOld = row(BENCH, "thrpt", Map.of(), "ops/s", forks(5, 3, 1000, 5));
        Result thrptNew = row(BENCH, "thrpt", Map.of(), "ops/s", forks(5, 3, 1200, 5));
        RowComparison throughput = Comparisons.compareRows(thrptOld, thrptNew, 0.05);
        assertEquals(Verdict.BETTER, throughput.verdict());
        assertEquals(0.2, throughput.change(), 0.01);
        assertEquals(-1 / 6.0, throughput.costChange(), 0.01);

        Result timeOld = row(BENCH, "avgt", Map.of(), "ns/op", forks(5, 3, 1000, 5));
        Result timeNew = row(BENCH, "avgt", Map.of(), "ns/op", forks(5, 3, 1200, 5));
        RowComparison time = Comparisons.compareRows(timeOld, timeNew, 0.05);
        assertEquals(Verdict.WORSE, time.verdict());
        assertEquals(0.2, time.change(), 0.01);
        assertEquals(Decision.SLOWER, Comparisons.compare(run("old.json", timeOld), run("new.json", timeNew), 0.05,
                0.05).rows().get(0).decision());
        assertEquals(Decision.EQUIVALENT, Comparisons.compare(run("old.json", timeOld), run("new.json", timeNew),
                0.05, 0.25).rows().get(0).decision());
        assertEquals(Decision.FASTER, Comparisons.compare(run("old.json", thrptOld), run("new.json", thrptNew), 0.05,
                0.05).rows().get(0).decision());
    }

    @Test
    void enoughForksAreTestedAsForkMeansWithTheExactRankTest() {
        RowComparison row = Comparisons.compareRows(row(BENCH, "avgt", Map.of(), "ns/op", forks(5, 4, 100, 1)),
                row(BENCH, "avgt", Map.of(), "ns/op", forks(5, 4, 120, 1)), 0.05);
        assertEquals(SampleUnit.FORK_MEANS, row.sampleUnit());
        assertEquals(5, row.oldSide().n());
        assertEquals(2.0 / 252, row.p(), 1e-12); // five fork means against five, fully separated
        assertTrue(row.warnings().isEmpty(), row.warnings().toString());
    }

    @Test
    void tooFewForksFallBackToIterationsWithAWarningThatSaysHowManyForksToRun() {
        RowComparison row = Comparisons.compareRows(row(BENCH, "avgt", Map.of(), "ns/op", forks(2, 5, 100, 1)),
                row(BENCH, "avgt", Map.of(), "ns/op", forks(2, 5, 120, 1)), 0.05);
        assertEquals(SampleUnit.ITERATIONS, row.sampleUnit());
        assertEquals(10, row.oldSide().n());
        assertEquals(Verdict.WORSE, row.verdict());
        assertEquals(1, row.warnings().size());
        assertTrue(row.warnings().get(0).startsWith("only 2+2 forks: need >= 4 forks per side"), row.warnings().get(0));
    }

    @Test
    void tooFewSamplesToDetectAnythingAreSaidToBeSo() {
        RowComparison row = Comparisons.compareRows(row(BENCH, "avgt", Map.of(), "ns/op", forks(1, 3, 100, 1)),
                row(BENCH, "avgt", Map.of(), "ns/op", forks(1, 3, 200, 1)), 0.05);
        assertEquals(Verdict.UNCHANGED, row.verdict());
        assertEquals(0.1, row.p(), 1e-12);
        assertTrue(row.warnings().stream().anyMatch(
                w -> w.equals("too few samples (3+3 iterations): need >= 4 per side to detect a difference at alpha=0.05")),
                row.warnings().toString());
    }

    @Test
    void theNewRunsUnitIsConvertedIntoTheOldOnes() {
        RowComparison row = Comparisons.compareRows(row(BENCH, "avgt", Map.of(), "ns/op", forks(5, 3, 1000, 5)),
                row(BENCH, "avgt", Map.of(), "us/op", forks(5, 3, 1.0, 0.005)), 0.05);
        assertEquals("ns/op", row.unit().text());
        assertEquals(1000, row.newSide().centre(), 1e-6);
        assertEquals(Verdict.UNCHANGED, row.verdict());
    }

    @Test
    void unitsThatDoNotConvertAreNotComparedButWarnedAbout() {
        Run old = run("old.json", row(BENCH, "avgt", Map.of(), "ns/op", forks(5, 3, 1000, 5)));
        Run neu = run("new.json", row(BENCH, "avgt", Map.of(), "ops/s", forks(5, 3, 1000, 5)));
        Comparison comparison = Comparisons.compare(old, neu, 0.05, 0.05);
        assertTrue(comparison.rows().isEmpty());
        assertTrue(comparison.warnings().get(0).contains("units differ (ns/op in old, ops/s in new)"));
    }

    @Test
    void summariesOnlyAreTestedWithWelchAndAWarningThatRawDataIsBetter() {
        Result old = summaryRow(100, 2, 25);
        Result neu = summaryRow(110, 2, 25);
        Comparison comparison = Comparisons.compare(run("old.csv", old), run("new.csv", neu), 0.05, 0.05);
        RowComparison row = comparison.rows().get(0);
        assertEquals(SampleUnit.SUMMARY, row.sampleUnit());
        assertEquals(Verdict.WORSE, row.verdict());
        assertTrue(row.p() < 1e-6);
        assertTrue(comparison.warnings().stream().anyMatch(w -> w.startsWith("1 of 1 rows have no raw data")
                && w.contains("-rf json")), comparison.warnings().toString());
        // the interval is t at 95 % rather than JMH's 99.9 %: narrower
        assertTrue(row.oldSide().hi() - row.oldSide().centre() < 2);
    }

    @Test
    void aSummaryWithoutErrorIsUntested() {
        RowComparison row = Comparisons.compareRows(summaryRow(100, Double.NaN, 2), summaryRow(150, 2, 25), 0.05);
        assertEquals(Verdict.UNTESTED, row.verdict());
        assertTrue(Double.isNaN(row.p()));
        assertTrue(row.warnings().get(0).startsWith("no error on the old side"));
    }

    @Test
    void differentMachinesCoresOrJdksAreWarnedAbout() {
        Run old = new Run(Path.of("a.json"), List.of(), meta("box", 2, "17.0.15"));
        Run neu = new Run(Path.of("b.json"), List.of(), meta("box", 4, "21.0.2"));
        List<String> warnings = Comparisons.metadataWarnings(old, neu);
        assertEquals(2, warnings.size(), warnings.toString());
        assertTrue(warnings.get(0).startsWith("the runs differ in cores (old: 2; new: 4)"));
        assertTrue(warnings.get(1).startsWith("the runs differ in JDK"));
        assertTrue(Comparisons.metadataWarnings(old, old).isEmpty());
        assertTrue(Comparisons.metadataWarnings(run("x.json"), old).get(0).startsWith("no .meta.json beside the old run"));
    }

    @Test
    void theGeometricMeanAveragesCostRatiosWhenTimeAndThroughputMix() {
        Run old = run("old.json", row(BENCH, "avgt", Map.of(), "ns/op", forks(5, 3, 100, 1)),
                row(BENCH, "thrpt", Map.of(), "ops/s", forks(5, 3, 1200, 1)));
        Run neu = run("new.json", row(BENCH, "avgt", Map.of(), "ns/op", forks(5, 3, 120, 1)),
                row(BENCH, "thrpt", Map.of(), "ops/s", forks(5, 3, 1000, 1)));
        GeoMean geoMean = Comparisons.compare(old, neu, 0.05, 0.05).geoMean();
        assertEquals(2, geoMean.rows());
        assertEquals(0.2, geoMean.change(), 1e-9); // both rows 20 % slower in time
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
        assertEquals(2, comparison.significant().size());
        assertEquals(List.of(Map.of("size", "2")), comparison.regressions().stream().map(r -> r.key().params()).toList());
    }

    @Test
    void aNoisyRowThatIsNotSignificantSaysThatARegressionCouldHideInIt() {
        Run old = run("old.json", row(BENCH, "avgt", Map.of(), "ns/op", forks(5, 3, 100, 60)));
        Run neu = run("new.json", row(BENCH, "avgt", Map.of(), "ns/op", forks(5, 3, 100, 60)));
        RowComparison noisy = Comparisons.compare(old, neu, 0.05, 0.05).rows().get(0);
        assertEquals(Verdict.UNCHANGED, noisy.verdict());
        assertTrue(noisy.warnings().get(0).startsWith("not significant, but an interval is wider than the 5 % "
                + "threshold"), noisy.warnings().toString());
        RowComparison quiet = Comparisons.compare(old, neu, 0.05, 0.5).rows().get(0);
        assertTrue(quiet.warnings().isEmpty(), quiet.warnings().toString());
    }

    @Test
    void rawDataWithNaNFallsBackToTheSummariesWithAWarning() {
        List<List<Double>> broken = List.of(List.of(100.0, Double.NaN, 101.0), List.of(99.0, 100.0, 102.0));
        Result old = new Result(BENCH, "avgt", Map.of(), 1, 2, new Metric(100, 1, 0.999, "ns/op", 6, broken), Map.of());
        RowComparison row = Comparisons.compareRows(old, row(BENCH, "avgt", Map.of(), "ns/op", forks(5, 3, 100, 1)),
                0.05);
        assertEquals(SampleUnit.SUMMARY, row.sampleUnit());
        assertTrue(row.warnings().get(0).startsWith("raw data without iterations or with NaN"), row.warnings().toString());
    }

    /** {@code forks} forks of {@code iterations} iterations around {@code centre}, fork f offset by f * spread / 10. */
    static List<List<Double>> forks(int forks, int iterations, double centre, double spread) {
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
