package dev.sumbench.process;

import dev.sumbench.sum.ChunkPlan;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.LongBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;

/**
 * One child JVM of a {@link ProcessPool}: its stdin (requests, written under a lock), its reader thread (replies from
 * stdout, matched to the FIFO of open requests), and the drained tail of its stderr.
 */
final class WorkerProcess {

    /*
     * Implementation notes. The worker answers in the order it was asked, so the open requests form a FIFO: a request
     * is appended under writeLock just before its frames are written, and the reader removes the head for each reply
     * and checks that the task ids agree (a mismatch is a protocol violation and kills the worker). Failing requests
     * when the pool breaks or closes only marks them failed and leaves them in the queue, so the reader's head stays
     * in step with the worker; requests of a worker whose reader has ended are cleared.
     *
     * A reader thread per worker (rather than the caller reading replies itself) is what notices a death while every
     * caller is busy elsewhere: the child's stdout ends when it dies, whatever it was doing, and that end is the one
     * signal of death the pool relies on. It costs one thread wake-up per reply, which the caller's spin hides.
     *
     * Pipe frames are built in one reusable byte[] per worker: header and fixed fields through a little-endian
     * ByteBuffer, the values with one bulk LongBuffer.put (a memory copy), then one write call per frame, which the
     * process's buffered stream passes straight to the pipe. Small frames stay in that stream's buffer until the
     * request's flush, so a small request is one system call.
     */

    /** How long the reader waits for a process whose stdout ended to exit, before it reports it alive. */
    private static final long EXIT_AFTER_EOF_MILLIS = 500;
    /** How long the reader waits for the rest of stderr once the process exited. */
    private static final long STDERR_AFTER_EXIT_MILLIS = 300;
    /** Offset of the values in a SUM_VALUES frame. */
    private static final int VALUES_OFFSET = Protocol.HEADER_BYTES + Protocol.SUM_VALUES_FIXED;

    final int index;
    final Process process;
    final long pid;
    private final ProcessPool pool;
    private final StderrTail stderr;
    private final Thread reader;
    /** The hello: completed (with the pid) or failed by the reader; awaited by the thread that started the pool. */
    final PendingReply hello;

    /** Requests sent and not answered, oldest first: appended under writeLock, removed by the reader. */
    private final ConcurrentLinkedQueue<PendingReply> inFlight = new ConcurrentLinkedQueue<>();
    /** Guards stdin and the frame buffers. */
    private final ReentrantLock writeLock = new ReentrantLock();
    private final OutputStream stdin;
    /** The SUM_SHARED frame, rewritten for every request; guarded by writeLock. */
    private final ByteBuffer sharedFrame = ByteBuffer.allocate(Protocol.HEADER_BYTES + Protocol.SUM_SHARED_PAYLOAD)
            .order(Protocol.ORDER);
    /** The frame buffer of the pipe transport, allocated on first use; guarded by writeLock. */
    private byte[] frame;
    private ByteBuffer frameBytes;
    private LongBuffer frameValues;

    /** Reply buffers: used only by the reader thread. */
    private final byte[] replyHeader = new byte[Protocol.HEADER_BYTES];
    private final ByteBuffer replyHeaderBuffer = ByteBuffer.wrap(replyHeader).order(Protocol.ORDER);
    private final byte[] replyPayload = new byte[Protocol.MAX_REPLY_LENGTH - Protocol.KIND_BYTES];
    private final ByteBuffer replyPayloadBuffer = ByteBuffer.wrap(replyPayload).order(Protocol.ORDER);

    /** The message of the worker's last ERROR reply; written by the reader. */
    private volatile String lastError;
    /** Set by the reader when it ended, before it tells the pool: the queue no longer moves. */
    private volatile boolean ended;
    /**
     * When the worker last made progress: a request opened, a frame of it written (the worker read the one before),
     * a reply read. What the pool's watchdog measures stalls from.
     */
    private volatile long progressNanos = System.nanoTime();
    /** Why the watchdog killed the worker, once it did; else null. */
    private volatile String stall;

    WorkerProcess(ProcessPool pool, int index, Process process, String threadPrefix) {
        this.pool = pool;
        this.index = index;
        this.process = process;
        this.pid = process.pid();
        this.stdin = process.getOutputStream();
        this.hello = new PendingReply(Protocol.NO_TASK, "the hello of worker " + index);
        this.stderr = StderrTail.start(process.getErrorStream(), threadPrefix + "-stderr");
        this.reader = new Thread(this::readReplies, threadPrefix);
        this.reader.setDaemon(true);
        this.reader.start();
    }

    // ---------------------------------------------------------------------------------------------- requests

