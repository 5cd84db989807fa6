package dev.sumbench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sumbench.core.ExitCodes;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code sum --repeat R --trace FILE}: real runs, every sum in the file with how the default chunking made it. */
class SumTraceTest {

    @TempDir
    Path dir;

    @Test
    void theLastRowsAreTheTimedSumsAndTheFixedRuleHandsEachToTheWorkers() throws Exception {
        Path trace = dir.resolve("fixed.csv");
        CliRun run = CliRun.of("sum", "--strategy", "thread-pool", "--size", "2000000", "--workers", "2",
                "--chunking", "fixed", "--repeat", "21", "--json", "--trace", trace.toString());
        assertEquals(ExitCodes.OK, run.exitCode(), run.err());

        List<String[]> rows = rows(trace);
        // the warm-up's sums (5 at least), then the 21 timed ones; the fixed rule splits 2 000 000 without learning
        assertTrue(rows.size() >= 5 + 21, rows.size() + " rows");
        long lastStart = -1;
        for (String[] row : rows) {
            assertEquals("plan", row[3], Arrays.toString(row));
            assertEquals("", row[4] + row[5], Arrays.toString(row));
            assertTrue(Long.parseLong(row[1]) > lastStart && Long.parseLong(row[2]) > 0, Arrays.toString(row));
            lastStart = Long.parseLong(row[1]);
        }
        // the probe times each of these sums alone: the median of the last 21 rows is its median, less the trace's own
        // two clock reads
        double[] last = rows.subList(rows.size() - 21, rows.size()).stream().mapToDouble(r -> Double.parseDouble(r[2]))
                .sorted().toArray();
        JsonNode json = new ObjectMapper().readTree(run.out());
        double median = json.get("median_ns_exact").asDouble();
        assertTrue(last[10] <= median && median <= last[10] * 1.02 + 1_000, last[10] + " against " + median);
    }

    @Test
    void theDefaultsRowsSayWhatItsOwnTimingKeptAndChose() throws Exception {
        Path trace = dir.resolve("default.csv");
        CliRun run = CliRun.of("sum", "--strategy", "thread-pool", "--size", "4000000", "--workers", "2",
                "--repeat", "20", "--trace", trace.toString());
        assertEquals(ExitCodes.OK, run.exitCode(), run.err());

        List<String[]> rows = rows(trace);
        assertTrue(rows.size() >= 5 + 20, rows.size() + " rows");
        boolean learned = false;
        boolean loopKept = false;
        for (String[] row : rows) {
            // far above the floor on two cores the learner decides each sum; on one core the floor is "never"
            assertTrue(Set.of("caller", "split", "loop").contains(row[3]), Arrays.toString(row));
            if (!row[3].equals("caller")) {
                learned = true;
                assertTrue(Set.of("yes", "no").contains(row[4]), Arrays.toString(row));
                assertTrue(Set.of("split", "loop").contains(row[5]), Arrays.toString(row));
                loopKept |= row[3].equals("loop") && row[4].equals("yes");
            }
        }
        // where it learns, it timed the loop before its first splits (its first burst)
        assertTrue(!learned || loopKept, "a kept loop among the learned rows");
        assertTrue(!learned || Runtime.getRuntime().availableProcessors() >= 2);
    }

    @Test
    void aStrategyThatNeverChunksHasNothingToTrace() {
        Path trace = dir.resolve("sequential.csv");
        CliRun run = CliRun.of("sum", "--strategy", "sequential", "--size", "10", "--repeat", "3", "--trace",
                trace.toString());
        assertEquals(ExitCodes.BAD_INPUT, run.exitCode(), run.err());
        assertEquals(1, run.errLines(), run.err());
        assertTrue(run.err().startsWith("sumbench sum: --trace: sequential never chunks"), run.err());
        assertFalse(Files.exists(trace));
    }

    @Test
    void aTraceNeedsTimedSums() {
        Path trace = dir.resolve("untimed.csv");
        CliRun run = CliRun.of("sum", "--strategy", "fork-join", "--size", "10", "--trace", trace.toString());
        assertEquals(ExitCodes.BAD_INPUT, run.exitCode(), run.err());
        assertEquals(1, run.errLines(), run.err());
        assertTrue(run.err().startsWith("sumbench sum: --trace: needs --repeat R"), run.err());
        assertFalse(Files.exists(trace));
    }

    /** The data rows of a trace, after checking its header. */
    private static List<String[]> rows(Path trace) throws Exception {
        List<String> lines = Files.readAllLines(trace);
        assertEquals("call,start_ns,ns,way,kept,prefers", lines.get(0));
        List<String[]> rows = lines.subList(1, lines.size()).stream().map(l -> l.split(",", -1)).toList();
        for (int i = 0; i < rows.size(); i++) {
            assertEquals(6, rows.get(i).length, lines.get(i + 1));
            assertEquals(Integer.toString(i), rows.get(i)[0]);
        }
        return rows;
    }
}
