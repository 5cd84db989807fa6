package dev.sumbench.suite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * What {@code mvn verify -Pbench} runs: BenchLauncher ends with BenchMain's exit code and adds nothing to its output.
 * Real child JVMs, started as Maven's exec:java would (the class path stands in for the jar).
 */
class BenchLauncherTest {

    /** Generous: two JVM starts on a loaded machine. */
    private static final long DEADLINE_SECONDS = 120;

    private record Outcome(int exitCode, String out, String err) {
    }

    private static Outcome launch(String... benchArgs) throws IOException, InterruptedException {
        String javaBin = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String classPath = System.getProperty("java.class.path");
        List<String> command = new java.util.ArrayList<>(List.of(javaBin, "-cp", classPath,
                BenchLauncher.class.getName(), javaBin, classPath, System.getProperty("user.dir")));
        command.addAll(List.of(benchArgs));
        Process process = new ProcessBuilder(command).start();
        process.getOutputStream().close();
        var out = process.getInputStream();
        var err = process.getErrorStream();
        java.util.concurrent.CompletableFuture<String> outText = java.util.concurrent.CompletableFuture.supplyAsync(
                () -> read(out));
        java.util.concurrent.CompletableFuture<String> errText = java.util.concurrent.CompletableFuture.supplyAsync(
                () -> read(err));
        if (!process.waitFor(DEADLINE_SECONDS, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("BenchLauncher did not end within " + DEADLINE_SECONDS + " s");
        }
        return new Outcome(process.exitValue(), outText.join(), errText.join());
    }

    private static String read(java.io.InputStream in) {
        try {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void badInputEndsWithTheOneLineErrorAndExitCodeTwo() throws Exception {
        Outcome outcome = launch("--include=NoSuchBench");
        assertEquals(2, outcome.exitCode(), outcome.err());
        assertEquals(1, outcome.err().lines().count(), outcome.err());
        assertTrue(outcome.err().startsWith("sumbench: no benchmark matches NoSuchBench"), outcome.err());
        assertEquals("", outcome.out());
    }

    @Test
    void successEndsWithExitCodeZero() throws Exception {
        Outcome outcome = launch("--dry-run", "--include=SpawnBenchmark");
        assertEquals(0, outcome.exitCode(), outcome.err());
        assertTrue(outcome.out().contains("SpawnBenchmark"), outcome.out());
    }
}
