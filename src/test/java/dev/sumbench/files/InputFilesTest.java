package dev.sumbench.files;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Only regular files of a bounded size are read; special files are refused before they are opened. */
class InputFilesTest {

    @TempDir
    Path dir;

    @Test
    void aRegularFileIsReadWhole() throws IOException {
        Path file = Files.writeString(dir.resolve("run.json"), "[]");
        assertEquals("[]", new String(InputFiles.read(file, "results")));
        Path link = Files.createSymbolicLink(dir.resolve("link.json"), file);
        assertEquals("[]", new String(InputFiles.read(link, "results")), "a link to a regular file is fine");
    }

    @Test
    void fifosDevicesAndDirectoriesAreRefusedAtOnce() throws Exception {
        Path fifo = dir.resolve("fifo");
        assertEquals(0, new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor());
        assertTimeoutPreemptively(Duration.ofSeconds(30), () -> {
            assertEquals(fifo + ": expected results (a regular file), found a special file (FIFO, device or socket)",
                    assertThrows(RefusedFileException.class, () -> InputFiles.read(fifo, "results")).getMessage());
            assertEquals("/dev/zero: expected results (a regular file), found a special file (FIFO, device or "
                    + "socket)", assertThrows(RefusedFileException.class,
                            () -> InputFiles.read(Path.of("/dev/zero"), "results")).getMessage());
        });
        assertEquals(dir + ": expected results, found a directory",
                assertThrows(RefusedFileException.class, () -> InputFiles.read(dir, "results")).getMessage());
        assertEquals(dir.resolve("nope") + ": expected results, found no such file", assertThrows(
                RefusedFileException.class, () -> InputFiles.read(dir.resolve("nope"), "results")).getMessage());
    }

    @Test
    void aFileBeyondTheLimitIsRefusedWithoutReadingIt() throws IOException {
        Path big = dir.resolve("big.json");
        try (RandomAccessFile file = new RandomAccessFile(big.toFile(), "rw")) {
            file.setLength(InputFiles.MAX_BYTES + 1); // sparse: no disk used
        }
        assertEquals(big + ": expected results of at most 64 MiB, found 64 MiB",
                assertThrows(RefusedFileException.class, () -> InputFiles.read(big, "results")).getMessage());
    }
}
