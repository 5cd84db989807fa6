package dev.sumbench.suite;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFileAttributes;
import java.time.Instant;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

/**
 * The lock of a checkout's {@code target/} against a second benchmark run: {@code target/bench.lock} names the process
 * that owns the directory (pid, start time, what it is). A benchmark run ({@link BenchMain}) holds it with
 * {@link FileChannel#tryLock()} for as long as it runs; the build claims it for its Maven process before it rebuilds
 * {@code target/sumbench.jar}, so a second {@code mvn verify -Pbench} (or any build, or {@code scripts/sumbench}
 * rebuilding the jar) refuses with one line naming what is running, instead of replacing the jar under the run.
 *
 * <p>The owner recorded counts while that process is alive with the same start time; a dead owner's record is free.
 * A process may always take a lock its own ancestor owns (the build claims it, then the benchmark run it starts holds
 * it). Uses nothing but the JDK, so the build runs it from source before anything is compiled:
 * {@code java src/main/java/dev/sumbench/suite/BenchLock.java check|claim|hold FILE [WHAT]}; exit code 0, or 2 with
 * one line on stderr when the lock is taken.
 */
public final class BenchLock implements AutoCloseable {

    /*
     * Implementation notes. The fcntl lock (FileChannel.tryLock) alone would not do: the build's check runs in a JVM
     * that exits before the jar is rebuilt, and the lock dies with it. So the record in the file carries the
     * ownership across processes (like the names of the shared-data directories: pid and start time), and the fcntl
     * lock makes reading and rewriting the record atomic and marks a running benchmark. Rejected: flock(1) in the
     * scripts (flock and fcntl locks do not see each other on Linux), and a lock directory (mkdir) that a killed run
     * would leave behind for good.
     */

    /** Exit code when the lock is taken (as for bad input: nothing ran). */
    public static final int TAKEN = 2;
    /** Start times read twice may differ by the clock-tick rounding of /proc. */
    private static final long START_TOLERANCE_MILLIS = 1_000;

    private final FileChannel channel;
    private final FileLock lock;

