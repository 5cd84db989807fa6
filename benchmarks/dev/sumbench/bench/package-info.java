/**
 * The JMH benchmarks of sumbench: one class per question, written like the JMH samples. Each class states its question
 * at the top, keeps its baseline beside what it is compared with, checks its results outside the timed region, and
 * ends with a "How to run" footer.
 *
 * <p>Every benchmark carries the params of the suite's vocabulary where they apply: {@code strategy}, {@code size},
 * {@code workers}, {@code chunk}, and {@code cores} everywhere (the CPUs the JVM may use; {@code 0} = whatever it
 * has). {@code dev.sumbench.suite.BenchMain} runs them all ({@code mvn verify -Pbench}) and fills in the values that
 * depend on the machine.
 *
 * <p>What they use: strategies through the registry ({@code dev.sumbench.sum.Strategies.create}), process
 * strategies included; of the process engine, {@code dev.sumbench.process.WorkerLauncher}, with which
 * {@link dev.sumbench.bench.SpawnBenchmark} starts a bare JVM exactly as the workers start, and the pool and
 * {@code MemoryUse} with which {@link dev.sumbench.bench.MemoryBenchmark} reads each child JVM's memory. They know
 * nothing of the suite that runs them ({@code ArchitectureTest} checks both).
 */
package dev.sumbench.bench;
