package dev.sumbench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sumbench.core.ExitCodes;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@code sumbench race}: real strategies side by side in this JVM, their rows, and what it refuses. */
class RaceCommandTest {

    @Test
    void everyRoundHasEveryContenderAndTheFirstIsTheOneTheOthersAreSetAgainst() {
        CliRun run = CliRun.of("race", "--size", "1000", "--workers", "2", "--repeat", "20", "--rounds", "2",
                "--order-seed", "7", "--contenders", "sequential,thread-pool@fixed,thread-pool@adaptive",
                "--format", "csv");

        assertEquals(ExitCodes.OK, run.exitCode(), run.err());
        List<String> lines = run.out().lines().toList();
        assertEquals("round,contender,median ns,× sequential", lines.get(0));
        // two rounds of three, then the median over the rounds of each
        assertEquals(1 + 2 * 3 + 3, lines.size(), run.out());
        Pattern row = Pattern.compile("(1|2|all),(sequential|thread-pool@fixed|thread-pool@adaptive),([0-9.]+),"
                + "([0-9.]+)");
        for (String line : lines.subList(1, lines.size())) {
            Matcher m = row.matcher(line);
            assertTrue(m.matches(), line);
            assertTrue(Double.parseDouble(m.group(3)) > 0, line);
            if (m.group(2).equals("sequential")) {
                assertEquals("1.0000", m.group(4), "the first contender against itself: " + line);
            }
        }
    }

    @Test
    void theTextTableNamesTheSettingsAndTheOrderSeed() {
        CliRun run = CliRun.of("race", "--size", "100", "--workers", "2", "--repeat", "10", "--rounds", "1",
                "--order-seed", "42", "--contenders", "sequential,fork-join");

        assertEquals(ExitCodes.OK, run.exitCode(), run.err());
        assertTrue(run.out().startsWith("race: 100 elements, 2 workers, chunk 0, 10 timed sums per contender and "
                + "round, 1 rounds in a random order (order seed 42)"), run.out());
        assertTrue(run.out().contains("in turns of " + RaceCommand.TURN + " samples"), run.out());
    }

    @Test
    void verboseSaysHowEachContenderDecidesForThisSize() {
        CliRun run = CliRun.of("race", "--size", "1000", "--workers", "2", "--repeat", "10", "--rounds", "1",
                "--order-seed", "3", "--contenders", "sequential,thread-pool@fixed,thread-pool@adaptive", "--verbose");

        assertEquals(ExitCodes.OK, run.exitCode(), run.err());
        List<String> lines = run.err().lines().toList();
        assertEquals(3, lines.size(), run.err());
        assertEquals("sumbench race: sequential: sequential: does not chunk (it always sums in the caller)",
                lines.get(0));
        assertTrue(lines.get(1).startsWith("sumbench race: thread-pool@fixed: thread-pool: chunking: fixed"),
                lines.get(1));
        // 1,000 elements never pay for a hand-off on any machine the rule has measured
        assertTrue(lines.get(2).matches("sumbench race: thread-pool@adaptive: thread-pool: split n elements when .*, "
                + "h = [0-9.]+ µs, m = 2, p = [0-9]+: (from n = [0-9]+|never); 1000 elements: summed in the caller \\(.*\\)"),
                lines.get(2));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "--contenders sequential,bogus | sumbench race: --contenders: unknown strategy 'bogus' (available: ",
        "--contenders fork-join@never | sumbench race: --contenders: fork-join@never: expected adaptive or fixed, got "
                + "'never'",
        "--contenders sequential,sequential | sumbench race: --contenders: sequential is named twice",
        "--rounds 0 | sumbench race: --rounds: must be >= 1, got 0",
        "--repeat 0 | sumbench race: --repeat: must be >= 1, got 0",
        "--idle 2 | sumbench race: --idle: expected a unit",
        "--format pdf | sumbench race: --format: "})
    void badInputIsOneLineAndExitTwo(String args, String start) {
        CliRun run = CliRun.of(("race --size 10 " + args).split(" "));

        assertEquals(ExitCodes.BAD_INPUT, run.exitCode(), run.err());
        assertEquals("", run.out());
        assertEquals(1, run.err().strip().lines().count(), run.err());
        assertTrue(run.err().startsWith(start), run.err());
    }
}
