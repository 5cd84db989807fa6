package dev.sumbench.sum;

import java.util.Arrays;
import java.util.Locale;
import java.util.function.LongSupplier;

/**
 * What a strategy learns from its own sums about splitting: for each size class (powers of two) where the adaptive
 * rule would split, it times both ways of summing a range, the loop in the caller and the split, and from then on
 * takes the one measured faster, trying the other now and then.
 *
 * <p>Two modes, by the model's confidence at the size class's first sum ({@link #next(int, boolean)}). Near the
 * model's floor the learner is wary: it sums by the loop until a split is measured to pay, as below. Far above the
 * floor, where the model predicts a clear gain and a split's slow mode costs little against the work, its first burst
 * of splits keeps no time before {@link #FIRST_SPLITS_NANOS} from its first split, and it keeps the
 * split until its median is measured {@link #LOSES_BY} slower than the loop's: a burst of splits that would overrule
 * the model goes on until its median wins or it has kept {@link #SAMPLES} sums, and a chosen split is left only once
 * its median has lost for {@link #LEAVE_AFTER} of its sums in a row. In both, {@link #LOSES_AT_ONCE_CALLS} splits in
 * a row {@link #LOSES_AT_ONCE} times slower than the loop end their burst at once. In the wary mode the first burst of
 * splits, and each retry of the split, waits (summing by the loop) until the JIT has compiled nothing for
 * {@link JitActivity#QUIET_NANOS}, at most {@link #MAX_JIT_WAIT_NANOS} after the size class's first sum.
 *
 * <p>In the wary mode a range is split only once its split has been measured at least {@link #PAYS_BY} faster than
 * the loop (the fastest of the last {@link #SAMPLES} kept sums of each way, per element) and its median is at most
 * {@link #MEDIAN_SLACK} slower than the loop's; until then it is summed by the loop. A size class starts with a burst
 * of loops, then one of splits, each until it has kept {@link #BURST_KEEP} times. After each {@code retryEvery} sums
 * of the chosen way, and never sooner than {@link #MIN_RETRY_NANOS} after the last burst, the other way is timed
 * again by a burst whose times replace its earlier ones, so that a changed machine load or a JIT that compiled the
 * pool's code later is noticed: at first after {@link #RETRY_EVERY} loops or {@link #LOOP_RETRY_EVERY} splits; each
 * retry that confirms the choice doubles the count, up to {@link #MAX_RETRY_EVERY}; a change of choice resets it. A
 * split that was chosen and then left on its own times, or that lost its first burst where the model is confident,
 * is tried again sooner ({@link #RETRY_AFTER_LEAVING_NANOS}).
 * After every change of way the sums of the new way are not kept while it settles: {@link #MIN_SETTLE_CALLS} calls
 * for the loop; for the split at least as many and {@link #SETTLE_NANOS}, at most {@link #MAX_SETTLE_CALLS} calls.
 *
 * <p>Thread-safe: each size class is guarded by its own lock, held only for the bookkeeping, never while summing.
 */
final class SplitLearner {

