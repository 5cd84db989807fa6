/**
 * The multi-process engine: a {@link dev.sumbench.process.ProcessPool} of child JVMs (each running
 * {@link dev.sumbench.process.Worker}) that sum ranges of a {@code long[]}, the binary
 * {@link dev.sumbench.process.Protocol} they speak over stdin and stdout, the two transports (values through the
 * pipe; offsets into data mapped from {@code /dev/shm}), and the three strategies built on them:
 * {@code process-pipe}, {@code process-shared} and {@code process-spawn}, registered through
 * {@link dev.sumbench.process.ProcessStrategies}.
 *
 * <p>Failures are part of the contract: a worker that dies fails every pending task with a
 * {@link dev.sumbench.process.BrokenPoolException} that says who, how and with what; a pool that cannot start throws
 * {@link dev.sumbench.process.PoolStartException}; children exit when their parent does, and no file outlives its pool.
 */
package dev.sumbench.process;