    /** Sends a SUM_SHARED request for chunk {@code chunk} of {@code plan} (its range is a range of the mapping). */
    PendingReply sendShared(long task, ChunkPlan plan, int chunk) {
        writeLock.lock();
        try {
            PendingReply pending = open(new PendingReply(task, plan, chunk));
            try {
                ByteBuffer small = sharedFrame.clear();
                Protocol.putHeader(small, Protocol.SUM_SHARED, Protocol.SUM_SHARED_PAYLOAD);
                small.putLong(task).putLong(plan.lo(chunk)).putLong(plan.hi(chunk) - (long) plan.lo(chunk));
                stdin.write(small.array(), 0, small.position());
                stdin.flush();
            } catch (IOException e) {
                writeFailed(e);
            }
            return pending;
        } finally {
            writeLock.unlock();
        }
    }

    /** Sends a MAP request for {@code bytes} bytes of {@code path}. */
    PendingReply sendMap(long task, String what, String path, long bytes) {
        byte[] pathBytes = path.getBytes(StandardCharsets.UTF_8);
        if (pathBytes.length > Protocol.MAX_PATH_BYTES) {
            throw new IllegalArgumentException("path longer than " + Protocol.MAX_PATH_BYTES + " bytes: " + path);
        }
        writeLock.lock();
        try {
            PendingReply pending = open(new PendingReply(task, what, bytes));
            try {
                int payload = Protocol.MAP_FIXED + pathBytes.length;
                ByteBuffer small = ByteBuffer.allocate(Protocol.HEADER_BYTES + payload).order(Protocol.ORDER);
                Protocol.putHeader(small, Protocol.MAP, payload);
                small.putLong(task).putLong(bytes).put(pathBytes);
                stdin.write(small.array());
                stdin.flush();
            } catch (IOException e) {
                writeFailed(e);
            }
            return pending;
        } finally {
            writeLock.unlock();
        }
    }

    /**
     * Sends the values of chunk {@code chunk} of {@code plan} over {@code data} as the SUM_VALUES frames of one task;
     * {@code afterFirstFrame} runs (on this thread) once the first frame is written.
     */
    PendingReply sendValues(long task, long[] data, ChunkPlan plan, int chunk, Runnable afterFirstFrame) {
        int lo = plan.lo(chunk);
        int hi = plan.hi(chunk);
        writeLock.lock();
        try {
            PendingReply pending = open(new PendingReply(task, plan, chunk));
            try {
                if (frame == null) {
                    frame = new byte[VALUES_OFFSET + Protocol.MAX_VALUES_PER_FRAME * Long.BYTES];
                    frameBytes = ByteBuffer.wrap(frame).order(Protocol.ORDER);
                    frameValues = ByteBuffer.wrap(frame, VALUES_OFFSET, frame.length - VALUES_OFFSET).slice()
                            .order(Protocol.ORDER).asLongBuffer();
                }
                int next = lo;
                do {
                    int count = Math.min(Protocol.MAX_VALUES_PER_FRAME, hi - next);
                    boolean last = next + count == hi;
                    frameBytes.clear();
                    Protocol.putHeader(frameBytes, Protocol.SUM_VALUES, Protocol.SUM_VALUES_FIXED + count * Long.BYTES);
                    frameBytes.putLong(task).putInt(count).putInt(last ? Protocol.FLAG_LAST : 0);
                    frameValues.clear();
                    frameValues.put(data, next, count);
                    stdin.write(frame, 0, VALUES_OFFSET + count * Long.BYTES);
                    progressNanos = System.nanoTime();
                    if (next == lo && afterFirstFrame != null) {
                        afterFirstFrame.run();
                    }
                    next += count;
                } while (next < hi);
                stdin.flush();
            } catch (IOException e) {
                writeFailed(e);
            }
            return pending;
        } finally {
            writeLock.unlock();
        }
    }

    /** Appends a new open request; the caller holds writeLock. Throws if the pool no longer takes work. */
    private PendingReply open(PendingReply pending) {
        pool.checkUsable();
        if (inFlight.isEmpty()) {
            progressNanos = System.nanoTime(); // an idle worker starts its clock with its first request
        }
        inFlight.add(pending);
        try {
            pool.checkUsable();
        } catch (RuntimeException e) {
            inFlight.remove(pending);
            throw e;
        }
        return pending;
    }

    /**
     * The request could not be written: the worker is dead or dying (or the pool is closing). The request stays open;
     * killing the process makes sure its reader sees the end and fails it, with the worker's real exit status if it
     * had already died by itself.
     */
    private void writeFailed(IOException e) {
        process.destroyForcibly();
    }