    /*
     * Implementation notes. Why learn instead of measuring once at start: the calibration of a strategy runs in a
     * cold JVM, against threads just started, where a forced split costs several times what it costs a few hundred
     * calls later (fork-join's two halves of 4 194 304 longs did not beat the loop in the first 20 calls of a fresh
     * JVM on a 2-vCPU VM, and gain 1.4x there once warm). Measuring forced splits of growing sizes at start would cost
     * 100+ ms per strategy and still see the cold JVM. The per-element saving also differs between sizes in cache and
     * in memory (on that VM two halves of 262 144 longs took 59 us against the loop's 64 us, where the model expects
     * 32 + 5), so one size cannot stand for the others: hence one size class per power of two. A sum that the rule
     * would split is long (tens of microseconds and more: at least margin hand-offs of work), so its two nanoTime
     * calls (~20 ns) and the bookkeeping are noise. The settling after a change of way: a split after a run of
     * loops finds the pool's threads parked and their cores' caches and TLBs cold for the data, and on a VM a vCPU
     * that the host has to schedule again; on the 2-vCPU VM, fork-join's split of 10 000 000 longs took 2.4 to 3.8
     * ms for the first 5 to 13 calls after 32 loops (15 to 40 ms), and 1.6 ms back to back, so timing the first
     * calls of a way would compare the loop in its steady state with the split in a transition, and the split would
     * lose where it gains 1.7x. Hence also the order: loops first, then the splits, which then go on if chosen,
     * without a run of loops between. A burst of the split at mid sizes, where it loses, stays cheap in the median by
     * the cap: at most MAX_SETTLE_CALLS + BURST_KEEP slower calls per retry (SAMPLES in place of BURST_KEEP where
     * the model is confident), and retries thin out as they confirm.
     * The fastest of the last SAMPLES decides whether a split can gain, their medians whether it keeps the promise: a
     * shared machine only ever slows a sum down, so the fastest time is the closest to what a way costs (the argument
     * of Chen and Revels, "Robust benchmarking in noisy environments", 2016), but a split's times have two modes
     * there, both cores (fast) or one, the other taken by a neighbour (about the loop plus a hand-off), and a split
     * whose slow mode is the more frequent gains in its best times and loses in its median. On the 2-vCPU VM
     * fork-join's split of 10 000 000 longs took 1.5-1.6 ms or 2.9 ms in runs of a few calls each (the loop: 2.8 ms),
     * and the median of five alone flipped between the two (a slow run of splits costs 3.6 % more than the loop
     * there, within MEDIAN_SLACK); with the best alone, process-shared split 2 097 152 longs and was 0.907x the loop
     * in the median.
     * Where the model is confident, the evidence to leave the split must outweigh a neighbour's moment: leaving costs
     * at least RETRY_AFTER_LEAVING_NANOS of loops and a settling, while the stretches in which a neighbour makes the
     * split lose are short. In per-call traces of process-shared's sums of 10 000 000 longs on the 2-vCPU VM (ten
     * runs of 400 sums under the fixed rule, which always splits), the median of the last 16 splits lost by
     * LOSES_BY for 1 to 10 sums in a row, once 24; the learner that left at the first such median, with first bursts
     * of five, was 1.27x sequential in nine rounds of defaults-check against the fixed rule's 1.51x. Hence the first
     * burst that goes on to SAMPLES kept sums while it loses, and LEAVE_AFTER. And hence FIRST_SPLITS_NANOS: a
     * strategy's first splits ever are slower than its later ones for a few hundred milliseconds, and with the
     * 50 ms settling alone the choice was made on them: 1.63x sequential against the fixed rule's 1.66x in one
     * check and 1.39x against 1.69x in the next (nine rounds each). The window runs from the first split, not from
     * the size class's first sum: process-shared's first sum places the data (85 to 128 ms, by the loop, in the
     * traces of 20261202-043300_trace-10m.md), and a window from then left 50 ms of splits untimed; in one of
     * twelve traced runs (sum --trace) its first burst then
     * kept splits of 4 to 5.6 ms against the loop's 3.5 ms and left the split for 200 ms of loops (in 30 rounds of
     * process-shared at 10 000 000 against the fixed rule, the default was 1.04x slower in the median round before
     * this change, 1.02x after, both within noise of each other). Rejected: splitting the first 200 ms untimed
     * before the burst of loops (1.64x against 1.65x, 1.51x against 1.57x for process-shared, but the burst of loops
     * then comes 200 ms in, and the splits after it settle again: fork-join 1.41x against 1.68x in 300 sums).
     * Rejected: a running mean (one pause decides for dozens of calls), and choosing by the model when no sample
     * is there (the model is what was wrong).
     */

