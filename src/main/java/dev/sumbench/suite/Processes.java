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
import java.util.concurrent.atomic.AtomicBoolean;

/** Runs a short helper command (a JVM probe, git, lscpu) to its end, with a deadline. */
final class Processes {

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
     * {@code deadline}; a command still running then is killed.
     *
     * @throws IOException if it cannot be started, or did not finish in time
     */
    static Output run(List<String> command, Path directory, Duration deadline) throws IOException {
        ProcessBuilder builder = new ProcessBuilder(command).redirectInput(ProcessBuilder.Redirect.from(nullDevice()));
        if (directory != null) {
            builder.directory(directory.toFile());
        }
        Process process = builder.start();
        AtomicBoolean killedAtDeadline = new AtomicBoolean();
        ByteArrayOutputStream stderr = new ByteArrayOutputStream();
        Thread stderrReader = daemon("sumbench-stderr", () -> drain(process.getErrorStream(), stderr));
        Thread watchdog = daemon("sumbench-deadline", () -> {
            try {
                if (!process.waitFor(deadline.toMillis(), TimeUnit.MILLISECONDS)) {
                    killedAtDeadline.set(true);
                    process.destroyForcibly();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        try {
            ByteArrayOutputStream stdout = new ByteArrayOutputStream();
            drain(process.getInputStream(), stdout);
            int exitCode = process.waitFor();
            stderrReader.join(deadline.toMillis());
            if (killedAtDeadline.get()) {
                throw new IOException(command.get(0) + " did not finish within " + deadline.toSeconds() + " s");
            }
            synchronized (stderr) {
                return new Output(exitCode, stdout.toString(StandardCharsets.UTF_8),
                        stderr.toString(StandardCharsets.UTF_8));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while waiting for " + command.get(0), e);
        } finally {
            process.destroyForcibly();
            watchdog.interrupt();
        }
    }

    private static Thread daemon(String name, Runnable task) {
        Thread thread = new Thread(task, name);
        thread.setDaemon(true);
        thread.start();
        return thread;
    }

    /** Copies {@code in} into {@code sink} until its end; a stream closed by a kill simply ends the copy. */
    private static void drain(InputStream in, ByteArrayOutputStream sink) {
        byte[] buffer = new byte[8192];
        try (in) {
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                synchronized (sink) {
                    sink.write(buffer, 0, n);
                }
            }
        } catch (IOException e) {
            // the process was killed: what was read so far is all there is
        }
    }

    private static File nullDevice() {
        return new File(System.getProperty("os.name").startsWith("Windows") ? "NUL" : "/dev/null");
    }
}
