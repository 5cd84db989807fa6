package dev.sumbench.process;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Drains a child's stderr continuously on its own daemon thread (so the child never blocks on a full pipe) and keeps
 * the last {@link #CAPACITY} bytes for error messages. Thread-safe.
 */
final class StderrTail {

    /** Bytes kept: a stack trace's head or a few JVM error lines; older output is dropped. */
    static final int CAPACITY = 8 * 1024;
    /** Lines of the tail that go into an exception message. */
    static final int MESSAGE_LINES = 6;
    /** Characters of the tail that go into an exception message. */
    static final int MESSAGE_CHARS = 600;

    /** Ring buffer of the last bytes; guarded by {@code this}. */
    private final byte[] ring = new byte[CAPACITY];
    /** Bytes ever written; guarded by {@code this}. */
    private long total;
    private final CountDownLatch ended = new CountDownLatch(1);
    private final Thread thread;

    private StderrTail(InputStream stderr, String threadName) {
        this.thread = new Thread(() -> drain(stderr), threadName);
        this.thread.setDaemon(true);
    }

    /** Starts draining {@code stderr} on a daemon thread called {@code threadName}. */
    static StderrTail start(InputStream stderr, String threadName) {
        StderrTail tail = new StderrTail(stderr, threadName);
        tail.thread.start();
        return tail;
    }

    private void drain(InputStream stderr) {
        byte[] block = new byte[4096];
        try (stderr) {
            int read;
            while ((read = stderr.read(block)) >= 0) {
                append(block, read);
            }
        } catch (IOException e) {
            // the stream was closed under us (process reaped, pool closed): the tail is complete
        } finally {
            ended.countDown();
        }
    }

    private synchronized void append(byte[] block, int length) {
        for (int i = 0; i < length; i++) {
            ring[(int) (total++ % CAPACITY)] = block[i];
        }
    }

    /** Waits up to {@code millis} for stderr to end (the child exited and everything it wrote was read). */
    boolean awaitEnd(long millis) {
        try {
            return ended.await(millis, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Waits up to {@code millis} for the draining thread to finish. */
    void join(long millis) {
        try {
            thread.join(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Everything kept, as text. */
    synchronized String text() {
        int kept = (int) Math.min(total, CAPACITY);
        byte[] bytes = new byte[kept];
        long first = total - kept;
        for (int i = 0; i < kept; i++) {
            bytes[i] = ring[(int) ((first + i) % CAPACITY)];
        }
        return new String(bytes, StandardCharsets.UTF_8);
    }

    /**
     * The last {@link #MESSAGE_LINES} non-blank lines, joined with {@code " | "} so that the message stays on one line,
     * at most {@link #MESSAGE_CHARS} characters; {@code "(empty)"} if the child wrote nothing.
     */
    String forMessage() {
        List<String> lines = new ArrayList<>();
        for (String line : text().split("\\R")) {
            if (!line.isBlank()) {
                lines.add(line.strip());
            }
        }
        if (lines.isEmpty()) {
            return "(empty)";
        }
        String joined = String.join(" | ", lines.subList(Math.max(0, lines.size() - MESSAGE_LINES), lines.size()));
        return joined.length() <= MESSAGE_CHARS ? joined : "..." + joined.substring(joined.length() - MESSAGE_CHARS);
    }
}