    /**
     * A split is taken once its best time is at least this much faster than the loop's (1.1: 10 %) ...
     */
    static final double PAYS_BY = 1.1;
    /**
     * ... and its median at most this much slower than the loop's (1.05: 5 %): slack for a split whose times have two
     * modes (see the notes), within the promise that the default is never more than 10 % slower than the loop.
     */
    static final double MEDIAN_SLACK = 1.05;
    /**
     * Where the model is confident (see {@link #next(int, boolean)}), the split is kept until its median is this much
     * slower than the loop's (1.1: 10 %): the promise's own bound.
     */
    static final double LOSES_BY = 1.1;
    /**
     * Where the model is confident, a chosen split whose median loses by LOSES_BY is left for the loop only after its
     * median has lost in this many of its own sums in a row (16: a whole ring of samples more) ...
     */
    static final int LEAVE_AFTER = 16;
    /**
     * Splits this many times slower than the loop's best end their burst at once, in either mode, once
     * {@link #LOSES_AT_ONCE_CALLS} of them come in a row (process-pipe's split of 10 000 000 longs takes 20 to 30
     * times the loop, 60 ms a call on the 2-vCPU VM; process-shared's third split after placing the data took up to
     * 3.2 times the loop there, a transient) ...
     */
    static final double LOSES_AT_ONCE = 4;
    /**
     * ... two (not one: on that VM single sums of 2 097 152 longs took 2.4 to 2.9 ms now and then, 5 times the loop,
     * between splits of 0.3 to 0.4 ms, and one of them made thread-pool's and fork-join's defaults leave a split that
     * was 1.9 times faster than the loop).
     */
    static final int LOSES_AT_ONCE_CALLS = 2;
    /** Sums of each way whose times are kept per size class (the fastest of them decides). */
    static final int SAMPLES = 16;
    /** Sums a burst (a way timed on purpose) keeps before it ends. */
    static final int BURST_KEEP = 5;
    /**
     * After a change of way, the sums of the new way are not kept for at least this many calls (the loop's settling
     * ends there) ...
     */
    static final int MIN_SETTLE_CALLS = 2;
    /**
     * ... and this long from the second call on (threads waking, cores' caches and TLBs filling, a host scheduling a
     * vCPU again, child JVMs compiling their loop) ...
     */
    static final long SETTLE_NANOS = 50_000_000L;
    /** ... but for no more than this many calls. */
    static final int MAX_SETTLE_CALLS = 128;
    /**
     * Sums of the loop, once chosen, before the split is timed again, at first (a retry costs up to
     * MAX_SETTLE_CALLS + BURST_KEEP slower sums where the split loses) ...
     */
    static final int RETRY_EVERY = 128;
    /**
     * ... sums of the split, once chosen, before the loop is timed again, at first and at most: the loop's time
     * changes little, a split that stops paying shows in its own times, and each retry costs the split a settling
     * period afterwards (on the 2-vCPU VM one retry within 300 sums of 10 000 000 longs made their median 5 to 10 %
     * slower) ...
     */
    static final int LOOP_RETRY_EVERY = 1024;
    /** ... and at most, after retries that confirmed the choice. */
    static final int MAX_RETRY_EVERY = 1024;
    /**
     * And never sooner than this after the last burst ended (1 s): bounds what the tries of a losing way cost in time
     * (at most MAX_SETTLE_CALLS + BURST_KEEP sums a second), and keeps a short run (a JMH fork of a few hundred
     * milliseconds) to the first bursts, which its warm-up absorbs.
     */
    static final long MIN_RETRY_NANOS = 1_000_000_000L;
    /**
     * After a chosen split was left for the loop on its own times (or a confident split lost its first burst: on the
     * 2-vCPU VM process-shared's splits of 10 000 000 longs took 4.5 to 7.5 ms for the first 100 to 130 ms after
     * placing the data, and 2.2 to 2.6 ms later, against the loop's 3.2 to 3.6 ms; leaving it for a second made the
     * default 1.11x sequential against the fixed rule's 1.32x), the split is timed again after this many loops
     * and this long (200 ms), the time doubling with each retry that confirms the loop, up to MIN_RETRY_NANOS: a
     * neighbour's run on the other core then costs the split a fifth of a second, not the rest of a short run.
     */
    static final int RETRY_AFTER_LEAVING = 8;
    static final long RETRY_AFTER_LEAVING_NANOS = 200_000_000L;
    /**
     * Where the model is confident, the first burst of splits settles until this long after the size class's first
     * split (200 ms), however many calls that takes: a strategy's first splits ever are slower than its later ones (on
     * the 2-vCPU VM process-shared's splits of 10 000 000 longs took 1.9 to 2.1 ms in the 50 to 150 ms after its first
     * split and 1.65 to 1.7 ms from 300 ms on, in the median of eight runs), and its choice should not be made on
     * that start. Splits LOSES_AT_ONCE slower still end the burst at its fourth call.
     */
    static final long FIRST_SPLITS_NANOS = 200_000_000L;
    /** A burst of splits waits for the JIT to be quiet (see {@link JitActivity}) for at most this long (2 s). */
    static final long MAX_JIT_WAIT_NANOS = 2_000_000_000L;

