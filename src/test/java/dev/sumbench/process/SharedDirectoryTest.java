package dev.sumbench.process;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.sumbench.sum.ChunkingRule;
import dev.sumbench.sum.Data;
import dev.sumbench.sum.Ranges;
import dev.sumbench.sum.Settings;
import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipal;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
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

    /** The one file a shared-data directory holds. */
    private static final String DATA = "data.longs";

    /** A pid no kernel hands out (above the largest pid_max, 2^22), so its directories are always stale. */
    private static final long DEAD_PID = 2_000_000_000L;

    private static Path staleName(Path base, int serial) {
        return base.resolve(SharedDirectory.PREFIX + DEAD_PID + "-1-" + serial);
    }

    private static Path victim(Path root, long files) throws Exception {
        Path victim = Files.createDirectories(root.resolve("victim"));
        for (int i = 0; i < files; i++) {
            Files.writeString(victim.resolve(i == 0 ? DATA : "file-" + i), "keep " + i);
        }
        return victim;
    }

    private static long filesIn(Path directory) throws Exception {
        try (var files = Files.list(directory)) {
            return files.count();
        }
    }

    @Test
    void linksPlantedUnderStaleNamesAreNeverFollowed(@TempDir Path base, @TempDir Path elsewhere) throws Exception {
        Path victim = victim(elsewhere, 20);
        Path linkAsDirectory = Files.createSymbolicLink(staleName(base, 1), victim);
        Path linkAsData = Files.createDirectory(staleName(base, 2));
        Files.createSymbolicLink(linkAsData.resolve(DATA), victim.resolve(DATA));
        Path linkInside = Files.createDirectory(staleName(base, 3));
        Files.createSymbolicLink(linkInside.resolve("sub"), victim);

        List<Path> removed = SharedDirectory.removeStale(base);

        assertEquals(List.of(), removed, "a link, or a directory holding one, is not a shape this code makes");
        assertEquals(20, filesIn(victim));
        assertTrue(Files.isSymbolicLink(linkAsDirectory));
        assertTrue(Files.isSymbolicLink(linkAsData.resolve(DATA)));
        assertTrue(Files.isSymbolicLink(linkInside.resolve("sub")));
    }

    @Test
    void onlyDirectoriesOfTheShapeItCreatesAreRemoved(@TempDir Path base) throws Exception {
        Path ours = Files.createDirectory(staleName(base, 1));
        Files.writeString(ours.resolve(DATA), "left by a JVM killed during placement");
        Path empty = Files.createDirectory(staleName(base, 2));
        Path withNotes = Files.createDirectory(staleName(base, 3));
        Files.writeString(withNotes.resolve("notes.txt"), "not ours");
        Path withSubdirectory = Files.createDirectory(staleName(base, 4));
        Files.writeString(Files.createDirectory(withSubdirectory.resolve("sub")).resolve("f"), "not ours");
        Path plainFile = Files.writeString(staleName(base, 5), "a file, not a directory");

        List<Path> removed = SharedDirectory.removeStale(base);

        assertEquals(List.of(ours, empty).stream().sorted().toList(), removed.stream().sorted().toList());
        assertTrue(Files.exists(withNotes.resolve("notes.txt")));
        assertTrue(Files.exists(withSubdirectory.resolve("sub").resolve("f")));
        assertTrue(Files.exists(plainFile));
    }

    @Test
    void directoriesOfAnotherUserAreLeftAlone(@TempDir Path base) throws Exception {
        UserPrincipal other = otherUserOrSkip();
        Path foreign = Files.createDirectory(staleName(base, 1));
        Files.writeString(foreign.resolve(DATA), "another user's");
        Files.setOwner(foreign, other);
        Path foreignData = Files.createDirectory(staleName(base, 2));
        Files.setOwner(Files.writeString(foreignData.resolve(DATA), "another user's"), other);

        assertEquals(List.of(), SharedDirectory.removeStale(base));
        assertTrue(Files.exists(foreign.resolve(DATA)));
        assertTrue(Files.exists(foreignData.resolve(DATA)));
    }

    /** A user other than this process's, to own files with: only root can give files away, so others skip. */
    private static UserPrincipal otherUserOrSkip() throws Exception {
        assumeTrue("root".equals(System.getProperty("user.name")), "only root can give a file to another user");
        return FileSystems.getDefault().getUserPrincipalLookupService().lookupPrincipalByName("65534");
    }

    /**
     * The attack: someone swaps a subdirectory of a planted stale directory with a link to a victim directory, in a
     * loop, while cleanup runs. The subdirectory holds files named like the victim's: code that lists it and then
     * deletes {@code sub/<name>} by path resolves {@code sub} again for every file, so once {@code sub} has become the
     * link it deletes the victim's files. Handle-relative, non-recursive removal cannot be redirected.
     */
    @Test
    void aSubdirectorySwappedForALinkDuringCleanupNeverRedirectsIt(@TempDir Path base, @TempDir Path elsewhere)
            throws Exception {
        Path victim = victim(elsewhere, VICTIM_FILES);
        List<String> names;
        try (var files = Files.list(victim)) {
            names = files.map(file -> file.getFileName().toString()).toList();
        }
        Path stale = Files.createDirectory(staleName(base, 1));
        Path sub = stale.resolve("sub");
        Path realAside = Files.createDirectory(base.resolve("real-aside"));
        Path linkAside = Files.createSymbolicLink(base.resolve("link-aside"), victim);
        AtomicBoolean stop = new AtomicBoolean();
        AtomicLong swaps = new AtomicLong();
        Thread swapper = new Thread(() -> {
            // sub: the decoy directory, then the link to the victim (renames, the nearest plain Java comes to
            // renameat2(RENAME_EXCHANGE)); cleanup may remove any of it at any point, so each round restores it all
            while (!stop.get()) {
                try {
                    Files.createDirectories(stale);
                    if (Files.notExists(realAside, LinkOption.NOFOLLOW_LINKS)) {
                        Files.createDirectory(realAside);
                        for (String name : names) {
                            Files.writeString(realAside.resolve(name), "decoy");
                        }
                    }
                    if (!Files.isSymbolicLink(linkAside)) {
                        Files.createSymbolicLink(linkAside, victim);
                    }
                    Files.move(realAside, sub, StandardCopyOption.ATOMIC_MOVE);
                    for (int flip = 0; flip < FLIPS_PER_ROUND && !stop.get(); flip++) {
                        Files.move(sub, realAside, StandardCopyOption.ATOMIC_MOVE);
                        Files.move(linkAside, sub, StandardCopyOption.ATOMIC_MOVE);
                        Files.move(sub, linkAside, StandardCopyOption.ATOMIC_MOVE);
                        Files.move(realAside, sub, StandardCopyOption.ATOMIC_MOVE);
                        swaps.incrementAndGet();
                    }
                    Files.move(sub, realAside, StandardCopyOption.ATOMIC_MOVE);
                } catch (IOException e) {
                    putBack(sub, realAside, linkAside);
                }
            }
            putBack(sub, realAside, linkAside);
        }, "swapper");
        swapper.start();
        long rounds = 0;
        try {
            long deadline = System.nanoTime() + RACE_NANOS;
            while (System.nanoTime() - deadline < 0 && (rounds % 64 != 0 || filesIn(victim) == VICTIM_FILES)) {
                SharedDirectory.removeStale(base);
                rounds++;
                Thread.yield(); // two cores may be all there is: let the swapper run
            }
        } finally {
            stop.set(true);
            swapper.join();
        }
        assertTrue(swaps.get() > 0, "the swapper ran");
        assertEquals(VICTIM_FILES, filesIn(victim), "the victim directory keeps every file (" + rounds
                + " cleanups, " + swaps.get() + " swaps)");
    }

    /** Moves whatever is at {@code sub} back to its place aside. */
    private static void putBack(Path sub, Path realAside, Path linkAside) {
        try {
            if (Files.isSymbolicLink(sub)) {
                Files.move(sub, linkAside, StandardCopyOption.ATOMIC_MOVE);
            } else if (Files.isDirectory(sub, LinkOption.NOFOLLOW_LINKS) && Files.notExists(realAside)) {
                Files.move(sub, realAside, StandardCopyOption.ATOMIC_MOVE);
            }
        } catch (IOException e) {
            // removed by cleanup meanwhile: the next round recreates it
        }
    }

    /** Flips of sub between decoy and link per round of the swapper. */
    private static final int FLIPS_PER_ROUND = 50;

    /** Many, so that a cleanup deleting the decoy's files by path is still at it when the link takes its place. */
    private static final long VICTIM_FILES = 300;

    /** The race runs this long, or until the victim lost a file. */
    private static final long RACE_NANOS = 5_000_000_000L;

    @Test
    void notEnoughSpaceIsAClearErrorBeforeAnythingIsWritten(@TempDir Path base) {
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> SharedData.create(base, Long.MAX_VALUE / 2));
        assertTrue(e.getMessage().startsWith(base + " has ") && e.getMessage().contains("MiB free"), e.getMessage());
        assertTrue(e.getMessage().contains("use process-pipe"), e.getMessage());
        assertTrue(e.getMessage().contains(" MiB plus 16 MiB kept free for the system"), "the spare is named: "
                + e.getMessage());
    }

    @Test
    void aPlantedNameWithNumbersTooLargeForALongDoesNotStopTheCleanup(@TempDir Path base) throws Exception {
        Path planted = Files.createDirectory(base.resolve(SharedDirectory.PREFIX + "99999999999999999999-1-1"));
        Path stale = Files.createDirectory(staleName(base, 1));
        Files.writeString(stale.resolve(DATA), "left by a dead JVM");

        List<Path> removed = SharedDirectory.removeStale(base);

        assertEquals(List.of(stale), removed, "the real stale directory is still removed");
        assertTrue(Files.isDirectory(planted), "a name this code never makes is left alone");
    }
}
