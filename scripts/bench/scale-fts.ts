import path from 'node:path';
import type Database from 'better-sqlite3';
import type { Chunk } from '../../src/chunking/chunk.js';
import type { Article } from '../../src/corpus/article.js';
import { knobsFor, lexicalWeights } from '../../src/retrieval/knobs.js';
import { buildLexicalQuery, collectTerms } from '../../src/retrieval/lexical-query.js';
import { insertArticle, openIndexDb } from '../../src/store/index-db.js';
import type { Term } from '../../src/text/analyze.js';
import { searchFts } from '../../src/store/index-search.js';
import { summarize } from './stats.js';
import { createTextSource, type TextSource } from './synthetic.js';
import type { ScaleResult } from './types.js';

/** Synthetic passages per article and words per passage (close to the product's ~240-token chunks in words). */
const PASSAGES_PER_ARTICLE = 10;
const WORDS_PER_PASSAGE = 70;
const ARTICLES_PER_TRANSACTION = 200;
const QUERIES = 200;
const QUERY_WORDS = 4;
const PROGRESS_MS = 10_000;

/**
 * The lexical half of a scale point: a product index database in `dir` filled with `passages`
 * synthetic passages, its build time, and the latency of 200 four-word synthetic queries asking
 * for `limit` candidates. Throws when the database cannot be created.
 */
export function measureLexical(
  passages: number,
  dir: string,
  limit: number,
  log: (line: string) => void,
): Pick<ScaleResult, 'ftsBuildMs' | 'ftsP50Ms' | 'ftsP95Ms'> {
  const db = openIndexDb(path.join(dir, `fts-${passages}.db`), { create: true });
  try {
    const text = createTextSource(7);
    const start = performance.now();
    let lastLog = start;
    fillSyntheticStore(db, text, passages, (done) => {
      if (performance.now() - lastLog < PROGRESS_MS) return;
      lastLog = performance.now();
      log(`FTS ${done}/${passages} passages`);
    });
    const ftsBuildMs = Math.round(performance.now() - start);
    const latency = summarize(
      timeLexicalQueries(
        db,
        Array.from({ length: QUERIES }, () => text.query(QUERY_WORDS)),
        limit,
      ),
    );
    return { ftsBuildMs, ftsP50Ms: latency.p50Ms, ftsP95Ms: latency.p95Ms };
  } finally {
    db.close();
  }
}

/**
 * Fills a product index database (opened with `openIndexDb(…, { create: true })`) with `passages`
 * synthetic Italian-like passages through the product's own `insertArticle` (articles, chunks,
 * FTS5 rows with stems and prefixes). Calls `onProgress` with passages stored so far.
 */
export function fillSyntheticStore(
  db: Database.Database,
  text: TextSource,
  passages: number,
  onProgress: (done: number) => void,
): void {
  const insertBatch = db.transaction((articles: { article: Article; chunks: Chunk[] }[]) => {
    for (const { article, chunks } of articles) insertArticle(db, article, chunks, []);
  });
  let done = 0;
  let batch: { article: Article; chunks: Chunk[] }[] = [];
  for (let a = 0; done < passages; a++) {
    const count = Math.min(PASSAGES_PER_ARTICLE, passages - done);
    batch.push(
      syntheticArticle(
        a,
        Array.from({ length: count }, () => text.passage(WORDS_PER_PASSAGE)),
      ),
    );
    done += count;
    if (batch.length === ARTICLES_PER_TRANSACTION || done === passages) {
      insertBatch(batch);
      batch = [];
      onProgress(done);
    }
  }
}

function syntheticArticle(n: number, texts: string[]): { article: Article; chunks: Chunk[] } {
  const chunks: Chunk[] = [];
  let offset = 0;
  texts.forEach((t, index) => {
    chunks.push({ index, start: offset, end: offset + t.length, text: t });
    offset += t.length + 2;
  });
  const article: Article = {
    id: `synthetic-${n}`,
    sourcePath: 'synthetic.jsonl',
    title: `Articolo sintetico ${n}`,
    titleDerived: false,
    date: null,
    updated: null,
    author: null,
    url: null,
    lang: 'it',
    tags: [],
    text: texts.join('\n\n'),
    hash: `synthetic-${n}`,
  };
  return { article, chunks };
}

/**
 * Times the product's lexical stage as `retrieve()` times it (lexical query + FTS5 search)
 * for each query, after analysing it with `collectTerms` outside the timing. Returns milliseconds.
 */
export function timeLexicalQueries(db: Database.Database, queries: string[], limit: number): number[] {
  const analysed = queries.map((q) => collectTerms([{ text: q, lang: 'it' }]));
  const weights = lexicalWeights(knobsFor('synthetic'));
  const search = (terms: Term[]) => {
    const query = buildLexicalQuery(terms);
    return query === null ? [] : searchFts(db, query, limit, weights);
  };
  for (const terms of analysed.slice(0, 10)) search(terms);
  return analysed.map((terms) => {
    const start = performance.now();
    search(terms);
    return performance.now() - start;
  });
}