    private final SizeClass[] classes = new SizeClass[Integer.SIZE];
    /** The clock the settling and the retries go by: System.nanoTime, or a simulated one in tests. */
    private final LongSupplier clock;
    /** Whether the JIT has been quiet for a while (see {@link JitActivity}); a simulated one in tests. */
    private final JitActivity jit;

    SplitLearner() {
        this(System::nanoTime, JitActivity.ofThisJvm());
    }

    /** A learner that goes by {@code clock} (nanoseconds) and the JIT's total compilation time {@code jit}. */
    SplitLearner(LongSupplier clock, JitActivity jit) {
        this.clock = clock;
        this.jit = jit;
        for (int i = 0; i < classes.length; i++) {
            classes[i] = new SizeClass();
        }
    }

    /**
     * How to sum the next range of {@code n} elements: a ticket that says whether to split ({@link #splits}) and is
     * given back to {@link #record} with the time the sum took.
     */
    int next(int n) {
        return next(n, false);
    }

    /**
     * Like {@link #next(int)}; {@code confident}: the model predicts a clear gain for this size (far above its floor),
     * so the size class starts on the split and leaves it only once the split is measured to lose (see
     * {@link #LOSES_BY}); otherwise it starts on the loop and splits only once a split is measured to pay. Taken from
     * a size class's first call.
     */
    int next(int n, boolean confident) {
        long now = clock.getAsLong();
        return classOf(n).next(now, jit, confident);
    }

    /** Whether the ticket says to split. */
    static boolean splits(int ticket) {
        return (ticket & SPLIT) != 0;
    }

    /** Whether the sum made with the ticket is kept (else it settles a change of way, or is a confident start). */
    static boolean keeps(int ticket) {
        return (ticket & KEEP) != 0;
    }

    /** Records that the sum of {@code n} elements made with {@code ticket} took {@code nanos}. */
    void record(int n, int ticket, long nanos) {
        classOf(n).record(ticket, (double) nanos / Math.max(1, n), clock.getAsLong());
    }

    /** What was learned for ranges of {@code n} elements, in a few words for {@code sum --verbose}. */
    String describe(int n) {
        return classOf(n).describe(n);
    }

    /** Whether sums of {@code n} elements are split now (tests). */
    boolean prefersSplit(int n) {
        return classOf(n).prefersSplit();
    }

    /**
     * Ticket bits: split (else the loop), keep the time (else it pays for a change of way), and one of the first
     * MIN_SETTLE_CALLS calls of a way after a change (which may do one-off work: process-shared places the data in
     * shared memory in its first split, 90 to 140 ms for 10 000 000 longs, and its workers' second one took 6 to 18 ms
     * against 2 ms later).
     */
    private static final int SPLIT = 1;
    private static final int KEEP = 2;
    private static final int EARLY = 4;

