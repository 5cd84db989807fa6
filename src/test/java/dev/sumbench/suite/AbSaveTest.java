package dev.sumbench.suite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The six files of an A/B round saved as one unit: a save, and every state a SIGKILL of the writer can leave behind
 * (each written by a real process that then died, named as its save names them), set right by the next run.
 */
class AbSaveTest {

    private static final List<String> NAMES = List.of("r_A.json", "r_A.csv", "r_B.json", "r_B.csv", "r_A.meta.json",
            "r_B.meta.json");

    /** The name of a writer that has exited: a real process, started and gone. */
    private static String deadWriter;

    @TempDir
    Path dir;

    @BeforeAll
    static void startAndEndAProcess() throws Exception {
        Process process = new ProcessBuilder("sleep", "30").start();
        deadWriter = AbSave.writer(process.toHandle());
        process.destroyForcibly().waitFor();
    }

    @Test
    void aSaveReplacesAllSixFilesAndLeavesNothingElse() throws IOException {
        write("round 1");

        AbSave.save(round("round 2"));

        assertEquals(NAMES.stream().sorted().toList(), names());
        for (String name : NAMES) {
            assertEquals("round 2 " + name, Files.readString(dir.resolve(name)));
        }
    }

    @Test
    void aWriterKilledAtAnyPointLeavesRoundsThatTheNextRunMakesWhole() throws IOException {
        // killed while writing the temporaries (after j of them), or after the commit (after r renames)
        for (int j = 0; j <= NAMES.size(); j++) {
            write("round 1");
            for (String name : NAMES.subList(0, j)) {
                Files.writeString(temporary(name), "round 2 " + name);
            }
            List<String> done = AbSave.recover(dir);
            assertAll("round 1", j + " temporaries written, no commit");
            assertEquals(j == 0 ? 0 : 1, done.size(), done.toString());
        }
        for (int r = 0; r <= NAMES.size(); r++) {
            write("round 1");
            for (String name : NAMES) {
                Files.writeString(temporary(name), "round 2 " + name);
            }
            Files.createFile(dir.resolve("." + deadWriter + ".commit"));
            for (String name : NAMES.subList(0, r)) {
                Files.move(temporary(name), dir.resolve(name), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            }
            List<String> done = AbSave.recover(dir);
            assertAll("round 2", "committed, " + r + " renamed");
            assertEquals(1, done.size(), done.toString());
            assertTrue(done.get(0).startsWith("finished the save of a round that a killed A/B run (pid "), done.get(0));
        }
    }

    @Test
    void theSaveOfALiveWriterIsLeftAlone() throws IOException {
        write("round 1");
        String me = AbSave.writer(ProcessHandle.current());
        Path mine = dir.resolve("." + NAMES.get(0) + "." + me + ".tmp");
        Files.writeString(mine, "in progress");

        assertEquals(List.of(), AbSave.recover(dir));
        assertTrue(Files.exists(mine));
    }

    private void assertAll(String round, String state) throws IOException {
        assertEquals(NAMES.stream().sorted().toList(), names(), state);
        for (String name : NAMES) {
            assertEquals(round + " " + name, Files.readString(dir.resolve(name)), state);
        }
    }

    private Path temporary(String name) {
        return dir.resolve("." + name + "." + deadWriter + ".tmp");
    }

    private void write(String round) throws IOException {
        for (Map.Entry<Path, byte[]> file : round(round).entrySet()) {
            Files.write(file.getKey(), file.getValue());
        }
    }

    private Map<Path, byte[]> round(String round) {
        Map<Path, byte[]> files = new LinkedHashMap<>();
        for (String name : NAMES) {
            files.put(dir.resolve(name), (round + " " + name).getBytes(StandardCharsets.UTF_8));
        }
        return files;
    }

    private List<String> names() throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return new ArrayList<>(files.map(f -> f.getFileName().toString()).sorted().toList());
        }
    }
}
