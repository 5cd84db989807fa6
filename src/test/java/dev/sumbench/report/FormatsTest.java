package dev.sumbench.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.sumbench.results.ScoreUnit;
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
        // [0, ∞] says nothing: left out (a quick run printed it in every cell)
        assertEquals("3.05×", Formats.ratio(new Ratio(3.05, 0, Double.POSITIVE_INFINITY, 0.998)));
        assertEquals("4.19× [0, 234]", Formats.ratio(new Ratio(4.19, 0, 234, 0.998)));
        assertEquals("2.00×", Formats.ratio(new Ratio(2, Double.NaN, Double.NaN, Double.NaN)));
        assertEquals("812 ns ±?", Formats.time(new Summary(812, Double.NaN, Double.NaN, 0.999, 2, List.of())));
        assertEquals("99.9%", Formats.confidence(0.999));
        assertEquals("99.99%", Formats.confidence(0.9999));
        assertEquals("46%", Formats.percent(0.46));
        assertEquals("8.4%", Formats.percent(0.084));
        assertEquals("2.1e+09", Formats.size(2.1e9));
    }

    @Test
    void everyValueKeepsAtLeastThreeSignificantDigits() {
        // hand-worked: digits before the point, then decimals up to three significant digits, half-up rounding
        assertEquals("0.00904", Formats.significant(0.009038));
        assertEquals("0.00939", Formats.significant(0.009394));
        assertEquals("0.0115", Formats.significant(0.01148));
        assertEquals("0.00654", Formats.significant(0.00654));
        assertEquals("0.00422", Formats.significant(0.004215));
        assertEquals("0.500", Formats.significant(0.5));
        assertEquals("1.25", Formats.significant(1.2549));
        assertEquals("12.3", Formats.significant(12.345));
        assertEquals("812", Formats.significant(812.4));
        assertEquals("1235", Formats.significant(1234.5));
        assertEquals("12188133826", Formats.significant(12188133826.0));
        assertEquals("100", Formats.significant(99.96));
        assertEquals("-0.0450", Formats.significant(-0.045));
        assertEquals("0", Formats.significant(0));
        assertEquals("3.00e-09", Formats.significant(3e-9));
        assertEquals("1.23e-05", Formats.significant(1.2345e-5));
        assertEquals("NaN", Formats.significant(Double.NaN));
        assertEquals("∞", Formats.significant(Double.POSITIVE_INFINITY));
    }

    @Test
    void timesAreScaledLikeBenchstat() {
        assertEquals("12.2 s/op", Formats.score(12188133826.0, ScoreUnit.parse("ns/op")));
        assertEquals("11.5 µs/op", Formats.score(0.01148, ScoreUnit.parse("ms/op")));
        assertEquals("6.54 µs/op", Formats.score(0.00654, ScoreUnit.parse("ms/op")));
        assertEquals("3.00 ns/op", Formats.score(3e-9, ScoreUnit.parse("s/op")));
        assertEquals("0.300 ns/op", Formats.score(0.3, ScoreUnit.parse("ns/op")));
        assertEquals("100 ms/op", Formats.score(99.954, ScoreUnit.parse("ms/op")));
        assertEquals("1.00 µs/op", Formats.score(999.7, ScoreUnit.parse("ns/op")));
        assertEquals("999 ns/op", Formats.score(999.2, ScoreUnit.parse("ns/op")));
        assertEquals("120 s/op", Formats.score(2, ScoreUnit.parse("min/op")));
        // throughput and other units keep JMH's unit, with three significant digits
        assertEquals("0.00904 ops/ms", Formats.score(0.009038, ScoreUnit.parse("ops/ms")));
        assertEquals("8017 B/op", Formats.score(8016.6, ScoreUnit.parse("B/op")));
        assertEquals("812 ns", Formats.duration(812));
        assertEquals("12.3 µs", Formats.duration(12_345));
        assertEquals("1.25 s", Formats.duration(1.25e9));
        assertEquals("1000 s", Formats.duration(1e12));
    }

    @Test
    void aScaleAppliesToTheErrorAsToTheScore() {
        Formats.Scale scale = Formats.scale(1767.8, ScoreUnit.parse("ns/op"));
        assertEquals("µs/op", scale.unit());
        assertEquals("1.77", scale.format(1767.8));
        assertEquals("42.2", scale.format(42215.4));
        assertEquals("NaN", scale.format(Double.NaN));
    }
}
