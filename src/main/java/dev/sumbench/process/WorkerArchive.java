package dev.sumbench.process;

import dev.sumbench.sum.ChunkPlan;
import dev.sumbench.sum.Data;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The optional class-data-sharing archives of the worker, one per JVM build: {@code
 * target/sumbench-worker-<java.vm.version>.jsa} next to {@code target/sumbench.jar}, made by the build ({@code mvn
 * package}) for the build's JDK, by a benchmark run for the JDK of its forks, and used by {@link
 * WorkerLauncher#defaults()} when the class path is exactly that jar and the archive is the running JVM's. It holds the
 * worker's classes, already parsed and verified, so a worker starts faster: the lever for {@code process-spawn}, whose
 * time is mostly JVM start-up. A JVM ignores an archive another JVM build wrote, so one shared archive would have
 * made the process strategies of every other JDK start slower, and a comparison of JDKs compare the archive.
 *
 * <p>Usage (the build runs it): {@code java -cp target/sumbench.jar dev.sumbench.process.WorkerArchive
 * target/sumbench.jar}, with the {@code java} whose archive is wanted. It never fails the build: without an archive
 * the workers start the normal way.
 */
public final class WorkerArchive {

    /*
     * Implementation notes. JDK 13+ writes a dynamic archive at exit with -XX:ArchiveClassesAtExit; a worker serves
     * one small pipe sum and a SHUTDOWN so that the classes of that path are in it. The archive is written under a
     * temporary name and only moved into place (atomically) after a worker started with -Xshare:on and the archive has
     * summed correctly: JDK 17 crashes (SIGBUS) on a truncated archive, while a missing or mismatched one (another JVM,
     * a rebuilt or moved jar) only logs a warning to the worker's stderr and is ignored. The launcher also ignores an
     * archive older than its jar, and each JVM build gets its own archive, named by java.vm.version (a JVM maps only
     * an archive that its own build wrote). -XX:+AutoCreateSharedArchive (JDK 19+) would keep it current by itself,
     * but the suite runs on 17.
     */

    /** Between the jar's stem and the JVM build: {@code sumbench.jar} -> {@code sumbench-worker-<build>.jsa}. */
    static final String INFIX = "-worker-";
    static final String EXTENSION = ".jsa";
    /** How long the dumping worker may take to start, serve and write the archive. */
    private static final long DUMP_SECONDS = 120;

    private WorkerArchive() {
    }

