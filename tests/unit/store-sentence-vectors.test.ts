import { describe, expect, it } from 'vitest';
import { sentenceCosine, sentenceVectorBytes } from '../../src/store/passage.js';

/** A deterministic unit vector of `dims` components. */
function unit(seed: number, dims = 384): Float32Array {
  const v = new Float32Array(dims);
  let x = seed;
  for (let i = 0; i < dims; i += 1) {
    x = (x * 1103515245 + 12345) % 2147483648;
    v[i] = x / 2147483648 - 0.5;
  }
  const norm = Math.hypot(...v);
  return v.map((c) => c / norm);
}

const dot = (a: Float32Array, b: Float32Array) => a.reduce((sum, x, i) => sum + x * (b[i] ?? 0), 0);

describe('stored sentence vectors (signed bytes)', () => {
  it('take one byte per component and give back the cosine within 0.01', () => {
    for (let seed = 1; seed <= 20; seed += 1) {
      const [a, b] = [unit(seed), unit(seed * 7 + 3)];
      const bytes = sentenceVectorBytes(b);
      expect(bytes.byteLength).toBe(384);
      expect(Math.abs(sentenceCosine(a, bytes) - dot(a, b))).toBeLessThan(0.01);
      expect(sentenceCosine(b, bytes)).toBeCloseTo(1, 3);
    }
  });

  it('an all-zero vector scores 0, not NaN', () => {
    expect(sentenceCosine(unit(5), sentenceVectorBytes(new Float32Array(384)))).toBe(0);
  });
});
