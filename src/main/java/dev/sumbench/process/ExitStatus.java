package dev.sumbench.process;

/**
 * How a child ended, in words: {@link Process#exitValue()} reports a death by signal N as {@code 128 + N} on Unix.
 *
 * @param code the exit value, or {@link #STILL_RUNNING} if the process had not exited when asked
 */
record ExitStatus(int code) {

    /** The process had not exited (it was then killed by the pool). */
    static final int STILL_RUNNING = Integer.MIN_VALUE;

    /** Exit values above this are {@code 128 + signal} on Unix. */
    private static final int SIGNAL_BASE = 128;
    /** Highest signal number Linux defines. */
    private static final int MAX_SIGNAL = 64;

    /** The signal that killed the process, or 0 if it exited by itself (or we cannot tell). */
    int signal() {
        boolean unix = !System.getProperty("os.name", "").startsWith("Windows");
        return unix && code > SIGNAL_BASE && code <= SIGNAL_BASE + MAX_SIGNAL ? code - SIGNAL_BASE : 0;
    }

    /** "killed by signal 9 (SIGKILL; exit code 137)", "exited with code 1", or "did not exit". */
    String describe() {
        if (code == STILL_RUNNING) {
            return "did not exit";
        }
        int signal = signal();
        if (signal > 0) {
            return "was killed by signal " + signal + " (" + signalName(signal) + "; exit code " + code + ")";
        }
        return "exited with code " + code + meaning(code);
    }

    private static String meaning(int code) {
        return switch (code) {
            case Protocol.EXIT_OK -> " (normal exit)";
            case Protocol.EXIT_MALFORMED -> " (it received an invalid frame)";
            case Protocol.EXIT_SOFTWARE -> " (an unexpected error in the worker)";
            case Protocol.EXIT_IO -> " (an I/O error in the worker)";
            default -> "";
        };
    }

    static String signalName(int signal) {
        return switch (signal) {
            case 1 -> "SIGHUP";
            case 2 -> "SIGINT";
            case 3 -> "SIGQUIT";
            case 4 -> "SIGILL";
            case 6 -> "SIGABRT";
            case 7 -> "SIGBUS";
            case 8 -> "SIGFPE";
            case 9 -> "SIGKILL";
            case 11 -> "SIGSEGV";
            case 13 -> "SIGPIPE";
            case 14 -> "SIGALRM";
            case 15 -> "SIGTERM";
            default -> "signal " + signal;
        };
    }
}
