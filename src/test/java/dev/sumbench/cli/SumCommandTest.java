package dev.sumbench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sumbench.core.ExitCodes;
import dev.sumbench.sum.Data;
import java.util.List;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SumCommandTest {

    @Test
    void printsTheSumOfTheGeneratedData() {
        long expected = LongStream.of(Data.generate(100_000, 7)).sum();
        CliRun run = CliRun.of("sum", "--strategy", "fork-join", "--size", "100000", "--workers", "2", "--seed", "7");
        assertEquals(ExitCodes.OK, run.exitCode(), run.err());
        assertEquals(expected + System.lineSeparator(), run.out());
        assertEquals("", run.err());
    }

    @Test
    void repeatPrintsTimingsAndJsonHasEveryField() throws Exception {
        CliRun run = CliRun.of("sum", "--strategy", "thread-pool", "--size", "10", "--chunk", "5", "--workers", "2",
                "--repeat", "50", "--json");
        assertEquals(ExitCodes.OK, run.exitCode(), run.err());
        JsonNode json = new ObjectMapper().readTree(run.out());
        List<String> fields = List.of("strategy", "size", "workers", "chunk", "sum", "repeat", "min_ns", "median_ns",
                "median_ns_exact", "max_ns", "gbps", "idle_ns");
        assertEquals(fields, iterableToList(json.fieldNames()));
        assertEquals("thread-pool", json.get("strategy").asText());
        assertEquals(LongStream.of(Data.generate(10, Data.DEFAULT_SEED)).sum(), json.get("sum").asLong());
        assertEquals(50, json.get("repeat").asInt());
        long min = json.get("min_ns").asLong();
        long median = json.get("median_ns").asLong();
        long max = json.get("max_ns").asLong();
        assertTrue(0 < min && min <= median && median <= max, run.out());
        double exact = json.get("median_ns_exact").asDouble();
        assertTrue(Math.abs(exact - median) <= 0.5, "median_ns is the exact median rounded: " + run.out());
        assertTrue(json.get("gbps").asDouble() > 0, run.out());
    }

    @Test
    void textRepeatNamesTheSettingsAndTimes() {
        CliRun run = CliRun.of("sum", "--strategy", "sequential", "--size", "1000", "--repeat", "10");
        assertEquals(ExitCodes.OK, run.exitCode(), run.err());
        String[] lines = run.out().split("\\R");
        assertEquals(2, lines.length, run.out());
        assertTrue(lines[1].matches("sequential size=1000 workers=\\d+ chunk=0: min \\d+ ns, median \\d+ ns, "
                + "max \\d+ ns, [0-9.]+ GB/s \\(10 timed sums\\)"), lines[1]);
    }

    @Test
    void sizeZeroSumsToZero() {
        CliRun run = CliRun.of("sum", "--strategy", "parallel-stream", "--size", "0");
        assertEquals(ExitCodes.OK, run.exitCode(), run.err());
        assertEquals("0" + System.lineSeparator(), run.out());
    }

    @ParameterizedTest
    @CsvSource(delimiter = ';', value = {
        "--strategy gpu --size 10;                       --strategy: unknown strategy 'gpu' (available: sequential,",
        "--strategy sequential --size -1;                --size: must be 0..2147483639, got -1",
        "--strategy sequential --size 99999999999;       --size: must be 0..2147483639, got 99999999999",
        "--strategy sequential --size 2000000000;        --size: 2000000000 elements need 15258 MiB",
        "--strategy thread-pool --size 10 --workers 0;   --workers: must be 1..1024, got 0",
        "--strategy thread-pool --size 10 --chunk -3;    --chunk: must be >= 0 (0 = the strategy's default), got -3",
        "--strategy sequential --size 12x;               Invalid value for option '--size': '12x' is not a long",
        "--strategy sequential --size 10 --repeat -1;    --repeat: must be >= 0, got -1",
        "--strategy sequential;                          Missing required option: '--size=N'",
        "--strategy sequential --size 10 --bogus;        Unknown option: '--bogus'",
    })
    void badInputGetsOneLineNamingTheOptionAndExitCodeTwo(String args, String expected) {
        CliRun run = CliRun.of(("sum " + args).split(" "));
        assertEquals(ExitCodes.BAD_INPUT, run.exitCode(), run.err());
        assertEquals("", run.out());
        assertEquals(1, run.errLines(), run.err());
        assertTrue(run.err().startsWith("sumbench sum: " + expected.strip()), run.err());
        assertTrue(run.err().strip().endsWith("(see 'sumbench sum --help')"), run.err());
    }

    @Test
    void helpListsEveryOption() {
        CliRun run = CliRun.of("sum", "--help");
        assertEquals(ExitCodes.OK, run.exitCode());
        for (String option : List.of("--strategy", "--size", "--workers", "--chunk", "--seed", "--repeat", "--json")) {
            assertTrue(run.out().contains(option), option);
        }
    }

    private static List<String> iterableToList(java.util.Iterator<String> names) {
        List<String> list = new java.util.ArrayList<>();
        names.forEachRemaining(list::add);
        return list;
    }
}
