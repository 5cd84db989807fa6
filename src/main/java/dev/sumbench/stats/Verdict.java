package dev.sumbench.stats;

/** What a compared row says. */
public enum Verdict {
    /** A significant change for the better (faster). */
    BETTER,
    /** A significant change for the worse (slower). */
    WORSE,
    /** No significant change: benchstat's {@code ~}. */
    UNCHANGED,
    /** A significant change in a unit whose direction is unknown: higher or lower, not better or worse. */
    CHANGED,
    /** No test was possible (too few samples, no spread, units that do not convert). */
    UNTESTED
}