    /** Writes the archive for the jar named by {@code args[0]}; prints one line; exits 0 whatever happens. */
    public static void main(String[] args) {
        if (args.length != 1) {
            System.out.println("usage: WorkerArchive <jar>");
            return;
        }
        Path jar = Path.of(args[0]).toAbsolutePath();
        try {
            Optional<Path> current = usableFor(jar.toString());
            if (current.isPresent()) {
                System.out.println("sumbench: worker class-data archive " + current.get() + " is current");
                return;
            }
            Path archive = create(jar);
            System.out.println("sumbench: worker class-data archive " + archive + " (" + Files.size(archive) / 1024
                    + " KiB)");
        } catch (IOException | RuntimeException e) {
            System.out.println("sumbench: no worker class-data archive (workers start without one): " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            System.out.println("sumbench: no worker class-data archive: interrupted");
        }
    }

    /** The archive of {@code jar} for the running JVM: same directory, {@code <name>-worker-<java.vm.version>.jsa}. */
    static Path archiveFor(Path jar) {
        return archiveFor(jar, System.getProperty("java.vm.version"));
    }

    /** The archive of {@code jar} for the JVM build {@code vmVersion}, in a file name of safe characters only. */
    static Path archiveFor(Path jar, String vmVersion) {
        String name = jar.getFileName().toString();
        String stem = name.endsWith(".jar") ? name.substring(0, name.length() - ".jar".length()) : name;
        return jar.resolveSibling(stem + INFIX + vmVersion.replaceAll("[^A-Za-z0-9._-]", "_") + EXTENSION);
    }

    /**
     * The archive to use with {@code classPath}: present only if the class path is a single jar whose archive exists
     * and is not older than the jar.
     */
    static Optional<Path> usableFor(String classPath) {
        if (classPath.isEmpty() || classPath.contains(java.io.File.pathSeparator) || !classPath.endsWith(".jar")) {
            return Optional.empty();
        }
        Path jar = Path.of(classPath);
        Path archive = archiveFor(jar);
        try {
            if (Files.isRegularFile(jar) && Files.isRegularFile(archive)) {
                FileTime jarTime = Files.getLastModifiedTime(jar);
                FileTime archiveTime = Files.getLastModifiedTime(archive);
                return archiveTime.compareTo(jarTime) >= 0 ? Optional.of(archive) : Optional.empty();
            }
        } catch (IOException e) {
            // unreadable: start without
        }
        return Optional.empty();
    }

    /** Dumps, checks and moves the archive of {@code jar} into place; returns its path. */
    static Path create(Path jar) throws IOException, InterruptedException {
        if (!Files.isRegularFile(jar)) {
            throw new IOException(jar + " is not a file");
        }
        Path archive = archiveFor(jar);
        // A name of its own: two runs making the archive of one JDK at once must not write into one file.
        Path temporary = archive.resolveSibling("." + archive.getFileName() + "."
                + Long.toHexString(new java.security.SecureRandom().nextLong()) + ".tmp");
        try {
            dump(jar, temporary);
            check(jar, temporary);
            Files.move(temporary, archive, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            return archive;
        } finally {
            Files.deleteIfExists(temporary);
        }
    }

    /** Runs a worker that serves one pipe sum and exits, writing the archive to {@code target}. */
    private static void dump(Path jar, Path target) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(WorkerLauncher.currentJava().toString());
        command.addAll(WorkerLauncher.DEFAULT_JVM_OPTIONS);
        command.add("-XX:ArchiveClassesAtExit=" + target);
        command.add("-cp");
        command.add(jar.toString());
        command.add(Worker.class.getName());
        command.add("0");
        Process worker = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        try (OutputStream in = worker.getOutputStream(); InputStream out = worker.getInputStream()) {
            byte[] hello = out.readNBytes(Protocol.HEADER_BYTES + Protocol.HELLO_PAYLOAD);
            if (hello.length != Protocol.HEADER_BYTES + Protocol.HELLO_PAYLOAD) {
                throw new IOException("the dumping worker did not say hello");
            }
            long[] values = Data.oneTo(10);
            ByteBuffer frame = ByteBuffer.allocate(Protocol.HEADER_BYTES + Protocol.SUM_VALUES_FIXED
                    + values.length * Long.BYTES + Protocol.HEADER_BYTES).order(Protocol.ORDER);
            Protocol.putHeader(frame, Protocol.SUM_VALUES, Protocol.SUM_VALUES_FIXED + values.length * Long.BYTES);
            frame.putLong(1).putInt(values.length).putInt(Protocol.FLAG_LAST);
            for (long value : values) {
                frame.putLong(value);
            }
            Protocol.putHeader(frame, Protocol.SHUTDOWN, 0);
            in.write(frame.array());
            in.flush();
            out.readNBytes(Protocol.HEADER_BYTES + Protocol.RESULT_PAYLOAD);
        }
        if (!worker.waitFor(DUMP_SECONDS, TimeUnit.SECONDS)) {
            worker.destroyForcibly().waitFor();
            throw new IOException("the dumping worker did not exit within " + DUMP_SECONDS + " s");
        }
        if (worker.exitValue() != 0 || !Files.isRegularFile(target)) {
            throw new IOException("the dumping worker exited with code " + worker.exitValue()
                    + (Files.isRegularFile(target) ? "" : " and wrote no archive"));
        }
    }

    /** Starts a real pool whose worker must use the archive (-Xshare:on fails the start otherwise) and sums with it. */
    private static void check(Path jar, Path archive) {
        WorkerLauncher strict = WorkerLauncher.defaults().withClassPath(jar.toString())
                .withJvmOptions(withArchive(WorkerLauncher.DEFAULT_JVM_OPTIONS, archive, "-Xshare:on"));
        try (ProcessPool pool = ProcessPool.start(1, strict)) {
            long sum = pool.sumValues(Data.oneTo(10), ChunkPlan.byCount(0, 10, 1));
            if (sum != 55) {
                throw new IllegalStateException("a worker started with the archive summed 1..10 to " + sum);
            }
        } catch (PoolStartException e) {
            throw new IllegalStateException("a worker does not start with the archive: " + e.getMessage(), e);
        }
    }

    /** {@code options} with {@code -Xshare:...} replaced by {@code share} and the archive added. */
    static List<String> withArchive(List<String> options, Path archive, String share) {
        List<String> result = new ArrayList<>();
        for (String option : options) {
            result.add(option.startsWith("-Xshare:") ? share : option);
        }
        result.add("-XX:SharedArchiveFile=" + archive);
        return result;
    }
}
