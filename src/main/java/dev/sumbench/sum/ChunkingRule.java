package dev.sumbench.sum;

import java.util.Arrays;
import java.util.Locale;

/**
 * Which rule decides the chunks of a range when a strategy is given {@code chunk = 0} (see {@link DefaultChunking}).
 * The system property {@value #PROPERTY} sets the rule of every {@link Settings} made without one, so a JMH fork can
 * be switched with {@code -jvmArgsAppend -Dsumbench.chunking=fixed}.
 */
public enum ChunkingRule {
    /** Split only where the measured rule says it pays: {@link SplitCosts}, with the strategy's measured costs. */
    ADAPTIVE("adaptive"),
    /** The former size rule: chunks of at least {@link DefaultChunking#MIN_PARALLEL_CHUNK}, a count per worker. */
    FIXED("fixed");

    /** The system property that picks the default rule. */
    public static final String PROPERTY = "sumbench.chunking";

    private final String id;

    ChunkingRule(String id) {
        this.id = id;
    }

    /** The name users type: {@code adaptive} or {@code fixed}. */
    public String id() {
        return id;
    }

    /**
     * The rule named {@code text}.
     *
     * @throws IllegalArgumentException naming the choices, if {@code text} names none
     */
    public static ChunkingRule parse(String text) {
        String wanted = text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(rule -> rule.id.equals(wanted)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("expected adaptive or fixed, got '" + text + "'"));
    }

    /** The rule of {@value #PROPERTY}, {@link #ADAPTIVE} when it is not set. */
    public static ChunkingRule fromSystemProperty() {
        String value = System.getProperty(PROPERTY);
        return value == null ? ADAPTIVE : parse(value);
    }
}
