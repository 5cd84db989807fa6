package dev.sumbench.process;

import java.util.Optional;
import java.util.OptionalInt;

/**
 * A worker of a {@link ProcessPool} died: the pool is broken. Every task pending in the pool fails with this exception
 * (within a second of the death), and every later call fails at once with it; {@link ProcessPool#close()} still reaps
 * every child and removes every file. The Java counterpart of Python's {@code BrokenProcessPool}, but it says what
 * happened: which worker, its pid, its exit code or signal, the chunk it held, and the tail of its stderr.
 *
 * <p>Each thrown instance is a fresh copy for the thread that throws it; {@link #getCause()} is then the pool's first
 * failure, the same for every caller.
 */
public final class BrokenPoolException extends RuntimeException {

    private final int worker;
    private final long pid;
    private final int exitCode;
    private final String chunk;
    private final String stderrTail;

    BrokenPoolException(String message, int worker, long pid, int exitCode, String chunk, String stderrTail,
                        Throwable cause) {
        super(message, cause);
        this.worker = worker;
        this.pid = pid;
        this.exitCode = exitCode;
        this.chunk = chunk;
        this.stderrTail = stderrTail;
    }

    /** A copy to throw in another thread: same message and details, caused by this one. */
    BrokenPoolException forCaller() {
        BrokenPoolException root = getCause() instanceof BrokenPoolException first ? first : this;
        return new BrokenPoolException(root.getMessage(), worker, pid, exitCode, chunk, stderrTail, root);
    }

    /** Index of the worker that died (0-based, as in the worker's command line). */
    public int worker() {
        return worker;
    }

    /** Its process id. */
    public long pid() {
        return pid;
    }

    /** Its exit value ({@code 128 + signal} for a death by signal), if it had exited. */
    public OptionalInt exitCode() {
        return exitCode == ExitStatus.STILL_RUNNING ? OptionalInt.empty() : OptionalInt.of(exitCode);
    }

    /** The signal that killed it (9 for {@code kill -9}), if a signal did. */
    public OptionalInt signal() {
        int signal = new ExitStatus(exitCode).signal();
        return signal == 0 ? OptionalInt.empty() : OptionalInt.of(signal);
    }

    /** The chunk (or other request) it held when it died, if it held one: "chunk 1 of 2 [5, 10)". */
    public Optional<String> chunk() {
        return Optional.ofNullable(chunk);
    }

    /** The last lines of its stderr, joined with " | ", or "(empty)". */
    public String stderrTail() {
        return stderrTail;
    }
}
