package dev.sumbench.process;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** A pool that cannot start fails with a clear exception, never hangs, and leaves no child behind. */
class PoolStartTest {

    @AfterEach
    void leavesNoChild() {
        assertEquals(List.of(), ProcessTesting.descendants(), "children left after a failed start");
        ProcessTesting.awaitCondition(Duration.ofSeconds(5), "the worker threads ended",
                () -> ProcessTesting.workerThreads().isEmpty());
    }

    @Test
    void aClassPathThatCannotWorkFailsTheStartWithTheJvmsOwnWords() {
        WorkerLauncher broken = WorkerLauncher.defaults().withClassPath("/nonexistent/sumbench-missing.jar");
        PoolStartException e = assertThrows(PoolStartException.class, () -> ProcessPool.start(2, broken));
        assertTrue(e.getMessage().matches("worker \\d \\(pid \\d+\\) exited with code 1 before saying hello; "
                + "stderr tail: .*Could not find or load main class dev\\.sumbench\\.process\\.Worker.*"),
                e.getMessage());
    }

    @Test
    void aChildThatExitsAtOnceFailsTheStart() {
        PoolStartException e = assertThrows(PoolStartException.class, () -> ProcessPool.start(1,
                WorkerLauncher.defaults().withMainClass(FakeWorkers.ExitAtOnce.class.getName())));
        assertTrue(e.getMessage().matches("worker 0 \\(pid \\d+\\) exited with code 3 before saying hello; "
                + "stderr tail: fake worker: giving up at once"), e.getMessage());
    }

    @Test
    void aChildOfAnotherProtocolVersionFailsTheStart() {
        PoolStartException e = assertThrows(PoolStartException.class, () -> ProcessPool.start(1,
                WorkerLauncher.defaults().withMainClass(FakeWorkers.WrongVersion.class.getName())));
        assertTrue(e.getMessage().contains("did not say a proper hello: it speaks protocol version 99, this pool "
                + "version " + Protocol.VERSION), e.getMessage());
    }

    @Test
    void aChildThatPrintsOnStdoutFailsTheStartShowingWhatItPrinted() {
        PoolStartException e = assertThrows(PoolStartException.class, () -> ProcessPool.start(1,
                WorkerLauncher.defaults().withMainClass(FakeWorkers.ChattyStdout.class.getName())));
        assertTrue(e.getMessage().contains("its stdout does not begin with a hello frame: it begins with "
                + "48 65 6C 6C 6F 20 (\"Hello \")"), e.getMessage());
    }

    @Tag(Timing.TAG)
    @Test
    void aSilentChildFailsTheStartAtTheTimeout() {
        Duration timeout = Duration.ofSeconds(2);
        long start = System.nanoTime();
        PoolStartException e = assertThrows(PoolStartException.class, () -> ProcessPool.start(1,
                WorkerLauncher.defaults().withMainClass(FakeWorkers.Silent.class.getName())
                        .withStartTimeout(timeout)));
        long took = System.nanoTime() - start;
        assertTrue(e.getMessage().matches("worker 0 \\(pid \\d+\\) did not say hello within 2000 ms \\(.*java.*"
                + "FakeWorkers\\$Silent 0\\); stderr tail: \\(empty\\)"), e.getMessage());
        assertTrue(took >= timeout.toNanos() && took < timeout.toNanos() + Duration.ofSeconds(10).toNanos(),
                "took " + took / 1_000_000 + " ms");
    }

    @Test
    void aJavaThatDoesNotExistFailsTheStart() {
        WorkerLauncher defaults = WorkerLauncher.defaults();
        WorkerLauncher missing = new WorkerLauncher(Path.of("/nonexistent/bin/java"), defaults.classPath(),
                defaults.jvmOptions(), defaults.mainClass(), defaults.startTimeout());
        PoolStartException e = assertThrows(PoolStartException.class, () -> ProcessPool.start(1, missing));
        assertTrue(e.getMessage().startsWith("cannot start worker 0 with /nonexistent/bin/java: "), e.getMessage());
    }

    @Test
    void aPoolNeedsOneTo256Workers() {
        assertThrows(IllegalArgumentException.class, () -> ProcessPool.start(0, WorkerLauncher.defaults()));
        assertThrows(IllegalArgumentException.class,
                () -> ProcessPool.start(ProcessPool.MAX_WORKERS + 1, WorkerLauncher.defaults()));
    }
}
