import { describe, expect, it } from 'vitest';
import { fitRanker, type RankingSample } from '../../src/eval/fit-ranker.js';
import { createRng } from '../../scripts/bench/random.js';

/** Questions whose gold candidate has a high feature 0, while feature 1 is noise and feature 2 misleads half the time. */
function makeSamples(n: number, seed: number): RankingSample[] {
  const random = createRng(seed);
  return Array.from({ length: n }, () => {
    const gold = Math.floor(random() * 5);
    const features = Array.from({ length: 5 }, (_, i) => [
      (i === gold ? 1 : 0) + random() * 0.8,
      random(),
      random() < 0.5 ? (i === gold ? 1 : 0) : random(),
    ]);
    return { features, labels: features.map((_, i) => i === gold) };
  });
}

function top1(samples: RankingSample[], w: number[]): number {
  const hits = samples.filter((s) => {
    const scores = s.features.map((row) => row.reduce((sum, x, d) => sum + x * (w[d] ?? 0), 0));
    return s.labels[scores.indexOf(Math.max(...scores))];
  });
  return hits.length / samples.length;
}

describe('fitRanker', () => {
  it('learns which feature marks the gold candidate and ranks held-out questions by it', () => {
    const w = fitRanker(makeSamples(300, 1), { lambda: 0.001 });
    expect(w).toHaveLength(3);
    expect(w[0]).toBeGreaterThan(Math.abs(w[1] ?? 0) * 3);
    expect(w[0]).toBeGreaterThan(w[2] ?? 0);
    expect(w[2]).toBeGreaterThan(0);
    const heldOut = makeSamples(300, 2);
    expect(top1(heldOut, w)).toBeGreaterThan(0.8);
    expect(top1(heldOut, [0, 1, 0])).toBeLessThan(0.4);
  });

  it('a larger L2 penalty shrinks the weights', () => {
    const samples = makeSamples(200, 3);
    const loose = fitRanker(samples, { lambda: 0 });
    const tight = fitRanker(samples, { lambda: 1 });
    const norm = (w: number[]) => Math.hypot(...w);
    expect(norm(tight)).toBeLessThan(norm(loose));
  });

  it('skips questions without a gold or a non-gold candidate, and throws when none is left', () => {
    const allGold: RankingSample = { features: [[1], [0]], labels: [true, true] };
    const noGold: RankingSample = { features: [[1], [0]], labels: [false, false] };
    expect(() => fitRanker([allGold, noGold], { lambda: 0 })).toThrow(RangeError);
    expect(() => fitRanker([], { lambda: 0 })).toThrow(RangeError);
  });
});
