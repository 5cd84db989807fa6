package dev.sumbench.process;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;

/** Helpers the process tests share: waiting on conditions with deadlines, finding children and shared files. */
final class ProcessTesting {

    /** Generous for a loaded 2-core machine: a JVM start has taken seconds there. */
    static final Duration JVM_START = Duration.ofSeconds(60);

    private ProcessTesting() {
    }

    /** Waits until {@code condition} holds, polling every few milliseconds; fails with {@code what} at the deadline. */
    static void awaitCondition(Duration timeout, String what, BooleanSupplier condition) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() - deadline > 0) {
                fail("timed out after " + timeout.toMillis() + " ms waiting until " + what);
            }
            try {
                Thread.sleep(5);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                fail("interrupted waiting until " + what);
            }
        }
    }

    /**
     * Whether process {@code pid} has exited. An orphan is re-parented to PID 1, which on some machines (containers,
     * micro-VMs) never reaps it: it then stays a zombie that {@link ProcessHandle#isAlive()} still reports. A zombie
     * has exited, so it counts as gone here.
     */
    static boolean exited(long pid) {
        if (ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)) {
            try {
                String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
                return stat.substring(stat.lastIndexOf(')') + 2).startsWith("Z");
            } catch (IOException | RuntimeException e) {
                return !ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
            }
        }
        return true;
    }

    /** Every live descendant of this JVM. */
    static List<ProcessHandle> descendants() {
        return ProcessHandle.current().descendants().filter(ProcessHandle::isAlive).toList();
    }

    /** The shared-data directories of JVM {@code pid} in /dev/shm and the temp dir. */
    static List<Path> sharedDirectoriesOf(long pid) {
        List<Path> found = new ArrayList<>();
        for (Path base : List.of(Path.of("/dev/shm"), Path.of(System.getProperty("java.io.tmpdir")))) {
            if (!Files.isDirectory(base)) {
                continue;
            }
            try (DirectoryStream<Path> entries = Files.newDirectoryStream(base,
                    SharedDirectory.PREFIX + pid + "-*")) {
                entries.forEach(found::add);
            } catch (IOException e) {
                throw new AssertionError("cannot list " + base, e);
            }
        }
        return found;
    }

    /** The sumbench worker threads of this JVM still alive. */
    static List<String> workerThreads() {
        return Thread.getAllStackTraces().keySet().stream().filter(Thread::isAlive).map(Thread::getName)
                .filter(name -> name.startsWith("sumbench-process-")).toList();
    }

    /** Stops process {@code pid} with SIGSTOP (it stays alive and answers nothing), using the system's kill. */
    static void stop(long pid) throws IOException, InterruptedException {
        Process kill = new ProcessBuilder(killCommand(), "-STOP", Long.toString(pid)).inheritIO().start();
        if (kill.waitFor() != 0) {
            fail("kill -STOP " + pid + " failed with exit code " + kill.exitValue());
        }
    }

    /** The kill executable, if the system has one where we look. */
    static String killCommand() {
        for (String candidate : List.of("/bin/kill", "/usr/bin/kill")) {
            if (Files.isExecutable(Path.of(candidate))) {
                return candidate;
            }
        }
        return null;
    }
}
