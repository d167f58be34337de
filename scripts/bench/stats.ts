// One nearest-rank percentile for the eval, the bench and the load run.
import { percentile } from '../../src/eval/metrics.js';
import { roundTo } from '../../src/util/round.js';

export { percentile };

/** Latency summary in milliseconds: median and 95th percentile over `n` samples. */
export interface LatencySummary {
  n: number;
  p50Ms: number;
  p95Ms: number;
}

/** p50/p95 of millisecond samples, rounded to 0.01 ms. */
export function summarize(values: readonly number[]): LatencySummary {
  return { n: values.length, p50Ms: roundTo(percentile(values, 50), 2), p95Ms: roundTo(percentile(values, 95), 2) };
}

/**
 * Share (0–1) of the first `k` ids of `truth` found among the first `k` of `found`
 * (recall@k against exact search). 1 when `truth` is empty.
 */
export function recallAtK(found: readonly number[], truth: readonly number[], k: number): number {
  const expected = truth.slice(0, k);
  if (expected.length === 0) return 1;
  const got = new Set(found.slice(0, k));
  return expected.filter((id) => got.has(id)).length / expected.length;
}

/** Mean of `values`; NaN when empty. */
export function mean(values: readonly number[]): number {
  return values.length === 0 ? Number.NaN : values.reduce((a, b) => a + b, 0) / values.length;
}

/** Runs `work` and returns its result with the elapsed wall time in milliseconds. */
export async function timeAsync<T>(work: () => Promise<T>): Promise<{ value: T; ms: number }> {
  const start = performance.now();
  const value = await work();
  return { value, ms: performance.now() - start };
}
