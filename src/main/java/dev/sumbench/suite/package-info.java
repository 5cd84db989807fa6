/**
 * Runs the JMH suite as one command ({@code mvn verify -Pbench}, {@code scripts/bench-cores}) and records each run.
 *
 * <p>{@link dev.sumbench.suite.BenchMain} probes the JVM that will run the forks ({@link dev.sumbench.suite.ForkJvm}),
 * plans the JMH passes with the params that depend on that JVM and this machine ({@link dev.sumbench.suite.Plan},
 * {@link dev.sumbench.suite.BenchParams}), runs them through JMH's own {@code Runner}, and publishes the run as
 * {@code results/<yyyyMMdd-HHmmss>_<host>_jdk<feature>.{json,csv,meta.json}} without ever overwriting one
 * ({@link dev.sumbench.suite.RunFiles}). {@link dev.sumbench.suite.CoreSweep} repeats that under {@code taskset} for
 * each core count and merges the counts into one run, and {@link dev.sumbench.suite.RunRenderer} renders the run's
 * tables.
 *
 * <p>Dependencies: the suite uses the benchmark classes ({@code dev.sumbench.bench}) only by name, to narrow their
 * params for the quick matrix; the strategy registry ({@code dev.sumbench.sum.Strategies}) for the ids a JVM has;
 * {@code stats} to plan the crossover's bisection; {@code results} and {@code report} to render a run; {@code dev.sumbench.core} for exit codes and one-line errors.
 * It never uses the command line ({@code dev.sumbench.cli}), and nothing below it uses the suite.
 */
package dev.sumbench.suite;
