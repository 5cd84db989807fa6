package dev.sumbench.process;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SecureDirectoryStream;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
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

    /*
     * Implementation notes. /dev/shm and the temp dir are world-writable: anyone may plant a directory there with one
     * of our names, and swap any entry inside it for a link while we clean up. So removal works on directory handles
     * (SecureDirectoryStream, i.e. openat/unlinkat/fstatat with O_NOFOLLOW): a name is resolved once, relative to a
     * handle we hold, and never through a link. It also never recurses: a directory of ours holds one regular file,
     * so a directory holding anything else is not ours to judge. Rejected: Files.walkFileTree without
     * FOLLOW_LINKS (it re-resolves every path from the root, so a swap between its check and its open redirects it:
     * the race that deleted other directories before), and checking attributes then deleting by path (same race).
     */

    /** Every name this class creates starts with this. */
    static final String PREFIX = "sumbench-";
    /** sumbench-<pid>-<start millis>-<serial>. */
    /** At most 18 digits a number: every such number fits a long, so a planted name cannot break the parse. */
    private static final Pattern NAME = Pattern.compile(Pattern.quote(PREFIX)
            + "(\\d{1,18})-(\\d{1,18})-(\\d{1,18})");
    /**
     * Two readings of one process's start time may differ by the clock-tick rounding of /proc; a pid reused by a new
     * process within this window of the old one's start is not a case worth a false "alive".
     */
    private static final long START_TOLERANCE_MILLIS = 1_000;
    private static final Path DEV_SHM = Path.of("/dev/shm");
    /** Owned by the effective user of this process (Linux). */
    private static final Path PROC_SELF = Path.of("/proc/self");
    /** The one file a directory of ours ever holds ({@link SharedData}). */
    static final String DATA_FILE = "data.longs";
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
     * Deletes every {@code sumbench-<pid>-<start>-<n>} directory in {@code base} whose owner JVM is no longer running,
     * and returns what it deleted. It never follows a link and never recurses: it removes only a directory of exactly
     * that name, owned by this process's user, holding nothing but a regular file {@code data.longs} of that user
     * (what {@link SharedData} leaves). Anything else (another user's directory, a link, a directory with other
     * entries) is left alone. Where the file system offers no {@link SecureDirectoryStream} it removes nothing.
     */
    static List<Path> removeStale(Path base) {
        List<Path> removed = new ArrayList<>();
        Optional<UserPrincipal> self = currentUser();
        if (self.isEmpty()) {
            return removed;
        }
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(base)) {
            if (!(entries instanceof SecureDirectoryStream<Path> secure)) {
                return removed;
            }
            List<Path> names = new ArrayList<>();
            for (Path entry : entries) {
                Path name = entry.getFileName();
                Matcher shape = NAME.matcher(name.toString());
                if (shape.matches() && !ownerAlive(Long.parseLong(shape.group(1)), Long.parseLong(shape.group(2)))) {
                    names.add(name);
                }
            }
            for (Path name : names) {
                if (removeOurs(secure, name, self.get())) {
                    removed.add(base.resolve(name));
                }
            }
        } catch (IOException | RuntimeException e) {
            // an unreadable base: nothing to clean
        }
        return removed;
    }

    /**
     * Removes this JVM's own {@code directory} (made by {@link #createPrivate}) the same way as a stale one: relative
     * to a handle on its parent, following no link, and only if it has the shape this class makes.
     *
     * @throws IOException if it is there but could not be removed
     */
    static void removeOwn(Path directory) throws IOException {
        Path parent = directory.toAbsolutePath().getParent();
        Optional<UserPrincipal> self = currentUser();
        if (parent == null || self.isEmpty() || owner(directory).isEmpty()) {
            throw new IOException("not a shared-data directory of this user: " + directory);
        }
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(parent)) {
            if (entries instanceof SecureDirectoryStream<Path> secure) {
                if (!removeOurs(secure, directory.getFileName(), self.get())
                        && Files.exists(directory, LinkOption.NOFOLLOW_LINKS)) {
                    throw new IOException("cannot remove " + directory);
                }
                return;
            }
        }
        // no handle-relative operations here: our directory is rwx------ and in a sticky /tmp or /dev/shm nobody else
        // may rename it, so deleting the one file by name and then the directory follows no link of anybody else's
        Files.deleteIfExists(directory.resolve(DATA_FILE));
        Files.deleteIfExists(directory);
    }

    /**
     * Removes {@code name} in {@code base} if it is a directory (not a link) owned by {@code self} whose only entry,
     * if any, is a regular file {@link #DATA_FILE} owned by {@code self}. Every step is relative to an open directory
     * handle: the directory is opened with no-follow semantics, its owner is checked on the opened handle (so a swap
     * between the check and the open cannot redirect the removal), and unlinking a name never follows a link.
     */
    private static boolean removeOurs(SecureDirectoryStream<Path> base, Path name, UserPrincipal self) {
        try {
            PosixFileAttributes before = base.getFileAttributeView(name, PosixFileAttributeView.class,
                    LinkOption.NOFOLLOW_LINKS).readAttributes();
            if (!before.isDirectory() || !self.equals(before.owner())) {
                return false;
            }
            try (SecureDirectoryStream<Path> directory = base.newDirectoryStream(name, LinkOption.NOFOLLOW_LINKS)) {
                PosixFileAttributes opened = directory.getFileAttributeView(PosixFileAttributeView.class)
                        .readAttributes();
                if (!opened.isDirectory() || !self.equals(opened.owner())
                        || !Objects.equals(opened.fileKey(), before.fileKey())) {
                    return false;
                }
                List<Path> inside = new ArrayList<>();
                for (Path entry : directory) {
                    inside.add(entry.getFileName());
                }
                if (inside.size() > 1 || (inside.size() == 1 && !inside.get(0).toString().equals(DATA_FILE))) {
                    return false;
                }
                if (!inside.isEmpty()) {
                    PosixFileAttributes data = directory.getFileAttributeView(inside.get(0),
                            PosixFileAttributeView.class, LinkOption.NOFOLLOW_LINKS).readAttributes();
                    if (!data.isRegularFile() || !self.equals(data.owner())) {
                        return false;
                    }
                    directory.deleteFile(inside.get(0));
                }
            }
            base.deleteDirectory(name);
            return true;
        } catch (IOException | RuntimeException e) {
            return false; // removed by someone else meanwhile, not empty, or not ours
        }
    }

    /**
     * This process's user: the owner of {@code /proc/self} (the effective user), else the user named by
     * {@code user.name}; empty if neither is known, and then nothing is removed.
     */
    private static Optional<UserPrincipal> currentUser() {
        try {
            return Optional.of(Files.readAttributes(PROC_SELF, PosixFileAttributes.class).owner());
        } catch (IOException | RuntimeException e) {
            try {
                return Optional.of(FileSystems.getDefault().getUserPrincipalLookupService()
                        .lookupPrincipalByName(System.getProperty("user.name")));
            } catch (IOException | RuntimeException notFound) {
                return Optional.empty();
            }
        }
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
}
