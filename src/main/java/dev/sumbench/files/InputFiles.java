package dev.sumbench.files;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Locale;

/**
 * What sumbench accepts as an input file (JMH results, run metadata, chunking profiles, the shared data a worker
 * maps): a regular file (a link to one is fine) of at most {@link #MAX_BYTES} bytes. A directory, a FIFO, a device
 * such as {@code /dev/zero} or a socket is refused at once, before it is opened, so nothing blocks on a FIFO and
 * nothing reads an endless device. Stateless and thread-safe.
 */
public final class InputFiles {

    /*
     * Implementation notes. The type is checked on the attributes (stat, following links) before any open: opening a
     * FIFO for reading blocks until a writer comes, so checking after the open would be too late. The read itself is
     * bounded too (at most MAX_BYTES + 1 bytes are read), so a file that grows between the check and the read cannot
     * exhaust the heap either. Rejected: a limit per kind of file (results, profile): one stated limit is easier to
     * document and every real file is far below it.
     */

    /**
     * The largest input read: 64 MiB. JMH result files of sumbench's suite are tens to hundreds of kilobytes, a
     * profile a few kilobytes; a file this size is not a result file, and reading it whole must still fit a default
     * heap.
     */
    public static final long MAX_BYTES = 64L << 20;

    private InputFiles() {
    }

    /**
     * Checks that {@code file} is acceptable as input: it exists, is a regular file (after links), and has at most
     * {@code maxBytes} bytes.
     *
     * @param what what the file should be, for the message: "expected {@code what}, found ..."
     * @throws RefusedFileException with a one-line message otherwise
     */
    public static BasicFileAttributes check(Path file, String what, long maxBytes) {
        BasicFileAttributes attributes;
        try {
            attributes = Files.readAttributes(file, BasicFileAttributes.class);
        } catch (NoSuchFileException e) {
            throw new RefusedFileException(file, "expected " + what + ", found no such file");
        } catch (AccessDeniedException e) {
            throw new RefusedFileException(file, "expected a readable file, found no permission to read it");
        } catch (IOException e) {
            throw new RefusedFileException(file, "expected " + what + ", found an unreadable path (" + e + ")");
        }
        if (attributes.isDirectory()) {
            throw new RefusedFileException(file, "expected " + what + ", found a directory");
        }
        if (!attributes.isRegularFile()) {
            throw new RefusedFileException(file, "expected " + what + " (a regular file), found a special file "
                    + "(FIFO, device or socket)");
        }
        if (attributes.size() > maxBytes) {
            throw new RefusedFileException(file, "expected " + what + " of at most " + mib(maxBytes) + ", found "
                    + mib(attributes.size()));
        }
        return attributes;
    }

    /** {@link #check} with {@link #MAX_BYTES}. */
    public static BasicFileAttributes check(Path file, String what) {
        return check(file, what, MAX_BYTES);
    }

    /**
     * Reads the whole of an acceptable {@code file} ({@link #check}).
     *
     * @throws RefusedFileException if it is not acceptable, or grew beyond the limit while being read
     * @throws IOException          if reading fails
     */
    public static byte[] read(Path file, String what) throws IOException {
        check(file, what);
        try (InputStream in = Files.newInputStream(file)) {
            byte[] bytes = in.readNBytes((int) MAX_BYTES + 1);
            if (bytes.length > MAX_BYTES) {
                throw new RefusedFileException(file, "expected " + what + " of at most " + mib(MAX_BYTES)
                        + ", found a file that grew beyond that while read");
            }
            return bytes;
        } catch (AccessDeniedException e) {
            throw new RefusedFileException(file, "expected a readable file, found no permission to read it");
        }
    }

    private static String mib(long bytes) {
        return String.format(Locale.ROOT, bytes >= 1 << 20 ? "%.0f MiB" : "%.1f MiB", bytes / (double) (1 << 20));
    }
}
