import { existsSync, statSync } from 'node:fs';
import path from 'node:path';
import type Database from 'better-sqlite3';
import type hnswlib from 'hnswlib-node';
import { countRows, openIndexDb } from '../../store/index-db.js';
import { chunkIdsPublishedWithin, searchFtsWithin } from '../../store/dated-search.js';
import { listPassages, loadPassages, matchSentences, readTermStats, searchFts } from '../../store/index-search.js';
import { failLoad, GenerationLoadError } from '../generation-error.js';
import { GENERATION_FILES } from '../layout.js';
import type { Manifest } from '../manifest.js';
import type { Generation } from '../searchable-index.js';
import { denseSimilarities, readVectorIndex, searchDense } from './vectors.js';
import { hashFile } from './vectors-file.js';

/**
 * Opens the SQLite + FTS5 + hnswlib generation in `dir`: checks vectors.hnsw's size and
 * checksum before hnswlib reads it, and that database, vectors and manifest agree. Throws
 * GenerationLoadError saying what is wrong.
 */
export function openSqliteGeneration(dir: string, id: string, manifest: Manifest, efSearch: number): Generation {
  const fail = (why: string): never => failLoad(id, why);
  const vectorsFile = path.join(dir, GENERATION_FILES.vectors);
  const expected = manifest.vectorsFile ?? fail('the manifest records no vectors file');
  if (!existsSync(vectorsFile)) fail('vectors.hnsw is missing');
  const bytes = statSync(vectorsFile).size;
  if (bytes !== expected.bytes)
    fail(`vectors.hnsw has ${bytes} bytes, the manifest says ${expected.bytes} (truncated?)`);
  // hnswlib trusts the file it reads; a corrupt one could crash the process, so check it first.
  if (hashFile(vectorsFile) !== expected.sha256)
    fail('vectors.hnsw does not match its checksum in the manifest (corrupt?)');

  let db: Database.Database;
  try {
    db = openIndexDb(path.join(dir, GENERATION_FILES.db), { readonly: true });
  } catch (error) {
    return fail((error as Error).message);
  }
  try {
    const counts = countRows(db);
    if (counts.chunks !== manifest.counts.chunks || counts.articles !== manifest.counts.articles) {
      fail(
        `the database holds ${counts.articles} articles / ${counts.chunks} chunks, the manifest says ${manifest.counts.articles} / ${manifest.counts.chunks}`,
      );
    }
    const vectors = readVectorIndex(vectorsFile, manifest.model.dims);
    if (vectors.getCurrentCount() !== manifest.counts.vectors)
      fail(`vectors.hnsw holds ${vectors.getCurrentCount()} vectors, the manifest says ${manifest.counts.vectors}`);
    vectors.setEf(efSearch);
    return sqliteGeneration(id, manifest, db, vectors);
  } catch (error) {
    db.close();
    if (error instanceof GenerationLoadError) throw error;
    return fail((error as Error).message);
  }
}

/** The searchable index over an open database and HNSW index (synchronous calls, resolved at once). */
function sqliteGeneration(
  id: string,
  manifest: Manifest,
  db: Database.Database,
  vectors: hnswlib.HierarchicalNSW,
): Generation {
  return {
    id,
    manifest,
    searchLexical: (query, limit, weights, within) =>
      Promise.resolve(
        within === undefined
          ? searchFts(db, query, limit, weights)
          : searchFtsWithin(db, query, limit, weights, within),
      ),
    searchDense: (query, limit, within) => {
      if (within === undefined) return Promise.resolve(searchDense(vectors, query, limit));
      const ids = chunkIdsPublishedWithin(db, within);
      return Promise.resolve(ids.size === 0 ? [] : searchDense(vectors, query, limit, (id) => ids.has(id)));
    },
    similarities: (query, ids) => Promise.resolve(denseSimilarities(vectors, query, ids)),
    sentences: (query, ids) => Promise.resolve(matchSentences(db, query, ids)),
    passages: (ids) => Promise.resolve(loadPassages(db, ids)),
    termStats: (stems) => Promise.resolve(readTermStats(db, stems)),
    listPassages: (limit = Number.MAX_SAFE_INTEGER) => Promise.resolve(listPassages(db, limit)),
    counts: () => Promise.resolve({ ...countRows(db), vectors: vectors.getCurrentCount() }),
    close: () => db.close(),
  };
}
