package dev.sumbench.compare;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sumbench.results.Run;
import dev.sumbench.results.RunReader;
import dev.sumbench.stats.Samples;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * Rows of two JMH CSVs (no raw data) judged under an assumed fork-to-fork spread: real CSVs from the corpus of public
 * JMH files (skipped when it is not beside the repository), and the false-alarm rate under the assumption, measured on
 * seeded simulated pairs.
 */
class AssumedForkCvTest {

    /** compare's default assumption. */
    private static final double ASSUMED = 0.05;
    private static final double ALPHA = 0.05;
    private static final double THRESHOLD = 0.05;
    private static final int PAIRS = 2000;
    private static final int ROWS = 24;
    private static final long SEED = 20_261_205L;

    @Test
    void theOjAlgoCsvWithTwentyPercentMoreThroughputIsFasterOnEveryRowUnderTheDefaultAssumption() {
        Run old = RunReader.read(corpus("foreign-thrpt-params.csv"));
        Run faster = Comparisons.injectSlowdown(old, 1 / 1.2 - 1);
        Comparison comparison = Comparisons.compare(old, faster, ALPHA, THRESHOLD, ASSUMED, Samples.MEDIAN);
        assertEquals(8, comparison.rows().size());
        for (RowComparison row : comparison.rows()) {
            assertEquals(Decision.FASTER, row.decision(), row.key().toString());
            assertTrue(row.judgement().assumed(), row.key().toString());
            assertEquals(0.20, row.change(), 1e-9);
        }
        // without the assumption the same pair decides nothing
        assertEquals(8, Comparisons.compare(old, faster, ALPHA, THRESHOLD).inconclusive().size());
    }

    @Test
    void noCsvOfTheCorpusIsSlowerThanItself() throws IOException {
        Path dir = corpus("SOURCES.md").getParent();
        List<Path> csvs;
        try (Stream<Path> files = Files.list(dir)) {
            csvs = files.filter(p -> p.toString().endsWith(".csv")).sorted().toList();
        }
        int compared = 0;
        for (Path csv : csvs) {
            Run run;
            try {
                run = RunReader.read(csv);
            } catch (RuntimeException unreadable) {
                continue; // the corpus holds malformed files on purpose; CorpusConformanceTest covers them
            }
            Comparison comparison = Comparisons.compare(run, run, ALPHA, THRESHOLD, ASSUMED, Samples.MEDIAN);
            assertTrue(comparison.regressions().isEmpty(), csv.toString());
            assertTrue(comparison.decided(Decision.FASTER).isEmpty(), csv.toString());
            compared++;
        }
        assertTrue(compared >= 10, "CSVs compared: " + compared);
    }

    @Test
    void underTheAssumptionIdenticalRunsExitThreeInAtMostFivePercentOfPairs() {
        double atDefault = pairsExit3(ASSUMED, THRESHOLD, SEED);
        double atZero = pairsExit3(ASSUMED, 0, SEED + 1);
        double twiceAsNoisy = pairsExit3(2 * ASSUMED, THRESHOLD, SEED + 2);
        System.out.printf(Locale.ROOT, "CSV pairs under an assumed fork CV of %.0f %% (%d A/A pairs of %d rows, each "
                        + "side's score one fork): exit 3 at threshold 5 %% %.2f %%, at threshold 0 %.2f %%; with a true "
                        + "fork CV of %.0f %%, at threshold 5 %% %.2f %%%n", ASSUMED * 100, PAIRS, ROWS,
                atDefault * 100, atZero * 100, 2 * ASSUMED * 100, twiceAsNoisy * 100);
        assertTrue(atDefault <= 0.05, "A/A CSV pairs exiting 3 at 5 %: " + atDefault);
        assertTrue(atZero <= 0.05, "A/A CSV pairs exiting 3 at threshold 0: " + atZero);
    }

    /** A/A pairs of CSV rows whose scores spread by {@code trueForkCv} a side, judged under {@link #ASSUMED}. */
    private static double pairsExit3(double trueForkCv, double threshold, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        int exit3 = 0;
        for (int pair = 0; pair < PAIRS; pair++) {
            List<Gate.Sample> samples = new ArrayList<>();
            for (int row = 0; row < ROWS; row++) {
                double[] x = {trueForkCv * gaussian(random)};
                double[] y = {trueForkCv * gaussian(random)};
                samples.add(new Gate.Sample(x, y, Reason.NONE, ASSUMED));
            }
            exit3 += Gate.judge(samples, ALPHA, threshold).stream().anyMatch(j -> j.decision() == Decision.SLOWER)
                    ? 1 : 0;
        }
        return (double) exit3 / PAIRS;
    }

    private static Path corpus(String name) {
        Path dir = Files.isDirectory(Path.of("../shared/jmh-corpus")) ? Path.of("../shared/jmh-corpus")
                : Path.of("../../shared/jmh-corpus");
        Path file = dir.resolve(name);
        Assumptions.assumeTrue(Files.isRegularFile(file), "the JMH corpus is not beside the repository");
        return file;
    }

    private static double gaussian(SplittableRandom random) {
        // Box-Muller: SplittableRandom has no nextGaussian on JDK 17.
        double u = 1 - random.nextDouble();
        double v = random.nextDouble();
        return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
    }
}
