package dev.sumbench.results;

import java.util.List;

/**
 * What sumbench records about the machine and the options of a run, in {@code <run>.meta.json} beside the JMH files.
 *
 * @param stem        the run's file stem, {@code <yyyyMMdd-HHmmss>_<host>_jdk<feature>}
 * @param date        when the run started, ISO-8601 with offset
 * @param host        the host name
 * @param cpuModel    the CPU model as the OS names it
 * @param cores       CPUs the forked JVMs could use ({@code availableProcessors()}); for a core sweep, the largest
 * @param onlineCpus  CPUs the machine has online
 * @param memoryBytes physical memory of the machine
 * @param os          OS name, version and architecture
 * @param jdkVendor   vendor of the JDK that ran the forks
 * @param jdkVersion  full version of that JDK
 * @param jdkFeature  its feature release (17, 21, 25, ...)
 * @param javaHome    its home
 * @param jmhVersion  the JMH version
 * @param jmhArgs     the JMH options the run was started with
 * @param gitCommit   the commit of the sources, or {@code unknown}
 * @param gitDirty    whether the working tree had uncommitted changes
 * @param coreCounts  the core counts of a core sweep (empty for a plain run)
 */
public record RunMeta(String stem, String date, String host, String cpuModel, int cores, int onlineCpus,
                      long memoryBytes, String os, String jdkVendor, String jdkVersion, int jdkFeature,
                      String javaHome, String jmhVersion, List<String> jmhArgs, String gitCommit, boolean gitDirty,
                      List<Integer> coreCounts) {

    public RunMeta {
        jmhArgs = jmhArgs == null ? List.of() : List.copyOf(jmhArgs);
        coreCounts = coreCounts == null ? List.of() : List.copyOf(coreCounts);
    }
}
