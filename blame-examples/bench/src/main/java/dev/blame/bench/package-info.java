/**
 * Scale benchmarks (issue 9): a deterministic synthetic cluster generator ({@link dev.blame.bench.SyntheticCluster}),
 * the measurements against same-run baselines ({@link dev.blame.bench.Measure}, {@link dev.blame.bench.ApiCost}),
 * the quick/full runner ({@link dev.blame.bench.Main}) and JMH benchmarks over the same operations.
 */
package dev.blame.bench;
