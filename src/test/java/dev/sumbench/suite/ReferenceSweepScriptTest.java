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
    void prepareRefusesADirectoryItDidNotMakeAndLeavesItsFiles() throws Exception {
        Path user = Files.createDirectories(dir.resolve("user/photos"));
        Path thesis = Files.writeString(dir.resolve("user/thesis.tex"), "chapter one");

        ScriptRun result = run("prepare", dir.resolve("user").toString());

        assertEquals(2, result.exitCode(), result.output());
        assertEquals(1, result.output().strip().lines().count(), result.output());
        assertTrue(result.output().contains("was not made by 'reference-sweep prepare'"), result.output());
        assertTrue(Files.isDirectory(user), "the user's directory is kept");
        assertEquals("chapter one", Files.readString(thesis));
        try (var entries = Files.list(dir)) {
            assertEquals(1, entries.count(), "no temporary sibling is left");
        }
    }

    @Test
    void prepareRefusesAFileAndALink() throws Exception {
        Path file = Files.writeString(dir.resolve("notes.txt"), "mine");
        Path link = Files.createSymbolicLink(dir.resolve("link"), Files.createDirectory(dir.resolve("victim")));

        ScriptRun onFile = run("prepare", file.toString());
        ScriptRun onLink = run("prepare", link.toString());

        assertEquals(2, onFile.exitCode(), onFile.output());
        assertTrue(onFile.output().contains("is not a directory"), onFile.output());
        assertEquals(2, onLink.exitCode(), onLink.output());
        assertTrue(onLink.output().contains("is a symbolic link"), onLink.output());
        assertEquals("mine", Files.readString(file));
    }

    @Test
    void runRefusesAnOutputThatHoldsAnEarlierSweep() throws Exception {
        Path out = Files.createDirectories(dir.resolve("out"));
        Path archive = Files.writeString(out.resolve("runs.tar.gz"), "an earlier sweep");

        ScriptRun result = run("run", dir.resolve("runtime").toString(), out.toString(), "--budget", "10");

        assertEquals(2, result.exitCode(), result.output());
        assertEquals("reference-sweep: " + out + " already holds runs.tar.gz from an earlier sweep; give a new OUT",
                result.output().strip());
        assertEquals("an earlier sweep", Files.readString(archive));
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
