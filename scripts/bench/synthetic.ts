import { createRng, createZipfSampler, gaussian, pseudoWord, type Rng } from './random.js';

/** Dimensions of the synthetic vectors: those of the product's default and fallback models. */
export const SYNTHETIC_DIMS = 384;
/**
 * Sentence embeddings occupy a low-dimensional part of their space; uniform random vectors
 * would be a needlessly hard case for HNSW. So vectors are a fixed random projection of a
 * 48-dimensional Gaussian plus a little isotropic noise, then normalised.
 */
const LATENT_DIMS = 48;
const NOISE = 0.3;

/** Draws unit vectors from one fixed synthetic distribution (same `seed`, same distribution). */
export interface VectorSource {
  readonly dims: number;
  /** `count` unit vectors, row after row in one array (`count × dims`), from stream `seed`. */
  draw(count: number, seed: number, onProgress?: (done: number) => void): Float32Array;
}

/** The synthetic vector distribution of `seed`. */
export function createVectorSource(seed: number, dims = SYNTHETIC_DIMS): VectorSource {
  const rng = createRng(seed);
  const projection = Float32Array.from({ length: dims * LATENT_DIMS }, () => gaussian(rng) / Math.sqrt(LATENT_DIMS));
  return {
    dims,
    draw(count, streamSeed, onProgress) {
      const out = new Float32Array(count * dims);
      const stream = createRng(streamSeed);
      const latent = new Float32Array(LATENT_DIMS);
      for (let row = 0; row < count; row++) {
        for (let j = 0; j < LATENT_DIMS; j++) latent[j] = gaussian(stream);
        const base = row * dims;
        let norm = 0;
        for (let d = 0; d < dims; d++) {
          // Each projected coordinate has unit variance; the noise is NOISE of that.
          let value = NOISE * gaussian(stream);
          for (let j = 0; j < LATENT_DIMS; j++) value += (projection[d * LATENT_DIMS + j] ?? 0) * (latent[j] ?? 0);
          out[base + d] = value;
          norm += value * value;
        }
        const scale = norm > 0 ? 1 / Math.sqrt(norm) : 0;
        for (let d = 0; d < dims; d++) out[base + d] = (out[base + d] ?? 0) * scale;
        if (onProgress !== undefined && row % 50_000 === 0) onProgress(row);
      }
      return out;
    },
  };
}

/** Words in the synthetic vocabulary and Zipf's exponent for their frequencies. */
export const VOCABULARY = 50_000;
const ZIPF_EXPONENT = 1.0;
/** Query words skip the most frequent ranks: the product drops stopwords from queries too. */
const QUERY_MIN_RANK = 100;

/** Italian-looking synthetic text: pseudo-words with Zipf-distributed frequencies. */
export interface TextSource {
  /** A passage of `words` words in sentences of 8–20 words. */
  passage(words: number): string;
  /** A query of `words` content words (not among the 100 most frequent). */
  query(words: number): string;
}

/** The synthetic text stream of `seed`. */
export function createTextSource(seed: number): TextSource {
  const rng: Rng = createRng(seed);
  const words = Array.from({ length: VOCABULARY }, (_, i) => pseudoWord(i));
  const any = createZipfSampler(VOCABULARY, ZIPF_EXPONENT, rng);
  const content = createZipfSampler(VOCABULARY, ZIPF_EXPONENT, rng, QUERY_MIN_RANK);
  const pick = (sample: () => number) => words[sample()] ?? '';
  return {
    passage(count) {
      const sentences: string[] = [];
      let left = count;
      while (left > 0) {
        const length = Math.min(left, 8 + Math.floor(rng() * 13));
        const sentence = Array.from({ length }, () => pick(any)).join(' ');
        sentences.push(`${sentence.charAt(0).toUpperCase()}${sentence.slice(1)}.`);
        left -= length;
      }
      return sentences.join(' ');
    },
    query: (count) => Array.from({ length: count }, () => pick(content)).join(' '),
  };
}