    private SizeClass classOf(int n) {
        return classes[31 - Integer.numberOfLeadingZeros(Math.max(1, n))];
    }

    /**
     * Whether the JIT compilers have been quiet for a while: on a small machine their threads take a core from the
     * split's workers, so splits timed while the JVM is still compiling (its first second or so) look slower than
     * they are, and the loop, on one thread, much less so.
     */
    interface JitActivity {

        /** How long the JIT must not have compiled anything before it counts as quiet (20 ms). */
        long QUIET_NANOS = 20_000_000L;

        /** Whether, at {@code now}, the JIT has compiled nothing for {@link #QUIET_NANOS}. */
        boolean quietAt(long now);

        /**
         * This JVM's JIT, by the total compilation time of {@link java.lang.management.CompilationMXBean}; always
         * quiet where the JVM does not report it.
         */
        static JitActivity ofThisJvm() {
            java.lang.management.CompilationMXBean bean = java.lang.management.ManagementFactory.getCompilationMXBean();
            if (bean == null || !bean.isCompilationTimeMonitoringSupported()) {
                return now -> true;
            }
            return byTotal(bean::getTotalCompilationTime);
        }

        /** Quiet once {@code totalMillis} (a total compilation time) has not grown for {@link #QUIET_NANOS}. */
        static JitActivity byTotal(LongSupplier totalMillis) {
            long[] last = {Long.MIN_VALUE, 0}; // the total seen last, and when it last changed
            return now -> {
                synchronized (last) {
                    long total = totalMillis.getAsLong();
                    if (total != last[0]) {
                        last[0] = total;
                        last[1] = now;
                        return false;
                    }
                    return now - last[1] >= QUIET_NANOS;
                }
            };
        }
    }

    /** The learned state of one size class. */
    private static final class SizeClass {
        private final double[] loops = new double[SAMPLES];
        private final double[] splits = new double[SAMPLES];
        private int loopCount;
        private int splitCount;
        /** Sums of the chosen split in a row, in the optimistic mode, whose median lost (see LEAVE_AFTER). */
        private int losingSplits;
        /** Splits in a row (not a change of way's first two) LOSES_AT_ONCE slower than the loop's best. */
        private int slowInARow;
        private boolean preferSplit;
        /** Sums of the chosen way since the other was last timed. */
        private int sinceRetry;
        private int retryEvery = RETRY_EVERY;
        /** The least time between the end of a burst and a retry: MIN_RETRY_NANOS, less after leaving the split. */
        private long retryNanos = MIN_RETRY_NANOS;
        /** Whether both ways have been timed and a choice made. */
        private boolean decided;
        /** The burst under way (a way timed on purpose): its way and how many of its sums were kept. */
        private boolean inBurst;
        private boolean burstSplit;
        private int burstKept;
        /** Whether the burst is a retry of the way not chosen, and the choice before it. */
        private boolean retrying;
        private boolean preferredBeforeRetry;
        /** The way of the last sum handed out (null before the first), and how long it has been settling. */
        private Boolean lastWay;
        /** When this size class was first asked (Long.MIN_VALUE: not yet), and whether it was confident then. */
        private long firstCall = Long.MIN_VALUE;
        /** When this size class handed out its first split (Long.MIN_VALUE: not yet). */
        private long firstSplitAt = Long.MIN_VALUE;
        private boolean optimistic;
        /** When the last burst ended (its last kept sum was recorded), and the time of the latest record. */
        private long lastBurstEnd;
        private long burstEndAt;
        private int settleCalls;
        private long settleStart;

