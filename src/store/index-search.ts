import type Database from 'better-sqlite3';
import type {
  LexicalQuery,
  LexicalWeights,
  Passage,
  PassageRow,
  RankedId,
  SentenceMatch,
  TermStats,
} from './passage.js';
import { sentenceCosine, toPassage } from './passage.js';

const quote = (term: string) => `"${term.replace(/"/g, '""')}"`;

/**
 * The FTS5 MATCH expression of a lexical query: stems OR-ed in the stems and title columns,
 * prefix terms in the prefixes column, stem pairs in the pairs column, each term quoted so
 * nothing the user typed is read as query syntax. Null when the query has no stem.
 */
export function toFtsMatch(query: LexicalQuery): string | null {
  if (query.stems.length === 0) return null;
  const stems = query.stems.map(quote).join(' OR ');
  const prefixes = query.prefixes.map(quote).join(' OR ');
  const pairPart = query.pairs.length === 0 ? '' : ` OR pairs : (${query.pairs.map(quote).join(' OR ')})`;
  return `{stems title} : (${stems}) OR prefixes : (${prefixes})${pairPart}`;
}

/**
 * FTS5 bm25 over the stems field (weight 1), the prefix-term, stem-pair and title fields
 * (`weights`), best first; `score` is -bm25 (higher is better).
 */
export function searchFts(
  db: Database.Database,
  query: LexicalQuery,
  limit: number,
  weights: LexicalWeights,
): RankedId[] {
  const match = toFtsMatch(query);
  if (match === null) return [];
  const rows = db
    .prepare(
      'SELECT rowid AS id, bm25(chunks_fts, 1.0, ?, ?, ?) AS rank FROM chunks_fts WHERE chunks_fts MATCH ? ORDER BY rank LIMIT ?',
    )
    .all(weights.prefix, weights.pairs, weights.title, match, limit) as { id: number; rank: number }[];
  return rows.map((r) => ({ id: r.id, score: -r.rank }));
}

/** Passages in the database and, for each stem, how many passages' stems field holds it. */
export function readTermStats(db: Database.Database, stems: string[]): TermStats {
  const passages = (db.prepare('SELECT count(*) AS n FROM chunks').get() as { n: number }).n;
  const df = db.prepare("SELECT doc FROM chunks_vocab WHERE col = 'stems' AND term = ?");
  return { passages, docs: stems.map((stem) => (df.get(stem) as { doc: number } | undefined)?.doc ?? 0) };
}

const PASSAGE_COLUMNS = `c.id, a.id AS articleId, c.idx, c.start, c.end, c.text, a.title, a.title_derived AS titleDerived,
  a.date, a.updated, a.author, a.url, a.lang FROM chunks c JOIN articles a ON a.rowid = c.article_rowid`;

/** The passages with these chunk ids, with their articles' metadata (missing ids are left out). */
export function loadPassages(db: Database.Database, ids: number[]): Map<number, Passage> {
  const out = new Map<number, Passage>();
  if (ids.length === 0) return out;
  const rows = db
    .prepare(`SELECT ${PASSAGE_COLUMNS} WHERE c.id IN (SELECT value FROM json_each(?))`)
    .all(JSON.stringify(ids)) as PassageRow[];
  for (const row of rows) out.set(row.id, toPassage(row));
  return out;
}

/** Every passage in chunk-id order (the order a build stored them), at most `limit`. */
export function listPassages(db: Database.Database, limit: number): Passage[] {
  const rows = db.prepare(`SELECT ${PASSAGE_COLUMNS} ORDER BY c.id LIMIT ?`).all(limit) as PassageRow[];
  return rows.map(toPassage);
}

/** The stored sentences of the chunks `ids` with their cosine similarity to `query` (unit length), in chunk and text order. */
export function matchSentences(db: Database.Database, query: Float32Array, ids: number[]): SentenceMatch[] {
  if (ids.length === 0) return [];
  const rows = db
    .prepare(
      'SELECT chunk_id AS passageId, start, end, translation, vector FROM sentences WHERE chunk_id IN (SELECT value FROM json_each(?)) ORDER BY chunk_id, start',
    )
    .all(JSON.stringify(ids)) as (Omit<SentenceMatch, 'score'> & { vector: Buffer })[];
  return rows.map(({ vector, ...row }) => ({ ...row, score: sentenceCosine(query, vector) }));
}
