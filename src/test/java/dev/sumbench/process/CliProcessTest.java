package dev.sumbench.process;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sumbench.cli.Main;
import dev.sumbench.core.ExitCodes;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The command line with worker processes: the demo, the crash demo, a worker killed from outside under
 * {@code sumbench sum}, and the parent itself killed with SIGKILL. The last two run the CLI as a real child JVM.
 */
class CliProcessTest {

    /** The deadline docs/processes.md states: exit after a worker's death, and children gone after the parent's. */
    private static final Duration TWO_SECONDS = Duration.ofSeconds(2);

    @Test
    void demoSumsOneToTenTo55WithEveryProcessStrategy() {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.newCommandLine(new PrintWriter(out), new PrintWriter(err))
                .execute("demo", "--repeat", "3", "--format", "csv");
        assertEquals(ExitCodes.OK, code, err.toString());
        List<String> rows = out.toString().lines().filter(line -> line.startsWith("process-")).toList();
        assertEquals(3, rows.size(), out.toString());
        for (String id : List.of("process-pipe", "process-shared", "process-spawn")) {
            assertTrue(rows.stream().anyMatch(row -> row.startsWith(id + ",55,")), id + " in " + rows);
        }
    }

    @Test
    void crashDemoKillsAWorkerAndExplainsTheFailure() {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.newCommandLine(new PrintWriter(out), new PrintWriter(err)).execute("demo", "--crash");
        assertEquals(ExitCodes.OK, code, "a demonstration exits 0: " + err);
        String text = out.toString();
        assertTrue(text.matches("(?s).*The sum failed .* after the kill of pid \\d+ with BrokenPoolException:\\R"
                + "  process pool broken: worker 1 \\(pid \\d+\\) was killed by signal 9 \\(SIGKILL; exit code 137\\) "
                + "while it held chunk 1 of 2 \\[500000, 1000000\\); stderr tail: .*"), text);
        assertTrue(text.contains("The pool was closed: every worker process reaped."), text);
        assertEquals("", err.toString());
    }

    @Tag(Timing.TAG)
    @Test
    void sumExitsWithTheWorkersMessageWithinTwoSecondsWhenAWorkerIsKilled(@TempDir Path dir) throws Exception {
        Process cli = startCli(dir, "sum", "--strategy", "process-pipe", "--size", "2000000", "--workers", "2",
                "--repeat", "1000000");
        try {
            List<ProcessHandle> workers = awaitWorkers(cli, "reading data",
                    worker -> bytesRead(worker) > 40L << 20);
            ProcessHandle victim = workers.get(1);
            ProcessHandle survivor = workers.get(0);
            long killedAt = System.nanoTime();
            victim.destroyForcibly();
            assertTrue(cli.waitFor(TWO_SECONDS.toMillis() + 2_000, TimeUnit.MILLISECONDS), "the CLI exits");
            long took = System.nanoTime() - killedAt;
            List<String> errLines = Files.readAllLines(dir.resolve("err"));
            assertEquals(ExitCodes.FAILURE, cli.exitValue(), String.join("\n", errLines));
            assertTrue(took < TWO_SECONDS.toNanos(), "exited " + took / 1_000_000 + " ms after the kill");
            assertEquals(1, errLines.size(), "one line: " + errLines);
            assertTrue(errLines.get(0).matches("sumbench sum: error: process pool broken: worker [01] \\(pid "
                    + victim.pid() + "\\) was killed by signal 9 \\(SIGKILL; exit code 137\\) while .*"),
                    errLines.get(0));
            assertTrue(ProcessTesting.exited(survivor.pid()), "the other worker is gone too");
        } finally {
            cli.destroyForcibly().waitFor();
        }
    }

