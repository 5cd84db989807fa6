package dev.sumbench.files;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * How every sumbench command writes its output files (tables, charts, profiles, the suite's run files). The rules:
 * <ul>
 *   <li>A file is written whole under a hidden temporary name in its own directory and then renamed into place: a
 *       reader sees the old file or the new one, never a part; a failure leaves the old one and no temporary.</li>
 *   <li>It replaces only a regular file: a target that is a link, a directory or a special file (a device, a FIFO)
 *       is refused ({@link RefusedFileException}), so nothing is ever renamed over a device or through a link.</li>
 *   <li>It never replaces an input of the command: a target that is the same file as an input (same real path or
 *       same file key, so hard links and links to it count) is refused.</li>
 *   <li>Every output gets mode {@link #MODE} (0644), whatever the umask: results are meant to be shared.</li>
 * </ul>
 * The checks run before anything is written ({@link #check}, which commands also call up front, before printing),
 * and again just before the rename. Stateless and thread-safe.
 */
public final class OutputFiles {

    /*
     * Implementation notes. A rename over an existing name replaces that name, whatever it is: over a link it
     * replaces the link (harmless, but not what the user meant by naming it), over a device node it replaces the node
     * (as root: /dev/null becomes a regular file). So the target's type is read without following links and only a
     * regular file or nothing is accepted. Writing through to a special file instead was rejected: "write into
     * /dev/stdout" is what stdout is for, and a half-written table in a FIFO cannot be taken back. The check and the
     * rename are two steps; a target swapped between them by someone who can write the directory could still be
     * replaced by a regular file, which never writes through a link. Files that must not replace anything at all (a
     * run's files) appear with link(2), which fails on an existing name: publishNew.
     */

    /** rw-r--r--: outputs are results to share; nothing private is written. */
    public static final Set<PosixFilePermission> MODE = PosixFilePermissions.fromString("rw-r--r--");

    private static final SecureRandom RANDOM = new SecureRandom();
    /** Attempts to find an unused temporary name before giving up (random names: one should always do). */
    private static final int TEMPORARY_ATTEMPTS = 100;

    private OutputFiles() {
    }

    /**
     * Checks that every target may be written: its directory exists, it is a regular file or absent, and it is none
     * of {@code inputs}.
     *
     * @throws RefusedFileException for the first target that may not, with a one-line message
     */
    public static void check(Collection<Path> targets, Collection<Path> inputs) {
        for (Path target : targets) {
            Path dir = target.toAbsolutePath().getParent();
            if (dir == null || !Files.isDirectory(dir)) {
                throw new RefusedFileException(target, "expected a file in an existing directory, found no "
                        + "directory " + dir);
            }
            BasicFileAttributes attributes;
            try {
                attributes = Files.readAttributes(target, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
            } catch (NoSuchFileException e) {
                continue; // a new file: it cannot be an input
            } catch (IOException e) {
                throw new RefusedFileException(target, "expected a writable file, found " + e);
            }
            if (attributes.isDirectory()) {
                throw new RefusedFileException(target, "expected a file, found a directory");
            }
            if (attributes.isSymbolicLink()) {
                throw new RefusedFileException(target, "expected a regular file or a new name, found a symbolic "
                        + "link (name the file it points to, if that is meant)");
            }
            if (!attributes.isRegularFile()) {
                throw new RefusedFileException(target, "expected a regular file or a new name, found a special file "
                        + "(device, FIFO or socket); it is never replaced");
            }
            for (Path input : inputs) {
                if (sameFile(target, attributes, input)) {
                    throw new RefusedFileException(target, "expected a new file, found one of the inputs ("
                            + input + "); it would be overwritten");
                }
            }
        }
    }

    private static boolean sameFile(Path target, BasicFileAttributes targetAttributes, Path input) {
        try {
            if (target.toAbsolutePath().normalize().equals(input.toAbsolutePath().normalize())) {
                return true;
            }
            BasicFileAttributes inputAttributes = Files.readAttributes(input, BasicFileAttributes.class);
            Object key = targetAttributes.fileKey();
            if (key != null && Objects.equals(key, inputAttributes.fileKey())) {
                return true;
            }
            return target.toRealPath().equals(input.toRealPath());
        } catch (IOException e) {
            return false; // an input that is not there cannot be overwritten
        }
    }

    /**
     * Writes each file's bytes, replacing a regular file of that name: all first to temporaries, then renamed into
     * place in the map's order (put a document that links other files last).
     *
     * @param inputs the command's input files, none of which may be replaced
     * @return the files written, in order
     * @throws RefusedFileException if a target may not be written ({@link #check}); nothing is written then
     * @throws IOException          if writing fails; the files not yet renamed are left as they were
     */
    public static List<Path> replaceAll(Map<Path, byte[]> files, Collection<Path> inputs) throws IOException {
        check(files.keySet(), inputs);
        Map<Path, Path> temporaries = new LinkedHashMap<>();
        try {
            for (Map.Entry<Path, byte[]> file : files.entrySet()) {
                Path temporary = temporary(file.getKey());
                temporaries.put(file.getKey(), temporary);
                try (OutputStream out = Files.newOutputStream(temporary)) {
                    out.write(file.getValue());
                }
            }
            check(files.keySet(), inputs);
            List<Path> written = new ArrayList<>();
            for (Map.Entry<Path, Path> move : temporaries.entrySet()) {
                try {
                    Files.move(move.getValue(), move.getKey(), StandardCopyOption.ATOMIC_MOVE,
                            StandardCopyOption.REPLACE_EXISTING);
                } catch (AtomicMoveNotSupportedException e) {
                    Files.move(move.getValue(), move.getKey(), StandardCopyOption.REPLACE_EXISTING);
                }
                written.add(move.getKey());
            }
            return written;
        } finally {
            for (Path temporary : temporaries.values()) {
                Files.deleteIfExists(temporary);
            }
        }
    }

    /**
     * Writes {@code bytes} as the new file {@code file}: whole under a temporary name, then {@link #publishNew}, so two
     * writers racing for one name cannot both succeed, and an existing file (however it appeared) is never replaced.
     *
     * @throws RefusedFileException if {@code file} may not be written ({@link #check}) or exists, also if it appeared
     *                              while this one was written
     */
    public static void createNew(Path file, byte[] bytes, Collection<Path> inputs) throws IOException {
        check(List.of(file), inputs);
        Path temporary = temporary(file);
        try {
            try (OutputStream out = Files.newOutputStream(temporary)) {
                out.write(bytes);
            }
            publishNew(temporary, file);
        } catch (FileAlreadyExistsException e) {
            throw new RefusedFileException(file, "expected a new file, found one (made while this one was written?)");
        } finally {
            Files.deleteIfExists(temporary);
        }
    }

    /** {@link #replaceAll} of one file. */
    public static void replace(Path file, byte[] bytes, Collection<Path> inputs) throws IOException {
        replaceAll(Map.of(file, bytes), inputs);
    }

    /**
     * A new, empty, hidden file beside {@code target} ({@code .<name>.<random>.tmp}) with mode {@link #MODE}, for
     * writing and then {@link #publishNew} or renaming into place.
     */
    public static Path temporary(Path target) throws IOException {
        Path dir = target.toAbsolutePath().getParent();
        for (int attempt = 0; ; attempt++) {
            Path file = dir.resolve("." + target.getFileName() + "." + Long.toHexString(RANDOM.nextLong()) + ".tmp");
            try {
                Files.createFile(file);
                setMode(file);
                return file;
            } catch (FileAlreadyExistsException e) {
                if (attempt >= TEMPORARY_ATTEMPTS) {
                    throw e;
                }
            }
        }
    }

    /**
     * Gives the complete {@code temporary} the name {@code target}, which must not exist: link(2), which fails on an
     * existing name of any type, so nothing at all is replaced.
     *
     * @throws FileAlreadyExistsException if {@code target} exists
     */
    public static void publishNew(Path temporary, Path target) throws IOException {
        try {
            Files.createLink(target, temporary);
        } catch (FileAlreadyExistsException e) {
            throw e;
        } catch (UnsupportedOperationException | IOException e) {
            Files.move(temporary, target); // no hard links here: a rename, which also refuses an existing target
        }
    }

    private static void setMode(Path file) throws IOException {
        try {
            Files.setPosixFilePermissions(file, MODE);
        } catch (UnsupportedOperationException e) {
            // not a POSIX file system: it has no modes to make consistent
        }
    }
}
