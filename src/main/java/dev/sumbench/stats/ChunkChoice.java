package dev.sumbench.stats;

import dev.sumbench.results.ScoreUnit;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.TreeMap;

/**
 * The chunk sizes measured for one strategy × size × workers (× cores), and what to make of them.
 *
 * @param benchmark    the benchmark's full name
 * @param mode         its mode
 * @param params       the row's params without {@code chunk}, sorted by name: what identifies the group
 * @param unit         the score's unit
 * @param points       the measured chunk sizes &gt; 0, ascending
 * @param best         the point with the best score
 * @param flat         the flat region: the contiguous points around the best whose cost is within
 *                     {@code within} of it, ascending
 * @param recommended  the recommendation: the middle of the flat region on a log scale (of two equally central
 *                     points, the better one), since a chunk far from both edges stays good when the machine or the
 *                     data shift a little
 * @param defaultPoint the strategy's own default ({@code chunk = 0}) when it was measured, else {@code null}
 * @param warnings     what limits this answer
 */
public record ChunkChoice(String benchmark, String mode, Map<String, String> params, ScoreUnit unit,
                          List<ChunkPoint> points, ChunkPoint best, List<ChunkPoint> flat, ChunkPoint recommended,
                          ChunkPoint defaultPoint, List<Caveat> warnings) {

    /** ForkJoinTask's rule of thumb: a task should do 100..10 000 basic steps (its javadoc). */
    public static final long FORK_JOIN_MIN_STEPS = 100;
    /** Upper end of ForkJoinTask's rule of thumb. */
    public static final long FORK_JOIN_MAX_STEPS = 10_000;
    /** Parallel streams split until about 4 leaves per worker (AbstractTask's LEAF_TARGET = parallelism &lt;&lt; 2). */
    public static final int STREAM_LEAVES_PER_WORKER = 4;

    public ChunkChoice {
        params = Collections.unmodifiableSortedMap(new TreeMap<>(params));
        points = List.copyOf(points);
        flat = List.copyOf(flat);
        warnings = List.copyOf(warnings);
    }

    /** The {@code strategy} param, or {@code null}. */
    public String strategy() {
        return params.get("strategy");
    }

    /** The {@code size} param as a number, if present and numeric. */
    public OptionalLong size() {
        return number("size");
    }

    /** The {@code workers} param as a number, if present and numeric. */
    public OptionalLong workers() {
        return number("workers");
    }

    /** The {@code cores} param as a number, if present and numeric. */
    public OptionalLong cores() {
        return number("cores");
    }

    /** Smallest chunk of the flat region. */
    public long flatFrom() {
        return flat.get(0).chunk();
    }

    /** Largest chunk of the flat region. */
    public long flatTo() {
        return flat.get(flat.size() - 1).chunk();
    }

    /**
     * The chunk parallel streams would make here: {@code size / (4 * workers)}, if size and workers are known.
     */
    public OptionalLong streamsRuleChunk() {
        if (size().isEmpty() || workers().isEmpty() || workers().getAsLong() < 1) {
            return OptionalLong.empty();
        }
        return OptionalLong.of(Math.max(1, size().getAsLong() / (STREAM_LEAVES_PER_WORKER * workers().getAsLong())));
    }

    /** Whether {@code chunk} lies inside the flat region's range. */
    public boolean inFlatRegion(long chunk) {
        return chunk >= flatFrom() && chunk <= flatTo();
    }

    /** Where the recommendation lies against ForkJoinTask's 100..10 000 steps: -1 below, 0 inside, 1 above. */
    public int againstForkJoinRule() {
        long chunk = recommended.chunk();
        return chunk < FORK_JOIN_MIN_STEPS ? -1 : chunk > FORK_JOIN_MAX_STEPS ? 1 : 0;
    }

    private OptionalLong number(String name) {
        String value = params.get(name);
        if (value == null) {
            return OptionalLong.empty();
        }
        try {
            return OptionalLong.of(Long.parseLong(value.strip()));
        } catch (NumberFormatException e) {
            return OptionalLong.empty();
        }
    }
}
