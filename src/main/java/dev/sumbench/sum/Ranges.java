package dev.sumbench.sum;

import java.util.Objects;

/** Small helpers every strategy uses on its hot path. */
public final class Ranges {

    private Ranges() {
    }

    /** Checks that {@code [lo, hi)} is a range of {@code data}. */
    public static void check(long[] data, int lo, int hi) {
        Objects.checkFromToIndex(lo, hi, data.length);
    }

    /**
     * The plain indexed loop every strategy ends in. Kept small and branch-free so that C2 unrolls and vectorises it.
     */
    public static long loop(long[] data, int lo, int hi) {
        long sum = 0;
        for (int i = lo; i < hi; i++) {
            sum += data[i];
        }
        return sum;
    }
}
