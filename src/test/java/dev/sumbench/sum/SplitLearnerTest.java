package dev.sumbench.sum;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The learner's choices on simulated times (seeded, nothing is timed): it takes the split where the split pays, the
 * loop where it does not, follows a change, and its tries of the losing way stay few.
 */
class SplitLearnerTest {

    private static final int N = 1 << 20;
    /** The loop's time per element in the simulations, in ns. */
    private static final double LOOP = 0.25;

    /** The simulated clock: each simulated sum advances it by its time. */
    private final long[] clock = {0};

    private SplitLearner learner() {
        return new SplitLearner(() -> clock[0], now -> true);
    }

    /** One simulated sum of {@code n} elements that takes {@code perElement} ns per element if split, else LOOP. */
    private void sum(SplitLearner learner, int n, double splitPerElement, double loopPerElement) {
        int ticket = learner.next(n);
        long nanos = Math.round((SplitLearner.splits(ticket) ? splitPerElement : loopPerElement) * n);
        clock[0] += nanos;
        learner.record(n, ticket, nanos);
    }

    /** Runs {@code calls} sums; {@code splitTime} gives a split's time per element for call i. Returns splits made. */
    private int run(SplitLearner learner, int calls, Random random, SplitTime splitTime) {
        int splits = 0;
        for (int i = 0; i < calls; i++) {
            int ticket = learner.next(N);
            boolean split = SplitLearner.splits(ticket);
            double perElement = split ? splitTime.at(i, random) : LOOP * (1 + 0.05 * random.nextDouble());
            long nanos = Math.round(perElement * N);
            clock[0] += nanos;
            learner.record(N, ticket, nanos);
            splits += split ? 1 : 0;
        }
        return splits;
    }

    @FunctionalInterface
    interface SplitTime {
        double at(int call, Random random);
    }

    @Test
    void aSplitTwiceAsFastIsTakenForAlmostEverySum() {
        SplitLearner learner = learner();
        int splits = run(learner, 2_000, new Random(1), (i, r) -> LOOP / 2 * (1 + 0.1 * r.nextDouble()));
        assertTrue(learner.prefersSplit(N));
        assertTrue(splits >= 1_900, splits + " of 2000 sums split");
    }

    @Test
    void aSplitTwiceAsSlowIsTriedOnlyInFewSums() {
        SplitLearner learner = learner();
        // 20 000 sums of 262 us: 5.2 simulated seconds
        int splits = run(learner, 20_000, new Random(2), (i, r) -> LOOP * 2 * (1 + 0.1 * r.nextDouble()));
        assertFalse(learner.prefersSplit(N));
        // the first burst, then a retry at most once a second, each at most MAX_SETTLE_CALLS + BURST_KEEP splits
        int burst = SplitLearner.MAX_SETTLE_CALLS + SplitLearner.BURST_KEEP;
        long seconds = clock[0] / SplitLearner.MIN_RETRY_NANOS;
        assertTrue(splits <= (1 + seconds) * burst, splits + " of 20000 sums split in " + seconds + " s");
        assertTrue(splits > burst, "retried: " + splits);
    }

    @Test
    void aSplitLessThanTenPercentFasterIsNotWorthIt() {
        SplitLearner learner = learner();
        run(learner, 500, new Random(3), (i, r) -> LOOP / 1.05);
        assertFalse(learner.prefersSplit(N));
    }

    @Test
    void aSplitWithTwoModesIsTakenWhenItsFastModeIsTheCommonOne() {
        // two modes, as on a shared 2-vCPU VM: both cores (0.6x the loop) or one (the loop plus a hand-off, within
        // the median's slack), in runs of calls
        SplitLearner learner = learner();
        int splits = run(learner, 2_000, new Random(4), (i, r) -> (i / 10) % 3 != 0 ? LOOP * 0.6 : LOOP * 1.04);
        assertTrue(learner.prefersSplit(N));
        assertTrue(splits >= 1_800, splits + " of 2000 sums split");
    }

    @Test
    void aSplitThatIsFastOnlyNowAndThenIsNotTakenForItsMedianWouldLose() {
        SplitLearner learner = learner();
        int splits = run(learner, 2_000, new Random(8), (i, r) -> r.nextDouble() < 0.3 ? LOOP * 0.6 : LOOP * 1.2);
        assertFalse(learner.prefersSplit(N));
        assertTrue(splits <= 300, splits + " of 2000 sums split");
    }

