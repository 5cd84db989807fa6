package dev.sumbench.stats;

/** What one sample of a comparison is. */
public enum SampleUnit {
    /** The mean of one fork's measurement iterations: forks are independent JVMs, so these are independent samples. */
    FORK_MEANS("forks"),
    /**
     * One measurement iteration. Iterations inside a fork share its JIT decisions, memory layout and neighbours, so
     * they are not independent: a p-value over them is too small.
     */
    ITERATIONS("iterations"),
    /** No raw data: only the score, its error and the sample count of each side (a JMH CSV file). */
    SUMMARY("samples");

    private final String plural;

    SampleUnit(String plural) {
        this.plural = plural;
    }

    /** The word for a count of these samples: "5+5 forks". */
    public String plural() {
        return plural;
    }
}
