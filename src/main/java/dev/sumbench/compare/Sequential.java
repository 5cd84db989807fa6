package dev.sumbench.compare;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The gate applied again and again as forks are added, for a run that keeps measuring until every row is decided: after
 * {@code minRounds} forks a side, the rows still undecided are judged at a few planned looks up to {@code maxRounds},
 * each look at the level {@link #lookAlpha()} = {@code alpha / K} over the {@code K} planned looks, so that the chance
 * of a false "slower" (or "faster", or "equivalent") over all the looks stays at most {@code alpha} per kind of
 * verdict. A decided row stays decided and gets no more forks.
 *
 * @param minRounds forks a side before the first look, at least {@link Gate#MIN_FORKS}
 * @param maxRounds forks a side at the last planned look, at least {@code minRounds}
 * @param alpha     the level over all the looks, in (0, 0.5)
 * @param threshold the gate's threshold, &gt;= 0 (0.05 for 5 %)
 */
public record Sequential(int minRounds, int maxRounds, double alpha, double threshold) {

    /*
     * Implementation notes. Repeated looks at a test inflate its false-alarm rate (five looks at 5 % give about 14 %);
     * group-sequential designs bound it by spending alpha over the planned looks. The spending here is Pocock-type,
     * alpha / K at each look, with the looks combined by Bonferroni rather than by the exact Pocock boundary: the exact
     * boundaries assume a known variance or many degrees of freedom, while the gate's Welch t over 3 to 30 fork means
     * has few and changing degrees of freedom; the union bound holds whatever the correlation between looks, and it is
     * conservative because successive looks share their forks. Pocock-type (equal shares) rather than O'Brien–Fleming
     * (almost nothing spent early): a run stops paying for a row once it is decided, and the rows of a quiet machine
     * can be shown equivalent at the first looks only if those looks have a usable level; O'Brien–Fleming would spend
     * about 1e-7 at 3 of 30 forks. The looks are spaced geometrically (each about 25 % more forks than the one before),
     * so that K grows with the log of maxRounds and each look's level stays usable. Within a look, the gate's
     * Benjamini–Hochberg adjustment across rows holds the false discovery rate at alpha / K; over the looks the rates
     * add up (a false discovery of look k counts against at least as many discoveries in all as that look made), so the
     * false discovery rate over the run stays at most alpha. SequentialSimulationTest measures the rates.
     */

    /** Growth of the forks from one look to the next. */
    private static final double LOOK_GROWTH = 1.25;

    public Sequential {
        if (minRounds < Gate.MIN_FORKS || maxRounds < minRounds) {
            throw new IllegalArgumentException("need " + Gate.MIN_FORKS + " <= minRounds <= maxRounds, got "
                    + minRounds + " and " + maxRounds);
        }
        if (!(alpha > 0 && alpha < 0.5)) {
            throw new IllegalArgumentException("alpha must be in (0, 0.5), got " + alpha);
        }
        if (!(threshold >= 0) || Double.isInfinite(threshold)) {
            throw new IllegalArgumentException("threshold must be >= 0, got " + threshold);
        }
    }

    /** The forks a side at which the undecided rows are judged: from minRounds, about 25 % more each, to maxRounds. */
    public int[] looks() {
        List<Integer> looks = new ArrayList<>();
        int n = minRounds;
        while (n < maxRounds) {
            looks.add(n);
            n = Math.max(n + 1, (int) Math.ceil(n * LOOK_GROWTH));
        }
        looks.add(maxRounds);
        return looks.stream().mapToInt(Integer::intValue).toArray();
    }

    /** Whether the undecided rows are judged after {@code rounds} forks a side. */
    public boolean isLook(int rounds) {
        return Arrays.stream(looks()).anyMatch(look -> look == rounds);
    }

    /** The level of each look's tests: alpha spent in equal shares over the planned looks. */
    public double lookAlpha() {
        return alpha / looks().length;
    }

    /**
     * One look: the gate's judgement of the rows still undecided, at {@link #lookAlpha()} (the interval each judgement
     * carries is the {@code 1 - 2 lookAlpha} one its decision is read from).
     */
    public List<Judgement> look(List<Gate.Sample> undecided) {
        return Gate.judge(undecided, lookAlpha(), threshold);
    }

    /**
     * Forks a side that would decide a tested row at one look of this plan if its estimate and fork spread stayed as
     * measured: {@link Gate#forksNeeded} at {@link #lookAlpha()}.
     */
    public int forksNeeded(Gate.Sample sample) {
        return Gate.forksNeeded(sample, threshold, lookAlpha());
    }
}
