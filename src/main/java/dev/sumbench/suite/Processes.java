package dev.sumbench.suite;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs a short helper command (a JVM probe, git, lscpu) to its end, with a deadline and a bound on its output. */
final class Processes {

    /*
     * Implementation notes. stdout and stderr are read by a thread each, into a buffer of at most MAX_OUTPUT_BYTES:
     * a command that writes more (a broken or fake java printing without end) is stopped at once instead of filling
     * the heap. The deadline covers the streams, not only the process: a child that keeps stdout open after its
     * parent would block a plain read forever. On the deadline or on too much output the whole tree is killed, the
     * descendants first (a killed parent's children are re-parented and out of reach); a process that has already
     * left the tree (double fork) is out of reach too, and its reader thread, a daemon, ends with the pipe.
     */

    /** Far more than any helper prints (a probe ~0.5 KiB, lscpu or git status of a checkout a few KiB). */
    static final int MAX_OUTPUT_BYTES = 1 << 20;
    /** How often the wait looks at the streams and the deadline. */
    private static final long POLL_MILLIS = 50;

    private Processes() {
    }

    /**
     * What a finished command wrote and returned.
     *
     * @param exitCode its exit code
     * @param stdout   everything it wrote to stdout
     * @param stderr   everything it wrote to stderr
     */
    record Output(int exitCode, String stdout, String stderr) {

        boolean ok() {
            return exitCode == 0;
        }
    }

    /**
     * Runs {@code command} in {@code directory} (null: the current one) with stdin empty, and waits at most
     * {@code deadline} for it to exit and close its output; a command still running then, or one that writes more
     * than {@link #MAX_OUTPUT_BYTES} to either stream, is killed with its child processes.
     *
     * @throws IOException if it cannot be started, did not finish in time or wrote too much (one line saying so)
     */
    static Output run(List<String> command, Path directory, Duration deadline) throws IOException {
        ProcessBuilder builder = new ProcessBuilder(command).redirectInput(ProcessBuilder.Redirect.from(nullDevice()));
        if (directory != null) {
            builder.directory(directory.toFile());
        }
        Process process = builder.start();
        Capture stdout = new Capture(process.getInputStream(), "stdout");
        Capture stderr = new Capture(process.getErrorStream(), "stderr");
        long end = System.nanoTime() + deadline.toNanos();
        try {
            while ((stdout.isAlive() || stderr.isAlive()) && !stdout.overflowed() && !stderr.overflowed()
                    && System.nanoTime() < end) {
                (stdout.isAlive() ? stdout : stderr).join(POLL_MILLIS);
            }
            for (Capture capture : List.of(stdout, stderr)) {
                if (capture.overflowed()) {
                    int killed = killTree(process);
                    throw new IOException(command.get(0) + " wrote more than " + (MAX_OUTPUT_BYTES >> 20)
                            + " MiB to " + capture.name + "; stopped" + children(killed));
                }
            }
            long left = Math.max(0, end - System.nanoTime());
            if (stdout.isAlive() || stderr.isAlive() || !process.waitFor(left, TimeUnit.NANOSECONDS)) {
                int killed = killTree(process);
                throw new IOException(command.get(0) + " did not finish within " + deadline.toSeconds() + " s"
                        + (process.isAlive() || killed > 0 ? "; killed" + children(killed)
                        : " (a process it started kept its output open)"));
            }
            return new Output(process.exitValue(), stdout.text(), stderr.text());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            killTree(process);
            throw new IOException("interrupted while waiting for " + command.get(0), e);
        } finally {
            killTree(process);
        }
    }

    private static String children(int killed) {
        return killed == 0 ? "" : " with " + killed + " child process" + (killed == 1 ? "" : "es");
    }

    /** Kills {@code process} and its descendants, the descendants first; returns how many descendants there were. */
    private static int killTree(Process process) {
        List<ProcessHandle> descendants = process.descendants().toList();
        descendants.forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        return descendants.size();
    }

    /** One stream read to its end by a daemon thread, keeping at most {@link #MAX_OUTPUT_BYTES}. */
    private static final class Capture extends Thread {
        private final InputStream in;
        private final String name;
        private final ByteArrayOutputStream sink = new ByteArrayOutputStream();
        private volatile boolean overflow;

        Capture(InputStream in, String name) {
            super("sumbench-" + name);
            this.in = in;
            this.name = name;
            setDaemon(true);
            start();
        }

        @Override
        public void run() {
            byte[] buffer = new byte[8192];
            try (in) {
                for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                    synchronized (sink) {
                        if (sink.size() + n > MAX_OUTPUT_BYTES) {
                            overflow = true;
                            return;
                        }
                        sink.write(buffer, 0, n);
                    }
                }
            } catch (IOException e) {
                // the process was killed: what was read so far is all there is
            }
        }

        boolean overflowed() {
            return overflow;
        }

        String text() {
            synchronized (sink) {
                return sink.toString(StandardCharsets.UTF_8);
            }
        }
    }

    private static File nullDevice() {
        return new File(System.getProperty("os.name").startsWith("Windows") ? "NUL" : "/dev/null");
    }
}
