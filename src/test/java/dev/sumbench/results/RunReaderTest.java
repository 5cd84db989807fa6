package dev.sumbench.results;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Golden tests of the readers over real files that JMH wrote (see {@code src/test/resources/jmh/make-fixtures.sh}). */
class RunReaderTest {

    /** JMH's CSV prints six decimals. */
    private static final double CSV_ROUNDING = 5e-7;
    /** gc.alloc.rate.norm also counts a share of what the harness allocates per iteration: a few bytes per op. */
    private static final double ALLOCATION_TOLERANCE = 8;

    @ParameterizedTest
    @ValueSource(strings = {"en/sized", "ru/sized", "en/plain", "en/modes", "ru/modes", "jmh136/sized",
        "sumbench/cores1", "sumbench/cores2"})
    void csvAndJsonOfTheSameRunReadAlike(String stem) {
        Run csv = RunReader.read(Fixtures.path(stem + ".csv"));
        Run json = RunReader.read(Fixtures.path(stem + ".json"));
        assertEquals(json.results().size(), csv.results().size(), "rows");
        for (int i = 0; i < csv.results().size(); i++) {
            Result c = csv.results().get(i);
            Result j = json.results().get(i);
            assertEquals(j.key(), c.key());
            assertEquals(j.threads(), c.threads());
            assertMetricsAgree(j.primary(), c.primary(), c.benchmark());
            assertEquals(j.primary().samples(), c.primary().samples(), c.benchmark() + " samples");
            for (Map.Entry<String, Metric> secondary : c.secondary().entrySet()) {
                Metric fromJson = j.secondary().get(secondary.getKey());
                assertTrue(fromJson != null, c.benchmark() + ": JSON lacks " + secondary.getKey());
                assertMetricsAgree(fromJson, secondary.getValue(), c.benchmark() + ":" + secondary.getKey());
            }
            assertEquals(0, c.forks(), "CSV does not say");
            assertEquals(1, j.forks());
            assertFalse(c.primary().hasRawData());
            assertTrue(j.primary().hasRawData());
        }
    }

    private static void assertMetricsAgree(Metric json, Metric csv, String what) {
        assertEquals(json.score(), csv.score(), CSV_ROUNDING, what + " score");
        if (Double.isNaN(json.error())) {
            assertTrue(Double.isNaN(csv.error()), what + " error is NaN in both");
        } else {
            assertEquals(json.error(), csv.error(), CSV_ROUNDING, what + " error");
        }
        assertEquals(json.unit(), csv.unit(), what + " unit");
        assertEquals(0.999, csv.confidence(), 1e-12);
        assertEquals(0.999, json.confidence(), 1e-12);
    }

    @Test
    void ruLocaleCsvHasCommaDecimalsAndReadsAsNumbers() {
        String text = Fixtures.text("ru/sized.csv");
        assertTrue(text.contains("\"Score Error (99,9%)\""), "precondition: written in the ru locale");
        assertTrue(text.matches("(?s).*\"\\d+,\\d{6}\".*"), "precondition: comma decimals");
        Result copy = row(RunReader.read(Fixtures.path("ru/sized.csv")), "fixture.Sized.copy", "1000");
        assertEquals(8016, copy.secondary().get("gc.alloc.rate.norm").score(), ALLOCATION_TOLERANCE);
        assertTrue(copy.primary().score() > 0);
    }

    @ParameterizedTest
    @ValueSource(strings = {"en/sized.csv", "en/sized.json", "ru/sized.csv", "ru/sized.json", "jmh136/sized.csv",
        "jmh136/sized.json"})
    void gcProfilerRowsBecomeSecondaryMetricsWithoutTheOldDotPrefix(String name) {
        Run run = RunReader.read(Fixtures.path(name));
        // copy() clones a long[size]: 16 bytes of header and 8 per element
        assertEquals(96, row(run, "fixture.Sized.copy", "10").secondary().get("gc.alloc.rate.norm").score(),
                ALLOCATION_TOLERANCE);
        assertEquals(8016, row(run, "fixture.Sized.copy", "1000").secondary().get("gc.alloc.rate.norm").score(),
                ALLOCATION_TOLERANCE);
        Result sum = row(run, "fixture.Sized.sum", "10");
        assertEquals("B/op", sum.secondary().get("gc.alloc.rate.norm").unit());
        assertTrue(sum.secondary().keySet().containsAll(Set.of("gc.alloc.rate", "gc.alloc.rate.norm", "gc.count")),
                sum.secondary().keySet().toString());
        assertTrue(sum.secondary().keySet().stream().noneMatch(label -> label.startsWith("\u00B7")));
    }

    @Test
    void jmh136FilesReallyCarryTheDotPrefix() {
        assertTrue(Fixtures.text("jmh136/sized.csv").contains(":\u00B7gc.alloc.rate.norm"));
        assertTrue(Fixtures.text("jmh136/sized.json").contains("\"\u00B7gc.alloc.rate.norm\""));
    }

