package dev.sumbench.sum;

import java.util.Objects;

/**
 * A split of the range {@code [lo, hi)} into {@link #count()} consecutive chunks {@code [lo(i), hi(i))}, in order,
 * covering the range exactly once. Chunk sizes differ by at most one element: the first {@code n % count} chunks get
 * the extra element, so a plan never ends in a tiny remainder chunk.
 *
 * <p>An empty range has one empty chunk, so that every strategy can treat "one chunk" as "sum it in the caller".
 *
 * @param lo    first index of the range
 * @param hi    end of the range (exclusive)
 * @param count number of chunks, at least 1
 */
public record ChunkPlan(int lo, int hi, int count) {

    public ChunkPlan {
        if (lo < 0 || hi < lo) {
            throw new IllegalArgumentException("not a range: [" + lo + ", " + hi + ")");
        }
        int n = hi - lo;
        if (count < 1 || (n > 0 && count > n)) {
            throw new IllegalArgumentException("count must be 1.." + Math.max(1, n) + ", got " + count);
        }
    }

    /** Chunks of about {@code chunk} elements each (the last ones may be one element shorter, never tiny). */
    public static ChunkPlan bySize(int lo, int hi, int chunk) {
        if (chunk < 1) {
            throw new IllegalArgumentException("chunk must be >= 1, got " + chunk);
        }
        int n = hi - lo;
        long chunks = ((long) n + chunk - 1) / chunk;
        return new ChunkPlan(lo, hi, (int) Math.max(1, chunks));
    }

    /** At most {@code count} chunks of nearly equal size (fewer when the range has fewer elements). */
    public static ChunkPlan byCount(int lo, int hi, int count) {
        if (count < 1) {
            throw new IllegalArgumentException("count must be >= 1, got " + count);
        }
        int n = hi - lo;
        return new ChunkPlan(lo, hi, Math.max(1, Math.min(count, n)));
    }

    /** Number of elements in the whole range. */
    public int size() {
        return hi - lo;
    }

    /** First index of chunk {@code i}. */
    public int lo(int i) {
        Objects.checkIndex(i, count);
        int n = size();
        int base = n / count;
        int extra = n % count;
        return lo + i * base + Math.min(i, extra);
    }

    /** End (exclusive) of chunk {@code i}. */
    public int hi(int i) {
        Objects.checkIndex(i, count);
        return i + 1 == count ? hi : lo(i + 1);
    }
}
