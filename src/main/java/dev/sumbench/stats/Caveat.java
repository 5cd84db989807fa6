package dev.sumbench.stats;

import java.util.List;

/**
 * What limits an analysis's answer, as a code and the values it names (a chunk, a size, a count); the report puts it
 * in words, so that this package holds numbers and no sentence for the user.
 *
 * @param code   what the caveat is
 * @param values the values the code names, in the order its constant's comment lists them
 */
public record Caveat(Code code, List<Object> values) {

    /** The caveats the analyses raise. */
    public enum Code {
        /** No interval: too few forks. Values: the forks, the forks an interval needs. */
        FEW_FORKS,
        /** No interval: a fork mean at or below zero. */
        NONPOSITIVE_FORK_MEAN,
        /** An interval over fork means wider than {@link Summary#WIDE_INTERVAL}. Values: its relative half-width. */
        WIDE_FORK_INTERVAL,
        /** No interval: JMH had too few samples (a CSV row). Values: the samples. */
        FEW_SAMPLES,
        /** JMH's interval wider than {@link Summary#WIDE_INTERVAL}. Values: its relative half-width. */
        WIDE_INTERVAL,
        /** A chunk param that is not a number at or above 0. Values: the param. */
        CHUNK_NOT_A_NUMBER,
        /** Some chunk rows have fewer forks than an interval over forks needs. Values: fewest forks, forks needed. */
        CHUNK_FEW_FORKS,
        /** Some chunk rows come without raw data (a CSV file). */
        CHUNK_NO_RAW_DATA,
        /** The unit's direction is unknown, lower is taken as better. Values: the unit. */
        CHUNK_UNKNOWN_DIRECTION,
        /** A chunk row in a unit the others cannot be converted to. Values: the chunk, its unit, the others' unit. */
        CHUNK_OTHER_UNIT,
        /** A chunk row without a usable score. Values: the chunk, the score. */
        CHUNK_NO_SCORE,
        /** Only one chunk size measured. */
        ONE_CHUNK,
        /** The flat region reaches the largest chunk measured. Values: that chunk. */
        FLAT_AT_LARGEST_CHUNK,
        /** The flat region reaches the smallest chunk measured. Values: that chunk. */
        FLAT_AT_SMALLEST_CHUNK,
        /** The strategy's own default (chunk 0) beat every chunk measured. */
        DEFAULT_CHUNK_BEST,
        /** A chunk within the tolerance of the best but apart from the flat region. Values: the chunk, the tolerance. */
        CHUNK_ALSO_WITHIN,
        /** Splitting does not pay at the largest size compared. Values: that size. */
        SPLIT_NEVER_PAYS,
        /** Splitting pays at the smallest size measured. Values: that size. */
        SPLIT_PAYS_AT_SMALLEST,
        /** An overhead model from two sizes only. */
        TWO_SIZES,
        /** An overhead model that fits poorly. Values: R². */
        POOR_FIT,
        /** An overhead model with a negative fixed cost. */
        NEGATIVE_FIXED_COST,
        /** Crossover rows without per-fork data. */
        NO_FORK_DATA,
        /** A crossover without sequential rows to compare with. Values: strategy, variant, pattern, workers. */
        NO_BASELINE,
        /** A crossover from fewer than two sizes. Values: strategy, variant. */
        TOO_FEW_SIZES,
        /** A crossover's means from too few forks for an interval. Values: the fewest forks, the forks it needs. */
        FEW_FORKS_PER_MEAN,
        /** At par at the smallest size and faster above: the crossing is not located. */
        AT_PAR_AT_SMALLEST,
        /** Faster at every measured size. */
        FASTER_EVERYWHERE,
        /** Not faster at the largest measured size. */
        NOT_FASTER_AT_LARGEST,
        /** At par above a size, faster beyond noise nowhere. Values: that size. */
        AT_PAR_ABOVE,
        /** A crossing's interval reaching down to the smallest size measured. */
        AT_PAR_DOWN_TO_SMALLEST,
        /** Duplicate rows of merged runs were ignored. Values: their count. */
        DUPLICATE_ROWS,
        /** Several chunk sizes without the default: each cell shows its fastest chunk. */
        FASTEST_CHUNK_PER_CELL
    }

    public Caveat {
        values = List.copyOf(values);
    }

    /** The caveat {@code code} naming {@code values}. */
    public static Caveat of(Code code, Object... values) {
        return new Caveat(code, List.of(values));
    }
}
