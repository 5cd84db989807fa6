package dev.sumbench.process;

/**
 * The start-up baseline of {@code process-spawn}: a main that does nothing. Started with the same {@code java}, class
 * path and options as a {@link Worker} ({@link WorkerLauncher#bareCommand()}), the time until it has exited is the
 * least any spawned worker can cost.
 */
public final class BareJvm {

    private BareJvm() {
    }

    public static void main(String[] args) {
        // Nothing: the JVM's own start and exit are what is measured.
    }
}
