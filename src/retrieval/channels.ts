import type Database from 'better-sqlite3';
import type hnswlib from 'hnswlib-node';
import type { RankedId } from './types.js';

/** bm25 weights of the lexical fields beside the stems field (weight 1). */
export interface LexicalWeights {
  prefix: number;
  pairs: number;
  title: number;
}

/** Chosen with `npm run eval` (README, "Quality and speed"). */
export const DEFAULT_LEXICAL_WEIGHTS: LexicalWeights = { prefix: 2.5, pairs: 0.5, title: 0.5 };

/**
 * The lexical channel: FTS5 bm25 over the stems field (weight 1), the prefix-term field
 * (prefixes catch forms the stemmer splits apart), the stem-pairs field and the article title's
 * stems, best first;
 * `score` is -bm25 (higher is better).
 */
export function searchLexical(
  db: Database.Database,
  match: string | null,
  limit: number,
  weights: LexicalWeights = DEFAULT_LEXICAL_WEIGHTS,
): RankedId[] {
  if (match === null) return [];
  const rows = db
    .prepare(
      'SELECT rowid AS id, bm25(chunks_fts, 1.0, ?, ?, ?) AS rank FROM chunks_fts WHERE chunks_fts MATCH ? ORDER BY rank LIMIT ?',
    )
    .all(weights.prefix, weights.pairs, weights.title, match, limit) as { id: number; rank: number }[];
  return rows.map((r) => ({ id: r.id, score: -r.rank }));
}

/** The dense channel: HNSW nearest neighbours, best first; `score` is the cosine similarity. */
export function searchDense(vectors: hnswlib.HierarchicalNSW, query: Float32Array, limit: number): RankedId[] {
  const live = vectors.getCurrentCount();
  if (live === 0) return [];
  const point = Array.from(query);
  // hnswlib throws when it finds fewer than k undeleted points; ask for fewer until it can answer.
  for (let k = Math.min(limit, live); k >= 1; k = Math.floor(k / 2)) {
    try {
      const { neighbors, distances } = vectors.searchKnn(point, k);
      return neighbors.map((id, i) => ({ id, score: 1 - (distances[i] ?? 1) }));
    } catch {
      continue;
    }
  }
  return [];
}

/** Cosine similarity of the query to each passage, read from the index (vectors are unit length). */
export function denseSimilarities(
  vectors: hnswlib.HierarchicalNSW,
  query: Float32Array,
  ids: Iterable<number>,
): Map<number, number> {
  const out = new Map<number, number>();
  for (const id of ids) {
    let point: number[];
    try {
      point = vectors.getPoint(id);
    } catch {
      continue;
    }
    let dot = 0;
    let norm = 0;
    for (let i = 0; i < point.length; i++) {
      const p = point[i] ?? 0;
      dot += p * (query[i] ?? 0);
      norm += p * p;
    }
    out.set(id, norm > 0 ? dot / Math.sqrt(norm) : 0);
  }
  return out;
}
