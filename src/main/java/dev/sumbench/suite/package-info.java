/**
 * Runs the JMH suite as one command ({@code mvn verify -Pbench}, {@code scripts/bench-cores}) and records each run.
 *
 * <p>{@link dev.sumbench.suite.BenchMain} probes the JVM that will run the forks ({@link dev.sumbench.suite.ForkJvm}),
 * plans the JMH passes with the params that depend on that JVM and this machine ({@link dev.sumbench.suite.Plan},
 * {@link dev.sumbench.suite.Matrix}), runs them through JMH's own {@code Runner}, and publishes the run as
 * {@code results/<yyyyMMdd-HHmmss>_<host>_jdk<feature>.{json,csv,meta.json}} without ever overwriting one
 * ({@link dev.sumbench.suite.RunFiles}). {@link dev.sumbench.suite.CoreSweep} repeats that under {@code taskset} for
 * each core count and merges the counts into one run.
 */
package dev.sumbench.suite;
