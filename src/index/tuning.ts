import type { TuningFile } from '../config.js';
import type { HnswSettings } from './sqlite/vectors.js';

/** How an index is cut and searched: chunking and HNSW. */
export interface IndexTuning {
  /** Chunk size in model tokens; null = derived from the model's sequence length (defaultChunkTokens). */
  chunkMaxTokens: number | null;
  /** Sentences repeated at the start of the next chunk. */
  overlapSentences: number;
  hnsw: HnswSettings;
  /** HNSW search breadth. */
  efSearch: number;
}

/**
 * The values in code, the same for every embedding model (the chunk size follows the model's
 * sequence length): chunking chosen with `npm run eval` on the dev set (README, "Defaults and the
 * measurements that chose them"); efSearch 200 keeps HNSW recall@10 ≥ .94 at 100k passages for
 * ~1 ms (`npm run bench`, README "Speed"). Retrieval's per-model knobs are in src/retrieval/knobs.ts.
 */
export const DEFAULT_INDEX_TUNING: IndexTuning = {
  chunkMaxTokens: null,
  overlapSentences: 1,
  hnsw: { m: 16, efConstruction: 200 },
  efSearch: 200,
};

/** The index tuning with the tuning file's (TUNING_FILE) chunk and hnsw entries applied. */
export function indexTuning(file: Pick<TuningFile, 'chunk' | 'hnsw'>): IndexTuning {
  const d = DEFAULT_INDEX_TUNING;
  return {
    chunkMaxTokens: file.chunk.maxTokens === undefined ? d.chunkMaxTokens : file.chunk.maxTokens,
    overlapSentences: file.chunk.overlapSentences ?? d.overlapSentences,
    hnsw: { m: file.hnsw.m ?? d.hnsw.m, efConstruction: file.hnsw.efConstruction ?? d.hnsw.efConstruction },
    efSearch: file.hnsw.efSearch ?? d.efSearch,
  };
}
