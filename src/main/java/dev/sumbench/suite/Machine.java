package dev.sumbench.suite;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** What a run records about the machine and the sources, found without privileges; "unknown" where the OS won't say. */
final class Machine {

    static final String UNKNOWN = "unknown";

    /** git and lscpu answer at once; a hung NFS mount should not hang the run. */
    private static final Duration HELPER_DEADLINE = Duration.ofSeconds(20);
    private static final Pattern MODEL_NAME = Pattern.compile("(?m)^model name\\s*:\\s*(.+)$");
    private static final Pattern LSCPU_MODEL_NAME = Pattern.compile("(?m)^Model name:\\s*(.+)$");
    private static final Pattern COMMIT = Pattern.compile("[0-9a-f]{40}");

    private Machine() {
    }

    /**
     * The state of the sources.
     *
     * @param commit the commit checked out, or {@value #UNKNOWN} outside a git work tree
     * @param dirty  whether tracked files differ from it or untracked, not ignored files exist
     */
    record GitState(String commit, boolean dirty) {
    }

    /** This host's name, first label only, in the characters a file name may safely hold. */
    static String host() {
        String name;
        try {
            name = InetAddress.getLocalHost().getHostName();
        } catch (IOException e) {
            name = Optional.ofNullable(System.getenv("HOSTNAME")).orElse(UNKNOWN);
        }
        return fileNameSafe(name);
    }

    /** {@code name} up to its first dot, with every character but letters, digits and {@code -} made a {@code -}. */
    static String fileNameSafe(String name) {
        String label = name.strip();
        int dot = label.indexOf('.');
        if (dot > 0) {
            label = label.substring(0, dot);
        }
        label = label.replaceAll("[^A-Za-z0-9-]", "-");
        return label.isEmpty() ? UNKNOWN : label.toLowerCase(Locale.ROOT);
    }

    /** The CPU model as the OS names it. */
    static String cpuModel() {
        try {
            Path cpuinfo = Path.of("/proc/cpuinfo");
            if (Files.isReadable(cpuinfo)) {
                Matcher m = MODEL_NAME.matcher(Files.readString(cpuinfo));
                if (m.find()) {
                    return m.group(1).strip();
                }
            }
            Processes.Output lscpu = Processes.run(List.of("lscpu"), null, HELPER_DEADLINE);
            Matcher m = LSCPU_MODEL_NAME.matcher(lscpu.stdout());
            if (lscpu.ok() && m.find()) {
                return m.group(1).strip();
            }
            Processes.Output sysctl = Processes.run(List.of("sysctl", "-n", "machdep.cpu.brand_string"), null,
                    HELPER_DEADLINE);
            if (sysctl.ok() && !sysctl.stdout().isBlank()) {
                return sysctl.stdout().strip();
            }
        } catch (IOException e) {
            // fall through: no tool to ask
        }
        return System.getProperty("os.arch");
    }

    /** CPUs the machine has online (all of them, not only the ones this process may use). */
    static int onlineCpus(int fallback) {
        try {
            Path online = Path.of("/sys/devices/system/cpu/online");
            if (Files.isReadable(online)) {
                return CpuList.parse(Files.readString(online).strip()).size();
            }
        } catch (IOException | IllegalArgumentException e) {
            // fall through
        }
        return fallback;
    }

    /** The commit of the work tree at {@code directory} and whether it is dirty. */
    static GitState git(Path directory) {
        try {
            Processes.Output head = Processes.run(List.of("git", "rev-parse", "HEAD"), directory, HELPER_DEADLINE);
            String commit = head.stdout().strip();
            if (!head.ok() || !COMMIT.matcher(commit).matches()) {
                return new GitState(UNKNOWN, false);
            }
            Processes.Output status = Processes.run(List.of("git", "status", "--porcelain"), directory,
                    HELPER_DEADLINE);
            return new GitState(commit, !status.ok() || !status.stdout().isBlank());
        } catch (IOException e) {
            return new GitState(UNKNOWN, false);
        }
    }
}
