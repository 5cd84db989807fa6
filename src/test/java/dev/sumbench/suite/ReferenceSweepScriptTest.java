package dev.sumbench.suite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code scripts/reference-sweep}: what it refuses before it measures anything (a real sweep takes minutes). */
class ReferenceSweepScriptTest {

    @TempDir
    Path dir;

    @Test
    void runWithoutAPreparedRuntimeIsOneLineAndExitTwo() throws Exception {
        ScriptRun result = run("run", dir.resolve("no-such-runtime").toString(), dir.resolve("out").toString());

        assertEquals(2, result.exitCode(), result.output());
        assertEquals(1, result.output().strip().lines().count(), result.output());
        assertTrue(result.output().contains("run 'reference-sweep prepare' first"), result.output());
        assertTrue(Files.notExists(dir.resolve("out")), "nothing is written before the checks pass");
    }

    @Test
    void malformedCountsAreOneLineAndExitTwo() throws Exception {
        ScriptRun result = run("run", dir.toString(), dir.resolve("out").toString(), "--counts", "1,two");

        assertEquals(2, result.exitCode(), result.output());
        assertEquals("reference-sweep: --counts must be like 1,2,4,8,16, got '1,two'", result.output().strip());
    }

    @Test
    void anUnknownVerbPrintsTheUsageAndExitsTwo() throws Exception {
        ScriptRun result = run("measure");

        assertEquals(2, result.exitCode(), result.output());
        assertTrue(result.output().startsWith("reference-sweep prepare [DIR]"), result.output());
    }

    private static ScriptRun run(String... args) throws IOException, InterruptedException {
        return ScriptRun.of("reference-sweep", args);
    }
}
