package dev.sumbench.compare;

import dev.sumbench.results.Result;
import java.util.List;

/**
 * Something that limits a whole comparison, as a code with its data: {@code report} says it in words.
 *
 * @param kind   what it is
 * @param key    the row it concerns, or {@code null} for the whole comparison
 * @param values its data, as {@link Kind} documents per kind
 */
public record Notice(Kind kind, Result.Key key, List<String> values) {

    public Notice {
        values = List.copyOf(values);
    }

    /** What limits the comparison; the values each kind carries. */
    public enum Kind {
        /** A row's units do not convert, so it is not compared: the old unit, the new unit. */
        UNITS_DIFFER,
        /** A row appears twice in one run and the first is used: the side ({@code old} or {@code new}). */
        DUPLICATE_ROW,
        /**
         * Rows of a sequential strategy matched although their workers param differs (the strategy ignores it): the
         * strategy, the old workers, the new workers.
         */
        IGNORED_WORKERS,
        /** No row matches: the old run's param names, the new run's, each joined by ", ". */
        NO_ROW_MATCHES,
        /** No .meta.json beside a run, so machine, cores and JDK are not checked: {@code old}, {@code new} or both. */
        NO_METADATA,
        /**
         * Sample-mode rows are compared on each fork's percentile of JMH's histogram, not on the fork's mean: the
         * percentile (50 for the median), the number of such rows.
         */
        ON_PERCENTILE,
        /** The runs' machines or JVMs differ: what ({@code host}, {@code cores}, {@code JDK}, ...), old, new. */
        RUNS_DIFFER
    }
}