    @Test
    void aSplitThatStopsPayingIsDroppedWithinItsSamples() {
        SplitLearner learner = learner();
        Random random = new Random(5);
        run(learner, 500, random, (i, r) -> LOOP / 2);
        assertTrue(learner.prefersSplit(N));
        int more = run(learner, SplitLearner.SAMPLES + 1, random, (i, r) -> LOOP * 3);
        // dropped once most of the kept splits are slow: their median loses
        assertTrue(more >= SplitLearner.SAMPLES / 2 && more <= SplitLearner.SAMPLES + 1, more + " slow splits");
        assertFalse(learner.prefersSplit(N), "after " + more + " slow splits in a row");
    }

    @Test
    void aSplitThatStartsSlowAndPaysLaterIsFoundByTheRetries() {
        SplitLearner learner = learner();
        // cold for the first 100 sums (a JIT compiling, a pool starting), then twice as fast as the loop
        int found = -1;
        for (int i = 0; i < 10_000 && found < 0; i++) {
            sum(learner, N, i >= 100 ? LOOP / 2 : LOOP * 3, LOOP);
            if (learner.prefersSplit(N)) {
                found = i;
            }
        }
        // the first retry, at least a second (some 3 800 sums of 262 us) after the first bursts
        assertTrue(found >= 100 && found < 6_000, "found at " + found);
    }

    @Test
    void noRetryComesSoonerThanASecondAfterTheLast() {
        SplitLearner learner = learner();
        int splits = 0;
        // 1 000 sums of 1 024 elements (256 ns each): far more than RETRY_EVERY, far less than a second
        for (int i = 0; i < 1_000; i++) {
            int ticket = learner.next(1_024);
            splits += SplitLearner.splits(ticket) ? 1 : 0;
            long nanos = Math.round((SplitLearner.splits(ticket) ? LOOP * 2 : LOOP) * 1_024);
            clock[0] += nanos;
            learner.record(1_024, ticket, nanos);
        }
        assertEquals(SplitLearner.MAX_SETTLE_CALLS + SplitLearner.BURST_KEEP, splits, "the first burst only");
    }

    @Test
    void theFirstSplitsWaitForTheJitToGoQuietButNotForever() {
        // compiling for the first 100 ms (simulated), quiet afterwards
        long[] compiled = {0};
        SplitLearner.JitActivity jit = SplitLearner.JitActivity.byTotal(() -> compiled[0]);
        SplitLearner learner = new SplitLearner(() -> clock[0], jit);
        long firstSplitAt = -1;
        for (int i = 0; i < 2_000 && firstSplitAt < 0; i++) {
            if (clock[0] < 100_000_000L) {
                compiled[0]++;
            }
            int ticket = learner.next(N);
            if (SplitLearner.splits(ticket)) {
                firstSplitAt = clock[0];
            }
            long nanos = Math.round(LOOP * N);
            clock[0] += nanos;
            learner.record(N, ticket, nanos);
        }
        long quiet = 100_000_000L + SplitLearner.JitActivity.QUIET_NANOS;
        assertTrue(firstSplitAt >= quiet && firstSplitAt < quiet + 1_000_000L, "first split at " + firstSplitAt);

        // a JIT that never goes quiet delays the first splits by MAX_JIT_WAIT_NANOS at most
        clock[0] = 0;
        SplitLearner busy = new SplitLearner(() -> clock[0], now -> false);
        long splitAt = -1;
        for (int i = 0; i < 20_000 && splitAt < 0; i++) {
            int ticket = busy.next(N);
            if (SplitLearner.splits(ticket)) {
                splitAt = clock[0];
            }
            clock[0] += Math.round(LOOP * N);
            busy.record(N, ticket, Math.round(LOOP * N));
        }
        assertTrue(splitAt >= SplitLearner.MAX_JIT_WAIT_NANOS && splitAt < SplitLearner.MAX_JIT_WAIT_NANOS + 1_000_000L,
                "first split at " + splitAt);
    }

