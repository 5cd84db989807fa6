package dev.sumbench.sum;

import java.util.Arrays;
import java.util.Locale;

/**
 * How a program calls a strategy, which decides what one hand-off costs: back to back (a loop of sums; the pool's
 * threads are still awake and spinning down) or after idle (an occasional sum; parked threads must be woken first, and
 * that costs several times more). A chunking profile says which pattern it was tuned for.
 */
public enum UsePattern {
    /** Calls follow each other at once: the pattern of a JMH benchmark loop and of {@code sum --repeat}. */
    BACK_TO_BACK("back-to-back"),
    /** Each call comes after the pool has gone idle: the pattern of an occasional sum. */
    AFTER_IDLE("after-idle");

    private final String id;

    UsePattern(String id) {
        this.id = id;
    }

    /** The name users type: {@code back-to-back} or {@code after-idle}. */
    public String id() {
        return id;
    }

    /**
     * The pattern named {@code text}.
     *
     * @throws IllegalArgumentException naming the choices, if {@code text} names none
     */
    public static UsePattern parse(String text) {
        String wanted = text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(p -> p.id.equals(wanted)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("expected back-to-back or after-idle, got '"
                        + text + "'"));
    }
}
