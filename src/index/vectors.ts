import { statSync } from 'node:fs';
import hnswlib from 'hnswlib-node';
import { hashFile } from './generation.js';

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
