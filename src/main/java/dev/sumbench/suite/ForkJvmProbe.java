package dev.sumbench.suite;

import dev.sumbench.sum.Strategies;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.OperatingSystemMXBean;
import java.util.Properties;

/**
 * The main that {@link ForkJvm#probe} starts in the JVM that will run the forks: it prints, as {@link Properties},
 * what that JVM is and which strategies it offers. Not for users.
 */
public final class ForkJvmProbe {

    static final String VERSION = "java.version";
    static final String VENDOR = "java.vendor";
    static final String HOME = "java.home";
    static final String FEATURE = "feature";
    static final String PROCESSORS = "availableProcessors";
    static final String STRATEGIES = "strategies";
    static final String OS = "os";
    static final String MEMORY = "memoryBytes";

    private ForkJvmProbe() {
    }

    public static void main(String[] args) throws IOException {
        Properties properties = new Properties();
        properties.setProperty(VERSION, System.getProperty("java.version"));
        properties.setProperty(VENDOR, System.getProperty("java.vendor"));
        properties.setProperty(HOME, System.getProperty("java.home"));
        properties.setProperty(FEATURE, Integer.toString(Runtime.version().feature()));
        properties.setProperty(PROCESSORS, Integer.toString(Runtime.getRuntime().availableProcessors()));
        properties.setProperty(STRATEGIES, String.join(",", Strategies.ids()));
        properties.setProperty(OS, System.getProperty("os.name") + " " + System.getProperty("os.version") + " "
                + System.getProperty("os.arch"));
        properties.setProperty(MEMORY, Long.toString(physicalMemory()));
        properties.store(System.out, null);
        System.out.flush();
    }

    /** The machine's physical memory (inside a container: its limit), or 0 when the JVM does not say. */
    private static long physicalMemory() {
        OperatingSystemMXBean os = ManagementFactory.getOperatingSystemMXBean();
        if (os instanceof com.sun.management.OperatingSystemMXBean sun) {
            return sun.getTotalMemorySize();
        }
        return 0;
    }
}
