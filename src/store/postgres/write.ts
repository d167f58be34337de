import type pg from 'pg';
import type { Chunk } from '../../chunking/chunk.js';
import type { Article } from '../../corpus/article.js';
import { analyzeForIndex } from '../../text/analyze.js';
import { sentenceVectorBytes, type StoredSentence } from '../passage.js';
import { lexemesSql, quoteSchema } from './schema.js';

/** Lexical fields, as numbered in the postings table (the SQLite engine's FTS5 columns, in order). */
export const FIELDS = { stems: 0, prefixes: 1, pairs: 2, title: 3 } as const;

/** pgvector's text form of a vector. */
export const toVectorLiteral = (v: Float32Array): string => `[${Array.from(v).join(',')}]`;

/** Runs `work` in one short transaction on one pooled connection. */
export async function inTransaction<T>(pool: pg.Pool, work: (client: pg.PoolClient) => Promise<T>): Promise<T> {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    const out = await work(client);
    await client.query('COMMIT');
    return out;
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
}

/** Article id → content hash. */
export async function readArticleHashes(pool: pg.Pool, schema: string): Promise<Map<string, string>> {
  const { rows } = await pool.query<{ id: string; hash: string }>(
    `SELECT id, hash FROM ${quoteSchema(schema)}.articles`,
  );
  return new Map(rows.map((r) => [r.id, r.hash]));
}

/** Removes articles with their chunks and postings in one transaction; returns how many chunks went. */
export async function deleteArticles(pool: pg.Pool, schema: string, articleIds: string[]): Promise<number> {
  if (articleIds.length === 0) return 0;
  const s = quoteSchema(schema);
  return inTransaction(pool, async (client) => {
    const { rows } = await client.query<{ id: number }>(
      `SELECT c.id FROM ${s}.chunks c JOIN ${s}.articles a ON a.rowid = c.article_rowid WHERE a.id = ANY($1::text[])`,
      [articleIds],
    );
    const ids = rows.map((r) => r.id);
    await client.query(`DELETE FROM ${s}.postings WHERE chunk_id = ANY($1::int[])`, [ids]);
    await client.query(`DELETE FROM ${s}.sentences WHERE chunk_id = ANY($1::int[])`, [ids]);
    await client.query(`DELETE FROM ${s}.chunks WHERE id = ANY($1::int[])`, [ids]);
    await client.query(`DELETE FROM ${s}.articles WHERE id = ANY($1::text[])`, [articleIds]);
    return ids.length;
  });
}

/**
 * Stores an article, its chunks with their vectors and full-text lexemes, the chunks'
 * postings (the same analysed fields as the SQLite engine's FTS5 columns) and `sentences` (each
 * chunk's, in order) in one transaction; returns the chunk ids in order.
 */
export async function insertArticle(
  pool: pg.Pool,
  schema: string,
  article: Article,
  chunks: Chunk[],
  vectors: Float32Array[],
  sentences: readonly StoredSentence[][],
): Promise<number[]> {
  const s = quoteSchema(schema);
  // A derived title repeats the first sentence; only a real one adds to every passage.
  const title = article.titleDerived ? '' : analyzeForIndex(article.title, article.lang).stems;
  const analysed = chunks.map((c) => ({ ...analyzeForIndex(c.text, article.lang), title }));
  return inTransaction(pool, async (client) => {
    const { rows } = await client.query<{ rowid: number }>(
      `INSERT INTO ${s}.articles (id, source_path, title, title_derived, date, updated, author, url, lang, tags, text, hash)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12) RETURNING rowid`,
      [
        article.id,
        article.sourcePath,
        article.title,
        article.titleDerived,
        article.date,
        article.updated,
        article.author,
        article.url,
        article.lang,
        JSON.stringify(article.tags),
        article.text,
        article.hash,
      ],
    );
    const rowid = rows[0]?.rowid;
    if (rowid === undefined) throw new Error(`inserting article ${article.id} returned no row`);
    if (chunks.length === 0) return [];
    const inserted = await client.query<{ id: number; idx: number }>(
      `INSERT INTO ${s}.chunks (article_rowid, idx, start, "end", text, len, embedding, lexemes)
       SELECT $1, t.idx, t.start, t.e, t.text, t.len, t.v::vector, ${lexemesSql('$8::text', '$9::text', 't.text')}
       FROM unnest($2::int[], $3::int[], $4::int[], $5::text[], $6::int[], $7::text[]) WITH ORDINALITY
         AS t(idx, start, e, text, len, v, n)
       ORDER BY t.n RETURNING id, idx`,
      [
        rowid,
        chunks.map((c) => c.index),
        chunks.map((c) => c.start),
        chunks.map((c) => c.end),
        chunks.map((c) => c.text),
        analysed.map((f) => tokenCount(f.stems) + tokenCount(f.prefixes) + tokenCount(f.pairs) + tokenCount(f.title)),
        chunks.map((c, i) => {
          const v = vectors[i];
          if (v === undefined) throw new Error(`no vector for chunk ${c.index} of ${article.id}`);
          return toVectorLiteral(v);
        }),
        article.lang,
        article.titleDerived ? '' : article.title,
      ],
    );
    const idByIndex = new Map(inserted.rows.map((r) => [r.idx, r.id]));
    const ids = chunks.map((c) => idByIndex.get(c.index) ?? -1);
    const postings = { chunk: [] as number[], field: [] as number[], term: [] as string[], tf: [] as number[] };
    analysed.forEach((fields, i) => {
      for (const [name, field] of Object.entries(FIELDS)) {
        for (const [term, tf] of countTerms(fields[name as keyof typeof FIELDS])) {
          postings.chunk.push(ids[i] ?? -1);
          postings.field.push(field);
          postings.term.push(term);
          postings.tf.push(tf);
        }
      }
    });
    await client.query(
      `INSERT INTO ${s}.postings (chunk_id, field, term, tf) SELECT * FROM unnest($1::int[], $2::smallint[], $3::text[], $4::int[])`,
      [postings.chunk, postings.field, postings.term, postings.tf],
    );
    const stored = chunks.flatMap((_, i) => (sentences[i] ?? []).map((sentence) => ({ id: ids[i] ?? -1, sentence })));
    await client.query(
      `INSERT INTO ${s}.sentences (chunk_id, start, "end", translation, vector)
       SELECT * FROM unnest($1::int[], $2::int[], $3::int[], $4::text[], $5::bytea[])`,
      [
        stored.map((r) => r.id),
        stored.map((r) => r.sentence.start),
        stored.map((r) => r.sentence.end),
        stored.map((r) => r.sentence.translation),
        stored.map((r) => sentenceVectorBytes(r.sentence.vector)),
      ],
    );
    return ids;
  });
}

const tokens = (field: string): string[] => field.split(' ').filter((t) => t !== '');
const tokenCount = (field: string): number => tokens(field).length;

function countTerms(field: string): Map<string, number> {
  const counts = new Map<string, number>();
  for (const t of tokens(field)) counts.set(t, (counts.get(t) ?? 0) + 1);
  return counts;
}

/** Article and chunk counts. */
export async function countRows(pool: pg.Pool, schema: string): Promise<{ articles: number; chunks: number }> {
  const s = quoteSchema(schema);
  const { rows } = await pool.query<{ articles: number; chunks: number }>(
    `SELECT (SELECT count(*)::int FROM ${s}.articles) AS articles, (SELECT count(*)::int FROM ${s}.chunks) AS chunks`,
  );
  return rows[0] ?? { articles: 0, chunks: 0 };
}
