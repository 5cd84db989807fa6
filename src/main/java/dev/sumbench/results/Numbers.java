package dev.sumbench.results;

import java.math.BigDecimal;
import java.util.regex.Pattern;

/** Numbers as JMH writes them: {@code 528.857143}, {@code 528,857143} (a comma-decimal locale), NaN, infinities. */
final class Numbers {

    /* Implementation notes
     * The digits are checked against a strict pattern and then read by BigDecimal, so "1.2.3", "12abc" or a grouping
     * separator are refused instead of being read as something else. JMH's CSV writes NaN and Infinity as Java's
     * String.format does ("NaN", "Infinity", "∞" in some locales); its JSON writes "NaN", "+INF" and "-INF". */

    private static final Pattern PLAIN = Pattern.compile("[+-]?(\\d+(\\.\\d*)?|\\.\\d+)([eE][+-]?\\d+)?");

    /**
     * Why {@code score} cannot be the primary score of a JMH row, or null if it can: JMH measures finite, non-negative
     * scores, and a time per operation ({@code .../op}) of zero is no measurement either. Such a value is refused
     * rather than shown as data.
     */
    static String scoreProblem(double score, String unit) {
        if (!Double.isFinite(score)) {
            return "a finite score (JMH measures no NaN or infinite score)";
        }
        if (score < 0) {
            return "a score >= 0 (JMH measures no negative score)";
        }
        if (score == 0 && unit != null && unit.endsWith("/op")) {
            return "a time per operation > 0";
        }
        return null;
    }

    private Numbers() {
    }

    /** {@code text} with {@code decimal} as its decimal separator, or {@code null} when it is not a number. */
    static Double parse(String text, char decimal) {
        String value = text.strip();
        switch (value) {
            case "NaN", "nan", "NAN":
                return Double.NaN;
            case "Infinity", "+Infinity", "+INF", "INF", "inf", "\u221E", "+\u221E":
                return Double.POSITIVE_INFINITY;
            case "-Infinity", "-INF", "-inf", "-\u221E":
                return Double.NEGATIVE_INFINITY;
            default:
                break;
        }
        if (decimal != '.') {
            if (value.indexOf('.') >= 0) {
                return null;
            }
            value = value.replace(decimal, '.');
        }
        if (!PLAIN.matcher(value).matches()) {
            return null;
        }
        return new BigDecimal(value).doubleValue();
    }
}
