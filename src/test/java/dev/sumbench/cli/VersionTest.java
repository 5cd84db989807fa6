package dev.sumbench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class VersionTest {

    /** The project's version as the pom states it, read from the pom itself. */
    private static String pomVersion() throws IOException {
        String pom = Files.readString(Path.of("pom.xml"));
        Matcher matcher = Pattern.compile("<artifactId>sumbench</artifactId>\\s*<version>([^<]+)</version>")
                .matcher(pom);
        assertTrue(matcher.find(), "the pom's version");
        return matcher.group(1);
    }

    @Test
    void everyCommandPrintsThePomsVersionWithDashV() throws IOException {
        String expected = "sumbench " + pomVersion();
        for (String command : new String[] {"", "demo", "sum", "tables", "plot", "compare", "tune"}) {
            CliRun run = command.isEmpty() ? CliRun.of("-V") : CliRun.of(command, "-V");
            assertEquals(0, run.exitCode(), command + ": " + run.err());
            assertEquals(expected, run.out().lines().findFirst().orElse(""), command);
            assertTrue(run.out().contains("JVM: "), command);
            run = command.isEmpty() ? CliRun.of("--version") : CliRun.of(command, "--version");
            assertEquals(expected, run.out().lines().findFirst().orElse(""), command + " --version");
        }
    }
}
