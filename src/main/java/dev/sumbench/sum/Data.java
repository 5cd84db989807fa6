package dev.sumbench.sum;

import java.util.SplittableRandom;

/**
 * The data every strategy sums: {@code size} pseudo-random {@code long} values over the whole 64-bit range (negatives
 * and values near {@link Long#MIN_VALUE} / {@link Long#MAX_VALUE} included, so every sum overflows many times), the same
 * for the same {@code (size, seed)} on every JVM.
 */
public final class Data {

    /** The seed used when none is given. */
    public static final long DEFAULT_SEED = 42L;

    /** Largest array the JVM can allocate on every common VM ({@code ArrayList}'s own limit). */
    public static final int MAX_SIZE = Integer.MAX_VALUE - 8;

    private Data() {
    }

    /** {@code size} values from {@link SplittableRandom} seeded with {@code seed}. */
    public static long[] generate(int size, long seed) {
        if (size < 0) {
            throw new IllegalArgumentException("size must be >= 0, got " + size);
        }
        SplittableRandom random = new SplittableRandom(seed);
        long[] data = new long[size];
        for (int i = 0; i < size; i++) {
            data[i] = random.nextLong();
        }
        return data;
    }

    /** The numbers {@code 1..n}: the teaching note's list. */
    public static long[] oneTo(int n) {
        long[] data = new long[n];
        for (int i = 0; i < n; i++) {
            data[i] = i + 1L;
        }
        return data;
    }

    /** Bytes a {@code long[]} of {@code size} elements occupies (payload only). */
    public static long bytes(long size) {
        return size * Long.BYTES;
    }
}
