package dev.sumbench.suite;

import dev.sumbench.core.BadInputException;
import java.util.List;

/**
 * What {@code scripts/bench-ab} asked for: two variants, the rounds and the seed of their order.
 *
 * @param a         variant A as given ({@code JVM[::OPTIONS]})
 * @param b         variant B as given
 * @param rounds    rounds of one fork per variant per trial; with {@code maxTime}, the most rounds
 * @param seed      the seed of the per-round order (recorded, so that a run's order can be reproduced)
 * @param threshold the comparison's threshold, 0.05 for 5 %
 * @param maxTime   the time budget of a sequential run (rounds added for the rows still undecided until every row
 *                  is decided or the budget ends), or null for exactly {@code rounds} rounds
 */
record AbRequest(String a, String b, int rounds, long seed, double threshold, java.time.Duration maxTime) {

    /**
     * The duration {@code text} stands for: a whole number with {@code s}, {@code m} or {@code h} ({@code 15m}).
     *
     * @throws BadInputException if it is not one, or not positive
     */
    static java.time.Duration maxTime(String text) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("(\\d{1,6})\\s*([smh])").matcher(text.strip());
        if (!m.matches() || Long.parseLong(m.group(1)) == 0) {
            throw new BadInputException("--max-time: expected a positive time such as 15m, 900s or 1h, got '" + text
                    + "'");
        }
        long n = Long.parseLong(m.group(1));
        return switch (m.group(2)) {
            case "s" -> java.time.Duration.ofSeconds(n);
            case "m" -> java.time.Duration.ofMinutes(n);
            default -> java.time.Duration.ofHours(n);
        };
    }

    /**
     * The fraction {@code text} stands for, as {@code compare --threshold} reads it: {@code 5%}, {@code 5} or
     * {@code 0.5%}.
     *
     * @throws BadInputException if it is not a percentage &gt;= 0
     */
    static double threshold(String text) {
        String number = text.strip();
        if (number.endsWith("%")) {
            number = number.substring(0, number.length() - 1).strip();
        }
        double percent;
        try {
            percent = Double.parseDouble(number);
        } catch (NumberFormatException e) {
            throw new BadInputException("--threshold: expected a percentage such as 5%, got '" + text + "'");
        }
        if (!(percent >= 0) || Double.isInfinite(percent)) {
            throw new BadInputException("--threshold: expected a percentage >= 0, got '" + text + "'");
        }
        return percent / 100;
    }

    /** Separates the JVM from its options in a variant: {@code /usr/lib/jvm/jdk-25::-XX:+UseParallelGC}. */
    static final String SEPARATOR = "::";

    /**
     * A variant as the user wrote it, split: {@code JVM[::OPTIONS]}, where JVM is a {@code java} executable or a JDK
     * home (empty: the JVM running the suite) and OPTIONS are JVM options split at white space like a shell does.
     *
     * @param name    {@code A} or {@code B}
     * @param spec    the text given
     * @param jvm     the JVM part, or null for the one running the suite
     * @param options the JVM options
     */
    record Variant(String name, String spec, String jvm, List<String> options) {

        static Variant parse(String name, String spec) {
            int at = spec.indexOf(SEPARATOR);
            String jvm = (at < 0 ? spec : spec.substring(0, at)).strip();
            List<String> options = at < 0 ? List.of() : JmhArgs.split(spec.substring(at + SEPARATOR.length()));
            for (String option : options) {
                if (!option.startsWith("-")) {
                    throw new BadInputException("bench-ab variant " + name + " (" + spec + "): '" + option
                            + "' is not a JVM option; write JVM::OPTIONS, e.g. ::-XX:+UseParallelGC");
                }
            }
            return new Variant(name, spec, jvm.isEmpty() ? null : jvm, options);
        }
    }
}