        synchronized int next(long now, JitActivity jit, boolean confident) {
            if (firstCall == Long.MIN_VALUE) {
                firstCall = now;
                optimistic = confident;
            }
            boolean way;
            if (inBurst) {
                way = burstSplit;
            } else if (loopCount == 0) {
                way = startBurst(false);
            } else if (splitCount == 0) {
                // the first splits wait (as loops) for the JIT to go quiet, a while at most
                boolean ready = optimistic || jit.quietAt(now) || now - firstCall >= MAX_JIT_WAIT_NANOS;
                way = ready && startBurst(true);
            } else if (++sinceRetry >= retryEvery && now - lastBurstEnd >= retryNanos
                    && (preferSplit || optimistic || jit.quietAt(now))) {
                sinceRetry = 0;
                retrying = true;
                preferredBeforeRetry = preferSplit;
                way = startBurst(!preferSplit);
            } else {
                way = preferSplit;
            }
            if (lastWay == null || lastWay != way) {
                lastWay = way;
                settleCalls = 0;
            }
            if (settleCalls <= 1) {
                // the settling time runs from the second call: the first may do one-off work (placing the data)
                settleStart = now;
            }
            // the loop settles in its first calls (the caller's caches); only a split needs the time
            // where the model is confident, the first burst of splits settles until FIRST_SPLITS_NANOS at least
            if (way && firstSplitAt == Long.MIN_VALUE) {
                firstSplitAt = now;
            }
            boolean firstSplits = way && optimistic && !decided && now - firstSplitAt < FIRST_SPLITS_NANOS;
            boolean keep = !firstSplits && settleCalls >= MIN_SETTLE_CALLS
                    && (!way || now - settleStart >= SETTLE_NANOS || settleCalls >= MAX_SETTLE_CALLS);
            boolean early = settleCalls < MIN_SETTLE_CALLS;
            settleCalls++;
            return (way ? SPLIT : 0) | (keep ? KEEP : 0) | (early ? EARLY : 0);
        }

        private boolean startBurst(boolean split) {
            inBurst = true;
            burstSplit = split;
            burstKept = 0;
            // the way's earlier times are stale by now (a JIT compiled since, the load changed): the burst replaces them
            if (split) {
                splitCount = 0;
            } else {
                loopCount = 0;
            }
            return split;
        }

        synchronized void record(int ticket, double nanosPerElement, long now) {
            burstEndAt = now;
            boolean split = (ticket & SPLIT) != 0;
            // a sum of the chosen split, not of a burst: the one kind of time the optimistic mode leaves on slowly
            boolean chosenSplit = split && preferSplit && decided && !inBurst;
            int splitsBefore = splitCount;
            if ((ticket & KEEP) != 0) {
                if (split) {
                    splits[splitCount++ % SAMPLES] = nanosPerElement;
                } else {
                    loops[loopCount++ % SAMPLES] = nanosPerElement;
                }
                if (inBurst && split == burstSplit && ++burstKept >= BURST_KEEP && !overrulesTooSoon()) {
                    inBurst = false;
                    lastBurstEnd = burstEndAt;
                }
            }
            boolean farSlower = split && (ticket & EARLY) == 0 && loopCount > 0
                    && nanosPerElement > LOSES_AT_ONCE * best(loops, loopCount);
            slowInARow = farSlower ? slowInARow + 1 : split ? 0 : slowInARow;
            if (farSlower && slowInARow >= LOSES_AT_ONCE_CALLS) {
                // splits this much slower than the loop, even while settling, are not worth timing further (a copy
                // through a pipe): the last counts as kept, and ends its burst
                slowInARow = 0;
                if ((ticket & KEEP) == 0) {
                    splits[splitCount++ % SAMPLES] = nanosPerElement;
                }
                if (inBurst && burstSplit) {
                    inBurst = false;
                    lastBurstEnd = burstEndAt;
                }
            }
            if (loopCount == 0 || splitCount == 0) {
                return;
            }
            boolean before = preferSplit;
            if (optimistic) {
                boolean wins = median(splits, splitCount) <= median(loops, loopCount) * LOSES_BY;
                if (wins || !chosenSplit) {
                    losingSplits = 0;
                    preferSplit = wins;
                } else if (splitCount > splitsBefore) {
                    // the chosen split's median loses: it is left only once it has lost for LEAVE_AFTER more of its
                    // own sums, not for a neighbour's few milliseconds on the other core
                    preferSplit = ++losingSplits < LEAVE_AFTER;
                    losingSplits = preferSplit ? losingSplits : 0;
                }
            } else {
                preferSplit = best(splits, splitCount) * PAYS_BY <= best(loops, loopCount)
                        && median(splits, splitCount) <= median(loops, loopCount) * MEDIAN_SLACK;
            }
            int first = preferSplit ? LOOP_RETRY_EVERY : RETRY_EVERY;
            if (retrying && !inBurst) {
                // a retry ended: confirmed, wait longer for the next; changed, watch closely again
                retrying = false;
                boolean confirmed = preferSplit == preferredBeforeRetry;
                retryEvery = confirmed ? Math.min(MAX_RETRY_EVERY, retryEvery * 2) : first;
                retryNanos = confirmed ? Math.min(MIN_RETRY_NANOS, retryNanos * 2) : MIN_RETRY_NANOS;
            } else if ((decided ? before : optimistic) && !preferSplit) {
                // a split that was chosen was just left on its own times (a neighbour on the other core, say), or
                // the model's confident split lost its first burst (the first sums of workers just started, their
                // code still on its way through the JIT): try it again soon, and back off while the loop stays the
                // better way
                retryEvery = RETRY_AFTER_LEAVING;
                retryNanos = RETRY_AFTER_LEAVING_NANOS;
                sinceRetry = 0;
                lastBurstEnd = now;
            } else if (before != preferSplit || !decided) {
                // a first choice, or the split taken back: the other way is timed again at the usual pace
                retryEvery = first;
                retryNanos = MIN_RETRY_NANOS;
            }
            decided = true;
        }

