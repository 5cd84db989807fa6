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
 * @param threshold the comparison's threshold as given, e.g. {@code 5%}
 */
record AbRequest(String a, String b, int rounds, long seed, String threshold) {

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
