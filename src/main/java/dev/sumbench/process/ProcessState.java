package dev.sumbench.process;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** A process's scheduling state as Linux shows it in {@code /proc/<pid>/stat}, for messages. */
final class ProcessState {

    private ProcessState() {
    }

    /**
     * "state T: stopped", "state R: running", ... or "state unknown" where there is no {@code /proc} (the state is the
     * first field after the command name in parentheses, which may itself contain spaces and parentheses).
     */
    static String describe(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            int end = stat.lastIndexOf(')');
            if (end < 0 || end + 2 >= stat.length()) {
                return "state unknown";
            }
            char state = stat.charAt(end + 2);
            return "state " + state + ": " + meaning(state);
        } catch (IOException | RuntimeException e) {
            return "state unknown";
        }
    }

    private static String meaning(char state) {
        return switch (state) {
            case 'R' -> "running";
            case 'S' -> "sleeping";
            case 'D' -> "waiting for I/O";
            case 'T' -> "stopped";
            case 't' -> "stopped by a tracer";
            case 'Z' -> "exited, not reaped";
            default -> "see proc(5)";
        };
    }
}
