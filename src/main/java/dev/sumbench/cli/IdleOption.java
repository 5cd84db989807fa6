package dev.sumbench.cli;

import dev.sumbench.core.BadInputException;
import dev.sumbench.sum.IdleTime;

/** The {@code --idle} option of {@code demo} and {@code race} ({@code sum} reports it with its usage hint). */
final class IdleOption {

    private IdleOption() {
    }

    /** The idle time {@code text} names, in nanoseconds, or bad input naming {@code --idle}. */
    static long parseNanos(String text) {
        try {
            return IdleTime.parseNanos(text);
        } catch (IllegalArgumentException e) {
            throw new BadInputException("--idle: " + e.getMessage());
        }
    }
}
