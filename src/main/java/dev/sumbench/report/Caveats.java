package dev.sumbench.report;

import dev.sumbench.stats.Caveat;
import java.util.List;
import java.util.Locale;

/** The analyses' caveats in words, each saying what to do about it. */
public final class Caveats {

    private Caveats() {
    }

    /** Each caveat in words, in order. */
    public static List<String> words(List<Caveat> caveats) {
        return caveats.stream().map(Caveats::words).toList();
    }

    /** The caveat in words. */
    public static String words(Caveat caveat) {
        List<Object> v = caveat.values();
        return switch (caveat.code()) {
            case FEW_FORKS -> String.format(Locale.ROOT, "no interval from %d fork%s: the fork is the sampling unit "
                    + "and an interval needs >= %d (iterations within a fork are not independent); run with -f 5",
                    v.get(0), v.get(0).equals(1) ? "" : "s", v.get(1));
            case NONPOSITIVE_FORK_MEAN -> "a fork mean is zero or negative: no interval";
            case WIDE_FORK_INTERVAL -> String.format(Locale.ROOT, "interval is ±%.0f%% of the score: run more forks, "
                    + "on a quiet machine", 100 * (Double) v.get(0));
            case FEW_SAMPLES -> "no interval from " + v.get(0) + " sample" + (v.get(0).equals(1L) ? "" : "s")
                    + ": JMH needs 3 or more; run more iterations or forks";
            case WIDE_INTERVAL -> String.format(Locale.ROOT, "interval is ±%.0f%% of the score: run more forks or "
                    + "iterations, on a quiet machine", 100 * (Double) v.get(0));
            case CHUNK_NOT_A_NUMBER -> "chunk '" + v.get(0) + "' is not a number >= 0: those rows are skipped";
            case CHUNK_FEW_FORKS -> "intervals over iterations, since some rows have only " + v.get(0) + " fork"
                    + (v.get(0).equals(1) ? "" : "s") + ": iterations within a fork are not independent, so the "
                    + "intervals are too narrow; run >= " + v.get(1) + " forks for intervals over fork means";
            case CHUNK_NO_RAW_DATA -> "no raw data (JMH CSV): intervals from JMH's error, which treats iterations as "
                    + "independent; JMH JSON (-rf json) gives intervals over fork means";
            case CHUNK_UNKNOWN_DIRECTION -> "unit '" + v.get(0) + "' has no known direction: lower is taken as better";
            case CHUNK_OTHER_UNIT -> "chunk " + v.get(0) + " is in " + v.get(1) + ", the others in " + v.get(2)
                    + ": skipped";
            case CHUNK_NO_SCORE -> "chunk " + v.get(0) + " has no usable score (" + v.get(1) + "): skipped";
            case ONE_CHUNK -> "only one chunk size measured: sweep several to find a flat region";
            case FLAT_AT_LARGEST_CHUNK -> "the flat region reaches the largest chunk measured (" + v.get(0)
                    + "): it may extend further; measure larger chunks";
            case FLAT_AT_SMALLEST_CHUNK -> "the flat region reaches the smallest chunk measured (" + v.get(0)
                    + "): it may extend further; measure smaller chunks";
            case DEFAULT_CHUNK_BEST -> "chunk 0 (the strategy's own default) beat every chunk measured: measure "
                    + "chunks around the default's";
            case CHUNK_ALSO_WITHIN -> "chunk " + v.get(0) + " is also within "
                    + String.format(Locale.ROOT, "%.3g %%", (Double) v.get(1) * 100).strip()
                    + " of the best but not next to the flat region: noise or a second optimum; rerun with more forks";
            case SPLIT_NEVER_PAYS -> "splitting does not pay at the largest size compared (" + v.get(0) + ")";
            case SPLIT_PAYS_AT_SMALLEST -> "splitting pays at the smallest size measured (" + v.get(0) + "): it may "
                    + "pay below; measure smaller sizes";
            case TWO_SIZES -> "only 2 sizes: the line passes through both, R² says nothing; measure 3 or more sizes";
            case POOR_FIT -> String.format(Locale.ROOT, "R² = %.2f: time is not linear in size here (caches, noise); "
                    + "read the fixed and per-element costs as rough", (Double) v.get(0));
            case NEGATIVE_FIXED_COST -> "negative fixed cost: within noise of 0; the small sizes need tighter "
                    + "measurements";
            case NO_FORK_DATA -> "some rows have no per-fork data (a CSV file): each counts as one fork and gets no "
                    + "interval; read the run's JSON instead";
            case NO_BASELINE -> v.get(0) + " " + v.get(1) + " " + v.get(2) + ": no sequential rows at " + v.get(3)
                    + " workers under the same idle time: no crossover";
            case TOO_FEW_SIZES -> v.get(0) + " " + v.get(1) + ": fewer than two sizes measured beside sequential: no "
                    + "crossover";
            case FEW_FORKS_PER_MEAN -> "only " + v.get(0) + " fork" + (v.get(0).equals(1) ? "" : "s") + " behind a "
                    + "mean: no interval (the fork is the sampling unit; run at least " + v.get(1) + " forks per trial)";
            case AT_PAR_AT_SMALLEST -> "at par at the smallest size (its interval contains 1), faster above: the "
                    + "crossing is not located; measure smaller sizes";
            case FASTER_EVERYWHERE -> "faster at every measured size: measure smaller sizes to find the crossing";
            case NOT_FASTER_AT_LARGEST -> "not faster at the largest measured size";
            case AT_PAR_ABOVE -> "at par above " + v.get(0) + " (every larger size's interval contains 1): not faster "
                    + "beyond noise at any measured size";
            case AT_PAR_DOWN_TO_SMALLEST -> "at par with the baseline down to the smallest size measured";
            case DUPLICATE_ROWS -> v.get(0) + " duplicate row(s) of the merged runs were ignored (the first one counts)";
            case FASTEST_CHUNK_PER_CELL -> "several chunk sizes without the default (0): each cell shows its fastest "
                    + "chunk";
        };
    }
}
