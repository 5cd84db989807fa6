package dev.sumbench.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sumbench.results.Metric;
import dev.sumbench.results.Result;
import dev.sumbench.sum.Family;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Karp–Flatt, efficiency, bandwidth, ratios and summaries with known answers. */
class ScalingTest {

    @Test
    void karpFlattOfAmdahlSpeedupIsItsSerialFraction() {
        double serial = 0.1;
        for (int p : new int[] {2, 4, 8, 64}) {
            double amdahl = 1 / (serial + (1 - serial) / p);
            assertEquals(serial, Scaling.karpFlattSerialFraction(amdahl, p), 1e-12, "p=" + p);
        }
    }

    @Test
    void karpFlattOfPerfectAndOfNoSpeedup() {
        assertEquals(0, Scaling.karpFlattSerialFraction(4, 4), 1e-12);
        assertEquals(1, Scaling.karpFlattSerialFraction(1, 2), 1e-12);
        assertTrue(Double.isNaN(Scaling.karpFlattSerialFraction(1, 1)), "undefined on one processor");
    }

    @Test
    void efficiencyIsSpeedupPerProcessor() {
        assertEquals(0.75, Scaling.efficiency(3, 4), 1e-12);
    }

    @Test
    void bandwidthOfAMillionLongsInAMillisecondIsEightGbps() {
        assertEquals(8.0, Bandwidth.gigabytesPerSecond(1_000_000, 1_000_000), 1e-12);
        assertEquals(0.5, Bandwidth.shareOf(4, 8), 1e-12);
    }

    @Test
    void speedupIntervalDividesTheEndsOfBothIntervals() {
        Summary sequential = new Summary(1_000, 900, 1_100, 0.999, 5, List.of());
        Summary parallel = new Summary(500, 400, 600, 0.999, 5, List.of());
        Ratio speedup = Ratio.speedup(sequential, parallel);
        assertEquals(2.0, speedup.value(), 1e-12);
        assertEquals(900 / 600.0, speedup.lo(), 1e-12);
        assertEquals(1_100 / 400.0, speedup.hi(), 1e-12);
        assertEquals(0.998, speedup.confidence(), 1e-12);
        assertEquals(1, speedup.significance());
        Ratio efficiency = speedup.dividedBy(4);
        assertEquals(0.5, efficiency.value(), 1e-12);
        assertEquals(1_100 / 400.0 / 4, efficiency.hi(), 1e-12);
    }

    @Test
    void speedupWithoutIntervalsHasNone() {
        Ratio speedup = Ratio.speedup(Summary.exact(10), new Summary(5, Double.NaN, Double.NaN, 0.999, 2, List.of()));
        assertEquals(2, speedup.value(), 1e-12);
        assertTrue(!speedup.hasInterval());
        assertEquals(0, speedup.significance());
    }

    @Test
    void throughputBecomesTimePerOpWithTheIntervalInverted() {
        Summary nanos = Summary.nanosPerOp(new Metric(2, 0.5, 0.999, "ops/us", 5, List.of()));
        assertEquals(500, nanos.center(), 1e-9);
        assertEquals(1_000 / 2.5, nanos.lo(), 1e-9);
        assertEquals(1_000 / 1.5, nanos.hi(), 1e-9);
        Summary unbounded = Summary.nanosPerOp(new Metric(2, 3, 0.999, "ops/us", 5, List.of()));
        assertEquals(Double.POSITIVE_INFINITY, unbounded.hi());
    }

    @Test
    void summaryWarnsAboutMissingAndWideIntervals() {
        Summary none = Summary.of(new Metric(10, Double.NaN, 0.999, "us/op", 2, List.of()));
        assertEquals(List.of(Caveat.of(Caveat.Code.FEW_SAMPLES, 2L)),
                none.warnings());
        Summary wide = Summary.nanosPerOp(new Metric(10, 2, 0.999, "us/op", 5, List.of()));
        assertEquals(Caveat.Code.WIDE_INTERVAL, wide.warnings().get(0).code());
        assertEquals(List.of(0.2), wide.warnings().get(0).values());
        assertEquals(8_000, wide.lo(), 1e-9);
        assertEquals(0.2, wide.relativeHalfWidth(), 1e-12);
        assertEquals(List.of(), Summary.of(new Metric(10, 0.5, 0.999, "us/op", 5, List.of())).warnings());
    }

    @Test
    void familiesComeFromTheStrategyCatalogNotFromTheSpelling() {
        assertEquals(Optional.of(Family.SEQUENTIAL), Roles.family(row("SumBenchmark.sum", "sequential-stream")));
        assertEquals(Optional.of(Family.THREADS), Roles.family(row("SumBenchmark.sum", "fork-join")));
        assertEquals(Optional.of(Family.PROCESSES), Roles.family(row("DispatchBenchmark.handOff", "process-shared")));
        assertEquals(Optional.empty(), Roles.family(row("SumBenchmark.sum", "process-like-but-unknown")),
                "an id the catalog lacks belongs to no family, whatever its spelling");
        assertEquals(Optional.of(Family.PROCESSES), Roles.family(row("SpawnBenchmark.bareJvm", null)));
        assertEquals(Optional.of(Family.PROCESSES), Roles.family(row("SpawnBenchmark.spawnSum", null)));
        assertEquals(Optional.of(Family.THREADS), Roles.family(row("SpawnBenchmark.thread", null)));
        assertEquals(Optional.empty(), Roles.family(row("SpawnBenchmark.jvmOfSomeKind", null)),
                "a method the table does not list belongs to no family, whatever its spelling");
        assertEquals(Optional.empty(), Roles.family(row("Other.bareJvm", null)), "not the spawn benchmark");
    }

    private static Result row(String shortName, String strategy) {
        Map<String, String> params = strategy == null ? Map.of() : Map.of("strategy", strategy);
        return new Result("dev.sumbench.bench." + shortName, "avgt", params, 1, 1,
                new Metric(10, 0.5, 0.999, "us/op", 5, List.of()), Map.of());
    }
}