    @Test
    void farAboveTheFloorTheSplitIsKeptUntilItIsMeasuredToLose() {
        // the JIT never goes quiet: a confident size class does not wait for it
        SplitLearner learner = new SplitLearner(() -> clock[0], now -> false);
        int splits = 0;
        int timed = 0;
        for (int i = 0; clock[0] < 700_000_000L; i++) {
            // a split only 5 % faster in the median, with a slow mode: kept (it does not lose by 10 %)
            double split = i % 4 == 0 ? LOOP * 1.08 : LOOP * 0.95;
            int ticket = learner.next(N, true);
            if (clock[0] >= SplitLearner.FIRST_SPLITS_NANOS) {
                // the first bursts, from the end of the untimed splits on
                splits += SplitLearner.splits(ticket) ? 1 : 0;
                timed++;
            }
            long nanos = Math.round((SplitLearner.splits(ticket) ? split : LOOP) * N);
            clock[0] += nanos;
            learner.record(N, ticket, nanos);
        }
        assertTrue(learner.prefersSplit(N));
        assertTrue(splits >= 0.97 * timed, splits + " of " + timed + " sums split");
    }

    @Test
    void aSplitLeftDuringANeighboursRunIsTakenBackSoonAfter() {
        SplitLearner learner = new SplitLearner(() -> clock[0], now -> true);
        // the split is 0.6x the loop, except for 100 ms from 1.5 s on: a neighbour holds the other core (1.3x)
        int[] after = confidentRun(learner, 2_500_000_000L, 1_900_000_000L,
                (now, firstSplit) -> now >= 1_500_000_000L && now < 1_600_000_000L ? 1.3 : 0.6);
        // left during the run, and taken back within a few hundred ms of its end, not a second after its retry
        assertTrue(after[1] > 0 && after[0] >= 0.95 * after[1], after[0] + " of " + after[1]
                + " sums split after the neighbour left");
        assertTrue(learner.prefersSplit(N));
    }

    @Test
    void aConfidentSplitWhoseFirstBurstLosesIsTriedAgainSoon() {
        SplitLearner learner = new SplitLearner(() -> clock[0], now -> true);
        // the workers' first 150 ms of splits are cold (1.6x the loop), then the split is 0.7x the loop
        int[] after = confidentRun(learner, 1_000_000_000L, 600_000_000L,
                (now, firstSplit) -> now - firstSplit < 150_000_000L ? 1.6 : 0.7);
        // the first burst lost, and the split was taken within a few hundred ms, not after the second of a retry
        assertTrue(after[1] > 0 && after[0] >= 0.95 * after[1], after[0] + " of " + after[1]
                + " sums split from 600 ms on");
        assertTrue(learner.prefersSplit(N));
    }

    @Test
    void aConfidentSizeClassTimesItsFirstSplitsOnlyFrom200MillisecondsOn() {
        SplitLearner learner = learner();
        // the split's start: three times the loop for its first 200 ms (a transition, not a loss), then 0.6x
        int[] after = confidentRun(learner, 1_000_000_000L, 0,
                (now, firstSplit) -> now < SplitLearner.FIRST_SPLITS_NANOS ? 3 : 0.6);
        // the burst of loops it starts with, and then only splits
        assertTrue(after[0] >= after[1] - SplitLearner.MIN_SETTLE_CALLS - SplitLearner.BURST_KEEP,
                after[0] + " of " + after[1] + " sums split");
        assertTrue(learner.prefersSplit(N));
    }

    @Test
    void aConfidentSizeClassCountsThe200MillisecondsFromItsFirstSplitNotFromAPlacementBeforeIt() {
        SplitLearner learner = learner();
        // process-shared's first call places the data in shared memory (125 ms, summed by the loop), and its splits are
        // 1.3x the loop for the first 150 ms after its first one (workers just started), then 0.6x: timed from the
        // size class's first call, the first burst would keep the slow ones, lose, and leave the split for 200 ms
        long firstSplit = -1;
        int[] from300 = new int[2];
        for (boolean first = true; clock[0] < 1_000_000_000L; first = false) {
            int ticket = learner.next(N, true);
            boolean split = SplitLearner.splits(ticket);
            if (split && firstSplit < 0) {
                firstSplit = clock[0];
            }
            double factor = !split ? 1 : clock[0] - firstSplit < 150_000_000L ? 1.3 : 0.6;
            long nanos = first ? 125_000_000L : Math.round(LOOP * factor * N);
            clock[0] += nanos;
            learner.record(N, ticket, nanos);
            if (clock[0] >= 300_000_000L) {
                from300[0] += split ? 1 : 0;
                from300[1]++;
            }
        }
        assertTrue(from300[1] > 0 && from300[0] == from300[1], from300[0] + " of " + from300[1]
                + " sums split from 300 ms on");
        assertTrue(learner.prefersSplit(N));
    }

