package dev.sumbench.process;

/**
 * The JUnit tag of the tests that assert a wall-clock bound (a dead worker noticed within a second, the command line
 * gone within two): they pass on an idle machine and may fail on one so loaded that a JVM waits seconds for a core.
 * They run with every {@code mvn verify}; skip them on purpose with {@code -DexcludedGroups=timing}, or run only them
 * with {@code -Dgroups=timing} (docs/architecture.md, "Tests").
 */
final class Timing {

    /** The tag's name, as surefire's {@code groups} and {@code excludedGroups} take it. */
    static final String TAG = "timing";

    private Timing() {
    }
}
