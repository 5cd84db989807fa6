package dev.sumbench.compare;

/**
 * How a compared row ends at the gate of {@code sumbench compare}, judged against the threshold: every row ends as
 * exactly one of these.
 */
public enum Decision {
    /** Faster (better) by more than the threshold, with the false discovery rate controlled across rows. */
    FASTER("faster"),
    /** Slower (worse) by more than the threshold, with the false discovery rate controlled: a regression. */
    SLOWER("slower"),
    /** Within ± the threshold of the old value (two one-sided tests), with the false discovery rate controlled. */
    EQUIVALENT("equivalent"),
    /** None of the above could be shown: too few forks, no raw data, or too much noise for the threshold. */
    INCONCLUSIVE("inconclusive");

    private final String word;

    Decision(String word) {
        this.word = word;
    }

    /** The word the tables print: {@code faster}, {@code slower}, {@code equivalent}, {@code inconclusive}. */
    public String word() {
        return word;
    }
}
