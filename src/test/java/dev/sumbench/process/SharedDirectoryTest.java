package dev.sumbench.process;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sumbench.sum.ChunkingRule;
import dev.sumbench.sum.Data;
import dev.sumbench.sum.Ranges;
import dev.sumbench.sum.Settings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Shared data lives in a private directory, disappears as soon as the workers mapped it, and never outlives a JVM. */
class SharedDirectoryTest {

    @Test
    void sharedDataIsPrivateToItsOwnerAndRemovedByUnlink(@TempDir Path base) throws Exception {
        SharedData data = SharedData.create(base, 8 * 1000);
        Path directory = data.directory();
        assertTrue(directory.getFileName().toString().startsWith("sumbench-" + ProcessHandle.current().pid() + "-"));
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(directory)));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(Path.of(data.path()))));
        data.write(Data.generate(1000, 1));
        data.unlink();
        assertFalse(Files.exists(directory));
        data.close();
        data.close();
        assertEquals(List.of(), Files.list(base).toList());
    }

    @Test
    void aProcessSharedPoolUnlinksItsFileOnceTheWorkersMappedIt() {
        long[] data = Data.generate(100_000, 4);
        try (ProcessShared shared = new ProcessShared(new Settings(2, 0).with(ChunkingRule.FIXED),
                WorkerLauncher.defaults())) {
            assertEquals(Ranges.loop(data, 0, data.length), shared.sum(data));
            assertEquals(List.of(), ProcessTesting.sharedDirectoriesOf(ProcessHandle.current().pid()),
                    "no name left in /dev/shm while the pool works from its mappings");
            assertEquals(Ranges.loop(data, 10, 90_000), shared.sum(data, 10, 90_000));
        }
    }

    @Test
    void staleDirectoriesOfDeadOwnersAreRemovedAndLiveOnesKept(@TempDir Path base) throws Exception {
        Process exited = new ProcessBuilder(WorkerLauncher.defaults().bareCommand()).start();
        assertEquals(0, exited.waitFor());
        long deadPid = exited.pid();
        ProcessHandle self = ProcessHandle.current();
        long selfStart = self.info().startInstant().map(Instant::toEpochMilli).orElse(0L);
        Path dead = Files.createDirectory(base.resolve("sumbench-" + deadPid + "-" + selfStart + "-1"));
        Files.writeString(dead.resolve("data.longs"), "left by a JVM killed during placement");
        Path reusedPid = Files.createDirectory(base.resolve("sumbench-" + self.pid() + "-" + (selfStart - 3_600_000)
                + "-1"));
        Path live = Files.createDirectory(base.resolve("sumbench-" + self.pid() + "-" + selfStart + "-2"));
        Path foreign = Files.createDirectory(base.resolve("sumbench-notes"));

        List<Path> removed = SharedDirectory.removeStale(base);

        assertEquals(List.of(dead, reusedPid).stream().sorted().toList(), removed.stream().sorted().toList());
        assertFalse(Files.exists(dead));
        assertFalse(Files.exists(reusedPid), "same pid, another start time: another, dead JVM");
        assertTrue(Files.exists(live));
        assertTrue(Files.exists(foreign), "not a name this code makes");
    }

    @Test
    void notEnoughSpaceIsAClearErrorBeforeAnythingIsWritten(@TempDir Path base) {
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> SharedData.create(base, Long.MAX_VALUE / 2));
        assertTrue(e.getMessage().startsWith(base + " has ") && e.getMessage().contains("MiB free"), e.getMessage());
        assertTrue(e.getMessage().contains("use process-pipe"), e.getMessage());
    }
}
