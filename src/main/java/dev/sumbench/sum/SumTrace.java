package dev.sumbench.sum;

import java.util.Arrays;

/**
 * A strategy whose every sum is recorded: when it started, how long it took, and how the default chunking summed it
 * ({@link Way}), with what the strategy's own timing kept and chose ({@link SplitLearner}). Behind
 * {@code sumbench sum --repeat R --trace FILE}: the learner's choices, call by call, for anyone who asks why a
 * default was slower in one run than in another.
 *
 * <p>For one calling thread (the probe's): the decider notes the way of the latest sum in plain fields. Recording
 * adds two clock reads and a few stores per sum (about 0.1 us), which shows in the timings of sums of less than
 * about 100 000 elements.
 */
public final class SumTrace implements SumStrategy {

    /** How one sum was made. */
    public enum Way {
        /** In the caller, by the loop, without asking the learner: below the floor, or a plan of one chunk. */
        CALLER,
        /** The rule's plan, handed to the workers without the learner: the fixed rule, an explicit chunk, a profile. */
        PLAN,
        /** The learner split it. */
        SPLIT,
        /** The learner summed it by the loop in the caller. */
        LOOP
    }

    /**
     * One recorded sum.
     *
     * @param startNanos   its start, in nanoseconds after the first recorded sum's
     * @param nanos        how long it took
     * @param way          how it was made
     * @param kept         for {@link Way#SPLIT} and {@link Way#LOOP}: whether the learner kept its time (else it was
     *                     settling after a change of way, or the first splits of a confident size class)
     * @param prefersSplit for {@link Way#SPLIT} and {@link Way#LOOP}: whether the learner splits such sums now, after
     *                     this one
     */
    public record Call(long startNanos, long nanos, Way way, boolean kept, boolean prefersSplit) {
    }

    /** Sums recorded at most (17 MiB of records, a CSV of some 25 MB); later ones are counted, not kept. */
    public static final int MAX_CALLS = 1 << 20;

    private static final Way[] WAYS = Way.values();

    private final ChunkingStrategy strategy;
    private long origin = Long.MIN_VALUE;
    private long[] starts = new long[1024];
    private long[] durations = new long[1024];
    private byte[] codes = new byte[1024];
    private int count;
    private long dropped;

    /** Records the sums of {@code strategy} from now on (its decider notes the way of each). */
    public SumTrace(ChunkingStrategy strategy) {
        this.strategy = strategy;
        strategy.decider().startTracing();
    }

    @Override
    public long sum(long[] data, int lo, int hi) {
        ChunkDecider decider = strategy.decider();
        decider.traceBegin();
        long t0 = System.nanoTime();
        long sum = strategy.sum(data, lo, hi);
        long took = System.nanoTime() - t0;
        record(t0, took, decider.traceEnd());
        return sum;
    }

    private void record(long start, long took, int code) {
        if (origin == Long.MIN_VALUE) {
            origin = start;
        }
        if (count == MAX_CALLS) {
            dropped++;
            return;
        }
        if (count == starts.length) {
            int grown = (int) Math.min(MAX_CALLS, 2L * count);
            starts = Arrays.copyOf(starts, grown);
            durations = Arrays.copyOf(durations, grown);
            codes = Arrays.copyOf(codes, grown);
        }
        starts[count] = start - origin;
        durations[count] = took;
        codes[count] = (byte) code;
        count++;
    }

    /** The sums recorded, in order. */
    public java.util.List<Call> calls() {
        Call[] calls = new Call[count];
        for (int i = 0; i < count; i++) {
            int code = codes[i];
            calls[i] = new Call(starts[i], durations[i], WAYS[code & ChunkDecider.TRACE_WAY],
                    (code & ChunkDecider.TRACE_KEPT) != 0, (code & ChunkDecider.TRACE_PREFERS_SPLIT) != 0);
        }
        return java.util.List.of(calls);
    }

    /** Sums made after {@link #MAX_CALLS} were recorded, which were not. */
    public long dropped() {
        return dropped;
    }

    @Override
    public String id() {
        return strategy.id();
    }

    @Override
    public Settings settings() {
        return strategy.settings();
    }

    @Override
    public java.util.Optional<DefaultChunking.Decision> decision(int n) {
        return strategy.decision(n);
    }

    @Override
    public java.util.Optional<SplitCosts> splitCosts() {
        return strategy.splitCosts();
    }

    @Override
    public java.util.Optional<String> learned(int n) {
        return strategy.learned(n);
    }

    /** Closes the strategy. */
    @Override
    public void close() {
        strategy.close();
    }
}
