package dev.sumbench.stats;

/** Memory bandwidth of a summing pass. Pure functions. */
public final class Bandwidth {

    /** Bytes per element of the summed {@code long[]}. */
    public static final int BYTES_PER_ELEMENT = Long.BYTES;

    private Bandwidth() {
    }

    /** GB/s (10^9 bytes per second) of reading {@code elements} longs in {@code nanos} nanoseconds. */
    public static double gigabytesPerSecond(long elements, double nanos) {
        // bytes per nanosecond is 10^9 bytes per second
        return elements * (double) BYTES_PER_ELEMENT / nanos;
    }

    /** {@code gbps} as a share of {@code ceiling} (1.0 = at the ceiling). */
    public static double shareOf(double gbps, double ceiling) {
        return ceiling > 0 ? gbps / ceiling : Double.NaN;
    }
}