    private BenchLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    /** Why the lock could not be taken: one line naming the owner, or why the lock file is not one sumbench made. */
    public static final class TakenException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        TakenException(String message) {
            super(message);
        }
    }

    /**
     * Takes the lock in {@code file} for {@code owner} and keeps the fcntl lock until {@link #close()}.
     *
     * @throws TakenException if a live process other than an ancestor of this one owns it
     */
    public static BenchLock hold(Path file, ProcessHandle owner, String what) {
        return take(file, owner, what, true).orElseThrow();
    }

    /** Records {@code owner} in {@code file} (and releases the fcntl lock): the build's claim before it rebuilds. */
    public static void claim(Path file, ProcessHandle owner, String what) {
        take(file, owner, what, false);
    }

    /** Only checks that nobody else owns {@code file}. */
    public static void check(Path file) {
        take(file, null, null, false);
    }

    private static Optional<BenchLock> take(Path file, ProcessHandle owner, String what, boolean keep) {
        FileChannel channel = null;
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            refuseForeign(file);
            // NOFOLLOW_LINKS: a link planted after the check above fails the open instead of being written through.
            channel = FileChannel.open(file, Set.of(StandardOpenOption.CREATE, StandardOpenOption.READ,
                    StandardOpenOption.WRITE, LinkOption.NOFOLLOW_LINKS));
            FileLock lock = channel.tryLock();
            String record = read(channel);
            if (lock == null) {
                throw new TakenException(taken(file, record, "it is running now"));
            }
            if (ownedByAnother(record)) {
                lock.release();
                throw new TakenException(taken(file, record, "it is still running"));
            }
            if (owner != null) {
                long start = owner.info().startInstant().map(Instant::toEpochMilli).orElse(0L);
                byte[] bytes = ("pid=" + owner.pid() + " start=" + start + " what=" + what.replace('\n', ' ') + "\n")
                        .getBytes(StandardCharsets.UTF_8);
                channel.truncate(0);
                channel.write(ByteBuffer.wrap(bytes), 0);
                channel.force(false);
            }
            if (keep) {
                return Optional.of(new BenchLock(channel, lock));
            }
            lock.release();
            channel.close();
            return Optional.empty();
        } catch (IOException e) {
            closeQuietly(channel);
            throw new UncheckedIOException("cannot use the lock " + file + ": " + e.getMessage(), e);
        } catch (RuntimeException e) {
            closeQuietly(channel);
            throw e;
        }
    }

    /**
     * Refuses a lock file that this user's runs could not have made: a link, anything but a regular file, a file of
     * another user, or one with a second name (a hard link to someone's file). Writing the record into any of them
     * would change a file that is not the lock.
     */
    private static void refuseForeign(Path file) throws IOException {
        if (Files.notExists(file, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        PosixFileAttributes attributes = Files.readAttributes(file, PosixFileAttributes.class,
                LinkOption.NOFOLLOW_LINKS);
        String problem = null;
        if (attributes.isSymbolicLink()) {
            problem = "is a symbolic link";
        } else if (!attributes.isRegularFile()) {
            problem = "is not a regular file";
        } else if (!attributes.owner().getName().equals(System.getProperty("user.name"))) {
            problem = "belongs to " + attributes.owner().getName();
        } else if (((Number) Files.getAttribute(file, "unix:nlink", LinkOption.NOFOLLOW_LINKS)).intValue() > 1) {
            problem = "has another name (a hard link)";
        }
        if (problem != null) {
            throw new TakenException("the lock " + file + " " + problem + ", so sumbench did not make it; remove it"
                    + " and run again");
        }
    }

    private static String read(FileChannel channel) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate(4096);
        channel.read(buffer, 0);
        return new String(buffer.array(), 0, buffer.position(), StandardCharsets.UTF_8).strip();
    }

    /** Whether {@code record} names a live process that is neither this one nor one of its ancestors. */
    private static boolean ownedByAnother(String record) {
        long pid = field(record, "pid");
        long start = field(record, "start");
        if (pid <= 0) {
            return false;
        }
        Set<Long> us = new HashSet<>();
        for (Optional<ProcessHandle> p = Optional.of(ProcessHandle.current()); p.isPresent(); p = p.get().parent()) {
            us.add(p.get().pid());
        }
        if (us.contains(pid)) {
            return false;
        }
        Optional<ProcessHandle> process = ProcessHandle.of(pid);
        if (process.isEmpty() || !process.get().isAlive()) {
            return false;
        }
        Optional<Instant> actual = process.get().info().startInstant();
        return start == 0 || actual.isEmpty()
                || Math.abs(actual.get().toEpochMilli() - start) <= START_TOLERANCE_MILLIS;
    }

    private static long field(String record, String name) {
        for (String word : record.split(" ")) {
            if (word.startsWith(name + "=")) {
                try {
                    return Long.parseLong(word.substring(name.length() + 1));
                } catch (NumberFormatException e) {
                    return -1;
                }
            }
        }
        return -1;
    }

    private static String taken(Path file, String record, String state) {
        long pid = field(record, "pid");
        long start = field(record, "start");
        int what = record.indexOf("what=");
        return "another benchmark run or build uses this checkout (" + file + "): pid " + pid
                + (start > 0 ? " since " + Instant.ofEpochMilli(start) : "")
                + (what >= 0 ? ", " + record.substring(what + 5) : "") + "; " + state + ": wait for it to end or "
                + "stop it";
    }

    private static void closeQuietly(FileChannel channel) {
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException ignored) {
                // closing is all that is left
            }
        }
    }

    /** Releases the lock; the record stays and is free once this process has exited. */
    @Override
    public void close() {
        try {
            lock.release();
            channel.close();
        } catch (IOException e) {
            // the lock ends with the channel or the process in any case
        }
    }

    /**
     * {@code check FILE}, {@code claim FILE WHAT} (for the parent process: the build), or {@code hold FILE WHAT} (until
     * standard input ends; prints "held" once it holds the lock). Exit 0, or {@link #TAKEN} with one line on stderr.
     * With {@code -Drefusal=PATH}, the line also goes into that file and the exit code is 0 (the build then fails on
     * the file's existence, without a plugin's stack trace); the file is removed when the lock is free.
     */
    public static void main(String[] args) throws IOException {
        if (args.length < 2) {
            System.err.println("usage: BenchLock check|claim|hold FILE [WHAT]");
            System.exit(TAKEN);
        }
        Path file = Path.of(args[1]);
        String what = args.length > 2 ? args[2] : "a build";
        String refusal = System.getProperty("refusal");
        if (refusal != null) {
            Files.deleteIfExists(Path.of(refusal));
        }
        try {
            switch (args[0]) {
                case "check" -> check(file);
                case "claim" -> claim(file, ProcessHandle.current().parent().orElse(ProcessHandle.current()), what);
                case "hold" -> {
                    try (BenchLock held = hold(file, ProcessHandle.current(), what)) {
                        System.out.println("held");
                        System.out.flush();
                        System.in.transferTo(java.io.OutputStream.nullOutputStream());
                    }
                }
                default -> {
                    System.err.println("usage: BenchLock check|claim|hold FILE [WHAT]");
                    System.exit(TAKEN);
                }
            }
        } catch (TakenException e) {
            System.err.println("sumbench: " + e.getMessage());
            if (refusal != null) {
                Files.writeString(Path.of(refusal), "sumbench: " + e.getMessage() + "\n");
                return;
            }
            System.exit(TAKEN);
        }
    }
}
