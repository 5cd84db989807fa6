package dev.sumbench.process;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sumbench.sum.Data;
import dev.sumbench.sum.Ranges;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Talks to real worker processes frame by frame: valid requests get the right replies; every malformed or oversized
 * frame gets an ERROR reply and exit code 65 (a frame cut short by the end of stdin: exit 65 without a reply), as
 * {@link Protocol} documents. Never a wrong sum, never a hang, never an out-of-memory.
 */
class WorkerProtocolTest {

    private final List<RawWorker> started = new ArrayList<>();

    @AfterEach
    void killLeftovers() {
        for (RawWorker worker : started) {
            worker.process.destroyForcibly();
        }
    }

    @Test
    void validRequestsGetTheirSums() throws Exception {
        RawWorker worker = start();
        worker.expectHello();
        long[] data = Data.generate(2 * Protocol.MAX_VALUES_PER_FRAME + 3, 5);
        int full = Protocol.MAX_VALUES_PER_FRAME;
        worker.send(values(7, data, 0, full, 0));
        worker.send(values(7, data, full, 2 * full, 0));
        worker.send(values(7, data, 2 * full, data.length, Protocol.FLAG_LAST));
        worker.send(values(8, new long[0], 0, 0, Protocol.FLAG_LAST));
        worker.send(shared(9, 0, 0));
        assertEquals(List.of(Protocol.RESULT, 7L, Ranges.loop(data, 0, data.length)), worker.reply());
        assertEquals(List.of(Protocol.RESULT, 8L, 0L), worker.reply());
        assertEquals(List.of(Protocol.RESULT, 9L, 0L), worker.reply(), "an empty range needs no mapping");
        worker.send(frame(Protocol.SHUTDOWN, new byte[0]));
        assertEquals(Protocol.EXIT_OK, worker.exitCode());
    }

