import type pg from 'pg';
import type { DateBounds } from '../dated-search.js';
import type {
  LexicalQuery,
  LexicalWeights,
  Passage,
  PassageRow,
  RankedId,
  SentenceMatch,
  TermStats,
} from '../passage.js';
import { sentenceCosine, toPassage } from '../passage.js';
import { publishedWithin } from './dated.js';
import { quoteSchema } from './schema.js';
import { FIELDS, inTransaction, toVectorLiteral } from './write.js';

/**
 * FTS5's bm25 (k1 = 1.2, b = 0.75) in SQL over the postings: per query phrase (a stem in the
 * stems and title fields, a prefix term, a stem pair) idf = ln((N − n + 0.5) / (n + 0.5)), at
 * least 1e-6, with n the passages the phrase occurs in; its frequency in a passage is the
 * field-weighted count; the length is the passage's tokens over all fields against the mean.
 * Ranks and scores are those of the SQLite engine's FTS5 on the same passages. `within` keeps
 * the passages of a period after the statistics are taken over all (as FTS5 does).
 */
const BM25 = (s: string, within: ReturnType<typeof publishedWithin>) => `
  WITH q AS (SELECT * FROM unnest($1::int[], $2::text[], $3::smallint[], $4::float8[]) AS q(phrase, term, field, weight)),
  hits AS (
    SELECT p.chunk_id, q.phrase, sum(q.weight * p.tf) AS f
    FROM q JOIN ${s}.postings p ON p.term = q.term AND p.field = q.field
    GROUP BY p.chunk_id, q.phrase),
  df AS (SELECT phrase, count(*)::float8 AS n FROM hits GROUP BY phrase)
  SELECT h.chunk_id AS id,
    sum(greatest(ln((st.passages - df.n + 0.5) / (df.n + 0.5)), 1e-6)
        * (h.f * 2.2) / (h.f + 1.2 * (0.25 + 0.75 * c.len / nullif(st.avg_len, 0)))) AS score
  FROM hits h JOIN df USING (phrase) JOIN ${s}.chunks c ON c.id = h.chunk_id CROSS JOIN ${s}.stats st ${within.join}
  WHERE ${within.where}
  GROUP BY h.chunk_id ORDER BY score DESC, h.chunk_id LIMIT $5`;

/** The query's phrases as parallel arrays: phrase number, term, field, field weight. */
function phrases(query: LexicalQuery, weights: LexicalWeights): [number[], string[], number[], number[]] {
  const out: [number[], string[], number[], number[]] = [[], [], [], []];
  let phrase = 0;
  const add = (term: string, fields: [number, number][]) => {
    for (const [field, weight] of fields) {
      out[0].push(phrase);
      out[1].push(term);
      out[2].push(field);
      out[3].push(weight);
    }
    phrase++;
  };
  for (const stem of query.stems)
    add(stem, [
      [FIELDS.stems, 1],
      [FIELDS.title, weights.title],
    ]);
  for (const prefix of query.prefixes) add(prefix, [[FIELDS.prefixes, weights.prefix]]);
  for (const pair of query.pairs) add(pair, [[FIELDS.pairs, weights.pairs]]);
  return out;
}

/** BM25 over the lexical postings, best first (`score` higher is better); `within`: only passages of articles published then. */
export async function searchBm25(
  pool: pg.Pool,
  schema: string,
  query: LexicalQuery,
  limit: number,
  weights: LexicalWeights,
  within?: DateBounds,
): Promise<RankedId[]> {
  if (query.stems.length === 0) return [];
  const s = quoteSchema(schema);
  const filter = publishedWithin(s, within, 6);
  const { rows } = await pool.query<{ id: number; score: number }>(BM25(s, filter), [
    ...phrases(query, weights),
    limit,
    ...filter.params,
  ]);
  return rows.map((r) => ({ id: r.id, score: Number(r.score) }));
}

