package dev.sumbench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sumbench.core.ExitCodes;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * A bad {@code -Dsumbench.*} value is bad input like any other: one line naming the property and exit code 2 for
 * every command, while {@code --help} still works. Run in a JVM of its own, as a user's {@code JAVA_OPTS} would set it.
 */
class SystemPropertiesTest {

    private record Exit(int code, String out, String err) {
    }

    private static Exit sumbench(String property, String... args) throws Exception {
        List<String> command = new java.util.ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin",
                "java").toString(), property, "-cp", System.getProperty("java.class.path"), Main.class.getName()));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).start();
        process.getOutputStream().close();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String err = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(60, TimeUnit.SECONDS));
        return new Exit(process.exitValue(), out, err);
    }

    @Test
    void aBadChunkingRuleIsOneLineAndExitTwoAndHelpStillWorks() throws Exception {
        Exit help = sumbench("-Dsumbench.chunking=bogus", "--help");
        Exit demoHelp = sumbench("-Dsumbench.chunking=bogus", "demo", "--help");
        Exit sum = sumbench("-Dsumbench.chunking=bogus", "sum", "--strategy", "fork-join", "--size", "10");

        assertEquals(ExitCodes.OK, help.code(), help.err());
        assertTrue(help.out().startsWith("Usage: sumbench"), help.out());
        assertEquals(ExitCodes.OK, demoHelp.code(), demoHelp.err());
        assertEquals(ExitCodes.BAD_INPUT, sum.code(), sum.err());
        assertEquals("sumbench sum: -Dsumbench.chunking: expected adaptive or fixed, got 'bogus'\n", sum.err());
    }

    @Test
    void numbersThatCannotBeMeantAreRefusedNotIgnored() throws Exception {
        Exit spin = sumbench("-Dsumbench.callerSpinNanos=fast", "sum", "--strategy", "thread-pool", "--size", "10");
        Exit stall = sumbench("-Dsumbench.workerStallMillis=-5", "sum", "--strategy", "process-pipe", "--size", "10");

        assertEquals(ExitCodes.BAD_INPUT, spin.code(), spin.err());
        assertEquals("sumbench sum: -Dsumbench.callerSpinNanos: expected a whole number of nanoseconds >= 0, got "
                + "'fast'\n", spin.err());
        assertEquals(ExitCodes.BAD_INPUT, stall.code(), stall.err());
        assertEquals("sumbench sum: -Dsumbench.workerStallMillis: expected a whole number of milliseconds > 0, got "
                + "'-5'\n", stall.err());
    }
}
