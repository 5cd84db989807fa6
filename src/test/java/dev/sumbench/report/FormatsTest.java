package dev.sumbench.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.sumbench.stats.Ratio;
import dev.sumbench.stats.Summary;
import java.util.List;
import org.junit.jupiter.api.Test;

class FormatsTest {

    @Test
    void numbersReadTheSameInEveryLocale() {
        java.util.Locale before = java.util.Locale.getDefault();
        try {
            java.util.Locale.setDefault(java.util.Locale.forLanguageTag("ru-RU"));
            assertEquals("1,000,000", Formats.size(1_000_000L));
            assertEquals("1.85× [1.60, 2.10]", Formats.ratio(new Ratio(1.85, 1.6, 2.1, 0.998)));
            assertEquals("12.3 µs ±4.0%", Formats.time(new Summary(12_345, 11_851.2, 12_838.8, 0.999, 3, List.of())));
        } finally {
            java.util.Locale.setDefault(before);
        }
    }

    @Test
    void intervalsWithoutBoundsOrValues() {
        assertEquals("3.05× [0.00, ∞]", Formats.ratio(new Ratio(3.05, 0, Double.POSITIVE_INFINITY, 0.998)));
        assertEquals("2.00×", Formats.ratio(new Ratio(2, Double.NaN, Double.NaN, Double.NaN)));
        assertEquals("812 ns ±?", Formats.time(new Summary(812, Double.NaN, Double.NaN, 0.999, 2, List.of())));
        assertEquals("99.9%", Formats.confidence(0.999));
        assertEquals("99.99%", Formats.confidence(0.9999));
        assertEquals("46%", Formats.percent(0.46));
        assertEquals("8.4%", Formats.percent(0.084));
        assertEquals("2.1e+09", Formats.size(2.1e9));
    }
}
