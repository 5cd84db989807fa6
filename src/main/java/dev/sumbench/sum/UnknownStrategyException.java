package dev.sumbench.sum;

/** Thrown for a strategy id that no provider on this JVM offers; the message lists the available ids. */
public final class UnknownStrategyException extends IllegalArgumentException {

    public UnknownStrategyException(String id, Iterable<String> available) {
        super("Unknown strategy: " + id + " (available: " + String.join(", ", available) + ")");
    }
}
