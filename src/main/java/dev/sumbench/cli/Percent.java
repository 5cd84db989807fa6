package dev.sumbench.cli;

import dev.sumbench.core.BadInputException;
import java.util.Locale;

/** Percentages as options take them: {@code 5%}, {@code 5} or {@code 0.5%}; a bare number is a percentage too. */
public final class Percent {

    private Percent() {
    }

    /**
     * The fraction {@code text} stands for (0.05 for {@code 5%}).
     *
     * @throws BadInputException naming {@code option} if it is not a number &gt;= 0, with or without {@code %}
     */
    public static double parse(String option, String text) {
        String number = text.strip();
        if (number.endsWith("%")) {
            number = number.substring(0, number.length() - 1).strip();
        }
        double percent;
        try {
            percent = Double.parseDouble(number);
        } catch (NumberFormatException e) {
            throw new BadInputException(option + ": expected a percentage such as 5%, got '" + text + "'");
        }
        if (!(percent >= 0) || Double.isInfinite(percent)) {
            throw new BadInputException(option + ": expected a percentage >= 0, got '" + text + "'");
        }
        return percent / 100;
    }

    /**
     * The fraction {@code text} stands for, written either way: {@code 5%} or {@code 0.05}. A bare number is a
     * fraction, so it must be at most 1; a larger share is written with {@code %} ({@code 200%}), which leaves no
     * doubt whether {@code 5} meant 5 % or 500 %.
     *
     * @throws BadInputException naming {@code option} if it is neither form of a share &gt;= 0
     */
    public static double fraction(String option, String text) {
        String number = text.strip();
        if (number.endsWith("%")) {
            return parse(option, text);
        }
        double fraction;
        try {
            fraction = Double.parseDouble(number);
        } catch (NumberFormatException e) {
            throw new BadInputException(option + ": expected a share such as 5% or 0.05, got '" + text + "'");
        }
        if (!(fraction >= 0 && fraction <= 1)) {
            throw new BadInputException(option + ": expected a fraction in [0, 1] such as 0.05, or a percentage "
                    + "such as 5%, got '" + text + "'");
        }
        return fraction;
    }

    /** {@code 0.05} as {@code 5%}. */
    static String format(double fraction) {
        return new java.math.BigDecimal(String.format(Locale.ROOT, "%.6g", fraction * 100)).stripTrailingZeros()
                .toPlainString() + "%";
    }
}
