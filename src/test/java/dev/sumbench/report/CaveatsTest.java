package dev.sumbench.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.sumbench.stats.Caveat;
import java.util.List;
import org.junit.jupiter.api.Test;

class CaveatsTest {

    @Test
    void eachCaveatIsWordedWithItsValues() {
        assertEquals("chunk 1024 is also within 5.00 % of the best but not next to the flat region: noise or a second "
                + "optimum; rerun with more forks", Caveats.words(Caveat.of(Caveat.Code.CHUNK_ALSO_WITHIN, 1024L, 0.05)));
        assertEquals("R² = 0.42: time is not linear in size here (caches, noise); read the fixed and per-element costs "
                + "as rough", Caveats.words(Caveat.of(Caveat.Code.POOR_FIT, 0.4213)));
        assertEquals(List.of("splitting does not pay at the largest size compared (1048576)",
                "chunk 'auto' is not a number >= 0: those rows are skipped"), Caveats.words(List.of(
                Caveat.of(Caveat.Code.SPLIT_NEVER_PAYS, 1048576L), Caveat.of(Caveat.Code.CHUNK_NOT_A_NUMBER, "auto"))));
    }

    @Test
    void aSummarysWarningsAreWorded() {
        assertEquals("no interval from 2 samples: JMH needs 3 or more; run more iterations or forks",
                Caveats.words(Caveat.of(Caveat.Code.FEW_SAMPLES, 2L)));
        assertEquals("interval is ±20% of the score: run more forks or iterations, on a quiet machine",
                Caveats.words(Caveat.of(Caveat.Code.WIDE_INTERVAL, 0.2)));
        assertEquals("no interval from 1 fork: the fork is the sampling unit and an interval needs >= 3 (iterations "
                + "within a fork are not independent); run with -f 5", Caveats.words(Caveat.of(Caveat.Code.FEW_FORKS,
                1, 3)));
    }

    @Test
    void aCrossoversNotesAreWorded() {
        assertEquals("only 1 fork behind a mean: no interval (the fork is the sampling unit; run at least 3 forks per "
                + "trial)", Caveats.words(Caveat.of(Caveat.Code.FEW_FORKS_PER_MEAN, 1, 3)));
        assertEquals("at par above 65536 (every larger size's interval contains 1): not faster beyond noise at any "
                + "measured size", Caveats.words(Caveat.of(Caveat.Code.AT_PAR_ABOVE, 65536L)));
    }

    @Test
    void aForkCountIsSingularOrPlural() {
        assertEquals("intervals over iterations, since some rows have only 1 fork: iterations within a fork are not "
                + "independent, so the intervals are too narrow; run >= 3 forks for intervals over fork means",
                Caveats.words(Caveat.of(Caveat.Code.CHUNK_FEW_FORKS, 1, 3)));
        assertEquals("intervals over iterations, since some rows have only 2 forks: iterations within a fork are not "
                + "independent, so the intervals are too narrow; run >= 3 forks for intervals over fork means",
                Caveats.words(Caveat.of(Caveat.Code.CHUNK_FEW_FORKS, 2, 3)));
    }

    @Test
    void everyCodeHasWords() {
        for (Caveat.Code code : Caveat.Code.values()) {
            Object[] values = {2, 3, 4, 5};
            if (code.name().startsWith("WIDE") || code == Caveat.Code.CHUNK_ALSO_WITHIN || code == Caveat.Code.POOR_FIT) {
                values = new Object[] {0.5, 0.5};
            }
            assertEquals(false, Caveats.words(Caveat.of(code, values)).isBlank(), code.name());
        }
    }
}