    @Test
    void aConfidentSplitIsNotLeftForAFewSlowSumsInItsFirstBurst() {
        SplitLearner learner = new SplitLearner(() -> clock[0], now -> true);
        // the split is 0.6x the loop (157 us), except in the five sums its first burst keeps, the first ones from
        // FIRST_SPLITS_NANOS on: a neighbour holds the other core then (1.5x)
        int[] kept = {0};
        int[] after = confidentRun(learner, 1_000_000_000L, SplitLearner.FIRST_SPLITS_NANOS + 100_000_000L,
                (now, firstSplit) -> now >= SplitLearner.FIRST_SPLITS_NANOS && kept[0]++ < SplitLearner.BURST_KEEP
                        ? 1.5 : 0.6);
        // the burst went on until its median won, so the split was never left
        assertTrue(after[1] > 0 && after[0] == after[1], after[0] + " of " + after[1]
                + " sums split from 100 ms after the first burst on");
        assertTrue(learner.prefersSplit(N));
    }

    @Test
    void aChosenConfidentSplitIsNotLeftForANeighboursFewMilliseconds() {
        SplitLearner learner = new SplitLearner(() -> clock[0], now -> true);
        // the split is 0.6x the loop, except for 5 ms from 700 ms on (1.3x: about 15 sums, enough to make the median
        // of the last 16 lose): leaving for the loop would cost 200 ms of loops at the least
        int[] after = confidentRun(learner, 1_500_000_000L, 600_000_000L,
                (now, firstSplit) -> now >= 700_000_000L && now < 705_000_000L ? 1.3 : 0.6);
        assertTrue(after[1] > 0 && after[0] >= 0.99 * after[1], after[0] + " of " + after[1]
                + " sums split from 600 ms on");
        assertTrue(learner.prefersSplit(N));
    }

    @Test
    void aConfidentSplitThatLosesThroughoutCostsFewSums() {
        SplitLearner learner = new SplitLearner(() -> clock[0], now -> true);
        // the model was wrong: the split is 1.3x the loop, always. After the first burst's settling (200 ms), most of
        // the splits made are the settling of the retries (50 ms each, 200 ms, 400 ms, 800 ms, then a second apart)
        int[] all = confidentRun(learner, 3_000_000_000L, SplitLearner.FIRST_SPLITS_NANOS, (now, firstSplit) -> 1.3);
        assertFalse(learner.prefersSplit(N));
        assertTrue(all[0] <= 0.08 * all[1], all[0] + " of " + all[1] + " sums split");
    }

    /** A split's time against the loop's at simulated time {@code now}, the first split made at {@code firstSplit}. */
    @FunctionalInterface
    interface SplitFactor {
        double at(long now, long firstSplit);
    }

    /**
     * Sums of N elements where the model is confident, until the simulated clock reaches {@code until}; the loop takes
     * LOOP per element, a split {@code factor} times that. Returns the splits and the sums from {@code countFrom} on.
     */
    private int[] confidentRun(SplitLearner learner, long until, long countFrom, SplitFactor factor) {
        long firstSplit = -1;
        int[] after = new int[2];
        while (clock[0] < until) {
            int ticket = learner.next(N, true);
            boolean split = SplitLearner.splits(ticket);
            if (split && firstSplit < 0) {
                firstSplit = clock[0];
            }
            long nanos = Math.round((split ? LOOP * factor.at(clock[0], firstSplit) : LOOP) * N);
            clock[0] += nanos;
            learner.record(N, ticket, nanos);
            if (clock[0] >= countFrom) {
                after[0] += split ? 1 : 0;
                after[1]++;
            }
        }
        return after;
    }

    @Test
    void aSplitManyTimesSlowerThanTheLoopIsDroppedAtOnce() {
        // process-pipe far above its floor: each split copies the data through a pipe, 27 times the loop
        SplitLearner learner = new SplitLearner(() -> clock[0], now -> true);
        int splits = 0;
        for (int i = 0; i < 300; i++) {
            int ticket = learner.next(N, true);
            splits += SplitLearner.splits(ticket) ? 1 : 0;
            long nanos = Math.round((SplitLearner.splits(ticket) ? LOOP * 27 : LOOP) * N);
            clock[0] += nanos;
            learner.record(N, ticket, nanos);
        }
        assertFalse(learner.prefersSplit(N));
        assertTrue(splits <= 4, splits + " of 300 sums split");
    }

