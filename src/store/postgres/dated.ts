import type { DateBounds } from '../dated-search.js';

/**
 * The SQL (a JOIN of articles `a` to chunks `c`, then a condition) and parameters that keep the
 * passages of articles published within `bounds`, as the SQLite engine does: an article dated
 * only to the month (`YYYY-MM`) spans that whole month, undated articles are left out. `s`: the
 * quoted schema; `next`: the number of the first free query parameter. No filter without bounds.
 */
export function publishedWithin(
  s: string,
  bounds: DateBounds | undefined,
  next: number,
): { join: string; where: string; params: (string | null)[] } {
  if (bounds === undefined) return { join: '', where: 'TRUE', params: [] };
  const [from, to] = [`$${next}::text`, `$${next + 1}::text`];
  return {
    join: `JOIN ${s}.articles a ON a.rowid = c.article_rowid`,
    where: `a.date IS NOT NULL
      AND (${from} IS NULL OR (CASE WHEN length(a.date) = 7 THEN a.date || '-31' ELSE a.date END) >= ${from})
      AND (${to} IS NULL OR (CASE WHEN length(a.date) = 7 THEN a.date || '-01' ELSE a.date END) <= ${to})`,
    params: [bounds.from, bounds.to],
  };
}
