package dev.sumbench.suite;

import java.nio.file.Path;
import java.util.List;

/**
 * What the user asked the suite for, after the system properties and the options were merged.
 *
 * @param quick      run the quick matrix ({@code -Dbench.quick})
 * @param include    another include regex ({@code -Dbench.include}), or null
 * @param jvm        the forks' JVM as given ({@code -Dbench.jvm}), or null
 * @param jmhArgs    the user's JMH options ({@code -Dbench.args} split into words, then any after {@code --})
 * @param results    where runs land
 * @param coreCounts the core counts of a sweep ({@code scripts/bench-cores}), or null for a plain run
 * @param dryRun     only print the plan and its estimate
 * @param rawOut     for one count of a sweep: save the results here instead of publishing a run, or null
 * @param crossover  how far the crossover bisects ({@code -Dbench.crossover}: off, default, full), or null
 */
record BenchRequest(boolean quick, String include, String jvm, List<String> jmhArgs, Path results, String coreCounts,
                    boolean dryRun, Path rawOut, String crossover) {

    BenchRequest {
        jmhArgs = List.copyOf(jmhArgs);
    }
}
