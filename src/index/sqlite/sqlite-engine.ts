import type { IndexEngine } from '../searchable-index.js';
import { openSqliteGeneration } from './sqlite-generation.js';
import { createSqliteWriter, readSqliteBase } from './sqlite-writer.js';

/** The default, embedded engine: SQLite + FTS5 (index.db) and hnswlib (vectors.hnsw) in each generation's folder. */
export const sqliteEngine: IndexEngine = {
  name: 'sqlite',
  open: (dir, id, manifest, efSearch) => openSqliteGeneration(dir, id, manifest, efSearch),
  readBase: (dir) => Promise.resolve(readSqliteBase(dir)),
  createWriter: (target, base, dims, hnsw) =>
    Promise.resolve(createSqliteWriter(target.dir, base?.dir ?? null, dims, hnsw)),
  // A generation's files live in its folder, which pruning removes.
  prune: () => Promise.resolve(),
};
