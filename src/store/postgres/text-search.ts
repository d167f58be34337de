import type pg from 'pg';
import type { DateBounds } from '../dated-search.js';
import type { LexicalQuery, LexicalWeights, RankedId } from '../passage.js';
import { publishedWithin } from './dated.js';
import { quoteSchema } from './schema.js';

/**
 * PostgreSQL's own full text search over the passages' lexemes (`lexemesSql`): every query word
 * is analysed by `plainto_tsquery` in the Italian and in the English configuration (passages are
 * analysed in their article's language, questions may be in either), and the lexemes are OR-ed,
 * since an AND of all of a natural question's words matches almost no passage. Ranked by
 * `ts_rank_cd` (cover density: how many matches and how close; no idf), weights {D, C, B, A}.
 */
const FULL_TEXT = (s: string, within: ReturnType<typeof publishedWithin>) => `
  WITH q AS (
    SELECT string_agg(DISTINCT '(' || p.t || ')', ' | ')::tsquery AS q
    FROM unnest($1::text[]) AS w(word)
      CROSS JOIN unnest('{italian,english}'::regconfig[]) AS c(cfg)
      CROSS JOIN LATERAL (SELECT plainto_tsquery(c.cfg, w.word)::text AS t) p
    WHERE p.t <> '')
  SELECT c.id, ts_rank_cd($2::float4[], c.lexemes, q.q) AS score
  FROM ${s}.chunks c CROSS JOIN q ${within.join} WHERE c.lexemes @@ q.q AND ${within.where}
  ORDER BY score DESC, c.id LIMIT $3`;

/**
 * ts_rank_cd's label weights {D, C, B, A}: text (D) 1 and title (A) `weights.title`, scaled
 * into ts_rank_cd's [0, 1] (fusion divides by the best score, so only the ratio counts).
 */
function labelWeights(weights: LexicalWeights): number[] {
  const scale = Math.max(1, weights.title);
  const text = 1 / scale;
  return [text, text, text, weights.title / scale];
}

/**
 * Passages matching any of the query's words by PostgreSQL's full text search, best first
 * (`score`: ts_rank_cd, higher is better); `within`: only passages of articles published then.
 * The analysed stems, prefixes and pairs are not used.
 */
export async function searchFullText(
  pool: pg.Pool,
  schema: string,
  query: LexicalQuery,
  limit: number,
  weights: LexicalWeights,
  within?: DateBounds,
): Promise<RankedId[]> {
  if (query.words.length === 0) return [];
  const s = quoteSchema(schema);
  const filter = publishedWithin(s, within, 4);
  const { rows } = await pool.query<{ id: number; score: number }>(FULL_TEXT(s, filter), [
    query.words,
    labelWeights(weights),
    limit,
    ...filter.params,
  ]);
  return rows.map((r) => ({ id: r.id, score: Number(r.score) }));
}
