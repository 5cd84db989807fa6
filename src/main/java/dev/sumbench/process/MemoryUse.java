package dev.sumbench.process;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Optional;

/**
 * What a process holds in memory, from Linux's {@code /proc/<pid>/smaps_rollup}: its resident set (RSS, every page it
 * has in RAM, shared ones counted in full) and its proportional set (PSS, each shared page divided by the processes
 * that share it, so that the PSS of all processes adds up to the RAM they use).
 *
 * @param rssBytes resident set size
 * @param pssBytes proportional set size
 */
public record MemoryUse(long rssBytes, long pssBytes) {

    /*
     * Implementation notes. smaps_rollup (Linux 4.14+) sums smaps over all mappings in one read, which is cheap enough
     * to call at the end of a benchmark shot (well under a millisecond here for a JVM); /proc/<pid>/status has VmRSS
     * but no PSS, and PSS is the figure that tells what a child JVM really adds (its JDK files are shared with the
     * parent's). The file is opened by the numeric pid, never through the /proc/self link.
     */

    private static final long KIB = 1024;
    private static final double MIB = 1024.0 * 1024.0;

    /** The file read for {@code pid}. */
    public static Path file(long pid) {
        return Path.of("/proc", Long.toString(pid), "smaps_rollup");
    }

    /** The memory of process {@code pid}; empty where {@code /proc/<pid>/smaps_rollup} cannot be read (not Linux). */
    public static Optional<MemoryUse> of(long pid) {
        Path file = file(pid);
        if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
            return Optional.empty();
        }
        try {
            return parse(Files.readString(file, StandardCharsets.US_ASCII));
        } catch (IOException | SecurityException e) {
            return Optional.empty();
        }
    }

    /** This JVM's memory. */
    public static Optional<MemoryUse> ofThisProcess() {
        return of(ProcessHandle.current().pid());
    }

    /** Parses the text of a smaps_rollup file; empty when it lacks the Rss or Pss line. */
    static Optional<MemoryUse> parse(String text) {
        long rss = -1;
        long pss = -1;
        for (String line : text.split("\n")) {
            if (line.startsWith("Rss:")) {
                rss = kib(line);
            } else if (line.startsWith("Pss:")) {
                pss = kib(line);
            }
        }
        return rss < 0 || pss < 0 ? Optional.empty() : Optional.of(new MemoryUse(rss * KIB, pss * KIB));
    }

    private static long kib(String line) {
        String[] words = line.trim().split("\\s+");
        if (words.length != 3 || !words[2].equals("kB")) {
            return -1;
        }
        try {
            return Long.parseLong(words[1]);
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    /** RSS in MiB. */
    public double rssMiB() {
        return rssBytes / MIB;
    }

    /** PSS in MiB. */
    public double pssMiB() {
        return pssBytes / MIB;
    }
}
