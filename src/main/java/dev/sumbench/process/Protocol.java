package dev.sumbench.process;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * The wire protocol between a {@link ProcessPool} and its {@link Worker}s: versioned, length-prefixed binary frames,
 * requests on the worker's stdin, replies on its stdout.
 *
 * <pre>
 * frame    = length:i32  version:u8  type:u8  payload            (all numbers little-endian)
 *            length counts the bytes after itself: 2 + payload, at most MAX_FRAME_LENGTH (requests)
 *            or MAX_REPLY_LENGTH (replies); version is always VERSION
 *
 * requests (parent -> worker)
 *   SUM_VALUES  task:i64 count:i32 flags:i32 value:i64 * count       pipe transport: the values themselves;
 *               a task is one or more frames with the same task id, the last with flags = LAST
 *   SUM_SHARED  task:i64 offset:i64 count:i64                          shared transport: a range of the mapping
 *   MAP         task:i64 bytes:i64 path:utf8                            map that file read-only (replaces a mapping)
 *   SHUTDOWN    (empty)                                                  exit 0 (so does end of stdin)
 * replies (worker -> parent)
 *   HELLO       magic:i32 version:i32 pid:i64                           first frame, once, right after start
 *   RESULT      task:i64 value:i64                                      the sum of a task (MAP: the bytes mapped)
 *   ERROR       task:i64 message:utf8                                   the frame was invalid; the worker exits next
 * </pre>
 *
 * <p>A worker answers tasks in the order it receives them. Any invalid request (bad length, version or type, a payload
 * that does not fit its type, a range outside the mapping, a frame of another task in the middle of a pipe task) gets
 * an {@code ERROR} reply and the worker exits with {@link #EXIT_MALFORMED}: after one bad frame the stream can no
 * longer be trusted, and a silent wrong sum is worse than a dead worker. A frame longer than the maximum is refused
 * before anything is allocated for it.
 */
public final class Protocol {

    /*
     * Implementation notes. Little-endian because it is the native order of every machine we measure: the values of a
     * pipe task go from long[] to bytes and back with plain memory copies. Frames are bounded so that neither side
     * allocates by what it reads: the worker reads into one buffer of Worker.INPUT_CAPACITY for its whole life (a
     * SUM_VALUES frame, up to MAX_FRAME_LENGTH, streams through it and is summed as it arrives; other requests fit
     * whole), and the parent reads replies of at most MAX_REPLY_LENGTH. A pipe task is cut into frames of at most MAX_VALUES_PER_FRAME values,
     * which the worker sums as they arrive, so the size of a chunk is not bounded by the frame size. Task ids let both
     * sides check that replies match requests (the parent keeps a FIFO of open tasks per worker).
     */

    /** "SUMB": the first four bytes of every hello. */
    public static final int MAGIC = 0x424D5553;
    /** The protocol version; a worker of another version fails the pool's start. */
    public static final int VERSION = 1;
    /** Byte order of every number on the wire. */
    public static final ByteOrder ORDER = ByteOrder.LITTLE_ENDIAN;

    /** Bytes of the length field. */
    public static final int LENGTH_BYTES = Integer.BYTES;
    /** Bytes of version and type, the part of the header that {@code length} counts. */
    public static final int KIND_BYTES = 2;
    /** Bytes before the payload. */
    public static final int HEADER_BYTES = LENGTH_BYTES + KIND_BYTES;

    /** Request types. */
    public static final int SUM_VALUES = 1;
    public static final int SUM_SHARED = 2;
    public static final int MAP = 3;
    public static final int SHUTDOWN = 4;
    /** Reply types. */
    public static final int HELLO = 64;
    public static final int RESULT = 65;
    public static final int ERROR = 66;

    /** {@code SUM_VALUES} flag: the last frame of its task. */
    public static final int FLAG_LAST = 1;

    /** Payload bytes of {@code SUM_VALUES} before the values: task, count, flags. */
    public static final int SUM_VALUES_FIXED = Long.BYTES + Integer.BYTES + Integer.BYTES;
    /** Payload bytes of {@code SUM_SHARED}: task, offset, count. */
    public static final int SUM_SHARED_PAYLOAD = 3 * Long.BYTES;
    /** Payload bytes of {@code MAP} before the path: task, bytes. */
    public static final int MAP_FIXED = 2 * Long.BYTES;
    /** Payload bytes of {@code HELLO}. */
    public static final int HELLO_PAYLOAD = Integer.BYTES + Integer.BYTES + Long.BYTES;
    /** Payload bytes of {@code RESULT}. */
    public static final int RESULT_PAYLOAD = 2 * Long.BYTES;

    /**
     * Values per {@code SUM_VALUES} frame: 128 Ki values, 1 MiB. Large enough that the per-frame costs (one write call,
     * a header) vanish next to the copy, small enough that the worker's buffer stays cheap and a frame is summed while
     * it is still in the cache.
     */
    public static final int MAX_VALUES_PER_FRAME = 1 << 17;
    /** Longest path a {@code MAP} frame may carry, in UTF-8 bytes. */
    public static final int MAX_PATH_BYTES = 4096;
    /** Longest message an {@code ERROR} frame may carry, in UTF-8 bytes (longer ones are cut). */
    public static final int MAX_MESSAGE_BYTES = 2048;
    /** Largest {@code length} of a request: a full {@code SUM_VALUES} frame. */
    public static final int MAX_FRAME_LENGTH = KIND_BYTES + SUM_VALUES_FIXED + MAX_VALUES_PER_FRAME * Long.BYTES;
    /** Largest {@code length} of a reply: an {@code ERROR} with the longest message. */
    public static final int MAX_REPLY_LENGTH = KIND_BYTES + Long.BYTES + MAX_MESSAGE_BYTES;

    /** Task id of a frame that belongs to no task (an ERROR about a frame whose task could not be read). */
    public static final long NO_TASK = -1;

    /** Worker exit status: stdin ended or SHUTDOWN arrived. */
    public static final int EXIT_OK = 0;
    /** Worker exit status: an invalid request (after an ERROR reply). {@code EX_DATAERR} of sysexits.h. */
    public static final int EXIT_MALFORMED = 65;
    /** Worker exit status: an unexpected failure inside the worker. {@code EX_SOFTWARE}. */
    public static final int EXIT_SOFTWARE = 70;
    /** Worker exit status: stdin or stdout failed, or a file could not be mapped. {@code EX_IOERR}. */
    public static final int EXIT_IO = 74;

    private Protocol() {
    }

    /** Writes a frame header for a payload of {@code payloadBytes} at the buffer's position. */
    public static void putHeader(ByteBuffer buffer, int type, int payloadBytes) {
        buffer.putInt(KIND_BYTES + payloadBytes);
        buffer.put((byte) VERSION);
        buffer.put((byte) type);
    }

    /** The name of a frame type, for messages. */
    public static String typeName(int type) {
        switch (type) {
            case SUM_VALUES: return "SUM_VALUES";
            case SUM_SHARED: return "SUM_SHARED";
            case MAP: return "MAP";
            case SHUTDOWN: return "SHUTDOWN";
            case HELLO: return "HELLO";
            case RESULT: return "RESULT";
            case ERROR: return "ERROR";
            default: return "unknown type ".concat(Integer.toString(type));
        }
    }
}