/** Passages in the generation and, per stem, how many hold it in their stems field. */
export async function readTermStats(pool: pg.Pool, schema: string, stems: string[]): Promise<TermStats> {
  const s = quoteSchema(schema);
  const [total, docs] = await Promise.all([
    pool.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${s}.chunks`),
    pool.query<{ term: string; n: number }>(
      `SELECT term, count(*)::int AS n FROM ${s}.postings WHERE field = ${FIELDS.stems} AND term = ANY($1::text[]) GROUP BY term`,
      [stems],
    ),
  ]);
  const byTerm = new Map(docs.rows.map((r) => [r.term, r.n]));
  return { passages: total.rows[0]?.n ?? 0, docs: stems.map((t) => byTerm.get(t) ?? 0) };
}

/**
 * HNSW nearest neighbours by cosine distance, searching `efSearch` wide (SET LOCAL: this query
 * only). `within`: the exact nearest among passages of articles published then (an HNSW scan
 * filters after it has taken its `efSearch` candidates, so it can return too few).
 */
export async function searchVectors(
  pool: pg.Pool,
  schema: string,
  query: Float32Array,
  limit: number,
  efSearch: number,
  within?: DateBounds,
): Promise<RankedId[]> {
  const s = quoteSchema(schema);
  if (within !== undefined) {
    const filter = publishedWithin(s, within, 3);
    const { rows } = await pool.query<{ id: number; score: number }>(
      `WITH c AS MATERIALIZED (SELECT c.id, c.embedding FROM ${s}.chunks c ${filter.join} WHERE ${filter.where})
       SELECT id, 1 - (embedding <=> $1::vector) AS score FROM c ORDER BY embedding <=> $1::vector, id LIMIT $2`,
      [toVectorLiteral(query), limit, ...filter.params],
    );
    return rows.map((r) => ({ id: r.id, score: Number(r.score) }));
  }
  return inTransaction(pool, async (client) => {
    await client.query(`SET LOCAL hnsw.ef_search = ${Math.trunc(efSearch)}`);
    const { rows } = await client.query<{ id: number; score: number }>(
      `SELECT id, 1 - (embedding <=> $1::vector) AS score FROM ${s}.chunks ORDER BY embedding <=> $1::vector LIMIT $2`,
      [toVectorLiteral(query), limit],
    );
    return rows.map((r) => ({ id: r.id, score: Number(r.score) }));
  });
}

/** Exact cosine similarity of `query` to the stored vectors of `ids`. */
export async function readSimilarities(
  pool: pg.Pool,
  schema: string,
  query: Float32Array,
  ids: number[],
): Promise<Map<number, number>> {
  if (ids.length === 0) return new Map();
  const { rows } = await pool.query<{ id: number; score: number }>(
    `SELECT id, 1 - (embedding <=> $1::vector) AS score FROM ${quoteSchema(schema)}.chunks WHERE id = ANY($2::int[])`,
    [toVectorLiteral(query), ids],
  );
  return new Map(rows.map((r) => [r.id, Number(r.score)]));
}

/** The stored sentences of the chunks `ids` with their cosine similarity to `query` (unit length), in chunk and text order. */
export async function matchSentences(
  pool: pg.Pool,
  schema: string,
  query: Float32Array,
  ids: number[],
): Promise<SentenceMatch[]> {
  if (ids.length === 0) return [];
  const { rows } = await pool.query<Omit<SentenceMatch, 'score'> & { vector: Buffer }>(
    `SELECT chunk_id AS "passageId", start, "end", translation, vector FROM ${quoteSchema(schema)}.sentences
     WHERE chunk_id = ANY($1::int[]) ORDER BY chunk_id, start`,
    [ids],
  );
  return rows.map(({ vector, ...row }) => ({ ...row, score: sentenceCosine(query, vector) }));
}

const PASSAGES = (s: string) =>
  `SELECT c.id, a.id AS "articleId", c.idx, c.start, c."end", c.text, a.title, a.title_derived AS "titleDerived",
     a.date, a.updated, a.author, a.url, a.lang FROM ${s}.chunks c JOIN ${s}.articles a ON a.rowid = c.article_rowid`;

/** The passages with these chunk ids, with their articles' metadata (missing ids are left out). */
export async function loadPassages(pool: pg.Pool, schema: string, ids: number[]): Promise<Map<number, Passage>> {
  if (ids.length === 0) return new Map();
  const { rows } = await pool.query<PassageRow>(`${PASSAGES(quoteSchema(schema))} WHERE c.id = ANY($1::int[])`, [ids]);
  return new Map(rows.map((r) => [r.id, toPassage(r)]));
}

/** Every passage in chunk-id order, at most `limit`. */
export async function listPassages(pool: pg.Pool, schema: string, limit: number): Promise<Passage[]> {
  const { rows } = await pool.query<PassageRow>(`${PASSAGES(quoteSchema(schema))} ORDER BY c.id LIMIT $1`, [limit]);
  return rows.map(toPassage);
}
