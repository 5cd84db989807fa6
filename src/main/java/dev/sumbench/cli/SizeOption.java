package dev.sumbench.cli;

import dev.sumbench.sum.Data;
import java.util.Locale;
import java.util.Optional;

/** The {@code --size} of the commands that generate data ({@code sum}, {@code race}): its range and its heap. */
final class SizeOption {

    /** Share of the JVM's maximum heap the data may take; the rest is left for the strategies and the JVM. */
    private static final double MAX_HEAP_SHARE_FOR_DATA = 0.8;

    private SizeOption() {
    }

    /** Why {@code size} elements cannot be generated here, in one line starting "--size: ", or empty if they can. */
    static Optional<String> problem(long size) {
        if (size < 0 || size > Data.MAX_SIZE) {
            return Optional.of("--size: must be 0.." + Data.MAX_SIZE + ", got " + size);
        }
        long maxHeap = Runtime.getRuntime().maxMemory();
        if (Data.bytes(size) > MAX_HEAP_SHARE_FOR_DATA * maxHeap) {
            return Optional.of(String.format(Locale.ROOT, "--size: %d elements need %d MiB, more than this JVM may "
                    + "use (max heap %d MiB; raise it with JAVA_OPTS=-Xmx...)", size, Data.bytes(size) >> 20,
                    maxHeap >> 20));
        }
        return Optional.empty();
    }
}
