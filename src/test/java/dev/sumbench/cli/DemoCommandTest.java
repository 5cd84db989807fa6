package dev.sumbench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sumbench.core.ExitCodes;
import dev.sumbench.sum.Strategies;
import org.junit.jupiter.api.Test;

class DemoCommandTest {

    @Test
    void everyStrategySumsOneToTenToFiftyFive() {
        CliRun run = CliRun.of("demo", "--repeat", "5", "--format", "csv");
        assertEquals(ExitCodes.OK, run.exitCode(), run.err());
        String[] lines = run.out().split("\\R");
        assertEquals("strategy,sum,setup,median per sum,trade-off", lines[0]);
        assertEquals(Strategies.ids().size() + 1, lines.length, run.out());
        for (int i = 1; i < lines.length; i++) {
            String[] cells = lines[i].split(",", 3);
            assertEquals(Strategies.ids().get(i - 1), cells[0]);
            assertEquals("55", cells[1], lines[i]);
        }
    }

    @Test
    void badFormatIsBadInput() {
        CliRun run = CliRun.of("demo", "--format", "xml");
        assertEquals(ExitCodes.BAD_INPUT, run.exitCode());
        assertEquals("sumbench demo: --format: unknown format 'xml' (expected md, csv or text)",
                run.err().strip());
    }

    @Test
    void topLevelWithoutCommandIsBadInput() {
        CliRun run = CliRun.of();
        assertEquals(ExitCodes.BAD_INPUT, run.exitCode());
        assertTrue(run.err().startsWith("sumbench: a command is missing"), run.err());
    }
}