    @Test
    void rowsKeepModeUnitsAndParamsAsJmhWroteThem() {
        Run run = RunReader.read(Fixtures.path("en/sized.json"));
        assertEquals(List.of("fixture.Sized.sum", "fixture.Sized.sum", "fixture.Sized.copy", "fixture.Sized.copy"),
                run.results().stream().map(Result::benchmark).toList());
        Result sum = run.results().get(0);
        assertEquals("thrpt", sum.mode());
        assertEquals("ops/us", sum.primary().unit());
        assertEquals(Map.of("size", "10"), sum.params());
        assertEquals("Sized.sum", sum.shortName());
        assertEquals(1, sum.primary().rawData().size(), "one fork");
        assertEquals(3, sum.primary().rawData().get(0).size(), "three iterations");
        double mean = sum.primary().allRawData().stream().mapToDouble(Double::doubleValue).average().orElseThrow();
        assertEquals(sum.primary().score(), mean, 1e-9 * mean);
        assertEquals("avgt", run.results().get(2).mode());
        assertEquals("ns/op", run.results().get(2).primary().unit());
    }

    @ParameterizedTest
    @ValueSource(strings = {"en/plain.csv", "en/plain.json"})
    void benchmarksWithoutParamsHaveNone(String name) {
        Run run = RunReader.read(Fixtures.path(name));
        assertEquals(2, run.results().size());
        for (Result row : run.results()) {
            assertEquals(Map.of(), row.params());
        }
        assertEquals(Set.of("us/op", "ops/ms"),
                Set.copyOf(run.results().stream().map(r -> r.primary().unit()).toList()));
    }

    @Test
    void jsonLeavesParamsOutWhenThereAreNone() {
        assertFalse(Fixtures.text("en/plain.json").contains("\"params\""), "precondition");
    }

    @ParameterizedTest
    @ValueSource(strings = {"en/modes.csv", "en/modes.json", "ru/modes.csv", "ru/modes.json"})
    void sampleAndSingleShotModes(String name) {
        Run run = RunReader.read(Fixtures.path(name));
        Result sample = run.results().stream().filter(r -> r.mode().equals("sample")).findFirst().orElseThrow();
        assertTrue(sample.primary().samples() > 100, "sample mode counts timed operations");
        assertTrue(sample.secondary().keySet().containsAll(List.of("p0.00", "p0.50", "p0.90", "p0.999", "p1.00")),
                sample.secondary().keySet().toString());
        Metric median = sample.secondary().get("p0.50");
        assertTrue(median.score() >= sample.secondary().get("p0.00").score());
        assertTrue(median.score() <= sample.secondary().get("p1.00").score());
        Result singleShot = run.results().stream().filter(r -> r.mode().equals("ss")).findFirst().orElseThrow();
        assertEquals(2, singleShot.primary().samples());
        assertTrue(Double.isNaN(singleShot.primary().error()), "JMH has no error for 2 samples");
        assertEquals("us/op", singleShot.primary().unit());
    }

    @Test
    void sampleModeHistogramBecomesIterationMeans() {
        assertTrue(Fixtures.text("en/modes.json").contains("\"rawDataHistogram\""), "precondition");
        Result sample = RunReader.read(Fixtures.path("en/modes.json")).results().get(0);
        assertEquals("sample", sample.mode());
        assertEquals(1, sample.primary().rawData().size());
        assertEquals(2, sample.primary().rawData().get(0).size(), "two iterations");
        double low = sample.secondary().get("p0.00").score();
        double high = sample.secondary().get("p1.00").score();
        for (double mean : sample.primary().allRawData()) {
            assertTrue(mean >= low && mean <= high, mean + " in [" + low + ", " + high + "]");
        }
    }

    @Test
    void metadataBesideTheRunIsRead() {
        Run run = RunReader.read(Fixtures.path("sumbench/cores1.json"));
        RunMeta meta = run.metadata().orElseThrow();
        assertEquals(1, meta.cores());
        assertEquals(List.of(1, 2), meta.coreCounts());
        assertEquals("cores1", meta.stem());
        assertEquals("1.37", meta.jmhVersion());
        assertTrue(meta.memoryBytes() > 0);
        assertEquals(meta, RunReader.read(Fixtures.path("sumbench/cores1.csv")).meta(), "CSV and JSON share it");
        assertTrue(RunReader.read(Fixtures.path("en/plain.json")).metadata().isEmpty());
    }

    @Test
    void sumbenchRowsCarryTheirParams() {
        Run run = RunReader.read(Fixtures.path("sumbench/cores2.json"));
        Result row = run.results().stream().filter(r -> r.benchmark().equals("dev.sumbench.bench.SumBenchmark.sum"))
                .findFirst().orElseThrow();
        assertEquals(Set.of("chunk", "cores", "size", "strategy", "workers"), row.params().keySet());
        assertEquals("2", row.param("cores"));
    }

    private static Result row(Run run, String benchmark, String size) {
        return run.results().stream()
                .filter(r -> r.benchmark().equals(benchmark) && size.equals(r.param("size")))
                .findFirst().orElseThrow(() -> new AssertionError("no row " + benchmark + " size=" + size));
    }
}
