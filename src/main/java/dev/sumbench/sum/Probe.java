package dev.sumbench.sum;

import java.io.IOException;
import java.io.InputStream;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.Arrays;
import java.util.function.IntToLongFunction;

/**
 * The quick timing behind {@code sumbench sum --repeat} and {@code sumbench demo}: a short warm-up, then {@code repeat}
 * timed sums with {@link System#nanoTime()} (back to back, sums under {@link #BATCH_NANOS} in batches of calls). A
 * probe, not a benchmark: use the JMH suite for numbers to publish.
 */
public final class Probe {

    /**
     * Warm-up: at least this many batches of calls, so the JIT has compiled the hot loop and pools have started their
     * threads.
     */
    private static final int MIN_WARMUP_CALLS = 5;
    /** Warm-up: and at least this long (C2 compiles after about 10 000 loop back-edges; 200 ms is ample). */
    private static final long MIN_WARMUP_NANOS = 200_000_000L;
    /** Warm-up never takes longer than this, however slow one call is (process-spawn). */
    private static final long MAX_WARMUP_NANOS = 2_000_000_000L;
    /**
     * Back to back, a sum shorter than this is timed in batches that last about this long, the time per sum being
     * the batch's divided by its calls: a System.nanoTime call costs, and its clock ticks in, about as much as a sum of
     * 10 elements takes on a virtual machine, so a sum timed alone would measure the clock.
     */
    static final long BATCH_NANOS = 2_000L;
    /** Calls per batch at most. */
    static final int MAX_BATCH = 10_000;
    /** Calls timed together to tell whether a sum is short enough to batch. */
    private static final int BATCH_PROBE_CALLS = 64;

    private Probe() {
    }

    /**
     * Timings of one probe, in nanoseconds per sum.
     *
     * @param sum    the sum every timed call returned
     * @param times  the time of each timed call (of a batch: its time over its calls, with the fraction), ascending
     */
    public record Timings(long sum, double[] times) {

        public long min() {
            return Math.round(times[0]);
        }

        public long max() {
            return Math.round(times[times.length - 1]);
        }

        /** The median (the mean of the two middle values for an even count), rounded to the nanosecond. */
        public long median() {
            return Math.round(exactMedian());
        }

        /**
         * The median unrounded: a sum of 10 elements takes about 9 ns, where a rounding to the nanosecond alone moves
         * a ratio of two medians by 10 %.
         */
        public double exactMedian() {
            int n = times.length;
            return n % 2 == 1 ? times[n / 2] : (times[n / 2 - 1] + times[n / 2]) / 2;
        }

        /** GB/s (10^9 bytes per second) read from the array at the median time. */
        public double gigabytesPerSecond(long size) {
            return exactMedian() == 0 ? Double.NaN : Data.bytes(size) / exactMedian();
        }
    }

    /**
     * Warms {@code strategy} up on {@code data}, then times {@code repeat} sums of the whole array (stopping early after
     * {@code budgetNanos}, but after at least one timed call).
     *
     * @throws IllegalStateException if two calls disagree on the sum (a strategy bug, never a timing artefact)
     */
    public static Timings run(SumStrategy strategy, long[] data, int repeat, long budgetNanos) {
        return run(strategy, data, repeat, budgetNanos, 0);
    }

    /**
     * Like {@link #run(SumStrategy, long[], int, long)}, with the calling thread idle for {@code idleNanos} (parked,
     * off its core) before each timed call, outside the timed region: the pattern of an occasional sum, after the
     * pool's threads have parked and the caches have cooled. The warm-up is back to back, and the budget counts the
     * timed calls only.
     */
    public static Timings run(SumStrategy strategy, long[] data, int repeat, long budgetNanos, long idleNanos) {
        if (repeat < 1) {
            throw new IllegalArgumentException("repeat must be >= 1, got " + repeat);
        }
        Session session = new Session(strategy, data, idleNanos);
        double[] times = new double[repeat];
        int done = 0;
        long timed = 0;
        while (done < repeat && (done == 0 || timed < budgetNanos)) {
            timed += session.time(times, done, 1);
            done++;
        }
        double[] taken = Arrays.copyOf(times, done);
        Arrays.sort(taken);
        return new Timings(session.expected, taken);
    }

    /**
     * A strategy warmed up on {@code data} and timed a few samples at a time, so that several strategies can be timed
     * in turns ({@code sumbench race}); {@link #run} is one session timed in one go.
     */
    public static final class Session {

        private final SumStrategy strategy;
        private final long[] data;
        private final long idleNanos;
        private final long expected;
        private final int batch;
        /** {@link Timer#time} of a class of this session's own, so that its call of sum sees one strategy only. */
        private final MethodHandle timer;

        /**
         * Warms {@code strategy} up on {@code data}: the same warm-up as {@link #run}.
         *
         * @param idleNanos the calling thread parks this long before each timed sample, outside the timed region
         */
        public Session(SumStrategy strategy, long[] data, long idleNanos) {
            if (idleNanos < 0) {
                throw new IllegalArgumentException("idleNanos must be >= 0, got " + idleNanos);
            }
            this.strategy = strategy;
            this.data = data;
            this.idleNanos = idleNanos;
            this.expected = strategy.sum(data);
            this.timer = Timer.own();
            // the warm-up runs the very method that times (see Timer.time), in batches as a first, cold guess sizes
            // them
            int guess = idleNanos > 0 ? 1 : batchSize(this::timedBatch);
            long warmupStart = System.nanoTime();
            for (int calls = 1; ; calls++) {
                long elapsed = System.nanoTime() - warmupStart;
                if (elapsed >= MAX_WARMUP_NANOS || (calls >= MIN_WARMUP_CALLS && elapsed >= MIN_WARMUP_NANOS)) {
                    break;
                }
                timedBatch(guess);
            }
            // warm now: the batches last about BATCH_NANOS
            this.batch = idleNanos > 0 ? 1 : batchSize(this::timedBatch);
        }

