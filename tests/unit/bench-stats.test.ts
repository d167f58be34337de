import { describe, expect, it } from 'vitest';
import { exactTopK } from '../../scripts/bench/exact-search.js';
import { mean, percentile, recallAtK, summarize } from '../../scripts/bench/stats.js';

describe('percentile (nearest rank)', () => {
  it('takes the median and p95 of 1..100 as 50 and 95', () => {
    const values = Array.from({ length: 100 }, (_, i) => 100 - i);
    expect(percentile(values, 50)).toBe(50);
    expect(percentile(values, 95)).toBe(95);
  });

  it('gives the only sample for any p when there is one sample', () => {
    expect(percentile([7], 0)).toBe(7);
    expect(percentile([7], 95)).toBe(7);
  });

  it('gives the largest sample at p100 and the smallest at p0', () => {
    expect(percentile([3, 1, 2], 100)).toBe(3);
    expect(percentile([3, 1, 2], 0)).toBe(1);
  });

  it('is NaN for no samples and throws for p outside 0–100', () => {
    expect(percentile([], 50)).toBeNaN();
    expect(() => percentile([1], 101)).toThrow(RangeError);
    expect(() => percentile([1], Number.NaN)).toThrow(RangeError);
  });

  it('does not reorder its input', () => {
    const values = [3, 1, 2];
    percentile(values, 50);
    expect(values).toEqual([3, 1, 2]);
  });
});

describe('summarize', () => {
  it('reports count, p50 and p95 rounded to 0.01 ms', () => {
    expect(summarize([1.234, 2.345, 3.456])).toEqual({ n: 3, p50Ms: 2.35, p95Ms: 3.46 });
  });
});

describe('recallAtK', () => {
  it('counts the exact top k found among the first k results', () => {
    expect(recallAtK([1, 2, 9, 4], [1, 2, 3, 4], 4)).toBe(0.75);
  });

  it('ignores results past k (a true neighbour at rank k+1 is a miss)', () => {
    expect(recallAtK([9, 8, 1], [1, 2], 2)).toBe(0);
  });

  it('is 1 when there is no true neighbour (empty index)', () => {
    expect(recallAtK([], [], 10)).toBe(1);
  });
});

describe('mean', () => {
  it('averages, and is NaN for no values', () => {
    expect(mean([1, 2, 3, 6])).toBe(3);
    expect(mean([])).toBeNaN();
  });
});

describe('exactTopK (brute-force ground truth)', () => {
  // Four unit vectors in 2-d; labels are row + 1.
  const vectors = Float32Array.from([1, 0, 0, 1, Math.SQRT1_2, Math.SQRT1_2, -1, 0]);
  const label = (row: number) => row + 1;

  it('returns the k highest dot products, best first', () => {
    expect(exactTopK(vectors, 2, Float32Array.from([1, 0]), 2, label)).toEqual([1, 3]);
  });

  it('returns every row when k exceeds the rows, worst last', () => {
    expect(exactTopK(vectors, 2, Float32Array.from([0, 1]), 10, label)).toEqual([2, 3, 1, 4]);
  });

  it('keeps the lower row first on ties, and returns nothing for k = 0', () => {
    const tied = Float32Array.from([0, 1, 0, 1, 0, 1]);
    expect(exactTopK(tied, 2, Float32Array.from([0, 1]), 2, label)).toEqual([1, 2]);
    expect(exactTopK(tied, 2, Float32Array.from([0, 1]), 0, label)).toEqual([]);
  });
});
