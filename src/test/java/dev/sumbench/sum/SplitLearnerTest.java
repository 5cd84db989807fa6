package dev.sumbench.sum;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import java.util.function.IntPredicate;
import org.junit.jupiter.api.Test;

/**
 * The learner's choices on simulated times (seeded, nothing is timed): it takes the split where the split pays, the
 * loop where it does not, follows a change, and its tries of the losing way stay few.
 */
class SplitLearnerTest {

    private static final int N = 1 << 20;
    /** The loop's time per element in the simulations, in ns. */
    private static final double LOOP = 0.25;

    /** Runs {@code calls} sums; {@code splitTime} gives a split's time per element for call i. Returns splits made. */
    private static int run(SplitLearner learner, int calls, Random random, SplitTime splitTime) {
        int splits = 0;
        for (int i = 0; i < calls; i++) {
            int ticket = learner.next(N);
            boolean split = SplitLearner.splits(ticket);
            double perElement = split ? splitTime.at(i, random) : LOOP * (1 + 0.05 * random.nextDouble());
            learner.record(N, ticket, Math.round(perElement * N));
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
        SplitLearner learner = new SplitLearner();
        int splits = run(learner, 2_000, new Random(1), (i, r) -> LOOP / 2 * (1 + 0.1 * r.nextDouble()));
        assertTrue(learner.prefersSplit(N));
        assertTrue(splits >= 1_900, splits + " of 2000 sums split");
    }

    @Test
    void aSplitTwiceAsSlowIsTriedOnlyInFewSums() {
        SplitLearner learner = new SplitLearner();
        int splits = run(learner, 2_000, new Random(2), (i, r) -> LOOP * 2 * (1 + 0.1 * r.nextDouble()));
        assertFalse(learner.prefersSplit(N));
        // the first burst and the retries after 128, 256, 512 and 1024 loops, each at most MAX_SETTLE_CALLS +
        // BURST_KEEP splits (the simulation takes no time, so each settles for its most calls)
        int burst = SplitLearner.MAX_SETTLE_CALLS + SplitLearner.BURST_KEEP;
        assertTrue(splits <= 5 * burst, splits + " of 2000 sums split");
    }

    @Test
    void aSplitLessThanTenPercentFasterIsNotWorthIt() {
        SplitLearner learner = new SplitLearner();
        run(learner, 500, new Random(3), (i, r) -> LOOP / 1.05);
        assertFalse(learner.prefersSplit(N));
    }

    @Test
    void aSplitWithTwoModesIsTakenWhenItsFastModeIsTheCommonOne() {
        // two modes, as on a shared 2-vCPU VM: both cores (0.6x the loop) or one (the loop plus a hand-off, within
        // the median's slack), in runs of calls
        SplitLearner learner = new SplitLearner();
        int splits = run(learner, 2_000, new Random(4), (i, r) -> (i / 10) % 3 != 0 ? LOOP * 0.6 : LOOP * 1.04);
        assertTrue(learner.prefersSplit(N));
        assertTrue(splits >= 1_800, splits + " of 2000 sums split");
    }

    @Test
    void aSplitThatIsFastOnlyNowAndThenIsNotTakenForItsMedianWouldLose() {
        SplitLearner learner = new SplitLearner();
        int splits = run(learner, 2_000, new Random(8), (i, r) -> r.nextDouble() < 0.3 ? LOOP * 0.6 : LOOP * 1.2);
        assertFalse(learner.prefersSplit(N));
        assertTrue(splits <= 300, splits + " of 2000 sums split");
    }

    @Test
    void aSplitThatStopsPayingIsDroppedWithinItsSamples() {
        SplitLearner learner = new SplitLearner();
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
        SplitLearner learner = new SplitLearner();
        Random random = new Random(6);
        // cold for the first 100 sums (a JIT compiling, a pool starting), then twice as fast as the loop
        int[] firstSplitAfterWarm = {-1};
        IntPredicate warm = i -> i >= 100;
        for (int i = 0; i < 1_000; i++) {
            int ticket = learner.next(N);
            boolean split = SplitLearner.splits(ticket);
            double perElement = !split ? LOOP : warm.test(i) ? LOOP / 2 : LOOP * 3;
            learner.record(N, ticket, Math.round(perElement * N));
            if (learner.prefersSplit(N) && warm.test(i) && firstSplitAfterWarm[0] < 0) {
                firstSplitAfterWarm[0] = i;
            }
        }
        assertTrue(learner.prefersSplit(N));
        // retries after 128, then 256 loops: found within a few hundred sums
        assertTrue(firstSplitAfterWarm[0] >= 100 && firstSplitAfterWarm[0] < 700, "found at " + firstSplitAfterWarm[0]);
    }

    @Test
    void sizeClassesAreLearnedApart() {
        SplitLearner learner = new SplitLearner();
        for (int i = 0; i < 300; i++) {
            int small = learner.next(N);
            learner.record(N, small, Math.round((SplitLearner.splits(small) ? LOOP * 2 : LOOP) * N));
            int large = learner.next(4 * N);
            learner.record(4 * N, large, Math.round((SplitLearner.splits(large) ? LOOP / 2 : LOOP) * 4 * N));
        }
        assertFalse(learner.prefersSplit(N));
        assertTrue(learner.prefersSplit(4 * N));
        assertTrue(learner.prefersSplit(4 * N + 1), "the same power of two");
    }

    @Test
    void theDescriptionSaysWhatWasMeasuredAndChosen() {
        SplitLearner learner = new SplitLearner();
        assertEquals("ranges of 1048576..2097151: not timed yet (summed by the loop until a split is measured to pay)",
                learner.describe(N));
        for (int i = 0; i < 100; i++) {
            int ticket = learner.next(N);
            learner.record(N, ticket, Math.round((SplitLearner.splits(ticket) ? LOOP / 2 : LOOP) * N));
        }
        assertEquals("ranges of 1048576..2097151: loop 0.250 ns, split 0.125 ns per element (the best of the last 5 "
                + "and 16 sums) -> split", learner.describe(N + 5));
    }
}
