import { describe, expect, it } from 'vitest';
import { createRng, createZipfSampler, pseudoWord } from '../../scripts/bench/random.js';
import { createTextSource, createVectorSource } from '../../scripts/bench/synthetic.js';

describe('createRng', () => {
  it('repeats its sequence for the same seed and differs for another', () => {
    const a = createRng(42);
    const b = createRng(42);
    const c = createRng(43);
    const first = Array.from({ length: 5 }, a);
    expect(Array.from({ length: 5 }, b)).toEqual(first);
    expect(Array.from({ length: 5 }, c)).not.toEqual(first);
    expect(first.every((x) => x >= 0 && x < 1)).toBe(true);
  });
});

describe('createZipfSampler', () => {
  it('draws rank 0 about twice as often as rank 1 (s = 1) and stays in range', () => {
    const sample = createZipfSampler(1000, 1, createRng(1));
    const counts = new Map<number, number>();
    for (let i = 0; i < 50_000; i++) {
      const r = sample();
      expect(r).toBeGreaterThanOrEqual(0);
      expect(r).toBeLessThan(1000);
      counts.set(r, (counts.get(r) ?? 0) + 1);
    }
    const ratio = (counts.get(0) ?? 0) / (counts.get(1) ?? 1);
    expect(ratio).toBeGreaterThan(1.7);
    expect(ratio).toBeLessThan(2.3);
  });

  it('never draws below minRank (skipping stopword-like ranks)', () => {
    const sample = createZipfSampler(500, 1, createRng(2), 100);
    for (let i = 0; i < 5_000; i++) expect(sample()).toBeGreaterThanOrEqual(100);
  });

  it('throws on an empty range', () => {
    expect(() => createZipfSampler(0, 1, createRng(1))).toThrow(RangeError);
    expect(() => createZipfSampler(10, 1, createRng(1), 10)).toThrow(RangeError);
  });
});

describe('pseudoWord', () => {
  it('gives 50,000 distinct lowercase words for 50,000 ranks', () => {
    const words = Array.from({ length: 50_000 }, (_, i) => pseudoWord(i));
    expect(new Set(words).size).toBe(50_000);
    expect(words.every((w) => /^[a-z]{5,}$/.test(w))).toBe(true);
  });
});

describe('synthetic sources', () => {
  it('draws unit-length vectors, the same for the same seeds', () => {
    const source = createVectorSource(5, 16);
    const a = source.draw(3, 9);
    expect(a).toHaveLength(48);
    for (let row = 0; row < 3; row++) {
      const norm = Math.hypot(...a.subarray(row * 16, (row + 1) * 16));
      expect(norm).toBeCloseTo(1, 5);
    }
    expect(createVectorSource(5, 16).draw(3, 9)).toEqual(a);
  });

  it('writes passages of the asked word count in capitalised sentences, and queries of content words', () => {
    const text = createTextSource(3);
    const passage = text.passage(70);
    expect(passage.split(/\s+/)).toHaveLength(70);
    expect(passage).toMatch(/^[A-Z]/);
    expect(passage.endsWith('.')).toBe(true);
    expect(text.query(4).split(' ')).toHaveLength(4);
  });
});
