package dev.sumbench.process;

import java.io.IOException;
import java.util.Arrays;

/**
 * The baseline that {@code process-spawn} is compared with: the time to start a JVM that does nothing and to see it
 * exit ({@link BareJvm}, with the workers' {@code java}, options and class path). A probe, like
 * {@link dev.sumbench.sum.Probe}; the JMH suite measures it properly.
 */
public final class JvmStartProbe {

    private JvmStartProbe() {
    }

    /**
     * The median of {@code runs} starts of a bare JVM, in nanoseconds, from {@link ProcessBuilder#start()} until the
     * process has exited.
     *
     * @throws IllegalStateException if the JVM cannot be started or does not exit with 0
     */
    public static long medianBareStartNanos(WorkerLauncher launcher, int runs) {
        if (runs < 1) {
            throw new IllegalArgumentException("runs must be >= 1, got " + runs);
        }
        long[] times = new long[runs];
        for (int i = 0; i < runs; i++) {
            long start = System.nanoTime();
            try {
                Process process = new ProcessBuilder(launcher.bareCommand())
                        .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                        .redirectError(ProcessBuilder.Redirect.DISCARD).start();
                int code = process.waitFor();
                if (code != 0) {
                    throw new IllegalStateException("a bare JVM exited with code " + code + ": "
                            + String.join(" ", launcher.bareCommand()));
                }
            } catch (IOException e) {
                throw new IllegalStateException("cannot start a bare JVM: " + e.getMessage(), e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while timing a bare JVM", e);
            }
            times[i] = System.nanoTime() - start;
        }
        Arrays.sort(times);
        return times[runs / 2];
    }
}