    @Test
    void sharedRequestsSumTheMappedFileAndRangesOutsideItAreRejected(@TempDir Path directory) throws Exception {
        long[] data = Data.generate(10_000, 6);
        Path file = directory.resolve("data.longs");
        ByteBuffer bytes = ByteBuffer.allocate(data.length * Long.BYTES).order(Protocol.ORDER);
        bytes.asLongBuffer().put(data);
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
            channel.write(bytes);
        }
        RawWorker worker = start();
        worker.expectHello();
        worker.send(map(1, data.length * Long.BYTES, file.toString()));
        assertEquals(List.of(Protocol.RESULT, 1L, (long) data.length * Long.BYTES), worker.reply());
        worker.send(shared(2, 100, 9_000));
        assertEquals(List.of(Protocol.RESULT, 2L, Ranges.loop(data, 100, 9_100)), worker.reply());
        worker.send(shared(3, 9_000, 1_001));
        assertEquals(List.of(Protocol.ERROR, 3L, "SUM_SHARED of [9000, +1001) outside the 10000 mapped values"),
                worker.reply());
        assertEquals(Protocol.EXIT_MALFORMED, worker.exitCode());
    }

    @Test
    void malformedAndOversizedFramesGetAnErrorReplyAndExit65() throws Exception {
        Map<String, byte[]> frames = new LinkedHashMap<>();
        frames.put("frame length 1048595 is outside 2..1048594", header(Protocol.MAX_FRAME_LENGTH + 1, 1,
                Protocol.SUM_VALUES));
        frames.put("frame length 2147483647 is outside 2..1048594", header(Integer.MAX_VALUE, 1, Protocol.SUM_VALUES));
        frames.put("frame length -8 is outside 2..1048594", header(-8, 1, Protocol.SUM_VALUES));
        frames.put("protocol version 2, expected 1", header(2, 2, Protocol.SHUTDOWN));
        frames.put("unknown frame type 77", header(2, 1, 77));
        frames.put("SUM_VALUES of 3 values in a payload of 32 bytes", withLength(values(4, new long[] {1, 2, 3},
                0, 3, Protocol.FLAG_LAST), 2 + 32));
        frames.put("SUM_VALUES with unknown flags 6", values(4, new long[] {1}, 0, 1, 6));
        frames.put("MAP with a payload of 4200 bytes", frame(Protocol.MAP, new byte[4200]));
        frames.put("SUM_SHARED with a payload of 16 bytes", frame(Protocol.SUM_SHARED, new byte[16]));
        frames.put("SHUTDOWN with a payload of 1 bytes", frame(Protocol.SHUTDOWN, new byte[1]));
        frames.put("MAP of 12 bytes", map(5, 12, "/dev/null"));
        frames.put("SUM_VALUES of task 2 while task 1 is open", concat(values(1, new long[] {1}, 0, 1, 0),
                values(2, new long[] {1}, 0, 1, Protocol.FLAG_LAST)));
        frames.put("SUM_SHARED while task 1 is open", concat(values(1, new long[] {1}, 0, 1, 0), shared(2, 0, 0)));

        List<RawWorker> workers = new ArrayList<>();
        for (int i = 0; i < frames.size(); i++) {
            workers.add(start());
        }
        int i = 0;
        for (Map.Entry<String, byte[]> frame : frames.entrySet()) {
            RawWorker worker = workers.get(i++);
            worker.expectHello();
            worker.send(frame.getValue());
            List<Object> reply = worker.reply();
            assertEquals(Protocol.ERROR, reply.get(0), frame.getKey());
            assertEquals(frame.getKey(), reply.get(2));
            assertEquals(Protocol.EXIT_MALFORMED, worker.exitCode(), frame.getKey());
            assertTrue(worker.stderr().contains("sumbench worker: " + frame.getKey()), worker.stderr());
        }
    }

    @Test
    void theEndOfStdinEndsTheWorker() throws Exception {
        RawWorker atBoundary = start();
        RawWorker insideFrame = start();
        RawWorker insideValues = start();
        atBoundary.expectHello();
        atBoundary.process.getOutputStream().close();
        assertEquals(Protocol.EXIT_OK, atBoundary.exitCode(), "at a frame boundary: a normal exit");

        insideFrame.expectHello();
        insideFrame.send(new byte[] {10, 0});
        insideFrame.process.getOutputStream().close();
        assertEquals(Protocol.EXIT_MALFORMED, insideFrame.exitCode(), "inside a frame header");

        insideValues.expectHello();
        byte[] frame = values(1, new long[] {1, 2, 3, 4}, 0, 4, Protocol.FLAG_LAST);
        insideValues.send(java.util.Arrays.copyOf(frame, frame.length - 5));
        insideValues.process.getOutputStream().close();
        assertEquals(Protocol.EXIT_MALFORMED, insideValues.exitCode(), "inside the values");
        assertTrue(insideValues.stderr().contains("stdin ended inside a frame"), insideValues.stderr());
        assertEquals(-1, insideValues.process.getInputStream().read(), "no reply");
    }

    // ---------------------------------------------------------------------------------------------- frames

    private static byte[] header(int length, int version, int type) {
        return ByteBuffer.allocate(Protocol.HEADER_BYTES).order(Protocol.ORDER).putInt(length).put((byte) version)
                .put((byte) type).array();
    }

    private static byte[] frame(int type, byte[] payload) {
        ByteBuffer frame = ByteBuffer.allocate(Protocol.HEADER_BYTES + payload.length).order(Protocol.ORDER);
        Protocol.putHeader(frame, type, payload.length);
        return frame.put(payload).array();
    }

    private static byte[] values(long task, long[] data, int lo, int hi, int flags) {
        ByteBuffer payload = ByteBuffer.allocate(Protocol.SUM_VALUES_FIXED + (hi - lo) * Long.BYTES)
                .order(Protocol.ORDER);
        payload.putLong(task).putInt(hi - lo).putInt(flags);
        for (int i = lo; i < hi; i++) {
            payload.putLong(data[i]);
        }
        return frame(Protocol.SUM_VALUES, payload.array());
    }

    private static byte[] shared(long task, long offset, long count) {
        return frame(Protocol.SUM_SHARED, ByteBuffer.allocate(Protocol.SUM_SHARED_PAYLOAD).order(Protocol.ORDER)
                .putLong(task).putLong(offset).putLong(count).array());
    }

    private static byte[] map(long task, long bytes, String path) {
        byte[] pathBytes = path.getBytes(StandardCharsets.UTF_8);
        return frame(Protocol.MAP, ByteBuffer.allocate(Protocol.MAP_FIXED + pathBytes.length).order(Protocol.ORDER)
                .putLong(task).putLong(bytes).put(pathBytes).array());
    }

    /** {@code frame} with its length field replaced (and the bytes cut or padded to match). */
    private static byte[] withLength(byte[] frame, int length) {
        byte[] changed = java.util.Arrays.copyOf(frame, Protocol.LENGTH_BYTES + length);
        ByteBuffer.wrap(changed).order(Protocol.ORDER).putInt(0, length);
        return changed;
    }

    private static byte[] concat(byte[] first, byte[] second) {
        ByteArrayOutputStream both = new ByteArrayOutputStream();
        both.writeBytes(first);
        both.writeBytes(second);
        return both.toByteArray();
    }

    // ---------------------------------------------------------------------------------------------- a worker

    private RawWorker start() throws IOException {
        RawWorker worker = new RawWorker(new ProcessBuilder(WorkerLauncher.defaults().command(0))
                .redirectError(ProcessBuilder.Redirect.PIPE).start());
        started.add(worker);
        return worker;
    }

    /** A worker process driven by hand: frames written to its stdin, replies parsed from its stdout. */
    private static final class RawWorker {
        final Process process;
        final OutputStream in;
        final InputStream out;

        RawWorker(Process process) {
            this.process = process;
            this.in = process.getOutputStream();
            this.out = process.getInputStream();
        }

        void expectHello() throws IOException {
            ByteBuffer hello = ByteBuffer.wrap(read(Protocol.HEADER_BYTES + Protocol.HELLO_PAYLOAD))
                    .order(Protocol.ORDER);
            assertEquals(Protocol.KIND_BYTES + Protocol.HELLO_PAYLOAD, hello.getInt());
            assertEquals(Protocol.VERSION, hello.get());
            assertEquals(Protocol.HELLO, hello.get());
            assertEquals(Protocol.MAGIC, hello.getInt());
            assertEquals(Protocol.VERSION, hello.getInt());
            assertEquals(process.pid(), hello.getLong());
        }

        void send(byte[] bytes) throws IOException {
            in.write(bytes);
            in.flush();
        }

        /** [type, task, value] for RESULT, [type, task, message] for ERROR. */
        List<Object> reply() throws IOException {
            ByteBuffer header = ByteBuffer.wrap(read(Protocol.HEADER_BYTES)).order(Protocol.ORDER);
            int length = header.getInt();
            assertTrue(length >= Protocol.KIND_BYTES + Long.BYTES && length <= Protocol.MAX_REPLY_LENGTH,
                    "reply length " + length);
            assertEquals(Protocol.VERSION, header.get());
            int type = header.get();
            ByteBuffer payload = ByteBuffer.wrap(read(length - Protocol.KIND_BYTES)).order(Protocol.ORDER);
            long task = payload.getLong();
            if (type == Protocol.RESULT) {
                return List.of(type, task, payload.getLong());
            }
            return List.of(type, task, StandardCharsets.UTF_8.decode(payload).toString());
        }

        int exitCode() throws InterruptedException {
            assertTrue(process.waitFor(ProcessTesting.JVM_START.toSeconds(), TimeUnit.SECONDS), "the worker exits");
            return process.exitValue();
        }

        String stderr() {
            try {
                return new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new AssertionError(e);
            }
        }

        private byte[] read(int length) throws IOException {
            byte[] bytes = out.readNBytes(length);
            if (bytes.length < length) {
                throw new EOFException("the worker's stdout ended after " + bytes.length + " of " + length + " bytes");
            }
            return bytes;
        }
    }
}