    /** Asks the worker to exit (SHUTDOWN, then end of stdin), waiting at most {@code millis} for the write lock. */
    void requestShutdown(long millis) {
        boolean locked = false;
        try {
            locked = writeLock.tryLock(millis, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (!locked) {
            process.destroyForcibly();
            return;
        }
        try {
            ByteBuffer small = ByteBuffer.allocate(Protocol.HEADER_BYTES).order(Protocol.ORDER);
            Protocol.putHeader(small, Protocol.SHUTDOWN, 0);
            stdin.write(small.array());
            stdin.flush();
        } catch (IOException e) {
            // already gone: nothing to ask
        } finally {
            try {
                stdin.close();
            } catch (IOException e) {
                // the pipe is closed either way
            }
            writeLock.unlock();
        }
    }

    // ---------------------------------------------------------------------------------------------- replies

    private void readReplies() {
        InputStream stdout = process.getInputStream();
        String violation = null;
        try {
            readHello(stdout);
            while (true) {
                readReply(stdout);
            }
        } catch (EOFException e) {
            // the normal end: the worker exited (or died)
        } catch (IOException e) {
            violation = "its stdout failed: " + e;
        } catch (ProtocolViolation e) {
            violation = e.getMessage();
            process.destroyForcibly();
        } catch (RuntimeException | Error e) {
            // A bug of ours must not leave callers waiting for replies that no thread reads any more.
            violation = "its reader thread failed: " + e;
            process.destroyForcibly();
        }
        ended = true;
        pool.workerEnded(this, violation);
    }

    private void readHello(InputStream stdout) throws IOException, ProtocolViolation {
        byte[] header = new byte[Protocol.HEADER_BYTES];
        readFully(stdout, header, header.length);
        ByteBuffer h = ByteBuffer.wrap(header).order(Protocol.ORDER);
        int length = h.getInt();
        int version = h.get() & 0xFF;
        int type = h.get() & 0xFF;
        if (length != Protocol.KIND_BYTES + Protocol.HELLO_PAYLOAD || type != Protocol.HELLO) {
            throw new ProtocolViolation("its stdout does not begin with a hello frame: it begins with "
                    + printable(header));
        }
        if (version != Protocol.VERSION) {
            throw new ProtocolViolation("it speaks protocol version " + version + ", this pool version "
                    + Protocol.VERSION);
        }
        byte[] payload = new byte[Protocol.HELLO_PAYLOAD];
        readFully(stdout, payload, payload.length);
        ByteBuffer p = ByteBuffer.wrap(payload).order(Protocol.ORDER);
        int magic = p.getInt();
        int helloVersion = p.getInt();
        long helloPid = p.getLong();
        if (magic != Protocol.MAGIC) {
            throw new ProtocolViolation(String.format("its hello has magic 0x%08X, expected 0x%08X", magic,
                    Protocol.MAGIC));
        }
        if (helloVersion != Protocol.VERSION) {
            throw new ProtocolViolation("it speaks protocol version " + helloVersion + ", this pool version "
                    + Protocol.VERSION);
        }
        if (helloPid != pid) {
            throw new ProtocolViolation("its hello says pid " + helloPid + ", but the process is " + pid);
        }
        hello.complete(helloPid);
    }

    private void readReply(InputStream stdout) throws IOException, ProtocolViolation {
        readFully(stdout, replyHeader, Protocol.HEADER_BYTES);
        ByteBuffer h = replyHeaderBuffer;
        int length = h.getInt(0);
        int version = h.get(Protocol.LENGTH_BYTES) & 0xFF;
        int type = h.get(Protocol.LENGTH_BYTES + 1) & 0xFF;
        if (length < Protocol.KIND_BYTES || length > Protocol.MAX_REPLY_LENGTH) {
            throw new ProtocolViolation("it sent a reply of length " + length + " (allowed: " + Protocol.KIND_BYTES
                    + ".." + Protocol.MAX_REPLY_LENGTH + ")");
        }
        if (version != Protocol.VERSION) {
            throw new ProtocolViolation("it sent a reply of protocol version " + version);
        }
        int payloadLength = length - Protocol.KIND_BYTES;
        readFully(stdout, replyPayload, payloadLength);
        ByteBuffer p = replyPayloadBuffer;
        switch (type) {
            case Protocol.RESULT -> {
                if (payloadLength != Protocol.RESULT_PAYLOAD) {
                    throw new ProtocolViolation("it sent a RESULT of " + payloadLength + " bytes");
                }
                long task = p.getLong(0);
                long value = p.getLong(Long.BYTES);
                PendingReply head = inFlight.peek();
                if (head == null) {
                    throw new ProtocolViolation("it sent a RESULT for task " + task + " but nothing was asked");
                }
                if (head.task != task) {
                    throw new ProtocolViolation("it sent a RESULT for task " + task + ", expected task " + head.task);
                }
                inFlight.poll();
                progressNanos = System.nanoTime();
                head.complete(value);
            }
            case Protocol.ERROR -> {
                if (payloadLength < Long.BYTES) {
                    throw new ProtocolViolation("it sent an ERROR of " + payloadLength + " bytes");
                }
                long task = p.getLong(0);
                String message = new String(replyPayload, Long.BYTES, payloadLength - Long.BYTES,
                        StandardCharsets.UTF_8);
                lastError = (task == Protocol.NO_TASK ? "" : "task " + task + ": ") + message;
            }
            default -> throw new ProtocolViolation("it sent a reply of " + Protocol.typeName(type));
        }
    }

    private static void readFully(InputStream in, byte[] buffer, int length) throws IOException {
        int done = 0;
        while (done < length) {
            int read = in.read(buffer, done, length - done);
            if (read < 0) {
                throw new EOFException();
            }
            done += read;
        }
    }

    /** The first bytes of a wrong stdout, as hex and as text, for the start failure's message. */
    private static String printable(byte[] bytes) {
        StringBuilder hex = new StringBuilder();
        StringBuilder text = new StringBuilder();
        for (byte b : bytes) {
            hex.append(String.format("%02X ", b & 0xFF));
            text.append(b >= 0x20 && b < 0x7F ? (char) b : '.');
        }
        return hex.toString().strip() + " (\"" + text + "\")";
    }

    /** The worker broke the protocol; it is killed. */
    private static final class ProtocolViolation extends Exception {
        ProtocolViolation(String message) {
            super(message, null, false, false);
        }
    }

    // ---------------------------------------------------------------------------------------------- ending

    /** Marks every open request failed with {@code cause}; clears the queue if the reader has ended. */
    void failOpen(RuntimeException cause) {
        for (PendingReply pending : inFlight) {
            pending.fail(cause);
        }
        if (ended) {
            inFlight.clear();
        }
    }

    /** The oldest open request, what it was, and how many more there are, or null. */
    String held() {
        Iterator<PendingReply> open = inFlight.iterator();
        if (!open.hasNext()) {
            return null;
        }
        String first = open.next().what();
        int more = 0;
        while (open.hasNext()) {
            open.next();
            more++;
        }
        return more == 0 ? first : first + " (and " + more + " more request" + (more == 1 ? "" : "s") + ")";
    }

    /** The exit status once the process has exited, waiting up to EXIT_AFTER_EOF_MILLIS; then the rest of stderr. */
    ExitStatus awaitExitAfterEnd() {
        ExitStatus status = waitExit(EXIT_AFTER_EOF_MILLIS);
        if (status.code() != ExitStatus.STILL_RUNNING) {
            stderr.awaitEnd(STDERR_AFTER_EXIT_MILLIS);
        }
        return status;
    }

    /** Waits up to {@code millis} for the process to exit. */
    ExitStatus waitExit(long millis) {
        try {
            if (process.waitFor(Math.max(0, millis), TimeUnit.MILLISECONDS)) {
                return new ExitStatus(process.exitValue());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return new ExitStatus(ExitStatus.STILL_RUNNING);
    }

    String lastError() {
        return lastError;
    }

    StderrTail stderr() {
        return stderr;
    }

    /** Waits up to {@code millis} for the reader and the stderr drainer to finish. */
    void joinThreads(long millis) {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(millis);
        try {
            reader.join(Math.max(1, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime())));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        stderr.join(Math.max(1, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime())));
    }

    /** "worker 1 (pid 4242)". */
    /**
     * The oldest open request if the worker has made no progress since {@code limitFor} of it before {@code now}
     * ({@code System.nanoTime()}), else null. An idle worker never stalls.
     */
    PendingReply stalledAt(long now, java.util.function.LongUnaryOperator limitNanosFor) {
        PendingReply head = inFlight.peek();
        if (head == null || ended) {
            return null;
        }
        return now - progressNanos > limitNanosFor.applyAsLong(head.workBytes) ? head : null;
    }

    /** Records why the watchdog is about to kill the worker (the message of the broken pool says it). */
    void markStalled(String why) {
        stall = why;
    }

    /** Why the watchdog killed the worker, or null. */
    String stall() {
        return stall;
    }

    String label() {
        return "worker " + index + " (pid " + pid + ")";
    }
}
