package dev.sumbench.suite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.apache.commons.math3.distribution.BinomialDistribution;
import org.junit.jupiter.api.Test;

/**
 * {@code scripts/lib/median-interval.awk}, the distribution-free interval for a median that {@code defaults-check}
 * prints, against a reference built on Apache Commons Math's {@link BinomialDistribution}; and its coverage, checked
 * by a seeded simulation.
 */
class MedianIntervalScriptTest {

    @Test
    void theBoundsAndCoverageAreTheOrderStatisticsThatCommonsMathsBinomialGives() throws Exception {
        SplittableRandom random = new SplittableRandom(20261202);
        List<double[]> samples = new ArrayList<>();
        for (int n = 1; n <= 120; n++) {
            double[] x = new double[n];
            for (int i = 0; i < n; i++) {
                x[i] = 0.8 + 0.4 * random.nextDouble();
            }
            samples.add(x);
        }
        samples.add(random.doubles(1500, 0.5, 1.5).toArray()); // large enough for terms that underflow in a product

        List<String> lines = awk(samples, 0.05);

        for (int s = 0; s < samples.size(); s++) {
            double[] x = samples.get(s);
            int n = x.length;
            String[] got = lines.get(s).split(" ");
            BinomialDistribution binomial = new BinomialDistribution(null, n, 0.5);
            if (binomial.cumulativeProbability(0) > 0.025) {
                assertEquals("none 6", lines.get(s), "n=" + n);
                continue;
            }
            int k = 1;
            while (k + 1 <= (n + 1) / 2 && binomial.cumulativeProbability(k) <= 0.025) {
                k++;
            }
            double[] sorted = x.clone();
            Arrays.sort(sorted);
            double coverage = 1 - 2 * binomial.cumulativeProbability(k - 1);
            assertEquals(sorted[k - 1], Double.parseDouble(got[0]), 1e-5 * sorted[k - 1], "low, n=" + n);
            assertEquals(sorted[n - k], Double.parseDouble(got[1]), 1e-5 * sorted[n - k], "high, n=" + n);
            assertEquals(coverage, Double.parseDouble(got[2]), 1e-5, "coverage, n=" + n);
            assertTrue(coverage >= 0.95, "n=" + n);
        }
    }

    @Test
    void theIntervalHoldsTheMedianAsOftenAsItSays() throws Exception {
        // a skewed distribution with a known median (log-normal: e^0 = 1), 2 000 seeded draws of 15 rounds each
        SplittableRandom random = new SplittableRandom(7);
        List<double[]> samples = new ArrayList<>();
        for (int s = 0; s < 2_000; s++) {
            double[] x = new double[15];
            for (int i = 0; i < x.length; i++) {
                x[i] = Math.exp(0.1 * gaussian(random));
            }
            samples.add(x);
        }

        List<String> lines = awk(samples, 0.05);

        int held = 0;
        for (String line : lines) {
            String[] got = line.split(" ");
            if (Double.parseDouble(got[0]) <= 1 && 1 <= Double.parseDouble(got[1])) {
                held++;
            }
        }
        // the stated coverage for 15 is 96.48 %: 2 000 draws put the count within 1 929 +- 3 standard errors (25)
        double stated = Double.parseDouble(lines.get(0).split(" ")[2]);
        assertEquals(0.964844, stated, 1e-6);
        assertTrue(Math.abs(held - stated * 2_000) <= 3 * Math.sqrt(2_000 * stated * (1 - stated)), "held " + held);
    }

    private static double gaussian(SplittableRandom random) {
        // Box-Muller: SplittableRandom has no nextGaussian before JDK 17's RandomGenerator
        return Math.sqrt(-2 * Math.log(1 - random.nextDouble())) * Math.cos(2 * Math.PI * random.nextDouble());
    }

    /** The script's output, one line per sample. */
    private static List<String> awk(List<double[]> samples, double alpha) throws Exception {
        StringBuilder input = new StringBuilder();
        for (double[] x : samples) {
            for (int i = 0; i < x.length; i++) {
                input.append(i > 0 ? " " : "").append(String.format(Locale.ROOT, "%.9g", x[i]));
            }
            input.append('\n');
        }
        Process process = new ProcessBuilder("awk", "-v", "alpha=" + alpha, "-f",
                Path.of("scripts", "lib", "median-interval.awk").toAbsolutePath().toString())
                .redirectErrorStream(true).start();
        Thread writer = new Thread(() -> {
            try (var out = process.getOutputStream()) {
                out.write(input.toString().getBytes(StandardCharsets.UTF_8));
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        writer.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(30, TimeUnit.SECONDS));
        writer.join();
        assertEquals(0, process.exitValue(), output);
        List<String> lines = output.lines().toList();
        assertEquals(samples.size(), lines.size(), output);
        return lines;
    }
}
