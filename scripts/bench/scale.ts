import path from 'node:path';
import { runSelf } from './child.js';
import type { ScaleResult } from './types.js';

/**
 * Measures each synthetic size in its own child process (`<script> --scale-one N --json --data
 * <dir>/scale-N`), so each figure's peak memory is that size's alone. Sizes run one after
 * another (2 cores). Throws when a child fails.
 */
export async function runScale(
  script: string,
  sizes: number[],
  dir: string,
  log: (line: string) => void,
): Promise<ScaleResult[]> {
  const results: ScaleResult[] = [];
  for (const n of sizes) {
    log(`scale: ${n.toLocaleString('en')} synthetic passages (own process)`);
    const result = (await runSelf(script, [
      '--scale-one',
      String(n),
      '--json',
      '--data',
      path.join(dir, `scale-${n}`),
    ])) as ScaleResult;
    results.push(result);
  }
  return results;
}

/**
 * Rough time of a larger size from a measured one, in minutes: HNSW insertion costs
 * ~log(n) per point, brute force and FTS grow linearly; null when nothing was measured.
 */
export function estimateMinutes(measured: ScaleResult | undefined, passages: number): number | null {
  if (measured === undefined) return null;
  const factor = passages / measured.passages;
  const hnsw = measured.hnswBuildMs * factor * (Math.log(passages) / Math.log(measured.passages));
  return Math.round((hnsw + measured.ftsBuildMs * factor) / 60_000);
}