    @Tag(Timing.TAG)
    @Test
    void killingTheParentWithSigkillEndsEveryWorkerWithinTwoSecondsAndLeavesNoFile(@TempDir Path dir)
            throws Exception {
        Process cli = startCli(dir, "sum", "--strategy", "process-shared", "--size", "10000000", "--workers", "2",
                "--repeat", "100000");
        List<ProcessHandle> workers;
        try {
            // Each worker has mapped the data and the file is already unlinked: the steady state of a benchmark.
            workers = awaitWorkers(cli, "mapping the data",
                    worker -> mapsOf(worker).contains(SharedDirectory.PREFIX) && mapsOf(worker).contains("(deleted)"));
        } finally {
            cli.destroyForcibly().waitFor();
        }
        ProcessTesting.awaitCondition(TWO_SECONDS, "every worker exited after its parent was killed",
                () -> workers.stream().allMatch(worker -> ProcessTesting.exited(worker.pid())));
        assertEquals(List.of(), ProcessTesting.sharedDirectoriesOf(cli.pid()), "a file of the killed parent");
    }

    /**
     * SIGINT (Ctrl-C) and SIGTERM of the CLI: the JVM runs its exit hook, which kills the workers, and the shared data
     * is gone; the exit code is 128 + the signal.
     */
    @Test
    void sigintAndSigtermOfTheCliEndEveryWorkerAndLeaveNoFile(@TempDir Path dir) throws Exception {
        for (String[] signal : new String[][] {{"INT", "130"}, {"TERM", "143"}}) {
            Process cli = startCli(dir, "sum", "--strategy", "process-shared", "--size", "1000000", "--workers", "2",
                    "--repeat", "1000000");
            List<ProcessHandle> workers;
            try {
                workers = awaitWorkers(cli, "mapping the data", worker -> mapsOf(worker).contains("(deleted)"));
                new ProcessBuilder("kill", "-" + signal[0], Long.toString(cli.pid())).start().waitFor();
                assertTrue(cli.waitFor(30, TimeUnit.SECONDS), "the CLI exits on SIG" + signal[0]);
                assertEquals(Integer.parseInt(signal[1]), cli.exitValue(), "SIG" + signal[0]);
            } finally {
                cli.destroyForcibly().waitFor();
            }
            ProcessTesting.awaitCondition(TWO_SECONDS, "every worker exited after SIG" + signal[0],
                    () -> workers.stream().allMatch(worker -> ProcessTesting.exited(worker.pid())));
            assertEquals(List.of(), ProcessTesting.sharedDirectoriesOf(cli.pid()), "a file left after SIG" + signal[0]);
        }
    }

    private static Process startCli(Path dir, String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(WorkerLauncher.currentJava().toString(), "-Xmx512m", "-cp",
                System.getProperty("java.class.path"), Main.class.getName()));
        command.addAll(List.of(args));
        return new ProcessBuilder(command).redirectOutput(dir.resolve("out").toFile())
                .redirectError(dir.resolve("err").toFile()).start();
    }

    /** Waits until the CLI has two worker children that all satisfy {@code condition}. */
    private static List<ProcessHandle> awaitWorkers(Process cli, String what,
                                                    java.util.function.Predicate<ProcessHandle> condition) {
        List<List<ProcessHandle>> found = new ArrayList<>(List.of(List.of()));
        ProcessTesting.awaitCondition(ProcessTesting.JVM_START, "the CLI's two workers are " + what, () -> {
            if (!cli.isAlive()) {
                throw new AssertionError("the CLI exited early with code " + cli.exitValue());
            }
            List<ProcessHandle> children = cli.toHandle().children().toList();
            found.set(0, children);
            return children.size() == 2 && children.stream().allMatch(condition);
        });
        return found.get(0);
    }

    /** Bytes a process has read so far (rchar of /proc/<pid>/io), 0 if unknown. */
    private static long bytesRead(ProcessHandle process) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/" + process.pid() + "/io"))) {
                if (line.startsWith("rchar:")) {
                    return Long.parseLong(line.substring("rchar:".length()).strip());
                }
            }
        } catch (IOException | RuntimeException e) {
            // not (yet) readable
        }
        return 0;
    }

    private static String mapsOf(ProcessHandle process) {
        try {
            return Files.readString(Path.of("/proc/" + process.pid() + "/maps"));
        } catch (IOException | RuntimeException e) {
            return "";
        }
    }
}
