package dev.sumbench.cli;

import dev.sumbench.sum.ChunkProfiles;
import dev.sumbench.sum.ChunkingStrategy;
import dev.sumbench.sum.JdkParallelStream;
import dev.sumbench.sum.SumStrategy;
import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** What {@code sum --verbose} and {@code demo} say about a strategy's default chunking, and about a foreign profile. */
final class ChunkingNotes {

    /*
     * Implementation notes. The host and CPU are found the way the suite records them in a run's metadata (the
     * first label of the host name in file-name-safe characters; /proc/cpuinfo's model name), so that a profile tuned
     * from a run of this machine compares equal. Written here rather than shared with the suite, which the command
     * line does not depend on; where the OS does not say, the field is unknown and never differs.
     */

    private static final Pattern MODEL_NAME = Pattern.compile("(?m)^model name\\s*:\\s*(.+)$");

    private ChunkingNotes() {
    }

    /** The rule with this run's measured inputs and the decision for {@code n} elements, in one line. */
    static String describe(SumStrategy strategy, int n) {
        return strategy instanceof ChunkingStrategy chunking ? chunking.decider().describe(n)
                : strategy.id() + ": does not chunk (" + (strategy.id().equals(JdkParallelStream.ID)
                ? "the JDK splits it on the common pool" : "it always sums in the caller") + ")";
    }

    /** How the machine and JVM a profile was measured on differ from this one; empty when they do not (or unknown). */
    static List<String> differencesFromHere(ChunkProfiles.Document document) {
        if (document.origin() == null) {
            return List.of();
        }
        ChunkProfiles.Origin here = new ChunkProfiles.Origin(host(), cpuModel(),
                System.getProperty("java.vendor"), Runtime.version().feature(),
                Runtime.getRuntime().availableProcessors());
        return document.origin().differences(here);
    }

    /** This host's name as a run's metadata records it, or null. */
    static String host() {
        try {
            String label = InetAddress.getLocalHost().getHostName().strip();
            int dot = label.indexOf('.');
            label = (dot > 0 ? label.substring(0, dot) : label).replaceAll("[^A-Za-z0-9-]", "-");
            return label.isEmpty() ? null : label.toLowerCase(Locale.ROOT);
        } catch (IOException e) {
            return null;
        }
    }

    /** The CPU model of /proc/cpuinfo, or null where there is none. */
    static String cpuModel() {
        try {
            Path cpuinfo = Path.of("/proc/cpuinfo");
            if (Files.isReadable(cpuinfo)) {
                Matcher m = MODEL_NAME.matcher(Files.readString(cpuinfo));
                if (m.find()) {
                    return m.group(1).strip();
                }
            }
        } catch (IOException e) {
            // unknown: never differs
        }
        return null;
    }
}
