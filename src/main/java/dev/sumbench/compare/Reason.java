package dev.sumbench.compare;

/**
 * Why a compared row is {@link Decision#INCONCLUSIVE inconclusive}, as a code: {@code report} turns it into words, with
 * the row's own figures (fork counts, the threshold).
 */
public enum Reason {
    /** The row was decided: nothing is missing. */
    NONE,
    /** No raw data on the old side (a JMH CSV): the fork-to-fork variance is unknown. */
    NO_RAW_DATA_OLD,
    /** No raw data on the new side. */
    NO_RAW_DATA_NEW,
    /** No raw data on either side. */
    NO_RAW_DATA,
    /** Raw data without iterations, or with NaN or infinite values. */
    UNUSABLE_RAW_DATA,
    /** The unit does not say whether higher is better, so "slower" has no meaning. */
    NO_DIRECTION,
    /** Fewer than {@link Gate#MIN_FORKS} forks on a side: the fork is the sampling unit. */
    TOO_FEW_FORKS,
    /** A fork mean is zero or negative: no ratio. */
    NOT_POSITIVE,
    /** Tested, but the cost ratio's interval reaches beyond 1 ± the threshold. */
    TOO_NOISY,
    /**
     * Its own interval would decide it, but not by the margin that holds the false discovery rate across all the
     * tested rows (Benjamini–Hochberg).
     */
    ACROSS_ROWS,
    /** Compared on its own: the gate judges all rows of a comparison together. */
    NOT_JUDGED
}