        /** The sum every call returned. */
        public long sum() {
            return expected;
        }

        /** The calls each timed sample makes back to back (see batchSize). */
        int batch() {
            return batch;
        }

        /**
         * Times {@code samples} samples into {@code times[from ..]}, each the time per sum of one batch of calls, and
         * returns the nanoseconds they took together (idle time left out).
         *
         * @throws IllegalStateException if a call returns another sum than the first
         */
        public long time(double[] times, int from, int samples) {
            long timed = 0;
            for (int i = 0; i < samples; i++) {
                if (idleNanos > 0) {
                    IdleTime.park(idleNanos);
                }
                long t = timedBatch(batch);
                times[from + i] = (double) t / batch;
                timed += t;
            }
            return timed;
        }

        /** {@link Timer#time} of {@code calls} calls, through this session's copy of it. */
        private long timedBatch(int calls) {
            try {
                return (long) timer.invokeExact(strategy, data, calls, expected);
            } catch (RuntimeException | Error e) {
                throw e;
            } catch (Throwable e) {
                throw new IllegalStateException(e);
            }
        }
    }

    /**
     * The timing loop. Each {@link Session} runs it in a hidden class of its own, a copy of this one: the JIT keeps a
     * profile per call site, and one site that several strategies pass through ({@code demo}, {@code race}) calls
     * sum through a virtual call that costs as much as a sum of 10 elements, or inlines whichever strategy it saw
     * first; with a copy each, every strategy's calls are inlined as a lone strategy's are.
     */
    static final class Timer {

        /** Written after every call of a batch (see time). */
        private static volatile long sink;

        private Timer() {
        }

        /**
         * Times {@code batch} sums back to back and returns the nanoseconds they took together. One method for the
         * warm-up and the timed calls, and not a loop inside the caller: the JIT compiles a loop that runs long inside
         * one call by on-stack replacement, first with C1, and the timed loop, entered once, would be timed in
         * whichever tier it had reached (C1's profiling code costs ~50 ns a call, as much as a sum of 1 000 longs
         * varied between JVMs, depending on whether C2 had replaced it yet). Called throughout the warm-up, this
         * method is compiled by C2 as a whole before the first timed call.
         *
         * @throws IllegalStateException if a call returns another sum than {@code expected}
         */
        static long time(SumStrategy strategy, long[] data, int batch, long expected) {
            long sum = expected;
            long t0 = System.nanoTime();
            for (int i = 0; i < batch; i++) {
                sum ^= strategy.sum(data) ^ expected;
                // a volatile store per call: the JIT may not compute a pure sum of unchanged data once per batch
                sink = sum;
            }
            long t = System.nanoTime() - t0;
            check(expected, sum, strategy);
            return t;
        }

        /** {@link #time} of a new hidden class made from this class's bytes. */
        static MethodHandle own() {
            String file = Timer.class.getName().substring(Timer.class.getPackageName().length() + 1) + ".class";
            try (InputStream in = Timer.class.getResourceAsStream(file)) {
                if (in == null) {
                    throw new IllegalStateException("the class file of " + Timer.class.getName() + " is missing");
                }
                MethodHandles.Lookup hidden = MethodHandles.lookup().defineHiddenClass(in.readAllBytes(), true);
                return hidden.findStatic(hidden.lookupClass(), "time", MethodType.methodType(long.class,
                        SumStrategy.class, long[].class, int.class, long.class));
            } catch (IOException | ReflectiveOperationException e) {
                throw new IllegalStateException("cannot copy the timing loop: " + e, e);
            }
        }
    }

    /**
     * How many calls each timed sample makes back to back: 1 for a sum of {@link #BATCH_NANOS} or more, else as many
     * as last about that long, {@code time} timing the given number of calls back to back.
     */
    private static int batchSize(IntToLongFunction time) {
        // two calls in a row that each last a batch are long enough without the other calls (40 ms each for
        // process-spawn); two, so that one pause of the machine cannot make a sum of nanoseconds look long
        for (int i = 0; i < 2; i++) {
            if (time.applyAsLong(1) < BATCH_NANOS) {
                break;
            }
            if (i == 1) {
                return 1;
            }
        }
        double perCall = (double) time.applyAsLong(BATCH_PROBE_CALLS) / BATCH_PROBE_CALLS;
        if (perCall >= BATCH_NANOS) {
            return 1;
        }
        return (int) Math.min(MAX_BATCH, Math.ceil(BATCH_NANOS / Math.max(1, perCall)));
    }

    static void check(long expected, long actual, SumStrategy strategy) {
        if (expected != actual) {
            throw new IllegalStateException(strategy.id() + " returned " + actual + " after " + expected
                    + " for the same data");
        }
    }
}
