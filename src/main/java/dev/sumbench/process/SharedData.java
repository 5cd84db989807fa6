package dev.sumbench.process;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.LongBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Locale;

/**
 * A file of {@code long} values (little-endian) that workers map read-only: created in a fresh private directory
 * ({@link SharedDirectory}), written by this JVM through a file channel, and unlinked as soon as every worker has
 * mapped it. The channel stays open, so the data can be rewritten in place (the workers' shared mappings see the new
 * values) even after the name is gone. Not thread-safe: {@link ProcessShared} serialises placements.
 */
final class SharedData implements AutoCloseable {

    /*
     * Implementation notes. Unlinking right after mapping is what makes the file disappear on every path: after a
     * kill -9 of this JVM there is no name left to clean, only memory that the kernel frees with the last mapping
     * (the children exit when their stdin ends). Only a death between creation and the workers' mapping leaves a
     * directory, which the next SharedData of any JVM removes as stale. Writing goes through a direct buffer and
     * FileChannel.write rather than through a mapping of our own: a full /dev/shm then fails the write with an
     * IOException instead of a SIGBUS on a page of a mapping.
     */

    /** Values written per system call: 1 MiB, big enough that the per-call cost vanishes. */
    private static final int WRITE_VALUES = 1 << 17;
    /** Free space to leave in the file system besides the data (other users of /dev/shm). */
    private static final long SPARE_BYTES = 16L << 20;

    private final Path directory;
    private final Path file;
    private final long capacityBytes;
    /** Open for writing until close(). */
    private final FileChannel channel;
    private boolean unlinked;

    private SharedData(Path directory, Path file, long capacityBytes, FileChannel channel) {
        this.directory = directory;
        this.file = file;
        this.capacityBytes = capacityBytes;
        this.channel = channel;
    }

    /**
     * Creates a file for {@code bytes} bytes in a new private directory under {@code base}.
     *
     * @throws IllegalStateException if the file system has not that much free space, or the file cannot be created
     */
    static SharedData create(Path base, long bytes) {
        try {
            long usable = Files.getFileStore(base).getUsableSpace();
            if (usable < bytes + SPARE_BYTES) {
                throw new IllegalStateException(String.format(Locale.ROOT, "%s has %d MiB free; the shared data needs "
                        + "%d MiB plus %d MiB kept free for the system (use process-pipe, a smaller --size, or free "
                        + "memory there)", base, usable >> 20, bytes >> 20, SPARE_BYTES >> 20));
            }
            Path directory = SharedDirectory.createPrivate(base);
            Path file = directory.resolve(SharedDirectory.DATA_FILE);
            FileChannel channel;
            if (Files.getFileStore(directory).supportsFileAttributeView("posix")) {
                channel = FileChannel.open(file, java.util.Set.of(StandardOpenOption.CREATE_NEW,
                        StandardOpenOption.READ, StandardOpenOption.WRITE),
                        PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            } else {
                channel = FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.READ,
                        StandardOpenOption.WRITE);
            }
            return new SharedData(directory, file, bytes, channel);
        } catch (IOException e) {
            throw new IllegalStateException("cannot create the shared data file in " + base + ": " + e, e);
        }
    }

    /** Path the workers map (valid until {@link #unlink()}). */
    String path() {
        return file.toString();
    }

    Path directory() {
        return directory;
    }

    long capacityBytes() {
        return capacityBytes;
    }

    /** Writes {@code data} from offset 0. */
    void write(long[] data) {
        if (data.length * (long) Long.BYTES > capacityBytes) {
            throw new IllegalArgumentException(data.length + " values do not fit " + capacityBytes + " bytes");
        }
        ByteBuffer bytes = ByteBuffer.allocateDirect(WRITE_VALUES * Long.BYTES).order(Protocol.ORDER);
        LongBuffer values = bytes.asLongBuffer();
        try {
            for (int next = 0; next < data.length; next += WRITE_VALUES) {
                int count = Math.min(WRITE_VALUES, data.length - next);
                values.clear();
                values.put(data, next, count);
                bytes.clear().limit(count * Long.BYTES);
                long position = next * (long) Long.BYTES;
                while (bytes.hasRemaining()) {
                    position += channel.write(bytes, position);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the shared data to " + file + ": " + e.getMessage(), e);
        }
    }

    /** Removes the file and its directory (mappings and the open channel stay valid). Idempotent. */
    void unlink() {
        if (unlinked) {
            return;
        }
        try {
            SharedDirectory.removeOwn(directory);
            unlinked = true;
            Cleanup.unregister(directory);
        } catch (IOException e) {
            // stays registered: the exit hook or the next start removes it
        }
    }

    /** Closes the channel and removes the file if it is still there. */
    @Override
    public void close() {
        try {
            channel.close();
        } catch (IOException e) {
            // nothing was buffered: the file is written with positional writes
        }
        unlink();
    }
}
