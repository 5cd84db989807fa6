package dev.sumbench.process;

import dev.sumbench.files.InputFiles;
import dev.sumbench.files.RefusedFileException;
import java.io.FileDescriptor;
import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.nio.ByteBuffer;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.ReadableByteChannel;
import java.nio.channels.WritableByteChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * The main class of a child JVM: says {@link Protocol#HELLO}, then serves the requests of the {@link Protocol} from
 * stdin, one at a time, in order, replying on stdout. Exits with {@link Protocol#EXIT_OK} when stdin ends (so a dead
 * parent leaves no orphan) or on {@link Protocol#SHUTDOWN}, and with the other {@code Protocol.EXIT_*} codes as
 * documented there. Diagnostics go to stderr, which the pool keeps as a bounded tail; {@code System.out} is pointed at
 * stderr too, so that nothing but frames ever reaches stdout.
 *
 * <p>Usage: {@code java -cp <class path> dev.sumbench.process.Worker [index]}; the index only labels the process.
 */
public final class Worker {

    /*
     * Implementation notes. Start-up is part of what process-spawn measures, so the path to the hello avoids whatever
     * makes a JVM load and link more: no lambdas, no string concatenation with '+' (both bootstrap invokedynamic, about
     * 10..20 ms of CPU each at start), no ProcessHandle (its reaper set-up costs about as much; the pid is read from
     * /proc/self where it exists). Error paths may be slow.
     *
     * Input is read through a FileChannel on fd 0 into one direct buffer of fixed size, so a read moves bytes from the
     * pipe straight into the buffer (a stream would copy them once more) and several small frames arrive with one
     * read. The values of a SUM_VALUES frame are summed where they lie in that buffer, as soon as they arrive: with
     * frames larger than the pipe, waiting for a whole frame would leave the parent blocked while the worker sums.
     * Replies are small and written with one write call each through a FileChannel on fd 1.
     *
     * The shared transport maps the file in windows of at most WINDOW_BYTES (a MappedByteBuffer is int-indexed) and
     * touches every page once while mapping (MappedByteBuffer.load), so that the first timed sum does not pay the
     * page faults. The file may be unlinked by the parent right after the reply: the mapping stays valid.
     */

    /** Bytes per mapped window: a power of two below the 2 GiB limit of a MappedByteBuffer, a multiple of 8. */
    static final long WINDOW_BYTES = 1L << 30;
    /**
     * Input buffer: more than the 64 KiB a Linux pipe holds, so one read takes all there is, plus room for the largest
     * request that must be buffered whole (the values of a SUM_VALUES frame are summed as they arrive and need not
     * fit). It must stay below 128 KiB, glibc's threshold for serving a malloc with mmap: measured with perf on a
     * worker fed through a pipe, the kernel's copy into a buffer of that kind cost two to three times as much system
     * time as into a smaller one (the read size itself made no difference), and the whole worker twice the CPU.
     */
    private static final int INPUT_CAPACITY = 72 * 1024;
    /** Largest payload of a request other than SUM_VALUES: a MAP with the longest path. */
    private static final int MAX_BUFFERED_PAYLOAD = Protocol.MAP_FIXED + Protocol.MAX_PATH_BYTES;

    private final ReadableByteChannel in;
    private final WritableByteChannel out;
    private final PrintStream log;
    /** Unread input is [head, tail) of this buffer; its position and limit are scratch. */
    private final ByteBuffer input = ByteBuffer.allocateDirect(INPUT_CAPACITY).order(Protocol.ORDER);
    private int head;
    private int tail;
    private final ByteBuffer reply = ByteBuffer.allocateDirect(Protocol.LENGTH_BYTES + Protocol.MAX_REPLY_LENGTH)
            .order(Protocol.ORDER);

    /** The pipe task whose frames are arriving, or NO_TASK. */
    private long openTask = Protocol.NO_TASK;
    private long openSum;

    /** The mapped data of the shared transport, in windows of WINDOW_BYTES; empty when nothing is mapped. */
    private MappedByteBuffer[] windows = new MappedByteBuffer[0];
    private long mappedBytes;

    Worker(ReadableByteChannel in, WritableByteChannel out, PrintStream log) {
        this.in = in;
        this.out = out;
        this.log = log;
    }

    public static void main(String[] args) {
        PrintStream err = System.err;
        System.setOut(err);
        ignoreInterrupt();
        int status;
        try {
            FileChannel stdin = new FileInputStream(FileDescriptor.in).getChannel();
            FileChannel stdout = new FileOutputStream(FileDescriptor.out).getChannel();
            status = new Worker(stdin, stdout, err).serve(currentPid());
        } catch (Throwable t) {
            t.printStackTrace(err);
            status = Protocol.EXIT_SOFTWARE;
        }
        err.flush();
        Runtime.getRuntime().halt(status);
    }

    /** Says hello as process {@code pid}, then serves requests until the end; returns the exit status. */
    int serve(long pid) {
        try {
            reply.clear();
            Protocol.putHeader(reply, Protocol.HELLO, Protocol.HELLO_PAYLOAD);
            reply.putInt(Protocol.MAGIC).putInt(Protocol.VERSION).putLong(pid);
            send();
            while (true) {
                if (!fill(Protocol.LENGTH_BYTES)) {
                    if (tail == head) {
                        return Protocol.EXIT_OK;
                    }
                    return truncated();
                }
                int length = input.getInt(head);
                if (length < Protocol.KIND_BYTES || length > Protocol.MAX_FRAME_LENGTH) {
                    return reject(Protocol.NO_TASK, new StringBuilder("frame length ").append(length)
                            .append(" is outside ").append(Protocol.KIND_BYTES).append("..")
                            .append(Protocol.MAX_FRAME_LENGTH));
                }
                if (!fill(Protocol.HEADER_BYTES)) {
                    return truncated();
                }
                int version = input.get(head + Protocol.LENGTH_BYTES) & 0xFF;
                int type = input.get(head + Protocol.LENGTH_BYTES + 1) & 0xFF;
                int payloadBytes = length - Protocol.KIND_BYTES;
                if (version != Protocol.VERSION) {
                    return reject(Protocol.NO_TASK, new StringBuilder("protocol version ").append(version)
                            .append(", expected ").append(Protocol.VERSION));
                }
                if (type == Protocol.SUM_VALUES) {
                    int status = sumValues(payloadBytes);
                    if (status >= 0) {
                        return status;
                    }
                    continue;
                }
                if (type != Protocol.SUM_SHARED && type != Protocol.MAP && type != Protocol.SHUTDOWN) {
                    return reject(Protocol.NO_TASK, new StringBuilder("unknown frame type ").append(type));
                }
                if (payloadBytes > MAX_BUFFERED_PAYLOAD) {
                    return reject(Protocol.NO_TASK, badLength(type, payloadBytes));
                }
                if (!fill(Protocol.LENGTH_BYTES + length)) {
                    return truncated();
                }
                int payload = head + Protocol.HEADER_BYTES;
                int status;
                switch (type) {
                    case Protocol.SUM_SHARED:
                        status = sumShared(payload, payloadBytes);
                        break;
                    case Protocol.MAP:
                        status = map(payload, payloadBytes);
                        break;
                    case Protocol.SHUTDOWN:
                        status = payloadBytes == 0 ? Protocol.EXIT_OK
                                : reject(Protocol.NO_TASK, badLength(type, payloadBytes));
                        if (status == Protocol.EXIT_OK && openTask != Protocol.NO_TASK) {
                            status = reject(openTask, new StringBuilder("SHUTDOWN inside task ").append(openTask));
                        }
                        return status;
                    default:
                        throw new IllegalStateException("unreachable: type checked above");
                }
                if (status >= 0) {
                    return status;
                }
                head += Protocol.LENGTH_BYTES + length;
            }
        } catch (IOException e) {
            log.println(new StringBuilder("sumbench worker: ").append(e));
            return Protocol.EXIT_IO;
        }
    }

    /** Continue serving. */
    private static final int CONTINUE = -1;

    /**
     * A SUM_VALUES frame, its header at {@code head}: checks the fixed fields, then sums the values as they arrive
     * (consuming the frame), so that the parent can go on writing while the worker sums.
     */
    private int sumValues(int payloadBytes) throws IOException {
        if (payloadBytes < Protocol.SUM_VALUES_FIXED) {
            return reject(Protocol.NO_TASK, badLength(Protocol.SUM_VALUES, payloadBytes));
        }
        if (!fill(Protocol.HEADER_BYTES + Protocol.SUM_VALUES_FIXED)) {
            return truncated();
        }
        int payload = head + Protocol.HEADER_BYTES;
        long task = input.getLong(payload);
        int count = input.getInt(payload + Long.BYTES);
        int flags = input.getInt(payload + Long.BYTES + Integer.BYTES);
        if (count < 0 || count > Protocol.MAX_VALUES_PER_FRAME
                || payloadBytes != Protocol.SUM_VALUES_FIXED + count * Long.BYTES) {
            return reject(task, new StringBuilder("SUM_VALUES of ").append(count).append(" values in a payload of ")
                    .append(payloadBytes).append(" bytes"));
        }
        if ((flags & ~Protocol.FLAG_LAST) != 0) {
            return reject(task, new StringBuilder("SUM_VALUES with unknown flags ").append(flags));
        }
        if (openTask != Protocol.NO_TASK && task != openTask) {
            return reject(task, new StringBuilder("SUM_VALUES of task ").append(task)
                    .append(" while task ").append(openTask).append(" is open"));
        }
        openTask = task;
        head = payload + Protocol.SUM_VALUES_FIXED;
        int left = count;
        while (left > 0) {
            if (!fill(Long.BYTES)) {
                return truncated();
            }
            int ready = Math.min(left, (tail - head) / Long.BYTES);
            openSum += sumLongs(input, head, ready);
            head += ready * Long.BYTES;
            left -= ready;
        }
        if ((flags & Protocol.FLAG_LAST) != 0) {
            long sum = openSum;
            openTask = Protocol.NO_TASK;
            openSum = 0;
            result(task, sum);
        }
        return CONTINUE;
    }

    private int sumShared(int payload, int payloadBytes) throws IOException {
        if (payloadBytes != Protocol.SUM_SHARED_PAYLOAD) {
            return reject(Protocol.NO_TASK, badLength(Protocol.SUM_SHARED, payloadBytes));
        }
        long task = input.getLong(payload);
        long offset = input.getLong(payload + Long.BYTES);
        long count = input.getLong(payload + 2 * Long.BYTES);
        if (openTask != Protocol.NO_TASK) {
            return reject(task, new StringBuilder("SUM_SHARED while task ").append(openTask).append(" is open"));
        }
        long mappedValues = mappedBytes / Long.BYTES;
        if (offset < 0 || count < 0 || offset > mappedValues || count > mappedValues - offset) {
            return reject(task, new StringBuilder("SUM_SHARED of [").append(offset).append(", +").append(count)
                    .append(") outside the ").append(mappedValues).append(" mapped values"));
        }
        result(task, sumMapped(offset, count));
        return CONTINUE;
    }

    private int map(int payload, int payloadBytes) throws IOException {
        if (payloadBytes < Protocol.MAP_FIXED || payloadBytes > Protocol.MAP_FIXED + Protocol.MAX_PATH_BYTES) {
            return reject(Protocol.NO_TASK, badLength(Protocol.MAP, payloadBytes));
        }
        long task = input.getLong(payload);
        long bytes = input.getLong(payload + Long.BYTES);
        if (openTask != Protocol.NO_TASK) {
            return reject(task, new StringBuilder("MAP while task ").append(openTask).append(" is open"));
        }
        if (bytes < 0 || bytes % Long.BYTES != 0) {
            return reject(task, new StringBuilder("MAP of ").append(bytes).append(" bytes"));
        }
        byte[] pathBytes = new byte[payloadBytes - Protocol.MAP_FIXED];
        input.get(payload + Protocol.MAP_FIXED, pathBytes);
        String path = new String(pathBytes, StandardCharsets.UTF_8);
        unmap();
        if (bytes > 0) {
            try {
                // before the open: opening a FIFO blocks until a writer comes, and a device never ends
                InputFiles.check(Path.of(path), "the shared data file", Long.MAX_VALUE);
            } catch (RefusedFileException e) {
                error(task, new StringBuilder("cannot map ").append(e.getMessage()));
                return Protocol.EXIT_IO;
            }
            try (FileChannel file = FileChannel.open(Path.of(path), StandardOpenOption.READ)) {
                if (file.size() < bytes) {
                    return reject(task, new StringBuilder("MAP of ").append(bytes).append(" bytes, but ")
                            .append(path).append(" has ").append(file.size()));
                }
                int count = (int) ((bytes + WINDOW_BYTES - 1) / WINDOW_BYTES);
                MappedByteBuffer[] mapped = new MappedByteBuffer[count];
                for (int i = 0; i < count; i++) {
                    long position = i * WINDOW_BYTES;
                    mapped[i] = file.map(FileChannel.MapMode.READ_ONLY, position,
                            Math.min(WINDOW_BYTES, bytes - position));
                    mapped[i].order(Protocol.ORDER);
                    mapped[i].load();
                }
                windows = mapped;
                mappedBytes = bytes;
            } catch (IOException | RuntimeException e) {
                error(task, new StringBuilder("cannot map ").append(path).append(": ").append(e));
                return Protocol.EXIT_IO;
            }
        }
        result(task, bytes);
        return CONTINUE;
    }

    /** Sums {@code count} values from value index {@code offset} of the mapping, across windows. */
    private long sumMapped(long offset, long count) {
        long sum = 0;
        long valuesPerWindow = WINDOW_BYTES / Long.BYTES;
        long next = offset;
        long end = offset + count;
        while (next < end) {
            int window = (int) (next / valuesPerWindow);
            int first = (int) (next % valuesPerWindow);
            int n = (int) Math.min(end - next, valuesPerWindow - first);
            sum += sumLongs(windows[window], first * Long.BYTES, n);
            next += n;
        }
        return sum;
    }

    /** The plain loop over {@code count} little-endian longs from byte {@code at}: kept small so that C2 unrolls it. */
    static long sumLongs(ByteBuffer buffer, int at, int count) {
        long sum = 0;
        for (int i = 0; i < count; i++) {
            sum += buffer.getLong(at + i * Long.BYTES);
        }
        return sum;
    }

    /** Drops the current mapping at once instead of leaving it to a garbage collection that may never come. */
    private void unmap() {
        MappedByteBuffer[] old = windows;
        windows = new MappedByteBuffer[0];
        mappedBytes = 0;
        for (MappedByteBuffer window : old) {
            Unmapper.unmap(window);
        }
    }

    /**
     * Makes {@code [head, tail)} hold at least {@code bytes} bytes (at most a header and the largest buffered
     * payload); false if stdin ended first. Unread bytes move to the front before each read, so a read always has
     * almost the whole buffer to fill; they are few, since a read happens only when fewer than {@code bytes} are left.
     */
    private boolean fill(int bytes) throws IOException {
        if (tail - head >= bytes) {
            return true;
        }
        if (head > 0) {
            input.limit(tail).position(head);
            input.compact();
            tail -= head;
            head = 0;
        }
        while (tail < bytes) {
            input.limit(INPUT_CAPACITY).position(tail);
            int read = in.read(input);
            if (read < 0) {
                return false;
            }
            tail += read;
        }
        return true;
    }

    private void result(long task, long value) throws IOException {
        reply.clear();
        Protocol.putHeader(reply, Protocol.RESULT, Protocol.RESULT_PAYLOAD);
        reply.putLong(task).putLong(value);
        send();
    }

    /** Replies ERROR for {@code task}, logs the message and returns the status to exit with. */
    private int reject(long task, CharSequence message) throws IOException {
        error(task, message);
        return Protocol.EXIT_MALFORMED;
    }

    private void error(long task, CharSequence message) throws IOException {
        log.println(new StringBuilder("sumbench worker: ").append(message));
        byte[] text = message.toString().getBytes(StandardCharsets.UTF_8);
        int length = Math.min(text.length, Protocol.MAX_MESSAGE_BYTES);
        reply.clear();
        Protocol.putHeader(reply, Protocol.ERROR, Long.BYTES + length);
        reply.putLong(task).put(text, 0, length);
        send();
    }

    private int truncated() {
        log.println("sumbench worker: stdin ended inside a frame");
        return Protocol.EXIT_MALFORMED;
    }

    private static CharSequence badLength(int type, int payloadBytes) {
        return new StringBuilder(Protocol.typeName(type)).append(" with a payload of ").append(payloadBytes)
                .append(" bytes");
    }

    private void send() throws IOException {
        reply.flip();
        while (reply.hasRemaining()) {
            out.write(reply);
        }
    }

    /**
     * Ignores SIGINT: Ctrl-C in a terminal goes to the whole process group, and the parent, not its workers, decides
     * what an interrupt means (a worker ends anyway when the parent does: its stdin ends). Through reflection, because
     * sun.misc.Signal draws a compiler warning; where it is missing, Ctrl-C simply ends the workers too.
     */
    private static void ignoreInterrupt() {
        try {
            Class<?> signal = Class.forName("sun.misc.Signal");
            Class<?> handler = Class.forName("sun.misc.SignalHandler");
            Object ignore = handler.getField("SIG_IGN").get(null);
            Object interrupt = signal.getConstructor(String.class).newInstance("INT");
            signal.getMethod("handle", signal, handler).invoke(null, interrupt, ignore);
        } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
            // keep the default
        }
    }

    /** This process's pid: from /proc/self where it exists (cheap), else from ProcessHandle. */
    static long currentPid() {
        try {
            Path self = Path.of("/proc/self");
            if (Files.isSymbolicLink(self)) {
                return Long.parseLong(Files.readSymbolicLink(self).toString());
            }
        } catch (IOException | RuntimeException e) {
            // fall through to the portable way
        }
        return ProcessHandle.current().pid();
    }

    /** Unmaps a MappedByteBuffer through sun.misc.Unsafe.invokeCleaner where it exists; a no-op otherwise. */
    private static final class Unmapper {
        private static final Object UNSAFE;
        private static final Method INVOKE_CLEANER;

        static {
            Object unsafe = null;
            Method invokeCleaner = null;
            try {
                Class<?> type = Class.forName("sun.misc.Unsafe");
                Field field = type.getDeclaredField("theUnsafe");
                field.setAccessible(true);
                unsafe = field.get(null);
                invokeCleaner = type.getMethod("invokeCleaner", ByteBuffer.class);
            } catch (ReflectiveOperationException | RuntimeException e) {
                unsafe = null;
                invokeCleaner = null;
            }
            UNSAFE = unsafe;
            INVOKE_CLEANER = invokeCleaner;
        }

        static void unmap(MappedByteBuffer buffer) {
            if (INVOKE_CLEANER == null) {
                return;
            }
            try {
                INVOKE_CLEANER.invoke(UNSAFE, buffer);
            } catch (ReflectiveOperationException | RuntimeException e) {
                // the garbage collector unmaps it later
            }
        }
    }
}
