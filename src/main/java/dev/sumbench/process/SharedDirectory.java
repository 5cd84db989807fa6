package dev.sumbench.process;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where shared data lives: a private directory ({@code rwx------}) per {@link SharedData}, named
 * {@code sumbench-<pid>-<start>-<n>} after the JVM that owns it, in {@code /dev/shm} (memory, never disk) or, where
 * there is none, in {@code java.io.tmpdir}. The owner's pid and start time in the name let any later JVM tell a
 * directory of a dead owner from a live one and remove it ({@link #removeStale}).
 */
final class SharedDirectory {

    /** Every name this class creates starts with this. */
    static final String PREFIX = "sumbench-";
    /** sumbench-<pid>-<start millis>-<serial>. */
    private static final Pattern NAME = Pattern.compile(Pattern.quote(PREFIX) + "(\\d+)-(\\d+)-(\\d+)");
    /**
     * Two readings of one process's start time may differ by the clock-tick rounding of /proc; a pid reused by a new
     * process within this window of the old one's start is not a case worth a false "alive".
     */
    private static final long START_TOLERANCE_MILLIS = 1_000;
    private static final Path DEV_SHM = Path.of("/dev/shm");
    private static final AtomicLong SERIAL = new AtomicLong();

    private SharedDirectory() {
    }

    /** {@code /dev/shm} where it is a writable directory, else {@code java.io.tmpdir}. */
    static Path base() {
        if (Files.isDirectory(DEV_SHM) && Files.isWritable(DEV_SHM)) {
            return DEV_SHM;
        }
        return Path.of(System.getProperty("java.io.tmpdir"));
    }

    /** Removes stale directories in {@code base}, then creates a new private one, registered for removal at exit. */
    static Path createPrivate(Path base) throws IOException {
        removeStale(base);
        ProcessHandle self = ProcessHandle.current();
        long start = self.info().startInstant().map(Instant::toEpochMilli).orElse(0L);
        while (true) {
            Path directory = base.resolve(PREFIX + self.pid() + "-" + start + "-" + SERIAL.incrementAndGet());
            try {
                Files.createDirectory(directory, ownerOnly(base));
                Cleanup.register(directory);
                return directory;
            } catch (FileAlreadyExistsException e) {
                // a leftover of a dead JVM with our pid and start: take the next serial
            }
        }
    }

    private static FileAttribute<?>[] ownerOnly(Path base) throws IOException {
        if (Files.getFileStore(base).supportsFileAttributeView("posix")) {
            return new FileAttribute<?>[] {
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------"))};
        }
        return new FileAttribute<?>[0];
    }

    /**
     * Deletes every {@code sumbench-<pid>-<start>-<n>} directory in {@code base} whose owner is no longer running
     * (directories of other users cannot be deleted and are skipped). Returns what it deleted.
     */
    static List<Path> removeStale(Path base) {
        List<Path> removed = new ArrayList<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(base, PREFIX + "*")) {
            for (Path entry : entries) {
                Matcher name = NAME.matcher(entry.getFileName().toString());
                if (name.matches() && !ownerAlive(Long.parseLong(name.group(1)), Long.parseLong(name.group(2)))) {
                    try {
                        deleteTree(entry);
                        removed.add(entry);
                    } catch (IOException | RuntimeException e) {
                        // another user's, or removed by someone else meanwhile
                    }
                }
            }
        } catch (IOException | RuntimeException e) {
            // an unreadable base: nothing to clean
        }
        return removed;
    }

    /** The pid and start time of the JVM that owns {@code directory}, if it is one of ours. */
    static Optional<long[]> owner(Path directory) {
        Matcher name = NAME.matcher(directory.getFileName().toString());
        return name.matches() ? Optional.of(new long[] {Long.parseLong(name.group(1)), Long.parseLong(name.group(2))})
                : Optional.empty();
    }

    static boolean ownerAlive(long pid, long startMillis) {
        Optional<ProcessHandle> process = ProcessHandle.of(pid);
        if (process.isEmpty() || !process.get().isAlive()) {
            return false;
        }
        Optional<Instant> start = process.get().info().startInstant();
        return startMillis == 0 || start.isEmpty()
                || Math.abs(start.get().toEpochMilli() - startMillis) <= START_TOLERANCE_MILLIS;
    }

    /** Deletes {@code path}, and if it is a directory, the files in it first (links are deleted, not followed). */
    static void deleteTree(Path path) throws IOException {
        if (Files.isDirectory(path, LinkOption.NOFOLLOW_LINKS)) {
            try (DirectoryStream<Path> entries = Files.newDirectoryStream(path)) {
                for (Path entry : entries) {
                    deleteTree(entry);
                }
            } catch (NoSuchFileException e) {
                return;
            }
        }
        Files.deleteIfExists(path);
    }
}
