import Database from 'better-sqlite3';
import type { Article } from '../corpus/article.js';
import type { Chunk } from '../chunking/chunk.js';
import { sentenceVectorBytes, type StoredSentence } from './passage.js';
import { analyzeForIndex } from '../text/analyze.js';

/** Bumped whenever the generation database's layout changes; a mismatch means "reindex". */
export const INDEX_SCHEMA_VERSION = 5;

const SCHEMA = `
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS articles (
  rowid INTEGER PRIMARY KEY,
  id TEXT NOT NULL UNIQUE,
  source_path TEXT NOT NULL,
  title TEXT NOT NULL,
  title_derived INTEGER NOT NULL,
  date TEXT,
  updated TEXT,
  author TEXT,
  url TEXT,
  lang TEXT NOT NULL,
  tags TEXT NOT NULL,
  text TEXT NOT NULL,
  hash TEXT NOT NULL
);
-- AUTOINCREMENT: a chunk id (= HNSW label) is never reused, even after its article is removed.
CREATE TABLE IF NOT EXISTS chunks (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  article_rowid INTEGER NOT NULL REFERENCES articles(rowid) ON DELETE CASCADE,
  idx INTEGER NOT NULL,
  start INTEGER NOT NULL,
  end INTEGER NOT NULL,
  text TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS chunks_by_article ON chunks(article_rowid);
-- Each chunk's sentences with their vectors, for the extractive answer's scorer (schema 5).
CREATE TABLE IF NOT EXISTS sentences (
  chunk_id INTEGER NOT NULL REFERENCES chunks(id) ON DELETE CASCADE,
  start INTEGER NOT NULL,
  end INTEGER NOT NULL,
  translation TEXT,
  vector BLOB NOT NULL
);
CREATE INDEX IF NOT EXISTS sentences_by_chunk ON sentences(chunk_id);
CREATE VIRTUAL TABLE IF NOT EXISTS chunks_fts USING fts5(stems, prefixes, pairs, title, tokenize = 'unicode61 remove_diacritics 2');
CREATE VIRTUAL TABLE IF NOT EXISTS chunks_vocab USING fts5vocab(chunks_fts, 'col');
`;

/** Thrown when a database is not a generation of this schema version. */
export class IndexSchemaError extends Error {
  override readonly name = 'IndexSchemaError';
}

/**
 * Opens (creating if `create`) one generation's database. Read-only handles are for serving.
 * Throws IndexSchemaError when the schema version differs.
 */
export function openIndexDb(file: string, options: { create?: boolean; readonly?: boolean } = {}): Database.Database {
  const db = new Database(file, { readonly: options.readonly ?? false, fileMustExist: !(options.create ?? false) });
  try {
    if (!(options.readonly ?? false)) {
      db.pragma('journal_mode = WAL');
      db.pragma('foreign_keys = ON');
      db.pragma('synchronous = NORMAL');
    }
    if (options.create ?? false) {
      db.exec(SCHEMA);
      db.prepare('INSERT OR IGNORE INTO meta (key, value) VALUES (?, ?)').run(
        'schemaVersion',
        String(INDEX_SCHEMA_VERSION),
      );
    }
    const row = db.prepare("SELECT value FROM meta WHERE key = 'schemaVersion'").get() as { value: string } | undefined;
    if (row?.value !== String(INDEX_SCHEMA_VERSION)) {
      throw new IndexSchemaError(
        `${file} has schema version ${row?.value ?? 'none'}, this program needs ${INDEX_SCHEMA_VERSION}: run a full reindex`,
      );
    }
    return db;
  } catch (error) {
    db.close();
    if (error instanceof IndexSchemaError) throw error;
    throw new IndexSchemaError(`${file} is not a readable index database: ${(error as Error).message}`);
  }
}

/** Article id → content hash, for incremental builds. */
export function readArticleHashes(db: Database.Database): Map<string, string> {
  const rows = db.prepare('SELECT id, hash FROM articles').all() as { id: string; hash: string }[];
  return new Map(rows.map((r) => [r.id, r.hash]));
}

/** Removes an article with its chunks and their lexical rows; returns the removed chunk ids. */
export function deleteArticle(db: Database.Database, articleId: string): number[] {
  const ids = (
    db
      .prepare('SELECT c.id FROM chunks c JOIN articles a ON a.rowid = c.article_rowid WHERE a.id = ?')
      .all(articleId) as { id: number }[]
  ).map((r) => r.id);
  const deleteFts = db.prepare('DELETE FROM chunks_fts WHERE rowid = ?');
  for (const id of ids) deleteFts.run(id);
  db.prepare('DELETE FROM chunks WHERE article_rowid = (SELECT rowid FROM articles WHERE id = ?)').run(articleId);
  db.prepare('DELETE FROM articles WHERE id = ?').run(articleId);
  return ids;
}

/**
 * Stores an article and its chunks (with their lexical rows and `sentences`, one list per chunk
 * in order); returns the new chunk ids in order.
 */
export function insertArticle(
  db: Database.Database,
  article: Article,
  chunks: Chunk[],
  sentences: readonly StoredSentence[][],
): number[] {
  const { lastInsertRowid } = db
    .prepare(
      `INSERT INTO articles (id, source_path, title, title_derived, date, updated, author, url, lang, tags, text, hash)
       VALUES (@id, @sourcePath, @title, @titleDerived, @date, @updated, @author, @url, @lang, @tags, @text, @hash)`,
    )
    .run({ ...article, titleDerived: article.titleDerived ? 1 : 0, tags: JSON.stringify(article.tags) });
  const insertChunk = db.prepare('INSERT INTO chunks (article_rowid, idx, start, end, text) VALUES (?, ?, ?, ?, ?)');
  const insertFts = db.prepare('INSERT INTO chunks_fts (rowid, stems, prefixes, pairs, title) VALUES (?, ?, ?, ?, ?)');
  const insertSentence = db.prepare(
    'INSERT INTO sentences (chunk_id, start, end, translation, vector) VALUES (?, ?, ?, ?, ?)',
  );
  // A derived title repeats the first sentence; only a real one adds to every passage.
  const title = article.titleDerived ? '' : analyzeForIndex(article.title, article.lang).stems;
  return chunks.map((chunk, i) => {
    const id = Number(
      insertChunk.run(lastInsertRowid, chunk.index, chunk.start, chunk.end, chunk.text).lastInsertRowid,
    );
    const fields = analyzeForIndex(chunk.text, article.lang);
    insertFts.run(id, fields.stems, fields.prefixes, fields.pairs, title);
    for (const s of sentences[i] ?? [])
      insertSentence.run(id, s.start, s.end, s.translation, sentenceVectorBytes(s.vector));
    return id;
  });
}

/** Every article's metadata and text, by id (for inspection and tests). */
export function listArticles(
  db: Database.Database,
): Pick<Article, 'id' | 'url' | 'title' | 'author' | 'date' | 'lang' | 'tags' | 'text'>[] {
  const rows = db
    .prepare('SELECT id, url, title, author, date, lang, tags, text FROM articles ORDER BY id')
    .all() as (Omit<Article, 'tags'> & { tags: string })[];
  return rows.map((r) => ({ ...r, tags: JSON.parse(r.tags) as string[] }));
}

/** Article and chunk counts. */
export function countRows(db: Database.Database): { articles: number; chunks: number } {
  const articles = (db.prepare('SELECT count(*) AS n FROM articles').get() as { n: number }).n;
  const chunks = (db.prepare('SELECT count(*) AS n FROM chunks').get() as { n: number }).n;
  return { articles, chunks };
}
