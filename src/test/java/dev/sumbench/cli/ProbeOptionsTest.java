package dev.sumbench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sumbench.core.ExitCodes;
import dev.sumbench.sum.ChunkProfiles;
import dev.sumbench.sum.IdleTime;
import dev.sumbench.sum.UsePattern;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The options of the quick probe that {@code sum} and {@code demo} share: --idle, --chunking. */
class ProbeOptionsTest {

    @TempDir
    Path dir;

    @ParameterizedTest
    @CsvSource({"0, 0", "2ms, 2000000", "500us, 500000", "1.5ms, 1500000", "250ns, 250", "1s, 1000000000",
            "' 3 ms ', 3000000", "7µs, 7000"})
    void idleTimesParseToNanoseconds(String text, long nanos) {
        assertEquals(nanos, IdleTime.parseNanos(text));
    }

    @ParameterizedTest
    @CsvSource(delimiter = ';', value = {
        "soon;  expected a time like 0, 500us, 2ms or 1s, got 'soon'",
        "-1ms;  expected a time like 0, 500us, 2ms or 1s, got '-1ms'",
        "5;     expected a unit (ns, us, ms or s) after 5, got '5'",
        "2s;    must be at most 1s, got '2s'",
        "3min;  expected a time like 0, 500us, 2ms or 1s, got '3min'",
    })
    void badIdleTimesAreRefusedWithOneLine(String text, String message) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> IdleTime.parseNanos(text));
        assertEquals(message.strip(), e.getMessage());
    }

    @ParameterizedTest
    @CsvSource(delimiter = ';', value = {
        "sum --strategy thread-pool --size 10 --repeat 3 --idle soon;   sumbench sum: --idle: expected a time like",
        "sum --strategy thread-pool --size 10 --repeat 3 --idle 5s;     sumbench sum: --idle: must be at most 1s",
        "sum --strategy thread-pool --size 10 --chunking smart;         sumbench sum: --chunking: expected adaptive or "
                + "fixed, got 'smart'",
        "demo --repeat 3 --idle 2;                                      sumbench demo: --idle: expected a unit",
    })
    void badProbeOptionsGetOneLineAndExitCodeTwo(String args, String expected) {
        CliRun run = CliRun.of(args.strip().split(" +"));
        assertEquals(ExitCodes.BAD_INPUT, run.exitCode(), run.err());
        assertEquals("", run.out());
        assertEquals(1, run.errLines(), run.err());
        assertTrue(run.err().startsWith(expected.strip()), run.err());
    }

    @Test
    void idleTimeIsSpentBeforeEachTimedSumAndReported() throws Exception {
        CliRun run = CliRun.of("sum", "--strategy", "thread-pool", "--size", "1000", "--workers", "2",
                "--repeat", "5", "--idle", "2ms", "--json");
        assertEquals(ExitCodes.OK, run.exitCode(), run.err());
        JsonNode json = new ObjectMapper().readTree(run.out());
        assertEquals(2_000_000, json.get("idle_ns").asLong());
        assertEquals(5, json.get("repeat").asInt());
        CliRun text = CliRun.of("sum", "--strategy", "sequential", "--size", "10", "--repeat", "3", "--idle", "1ms");
        assertEquals(ExitCodes.OK, text.exitCode(), text.err());
        assertTrue(text.out().contains("(3 timed sums, each after 1.00 ms idle)"), text.out());
    }

    @Test
    void verboseSaysTheRuleItsMeasuredInputsAndTheDecision() {
        CliRun run = CliRun.of("sum", "--strategy", "fork-join", "--size", "1000", "--workers", "2", "--verbose");
        assertEquals(ExitCodes.OK, run.exitCode(), run.err());
        String line = run.err().strip();
        // a hand-off costs far more than summing 1000 longs anywhere, so the range is kept whole
        assertTrue(line.matches("sumbench sum: fork-join: split n elements when n·c·\\(1 − 1/p\\) − n·t > m·h, with "
                + "c = [0-9.]+ ns per element, t = 0.000 ns per element, h = [0-9.]+ µs, m = 2, p = [12]: "
                + "(from n = \\d+|never); 1000 elements: summed in the caller \\(measured rule: below the minimum "
                + "parallel size .+\\)"), line);

        CliRun fixed = CliRun.of("sum", "--strategy", "fork-join", "--size", "131072", "--workers", "2",
                "--chunking", "fixed", "--verbose");
        assertEquals(ExitCodes.OK, fixed.exitCode(), fixed.err());
        assertTrue(fixed.err().contains("fork-join: chunking: fixed (chunks of at least 65536 elements"), fixed.err());
        assertTrue(fixed.err().contains("131072 elements: 2 chunks (fixed: chunks of at least 65536)"), fixed.err());

        CliRun sequential = CliRun.of("sum", "--strategy", "sequential", "--size", "10", "--verbose");
        assertEquals("sumbench sum: sequential: does not chunk (it always sums in the caller)",
                sequential.err().strip());
        CliRun jdk = CliRun.of("sum", "--strategy", "jdk-parallel-stream", "--size", "10", "--verbose");
        assertEquals("sumbench sum: jdk-parallel-stream: does not chunk (the JDK splits it on the common pool)",
                jdk.err().strip());
    }

    @Test
    void aProfileFromAnotherMachineIsWarnedAboutAndStillUsed() {
        Path profile = dir.resolve("elsewhere.chunks.json");
        ChunkProfiles.write(profile, new ChunkProfiles.Document("run.json", 0.05, 64,
                List.of(new ChunkProfiles.Entry("fork-join", 2, 1_000, 500, 0, 0)),
                List.of(new ChunkProfiles.MinParallel("fork-join", 2, 1_000)), UsePattern.BACK_TO_BACK,
                new ChunkProfiles.Origin("no-such-host-here", "Imaginary CPU 9000", "Nobody", 8, 64)));
        CliRun run = CliRun.of("sum", "--strategy", "fork-join", "--size", "10000", "--workers", "2",
                "--chunk", "auto", "--profile", profile.toString());
        assertEquals(ExitCodes.OK, run.exitCode(), run.err());
        assertTrue(run.err().startsWith("sumbench sum: warning: " + profile + " was measured elsewhere (host "
                + "no-such-host-here (this one: "), run.err());
        assertTrue(run.err().contains("CPU Imaginary CPU 9000 (this one: "), run.err());
        assertTrue(run.err().contains("JDK 8 (this one: " + Runtime.version().feature() + ")"), run.err());
        assertEquals(1, run.errLines(), run.err());
    }

    @Test
    void demoTakesAnIdleTimeAndSaysSo() {
        CliRun run = CliRun.of("demo", "--repeat", "3", "--idle", "1ms", "--format", "csv");
        assertEquals(ExitCodes.OK, run.exitCode(), run.err());
        assertTrue(run.out().startsWith("strategy,sum,setup,median per sum,splits from,trade-off"), run.out());
        assertTrue(run.out().lines().anyMatch(l -> l.startsWith("sequential,55,") && l.contains(",-,")), run.out());
    }
}
