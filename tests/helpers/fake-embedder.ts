import type { Embedder, ModelSpec } from '../../src/embedding/embedder.js';
import type { BuildOptions } from '../../src/index/build-index.js';

/** Dimensions of the fake embedder's vectors. */
export const FAKE_DIMS = 64;

export const FAKE_SPEC: ModelSpec = {
  id: 'fake',
  dims: FAKE_DIMS,
  dtype: 'fp32',
  queryPrefix: '',
  passagePrefix: '',
  maxTokens: 512,
  localDir: null,
};

function tokenize(text: string): string[] {
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter((word) => word !== '');
}

/** FNV-1a, 32 bits: stable across runs and machines. */
function hashWord(word: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < word.length; i += 1) {
    hash ^= word.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash;
}

/**
 * A bag of hashed words, L2-normalised: texts sharing words get similar vectors. Text without
 * words maps to a fixed unit vector so every result stays unit length.
 */
export function embedFake(text: string): Float32Array {
  const vector = new Float32Array(FAKE_DIMS);
  for (const word of tokenize(text)) {
    const slot = hashWord(word) % FAKE_DIMS;
    vector[slot] = (vector[slot] ?? 0) + 1;
  }
  let norm = 0;
  for (const value of vector) norm += value * value;
  if (norm === 0) {
    vector[0] = 1;
    return vector;
  }
  const scale = 1 / Math.sqrt(norm);
  for (let i = 0; i < FAKE_DIMS; i += 1) vector[i] = (vector[i] ?? 0) * scale;
  return vector;
}

/** A deterministic Embedder for unit tests; counts calls so tests can check batching. */
export interface FakeEmbedder extends Embedder {
  calls: { kind: 'query' | 'passages'; count: number }[];
}

/** Creates a fake Embedder (spec id 'fake', 64 dims); tokens are counted as words. */
export function createFakeEmbedder(): FakeEmbedder {
  const calls: FakeEmbedder['calls'] = [];
  return {
    spec: FAKE_SPEC,
    calls,
    embedPassages: (texts) => {
      calls.push({ kind: 'passages', count: texts.length });
      return Promise.resolve(texts.map(embedFake));
    },
    embedQuery: (text) => {
      calls.push({ kind: 'query', count: 1 });
      return Promise.resolve(embedFake(text));
    },
    countTokens: (text) => tokenize(text).length,
  };
}

/** A build's model source serving the fake embedder (no model load); every embedded passage text is pushed to `embedded`. */
export function fakeModels(embedded: string[] = []): BuildOptions['models'] {
  return {
    resolve: () => Promise.resolve({ spec: FAKE_SPEC, source: { code: 'hub' } }),
    locate: (spec) => ({ ...spec, localDir: null }),
    load: () => {
      const fake = createFakeEmbedder();
      return Promise.resolve({
        ...fake,
        embedPassages: (texts: string[]) => {
          embedded.push(...texts);
          return fake.embedPassages(texts);
        },
      });
    },
  };
}