    @Test
    void eachRetryOfASplitManyTimesSlowerCostsAtMostFourSplits() {
        // the same, for three simulated seconds, with 10 000 000 elements: a split takes 67 ms, longer than the
        // settling, so it is kept at once. It is tried again now and then, and each try ends at its second split that
        // is not one of a change of way's first two (which may do one-off work)
        int n = 10_000_000;
        SplitLearner learner = new SplitLearner(() -> clock[0], now -> true);
        int splits = 0;
        int tries = 0;
        boolean last = false;
        while (clock[0] < 3_000_000_000L) {
            int ticket = learner.next(n, true);
            boolean split = SplitLearner.splits(ticket);
            tries += split && !last ? 1 : 0;
            splits += split ? 1 : 0;
            last = split;
            long nanos = Math.round((split ? LOOP * 27 : LOOP) * n);
            clock[0] += nanos;
            learner.record(n, ticket, nanos);
        }
        assertFalse(learner.prefersSplit(n));
        assertTrue(tries >= 2 && tries <= 6, tries + " tries");
        assertTrue(splits <= 4 * tries, splits + " splits in " + tries + " tries");
    }

    @Test
    void oneSumFiveTimesTheLoopDoesNotEndAConfidentSplitsBurst() {
        SplitLearner learner = new SplitLearner(() -> clock[0], now -> true);
        // the split is 0.55x the loop; its 20th sum, while it settles, takes 5 times the loop (a pause of the host)
        int[] splitNo = {0};
        int[] after = confidentRun(learner, 1_000_000_000L, 0,
                (now, firstSplit) -> ++splitNo[0] == 20 ? 5 : 0.55);
        // the burst of loops it starts with, and then only splits
        assertTrue(after[0] >= after[1] - SplitLearner.MIN_SETTLE_CALLS - SplitLearner.BURST_KEEP,
                after[0] + " of " + after[1] + " sums split");
        assertTrue(learner.prefersSplit(N));
    }

    @Test
    void theJitIsQuietOnceItsCompilationTimeStopsGrowing() {
        long[] total = {5};
        SplitLearner.JitActivity jit = SplitLearner.JitActivity.byTotal(() -> total[0]);
        assertFalse(jit.quietAt(0), "nothing seen yet");
        assertFalse(jit.quietAt(SplitLearner.JitActivity.QUIET_NANOS - 1));
        assertTrue(jit.quietAt(SplitLearner.JitActivity.QUIET_NANOS));
        total[0] = 6;
        assertFalse(jit.quietAt(SplitLearner.JitActivity.QUIET_NANOS + 1), "compiled again");
        assertTrue(jit.quietAt(2 * SplitLearner.JitActivity.QUIET_NANOS + 1));
        // this JVM's: never quiet on its first look where the JVM reports compilation time, always quiet where not
        java.lang.management.CompilationMXBean bean = java.lang.management.ManagementFactory.getCompilationMXBean();
        boolean reported = bean != null && bean.isCompilationTimeMonitoringSupported();
        assertEquals(!reported, SplitLearner.JitActivity.ofThisJvm().quietAt(System.nanoTime()));
    }

    @Test
    void sizeClassesAreLearnedApart() {
        SplitLearner learner = learner();
        for (int i = 0; i < 300; i++) {
            sum(learner, N, LOOP * 2, LOOP);
            sum(learner, 4 * N, LOOP / 2, LOOP);
        }
        assertFalse(learner.prefersSplit(N));
        assertTrue(learner.prefersSplit(4 * N));
        assertTrue(learner.prefersSplit(4 * N + 1), "the same power of two");
    }

    @Test
    void theDescriptionSaysWhatWasMeasuredAndChosen() {
        SplitLearner learner = learner();
        assertEquals("ranges of 1048576..2097151: not timed yet (summed by the loop until a split is measured to pay)",
                learner.describe(N));
        for (int i = 0; i < 300; i++) {
            sum(learner, N, LOOP / 2, LOOP);
        }
        assertEquals("ranges of 1048576..2097151: loop 0.250 ns, split 0.125 ns per element (the best of the last 5 "
                + "and 16 sums) -> split", learner.describe(N + 5));
    }
}
