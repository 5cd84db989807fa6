package dev.sumbench.suite;

import dev.sumbench.core.BadInputException;
import java.util.List;

/**
 * What {@code scripts/bench-ab} asked for: two variants, the rounds and the seed of their order.
 *
 * @param a         variant A as given ({@code JVM[::OPTIONS]})
 * @param b         variant B as given
 * @param rounds    rounds of one fork per variant per trial
 * @param seed      the seed of the per-round order (recorded, so that a run's order can be reproduced)
 * @param threshold the comparison's threshold, 0.05 for 5 %
 */
record AbRequest(String a, String b, int rounds, long seed, double threshold) {

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
