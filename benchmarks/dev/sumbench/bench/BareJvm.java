package dev.sumbench.bench;

/** A main that does nothing: what SpawnBenchmark starts to time a bare JVM start-up and exit. */
public final class BareJvm {

    private BareJvm() {
    }

    public static void main(String[] args) {
        // nothing: the JVM's own start-up and exit are what is measured
    }
}
