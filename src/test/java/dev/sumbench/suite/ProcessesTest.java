package dev.sumbench.suite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Helper commands that misbehave: real processes, killed with their children at the deadline or at too much output. */
class ProcessesTest {

    @TempDir
    Path dir;

    @Test
    void aChildThatKeepsStdoutOpenPastTheDeadlineIsKilledWithItsTree() throws Exception {
        Path pidFile = dir.resolve("sleep.pid");
        List<String> command = List.of("sh", "-c", "sleep 100 & echo $! > '" + pidFile + "'; wait");
        try {
            IOException e = assertTimeoutPreemptively(Duration.ofSeconds(10), () -> assertThrows(IOException.class,
                    () -> Processes.run(command, null, Duration.ofSeconds(1))));

            assertEquals("sh did not finish within 1 s; killed with 1 child process", e.getMessage());
            ProcessHandle sleep = sleep(pidFile).orElseThrow();
            assertTrue(sleep.onExit().thenApply(p -> true).completeOnTimeout(false, 5,
                    java.util.concurrent.TimeUnit.SECONDS).get(), "the child is dead");
        } finally {
            sleep(pidFile).ifPresent(ProcessHandle::destroyForcibly);
        }
    }

    @Test
    void aCommandThatPrintsWithoutEndIsStoppedAtTheBound() {
        IOException e = assertTimeoutPreemptively(Duration.ofSeconds(10), () -> assertThrows(IOException.class,
                () -> Processes.run(List.of("yes"), null, Duration.ofSeconds(60))));

        assertEquals("yes wrote more than 1 MiB to stdout; stopped", e.getMessage());
    }

    @Test
    void aCommandThatEndsGivesItsOutputAndExitCode() throws IOException {
        Processes.Output output = Processes.run(List.of("sh", "-c", "echo out; echo err >&2; exit 3"), null,
                Duration.ofSeconds(10));

        assertEquals(new Processes.Output(3, "out\n", "err\n"), output);
    }

    private static Optional<ProcessHandle> sleep(Path pidFile) throws IOException {
        if (!Files.exists(pidFile) || Files.readString(pidFile).isBlank()) {
            return Optional.empty();
        }
        return ProcessHandle.of(Long.parseLong(Files.readString(pidFile).strip()));
    }
}
