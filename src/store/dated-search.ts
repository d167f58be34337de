import type Database from 'better-sqlite3';
import { toFtsMatch } from './index-search.js';
import type { LexicalQuery, LexicalWeights, RankedId } from './passage.js';

/** Inclusive publication-date bounds (`YYYY-MM-DD`); null: unbounded on that side. */
export interface DateBounds {
  from: string | null;
  to: string | null;
}

// An article dated only to the month (`YYYY-MM`) spans that whole month.
const OVERLAPS = `a.date IS NOT NULL
  AND (@from IS NULL OR (CASE WHEN length(a.date) = 7 THEN a.date || '-31' ELSE a.date END) >= @from)
  AND (@to IS NULL OR (CASE WHEN length(a.date) = 7 THEN a.date || '-01' ELSE a.date END) <= @to)`;

/** Ids of the chunks whose article was published within `bounds` (articles without a date are left out). */
export function chunkIdsPublishedWithin(db: Database.Database, bounds: DateBounds): Set<number> {
  const rows = db
    .prepare(`SELECT c.id FROM chunks c JOIN articles a ON a.rowid = c.article_rowid WHERE ${OVERLAPS}`)
    .all(bounds) as { id: number }[];
  return new Set(rows.map((r) => r.id));
}

/**
 * searchFts restricted to articles published within `bounds`: FTS5 bm25 with the given field
 * weights, best first; `score` is -bm25 (the same as the unrestricted search gives the same row).
 */
export function searchFtsWithin(
  db: Database.Database,
  query: LexicalQuery,
  limit: number,
  weights: LexicalWeights,
  bounds: DateBounds,
): RankedId[] {
  const match = toFtsMatch(query);
  if (match === null) return [];
  const rows = db
    .prepare(
      `SELECT f.rowid AS id, bm25(chunks_fts, 1.0, @prefix, @pairs, @title) AS rank
       FROM chunks_fts f JOIN chunks c ON c.id = f.rowid JOIN articles a ON a.rowid = c.article_rowid
       WHERE chunks_fts MATCH @match AND ${OVERLAPS}
       ORDER BY rank LIMIT @limit`,
    )
    .all({ ...weights, ...bounds, match, limit }) as { id: number; rank: number }[];
  return rows.map((r) => ({ id: r.id, score: -r.rank }));
}