        /**
         * Whether a burst of splits that has kept BURST_KEEP sums would, if it ended now, overrule the confident
         * model on fewer sums than SAMPLES: a losing split burst in the optimistic mode goes on until its median wins
         * or it has kept SAMPLES sums (a neighbour's few milliseconds on the other core are then a minority of them).
         */
        private boolean overrulesTooSoon() {
            return optimistic && burstSplit && burstKept < SAMPLES && loopCount > 0
                    && median(splits, splitCount) > median(loops, loopCount) * LOSES_BY;
        }

        synchronized boolean prefersSplit() {
            return preferSplit && loopCount > 0 && splitCount > 0;
        }

        synchronized String describe(int n) {
            int lo = Integer.highestOneBit(Math.max(1, n));
            String range = "ranges of " + lo + ".." + (lo > (Integer.MAX_VALUE >> 1) ? Integer.MAX_VALUE : 2L * lo - 1);
            if (loopCount == 0 || splitCount == 0) {
                return range + ": not timed yet (summed by the loop until a split is measured to pay)";
            }
            return String.format(Locale.ROOT, "%s: loop %.3f ns, split %.3f ns per element (the best of the last %d "
                            + "and %d sums) -> %s", range, best(loops, loopCount), best(splits, splitCount),
                    Math.min(SAMPLES, loopCount), Math.min(SAMPLES, splitCount),
                    preferSplit ? "split" : "loop (a split must be " + PAYS_BY + "x faster)");
        }

        private static double median(double[] ring, int count) {
            double[] kept = Arrays.copyOf(ring, Math.min(SAMPLES, count));
            Arrays.sort(kept);
            int k = kept.length;
            return k % 2 == 1 ? kept[k / 2] : (kept[k / 2 - 1] + kept[k / 2]) / 2;
        }

        private static double best(double[] ring, int count) {
            double best = Double.POSITIVE_INFINITY;
            for (int i = 0; i < Math.min(SAMPLES, count); i++) {
                best = Math.min(best, ring[i]);
            }
            return best;
        }
    }
}
