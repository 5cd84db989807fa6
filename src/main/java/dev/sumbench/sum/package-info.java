/**
 * The summation strategies under test: one {@link dev.sumbench.sum.SumStrategy} interface, one class per strategy,
 * the {@link dev.sumbench.sum.ChunkPlan} that splits a range into tasks, and the deterministic {@link dev.sumbench.sum.Data}.
 *
 * <p>{@link dev.sumbench.sum.StrategyCatalog} lists every strategy id sumbench knows, in the tables' order, with its
 * {@link dev.sumbench.sum.Family}: the vocabulary that the statistics and tables read too. Strategies are created by
 * id through {@link dev.sumbench.sum.Strategies}, which collects every
 * {@link dev.sumbench.sum.StrategyProvider} on the class path (the in-process ones here, the multi-process ones in
 * {@code dev.sumbench.process}). Every strategy returns exactly the sum that {@link dev.sumbench.sum.Sequential} returns:
 * addition wraps in two's complement, so it is associative and any split gives the same value.
 */
package dev.sumbench.sum;
