package dev.sumbench.suite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Two benchmark runs in one checkout: the second refuses with one line naming the first; real processes only. */
class BenchLockTest {

    private final List<Process> started = new ArrayList<>();

    @AfterEach
    void leavesNoProcess() throws InterruptedException {
        for (Process process : started) {
            process.destroyForcibly();
            process.waitFor(30, TimeUnit.SECONDS);
        }
    }

    private Process lockTool(String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-cp", System.getProperty("java.class.path"), BenchLock.class.getName()));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).start();
        started.add(process);
        return process;
    }

    private static String firstLine(Process process) throws IOException {
        BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(),
                StandardCharsets.UTF_8));
        return out.readLine();
    }

    @Test
    void aSecondHolderRefusesWithOneLineNamingTheFirstWhileItRuns(@TempDir Path target) throws Exception {
        Path lock = target.resolve("bench.lock");
        Process first = lockTool("hold", lock.toString(), "a benchmark run (first)");
        assertEquals("held", firstLine(first));

        Process second = lockTool("hold", lock.toString(), "a benchmark run (second)");
        assertTrue(second.waitFor(60, TimeUnit.SECONDS));
        assertEquals(BenchLock.TAKEN, second.exitValue());
        String err = new String(second.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(1, err.lines().count(), err);
        assertTrue(err.startsWith("sumbench: another benchmark run or build uses this checkout (" + lock + "): pid "
                + first.pid() + " since "), err);
        assertTrue(err.contains("a benchmark run (first); it is running now"), err);
        Process check = lockTool("check", lock.toString());
        assertTrue(check.waitFor(60, TimeUnit.SECONDS));
        assertEquals(BenchLock.TAKEN, check.exitValue(), "a build's check refuses too");

        first.getOutputStream().close(); // the first run ends
        assertTrue(first.waitFor(60, TimeUnit.SECONDS));
        assertEquals(0, first.exitValue());
        Process third = lockTool("hold", lock.toString(), "a benchmark run (third)");
        assertEquals("held", firstLine(third), "free once the first has ended");
        third.getOutputStream().close();
        assertTrue(third.waitFor(60, TimeUnit.SECONDS));
    }

    @Test
    void aClaimLastsAsLongAsItsOwnerAndADeadOwnersClaimIsFree(@TempDir Path target) throws Exception {
        Path lock = target.resolve("bench.lock");
        Process owner = lockTool("hold", lock.toString(), "the owner");
        assertEquals("held", firstLine(owner));
        owner.getOutputStream().close();
        assertTrue(owner.waitFor(60, TimeUnit.SECONDS));
        // the record is still there, but its process is gone
        assertTrue(Files.readString(lock).startsWith("pid=" + owner.pid() + " "), Files.readString(lock));
        BenchLock.check(lock);

        // a claim made for a live process that is not an ancestor of ours (a sibling) refuses, without fcntl lock
        Process sibling = lockTool("hold", target.resolve("other.lock").toString(), "idle");
        assertEquals("held", firstLine(sibling));
        BenchLock.claim(lock, sibling.toHandle(), "mvn verify -Pbench");
        BenchLock.TakenException taken = org.junit.jupiter.api.Assertions.assertThrows(
                BenchLock.TakenException.class, () -> BenchLock.check(lock));
        assertTrue(taken.getMessage().contains("pid " + sibling.pid()) && taken.getMessage().contains(
                "mvn verify -Pbench; it is still running"), taken.getMessage());
        sibling.getOutputStream().close();
        assertTrue(sibling.waitFor(60, TimeUnit.SECONDS));
        // our own claim (or an ancestor's) never locks us out
        BenchLock.claim(lock, ProcessHandle.current(), "this test");
        BenchLock.check(lock);
        try (BenchLock held = BenchLock.hold(lock, ProcessHandle.current(), "this test")) {
            assertTrue(Files.readString(lock).contains("what=this test"));
        }
    }

    @Test
    void aLockThatIsALinkOrAHardLinkIsRefusedAndItsTargetKept(@TempDir Path target) throws Exception {
        Path victim = Files.writeString(target.resolve("victim.txt"), "the user's text\n");
        Path symbolic = Files.createSymbolicLink(target.resolve("bench.lock"), victim);
        Path hard = Files.createLink(target.resolve("hard.lock"), victim);

        for (Path lock : List.of(symbolic, hard)) {
            Process hold = lockTool("hold", lock.toString(), "a benchmark run");
            assertTrue(hold.waitFor(60, TimeUnit.SECONDS));
            String err = new String(hold.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
            assertEquals(BenchLock.TAKEN, hold.exitValue(), err);
            assertEquals(1, err.lines().count(), err);
            assertTrue(err.startsWith("sumbench: the lock " + lock + " "), err);
            assertTrue(err.contains("so sumbench did not make it; remove it and run again"), err);
            org.junit.jupiter.api.Assertions.assertThrows(BenchLock.TakenException.class, () -> BenchLock.check(lock));
        }
        assertEquals("the user's text\n", Files.readString(victim), "nothing is written through a link");
    }
}
