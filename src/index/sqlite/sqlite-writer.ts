import path from 'node:path';
import type Database from 'better-sqlite3';
import type hnswlib from 'hnswlib-node';
import type { Chunk } from '../../chunking/chunk.js';
import type { Article } from '../../corpus/article.js';
import type { StoredSentence } from '../../store/passage.js';
import { countRows, deleteArticle, insertArticle, openIndexDb, readArticleHashes } from '../../store/index-db.js';
import { fsyncPath, GENERATION_FILES } from '../layout.js';
import type { GenerationWriter, WrittenGeneration } from '../searchable-index.js';
import { addVectors, createVectorIndex, readVectorIndex, writeVectorIndex, type HnswSettings } from './vectors.js';
import { checkVectorsFile } from './vectors-file.js';

/** What an incremental build starts from: the live generation's article hashes and passage count. */
export function readSqliteBase(dir: string): { hashes: Map<string, string>; chunks: number } {
  const db = openIndexDb(path.join(dir, GENERATION_FILES.db), { readonly: true });
  try {
    return { hashes: readArticleHashes(db), chunks: countRows(db).chunks };
  } finally {
    db.close();
  }
}

/**
 * Starts the generation in `dir` (an existing, empty folder): a copy of `baseDir`'s database
 * (`VACUUM INTO`) and HNSW index, or empty ones. Throws saying what could not be copied or created.
 */
export function createSqliteWriter(
  dir: string,
  baseDir: string | null,
  dims: number,
  hnsw: HnswSettings,
): GenerationWriter {
  const dbFile = path.join(dir, GENERATION_FILES.db);
  if (baseDir !== null) copyDatabase(path.join(baseDir, GENERATION_FILES.db), dbFile);
  const db = openIndexDb(dbFile, { create: true });
  try {
    const vectors =
      baseDir === null
        ? createVectorIndex(dims, hnsw, 1024)
        : readVectorIndex(path.join(baseDir, GENERATION_FILES.vectors), dims);
    return new SqliteWriter(db, vectors, path.join(dir, GENERATION_FILES.vectors), hnsw);
  } catch (error) {
    db.close();
    throw error;
  }
}

function copyDatabase(from: string, to: string): void {
  const base = openIndexDb(from, { readonly: true });
  try {
    base.exec(`VACUUM INTO '${to.replace(/'/g, "''")}'`);
  } catch (error) {
    throw new Error(`copying the live generation's database to ${to} failed: ${(error as Error).message}`);
  } finally {
    base.close();
  }
}

/** One generation's database and HNSW index being written; vectors reach the disk in `writeVectors()`. */
class SqliteWriter implements GenerationWriter {
  private vectorsFile: WrittenGeneration['vectorsFile'] = null;

  constructor(
    private readonly db: Database.Database,
    private readonly vectors: hnswlib.HierarchicalNSW,
    private readonly file: string,
    private readonly hnsw: HnswSettings,
  ) {}

  articleHashes(): Promise<Map<string, string>> {
    return Promise.resolve(readArticleHashes(this.db));
  }

  removeArticles(articleIds: string[]): Promise<number> {
    const removed = this.db.transaction(() => articleIds.flatMap((id) => deleteArticle(this.db, id)))();
    for (const label of removed) this.vectors.markDelete(label);
    return Promise.resolve(removed.length);
  }

  addArticle(
    article: Article,
    chunks: Chunk[],
    vectors: Float32Array[],
    sentences: readonly StoredSentence[][],
  ): Promise<number[]> {
    const ids = this.db.transaction(() => insertArticle(this.db, article, chunks, sentences))();
    addVectors(this.vectors, ids, vectors);
    return Promise.resolve(ids);
  }

  writeVectors(): Promise<void> {
    this.vectorsFile = writeVectorIndex(this.vectors, this.file);
    try {
      checkVectorsFile(this.file, this.vectors.getCurrentCount());
    } catch (error) {
      throw new Error(
        `vectors.hnsw was not written completely (disk full or file size limit?): ${(error as Error).message}`,
      );
    }
    return Promise.resolve();
  }

  finish(): Promise<WrittenGeneration> {
    if (this.vectorsFile === null) return Promise.reject(new Error('finish() called before writeVectors()'));
    const counts = countRows(this.db);
    this.db.pragma('wal_checkpoint(TRUNCATE)');
    this.db.close();
    fsyncPath(this.file);
    return Promise.resolve({
      counts: { ...counts, vectors: this.vectors.getCurrentCount() },
      hnsw: { m: this.hnsw.m, efConstruction: this.hnsw.efConstruction, maxElements: this.vectors.getMaxElements() },
      vectorsFile: this.vectorsFile,
      schema: null,
    });
  }

  close(): void {
    if (this.db.open) this.db.close();
  }
}
