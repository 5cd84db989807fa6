package dev.sumbench.compare;

/**
 * What the gate of {@code sumbench compare} says about one row: its decision, the estimate it rests on, and why it
 * could not decide.
 *
 * @param decision   faster, slower, equivalent (within ± the threshold) or inconclusive
 * @param costRatio  new cost ÷ old cost (time terms: above 1 is slower; for a unit without a direction, new ÷ old),
 *                   the ratio of the geometric means of the fork means (of the scores, without raw data); NaN when
 *                   there is none
 * @param lo         lower end of its interval at {@code confidence} (per row, not adjusted for the other rows); NaN
 *                   with fewer than {@link Gate#MIN_FORKS} forks a side
 * @param hi         upper end, NaN when none
 * @param confidence the interval's confidence ({@code 1 - 2 alpha}, the interval the decision is read from)
 * @param pSlower    one-sided p of "slower by more than the threshold", before the adjustment across rows; NaN when
 *                   untested
 * @param qSlower    the same adjusted for the false discovery rate (Benjamini–Hochberg) across the tested rows
 * @param reason     for an inconclusive row, what is missing or too noisy; {@link Reason#NONE} for a decided one
 * @param assumedForkCv for a row without raw data judged under an assumed fork-to-fork spread (two JMH CSVs), that
 *                   spread; NaN when the spread is measured
 * @param forksNeeded for a tested row left inconclusive, the forks a side that would decide it if its estimate and
 *                   fork spread stayed as measured ({@link Gate#forksNeeded}; {@link Integer#MAX_VALUE}: none would);
 *                   -1 otherwise
 */
public record Judgement(Decision decision, double costRatio, double lo, double hi, double confidence,
                        double pSlower, double qSlower, Reason reason, double assumedForkCv,
                        int forksNeeded) {

    /** An inconclusive row without a test or an estimate, for {@code reason}. */
    public static Judgement untested(Reason reason) {
        return new Judgement(Decision.INCONCLUSIVE, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN,
                Double.NaN, reason, Double.NaN, -1);
    }

    /** Whether the row was judged under an assumed fork-to-fork spread rather than a measured one. */
    public boolean assumed() {
        return !Double.isNaN(assumedForkCv);
    }

    /** Whether the ratio has an interval. */
    public boolean hasInterval() {
        return !Double.isNaN(lo) && !Double.isNaN(hi);
    }
}
