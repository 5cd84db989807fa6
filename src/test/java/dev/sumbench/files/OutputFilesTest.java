package dev.sumbench.files;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every output is written whole, 0644, over a regular file only, and never over an input. */
class OutputFilesTest {

    @TempDir
    Path dir;

    @Test
    void writesEveryFileInOrderWithMode0644() throws IOException {
        Map<Path, byte[]> files = new LinkedHashMap<>();
        files.put(dir.resolve("run-time.png"), new byte[] {1, 2, 3});
        files.put(dir.resolve("run.md"), "tables\n".getBytes());
        assertEquals(List.copyOf(files.keySet()), OutputFiles.replaceAll(files, List.of()));
        assertEquals("tables\n", Files.readString(dir.resolve("run.md")));
        for (Path file : files.keySet()) {
            assertEquals("rw-r--r--", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        }
        assertEquals(List.of("run-time.png", "run.md"), names());
    }

    @Test
    void aFailedFileLeavesTheOldOnesAndNoTemporary() throws IOException {
        Path out = Files.writeString(dir.resolve("run.md"), "old\n");
        Files.createDirectories(dir.resolve("run-time.png").resolve("occupied"));
        Map<Path, byte[]> files = new LinkedHashMap<>();
        files.put(dir.resolve("run-time.png"), new byte[] {1});
        files.put(out, "new\n".getBytes());
        assertThrows(RefusedFileException.class, () -> OutputFiles.replaceAll(files, List.of()));
        assertEquals("old\n", Files.readString(out));
        assertEquals(List.of("run-time.png", "run.md"), names());
    }

    @Test
    void anInputIsNeverReplacedThroughALinkOrAHardLink() throws IOException {
        Path input = Files.writeString(dir.resolve("real.json"), "input");
        Path hardLink = Files.createLink(dir.resolve("hard.json"), input);
        Path link = Files.createSymbolicLink(dir.resolve("link.json"), input);
        for (Path target : List.of(input, hardLink, dir.resolve(".").resolve("real.json"))) {
            RefusedFileException e = assertThrows(RefusedFileException.class,
                    () -> OutputFiles.replace(target, new byte[] {1}, List.of(link)));
            assertTrue(e.getMessage().contains("found one of the inputs"), e.getMessage());
        }
        assertEquals("input", Files.readString(input));
    }

    @Test
    void linksDirectoriesAndSpecialFilesAreNeverReplaced() throws Exception {
        Path target = Files.writeString(dir.resolve("target.md"), "theirs");
        Path link = Files.createSymbolicLink(dir.resolve("link.md"), target);
        Path fifo = dir.resolve("fifo");
        assertEquals(0, new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor());
        Map<Path, String> expected = Map.of(link, "found a symbolic link", fifo, "found a special file",
                Files.createDirectory(dir.resolve("sub")), "found a directory",
                dir.resolve("missing").resolve("x.md"), "found no directory");
        for (Map.Entry<Path, String> refused : expected.entrySet()) {
            RefusedFileException e = assertThrows(RefusedFileException.class,
                    () -> OutputFiles.replace(refused.getKey(), new byte[] {1}, List.of()));
            assertTrue(e.getMessage().startsWith(refused.getKey() + ": expected "), e.getMessage());
            assertTrue(e.getMessage().contains(refused.getValue()), e.getMessage());
        }
        assertTrue(Files.isSymbolicLink(link));
        assertEquals("theirs", Files.readString(target));
        assertFalse(Files.isRegularFile(fifo));
    }

    @Test
    void aDeviceNodeIsNeverReplacedEvenByRoot() throws Exception {
        assumeTrue("root".equals(System.getProperty("user.name")), "only root can make a device node");
        Path null2 = dir.resolve("null");
        assertEquals(0, new ProcessBuilder("mknod", null2.toString(), "c", "1", "3").start().waitFor());
        assertThrows(RefusedFileException.class, () -> OutputFiles.replace(null2, new byte[] {1}, List.of()));
        assertFalse(Files.isRegularFile(null2), "still the device node");
    }

    @Test
    void publishNewNeverReplacesAnything() throws IOException {
        Path taken = Files.createSymbolicLink(dir.resolve("run.json"), dir.resolve("elsewhere"));
        Path temporary = OutputFiles.temporary(taken);
        assertEquals("rw-r--r--", PosixFilePermissions.toString(Files.getPosixFilePermissions(temporary)));
        assertThrows(java.nio.file.FileAlreadyExistsException.class, () -> OutputFiles.publishNew(temporary, taken));
        assertTrue(Files.isSymbolicLink(taken));
        Files.delete(temporary);
    }

    private List<String> names() throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(f -> f.getFileName().toString()).sorted().toList();
        }
    }
}
