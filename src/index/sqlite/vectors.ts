import { statSync } from 'node:fs';
import hnswlib from 'hnswlib-node';
import type { RankedId } from '../../store/passage.js';
import { hashFile } from './vectors-file.js';

/** HNSW construction settings, recorded in the manifest. */
export interface HnswSettings {
  m: number;
  efConstruction: number;
}

/** A new, empty cosine-space HNSW index. */
export function createVectorIndex(dims: number, settings: HnswSettings, capacity: number): hnswlib.HierarchicalNSW {
  const index = new hnswlib.HierarchicalNSW('cosine', dims);
  index.initIndex({
    maxElements: Math.max(capacity, 16),
    m: settings.m,
    efConstruction: settings.efConstruction,
    randomSeed: 100,
    allowReplaceDeleted: true,
  });
  return index;
}

/** Reads an HNSW file for modification (an incremental build's copy). */
export function readVectorIndex(file: string, dims: number): hnswlib.HierarchicalNSW {
  const index = new hnswlib.HierarchicalNSW('cosine', dims);
  index.readIndexSync(file, true);
  return index;
}

/** Adds vectors under their chunk ids, growing the index as needed. */
export function addVectors(index: hnswlib.HierarchicalNSW, ids: number[], vectors: Float32Array[]): void {
  const needed = index.getCurrentCount() + ids.length;
  if (needed > index.getMaxElements()) index.resizeIndex(Math.max(needed, Math.ceil(index.getMaxElements() * 1.5)));
  ids.forEach((id, i) => {
    const vector = vectors[i];
    if (vector === undefined) throw new Error(`no vector for chunk ${id}`);
    index.addPoint(Array.from(vector), id);
  });
}

/** Writes the index and returns what the manifest records about the file. */
export function writeVectorIndex(index: hnswlib.HierarchicalNSW, file: string): { bytes: number; sha256: string } {
  index.writeIndexSync(file);
  return { bytes: statSync(file).size, sha256: hashFile(file) };
}

/** HNSW nearest neighbours of `query`, best first; `score` is the cosine similarity. */
export function searchDense(
  index: hnswlib.HierarchicalNSW,
  query: Float32Array,
  limit: number,
  filter?: (id: number) => boolean,
): RankedId[] {
  const live = index.getCurrentCount();
  if (live === 0) return [];
  const point = Array.from(query);
  // hnswlib throws when it finds fewer than k undeleted points; ask for fewer until it can answer.
  for (let k = Math.min(limit, live); k >= 1; k = Math.floor(k / 2)) {
    try {
      const { neighbors, distances } = index.searchKnn(point, k, filter);
      return neighbors.map((id, i) => ({ id, score: 1 - (distances[i] ?? 1) }));
    } catch {
      continue;
    }
  }
  return [];
}

/** Cosine similarity of `query` (unit length) to each stored vector of `ids`; ids without one are left out. */
export function denseSimilarities(
  index: hnswlib.HierarchicalNSW,
  query: Float32Array,
  ids: Iterable<number>,
): Map<number, number> {
  const out = new Map<number, number>();
  for (const id of ids) {
    let point: number[];
    try {
      point = index.getPoint(id);
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
