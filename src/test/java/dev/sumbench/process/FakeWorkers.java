package dev.sumbench.process;

import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;

/** Real child JVMs that do what a worker must not: the other side of the start-failure and protocol tests. */
final class FakeWorkers {

    private FakeWorkers() {
    }

    /** Writes a line to stderr and exits with code 3 before any hello. */
    static final class ExitAtOnce {
        public static void main(String[] args) {
            System.err.println("fake worker: giving up at once");
            System.exit(3);
        }
    }

    /** Says a hello of protocol version 99. */
    static final class WrongVersion {
        public static void main(String[] args) throws IOException {
            ByteBuffer hello = ByteBuffer.allocate(Protocol.HEADER_BYTES + Protocol.HELLO_PAYLOAD)
                    .order(Protocol.ORDER);
            hello.putInt(Protocol.KIND_BYTES + Protocol.HELLO_PAYLOAD).put((byte) 99).put((byte) Protocol.HELLO);
            hello.putInt(Protocol.MAGIC).putInt(99).putLong(ProcessHandle.current().pid());
            System.out.write(hello.array());
            System.out.flush();
            drain(System.in);
        }
    }

    /** Prints text on stdout instead of a hello (what a JVM option printing to stdout would do). */
    static final class ChattyStdout {
        public static void main(String[] args) throws IOException {
            System.out.println("Hello from a chatty main");
            System.out.flush();
            drain(System.in);
        }
    }

    /** Never says anything; exits when stdin ends. */
    static final class Silent {
        public static void main(String[] args) throws IOException {
            drain(System.in);
        }
    }

    /** Says a correct hello, then answers the first request with a RESULT for a task nobody asked for. */
    static final class WrongTask {
        public static void main(String[] args) throws IOException {
            DataOutputStream out = new DataOutputStream(System.out);
            ByteBuffer hello = ByteBuffer.allocate(Protocol.HEADER_BYTES + Protocol.HELLO_PAYLOAD)
                    .order(Protocol.ORDER);
            Protocol.putHeader(hello, Protocol.HELLO, Protocol.HELLO_PAYLOAD);
            hello.putInt(Protocol.MAGIC).putInt(Protocol.VERSION).putLong(ProcessHandle.current().pid());
            out.write(hello.array());
            out.flush();
            if (System.in.read() >= 0) {
                ByteBuffer result = ByteBuffer.allocate(Protocol.HEADER_BYTES + Protocol.RESULT_PAYLOAD)
                        .order(Protocol.ORDER);
                Protocol.putHeader(result, Protocol.RESULT, Protocol.RESULT_PAYLOAD);
                result.putLong(123_456_789L).putLong(42);
                out.write(result.array());
                out.flush();
            }
            drain(System.in);
        }
    }

    private static void drain(InputStream in) throws IOException {
        byte[] buffer = new byte[4096];
        while (in.read(buffer) >= 0) {
            // until the parent closes our stdin
        }
    }
}
