/** A seeded source of uniform numbers in [0, 1): the same seed gives the same sequence everywhere. */
export type Rng = () => number;

/** mulberry32: small, fast and good enough for synthetic benchmark data (not for cryptography). */
export function createRng(seed: number): Rng {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A standard normal sample (Box–Muller). */
export function gaussian(rng: Rng): number {
  const u = 1 - rng();
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * rng());
}

/**
 * A sampler of ranks 0…n−1 with P(rank r) ∝ 1/(r+1)^s (Zipf's law; s ≈ 1 for word frequencies).
 * `minRank` restricts samples to ranks ≥ minRank (e.g. to skip stopword-like frequent words).
 * Throws RangeError when n < 1 or minRank is not below n.
 */
export function createZipfSampler(n: number, s: number, rng: Rng, minRank = 0): () => number {
  if (!(n >= 1) || !(minRank >= 0 && minRank < n)) throw new RangeError(`bad Zipf range: n ${n}, minRank ${minRank}`);
  const cdf = new Float64Array(n - minRank);
  let sum = 0;
  for (let r = minRank; r < n; r++) {
    sum += 1 / (r + 1) ** s;
    cdf[r - minRank] = sum;
  }
  return () => {
    const target = rng() * sum;
    let lo = 0;
    let hi = cdf.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if ((cdf[mid] ?? sum) < target) lo = mid + 1;
      else hi = mid;
    }
    return lo + minRank;
  };
}

const CONSONANTS = 'bcdfglmnprstvz';
const VOWELS = 'aeiou';
const SYLLABLES = [...CONSONANTS].flatMap((c) => [...VOWELS].map((v) => c + v));

/**
 * The Italian-looking pseudo-word of rank `i` (≥ 0): consonant–vowel syllables (at least two)
 * spelling `i` in base 70, plus a final vowel, e.g. "bababa". Distinct ranks give distinct words.
 */
export function pseudoWord(i: number): string {
  let word = '';
  let n = i;
  let digits = 0;
  do {
    word += SYLLABLES[n % SYLLABLES.length] ?? '';
    n = Math.floor(n / SYLLABLES.length);
    digits++;
  } while (n > 0 || digits < 2);
  return word + (VOWELS[i % 4] ?? 'a');
}
