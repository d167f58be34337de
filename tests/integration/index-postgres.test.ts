import { rmSync } from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isCi } from '../../src/config.js';
import type { Embedder } from '../../src/embedding/embedder.js';
import { loadEmbedder } from '../../src/embedding/load-embedder.js';
import { buildIndex } from '../../src/index/build-index.js';
import { dataLayout, listGenerations, readCurrent } from '../../src/index/layout.js';
import { LiveIndex } from '../../src/index/live-index.js';
import { createPostgresEngine, schemaPrefix, type PostgresEngine } from '../../src/index/postgres/postgres-engine.js';
import { buildLexicalQuery, collectPairs, collectTerms } from '../../src/retrieval/lexical-query.js';
import { retrieve } from '../../src/retrieval/retrieve.js';
import type { RankedId } from '../../src/retrieval/types.js';
import { REAL_SPEC, SEED_ID, makeWorkspace, realBuildOptions, withGeneration } from '../helpers/build-setup.js';
import { fictionalArticle, writeFictionalArticles } from '../helpers/fault-corpus.js';
import { pgUnavailableNote, startPgServer } from '../helpers/pglite-server.js';

// One PGlite server (pgvector) for the file; CI passes the one .ci/run started (TEST_DATABASE_URL).
const server = await startPgServer();
const up = 'url' in server;
const note = up ? '' : pgUnavailableNote(server.unavailable);
const TOWNS = 6;
const WEIGHTS = { prefix: 2.5, pairs: 0.5, title: 0.5 };

describe.skipIf(!up && !isCi())(`the PostgreSQL + pgvector engine (against PGlite's server)${note}`, () => {
  const ws = makeWorkspace();
  const sqliteData = path.join(ws.root, 'data-sqlite');
  let engine: PostgresEngine;
  let admin: pg.Client;
  let embedder: Embedder;
  let live: LiveIndex;

  const build = (dataDir = ws.dataDir, extra = {}) =>
    buildIndex(realBuildOptions(ws.corpusDir, dataDir, { engine, ...extra }));

  beforeAll(async () => {
    if (!('url' in server)) throw new Error(`no PostgreSQL server: ${server.unavailable}`);
    engine = createPostgresEngine(server.url);
    admin = new pg.Client({ connectionString: server.url });
    await admin.connect();
    embedder = await loadEmbedder(REAL_SPEC);
    writeFictionalArticles(ws.corpusDir, 0, TOWNS);
    live = new LiveIndex(ws.dataDir, { efSearch: 100, engine });
  }, 120_000);
  afterAll(async () => {
    live?.close();
    await engine?.end();
    await admin?.end();
    ws.cleanup();
    if ('stop' in server) await server.stop();
  });

  const generationSchemas = async (dataDir: string) => {
    const { rows } = await admin.query<{ name: string }>(
      'SELECT nspname AS name FROM pg_namespace WHERE starts_with(nspname, $1) ORDER BY nspname',
      [schemaPrefix(dataDir)],
    );
    return rows.map((r) => r.name);
  };

  it('on an empty database it creates the vector extension and a schema per generation, and answers', async () => {
    const report = await build();
    expect(report.outcome, report.error ?? '').toBe('success');
    expect(report.articles).toMatchObject({ added: TOWNS + 1, skipped: 0 });
    const { rows } = await admin.query("SELECT extname FROM pg_extension WHERE extname = 'vector'");
    expect(rows).toHaveLength(1);
    const result = await withGeneration(live, async (generation) => {
      expect(generation.manifest).toMatchObject({ engine: 'postgres', vectorsFile: null });
      expect(await generationSchemas(ws.dataDir)).toEqual([generation.manifest.schema]);
      expect(await generation.counts()).toEqual({
        articles: TOWNS + 1,
        chunks: report.chunks.total,
        vectors: report.chunks.total,
      });
      return retrieve({ generation, embedder, question: 'Che cosa ha proposto Lavrov?', language: 'it' });
    });
    expect(result.noAnswer).toBe(false);
    expect(result.groups[0]?.articleId).toBe(SEED_ID);
  }, 180_000);

  it('its BM25 in SQL ranks and scores as FTS5 bm25 does; term statistics, passages and vectors agree with the SQLite engine', async () => {
    const report = await buildIndex(realBuildOptions(ws.corpusDir, sqliteData));
    expect(report.outcome, report.error ?? '').toBe('success');
    const sqliteLive = new LiveIndex(sqliteData, { efSearch: 100 });
    const questions = [
      'Che cosa ha proposto Lavrov?',
      `Quanto è costato il cantiere di ${fictionalArticle(2).town}?`,
      'frana strada provinciale valle',
      'concerto del coro parrocchiale in piazza',
    ];
    try {
      await withGeneration(sqliteLive, (lite) =>
        withGeneration(live, async (pgGen) => {
          expect(await pgGen.listPassages()).toEqual(await lite.listPassages());
          for (const question of questions) {
            const texts = [{ text: question, lang: 'it' as const }];
            const terms = collectTerms(texts);
            const query = buildLexicalQuery(terms, collectPairs(texts));
            if (query === null) throw new Error(`no lexical query for ${question}`);
            const [a, b] = [
              await lite.searchLexical(query, 20, WEIGHTS),
              await pgGen.searchLexical(query, 20, WEIGHTS),
            ];
            expect(a.length).toBeGreaterThan(0);
            expect(b.map((r) => r.id)).toEqual(a.map((r) => r.id));
            b.forEach((r, i) => expect(r.score).toBeCloseTo(a[i]?.score ?? NaN, 6));
            const stems = terms.map((t) => t.stem);
            expect(await pgGen.termStats(stems)).toEqual(await lite.termStats(stems));
            const vector = await embedder.embedQuery(question);
            const [da, db] = [await lite.searchDense(vector, 5), await pgGen.searchDense(vector, 5)];
            expect(db.map((r) => r.id)).toEqual(da.map((r) => r.id));
            const ids = a.map((r) => r.id);
            const [sa, sb] = [await lite.similarities(vector, ids), await pgGen.similarities(vector, ids)];
            for (const id of ids) expect(sb.get(id)).toBeCloseTo(sa.get(id) ?? NaN, 4);
            const [ta, tb] = [await lite.sentences(vector, ids), await pgGen.sentences(vector, ids)];
            expect(ta.length).toBeGreaterThan(ids.length - 1);
            expect(tb.map(({ score: _, ...m }) => m)).toEqual(ta.map(({ score: _, ...m }) => m));
            tb.forEach((m, i) => expect(m.score).toBeCloseTo(ta[i]?.score ?? NaN, 6));
          }
        }),
      );
    } finally {
      sqliteLive.close();
    }
  }, 240_000);

  it('searches within a period as the SQLite engine does: the same passages and lexical scores, month-dated articles spanning their month', async () => {
    const sqliteLive = new LiveIndex(sqliteData, { efSearch: 100 });
    const periods = [
      { from: '2025-05-02', to: '2025-05-04' },
      { from: '2025-07-15', to: null },
      { from: null, to: '2025-05-01' },
      { from: '2026-01-01', to: '2026-12-31' },
    ];
    const texts = [{ text: 'cantiere frana strada Lavrov Rubio', lang: 'it' as const }];
    const query = buildLexicalQuery(collectTerms(texts), collectPairs(texts));
    if (query === null) throw new Error('no lexical query');
    const vector = await embedder.embedQuery('riapertura del cantiere');
    try {
      await withGeneration(sqliteLive, (lite) =>
        withGeneration(live, async (pgGen) => {
          const all = await pgGen.searchLexical(query, 50, WEIGHTS);
          const sizes: number[] = [];
          for (const period of periods) {
            const [a, b] = [
              await lite.searchLexical(query, 50, WEIGHTS, period),
              await pgGen.searchLexical(query, 50, WEIGHTS, period),
            ];
            expect(b.map((r) => r.id)).toEqual(a.map((r) => r.id));
            b.forEach((r, i) => expect(r.score).toBeCloseTo(a[i]?.score ?? NaN, 6));
            // Statistics stay those of the whole generation: a passage scores as in the unrestricted search.
            for (const r of b) expect(r.score).toBeCloseTo(all.find((x) => x.id === r.id)?.score ?? NaN, 6);
            const [da, db] = [await lite.searchDense(vector, 50, period), await pgGen.searchDense(vector, 50, period)];
            expect(db.map((r) => r.id)).toEqual(da.map((r) => r.id));
            sizes.push(b.length, db.length);
          }
          // Three towns; the seed article (dated 2025-07); the first town; nothing in 2026.
          const passagesOf = async (ids: RankedId[]) =>
            new Set([...(await pgGen.passages(ids.map((r) => r.id))).values()].map((p) => p.articleId));
          expect(await passagesOf(await pgGen.searchDense(vector, 50, periods[0]))).toEqual(
            new Set([1, 2, 3].map((n) => fictionalArticle(n).name)),
          );
          expect(await passagesOf(await pgGen.searchDense(vector, 50, periods[1]))).toEqual(new Set([SEED_ID]));
          expect(await passagesOf(await pgGen.searchDense(vector, 50, periods[2]))).toEqual(
            new Set([fictionalArticle(0).name]),
          );
          expect(sizes.slice(-2)).toEqual([0, 0]);
        }),
      );
    } finally {
      sqliteLive.close();
    }
  }, 120_000);

  it('incrementally, a touched article re-embeds only its passages and a deleted one leaves both halves', async () => {
    const before = readCurrent(dataLayout(ws.dataDir));
    writeFictionalArticles(ws.corpusDir, 1, 1, 1);
    const gone = fictionalArticle(3);
    rmSync(path.join(ws.corpusDir, gone.name));
    const report = await build();
    expect(report.outcome, report.error ?? '').toBe('success');
    expect(report.full).toBe(false);
    expect(report.articles).toMatchObject({ updated: 1, removed: 1, added: 0, unchanged: TOWNS - 1 });
    expect(readCurrent(dataLayout(ws.dataDir))).not.toBe(before);
    await withGeneration(live, async (generation) => {
      const passages = await generation.listPassages();
      expect(report.chunks.embedded).toBe(passages.filter((p) => p.articleId === fictionalArticle(1).name).length);
      expect(passages.some((p) => p.articleId === gone.name)).toBe(false);
      const query = buildLexicalQuery(collectTerms([{ text: gone.town, lang: 'it' }]));
      if (query === null) throw new Error('no query');
      expect(await generation.searchLexical(query, 10, WEIGHTS)).toEqual([]);
      const dense = await generation.searchDense(await embedder.embedQuery(`${gone.town} riapre`), 50);
      const ids = new Set(passages.map((p) => p.id));
      expect(dense.length).toBe(passages.length);
      expect(dense.every((r) => ids.has(r.id))).toBe(true);
      // Sentences went with their passages, and the copied generation kept the others'.
      const stored = await generation.sentences(await embedder.embedQuery(gone.town), [...ids, -1]);
      expect(new Set(stored.map((m) => m.passageId))).toEqual(ids);
    });
    const kept = listGenerations(dataLayout(ws.dataDir)).map((g) => g.id);
    expect(kept).toHaveLength(2);
    expect(await generationSchemas(ws.dataDir)).toHaveLength(2);
  }, 180_000);

  it('a build that fails midway leaves the live generation serving as it did and drops its own schema', async () => {
    const question = `Quanti abitanti erano presenti a ${fictionalArticle(0).town}?`;
    const ask = () =>
      withGeneration(live, (generation) => retrieve({ generation, embedder, question, language: 'it' }));
    const before = await ask();
    const liveId = readCurrent(dataLayout(ws.dataDir));
    const schemasBefore = await generationSchemas(ws.dataDir);
    writeFictionalArticles(ws.corpusDir, 10, 3);
    let calls = 0;
    const report = await build(ws.dataDir, {
      wrap: (e: Embedder): Embedder => ({
        ...e,
        embedPassages: (texts) => (++calls > 2 ? Promise.reject(new Error('embedder died')) : e.embedPassages(texts)),
      }),
    });
    expect(report.outcome).toBe('failed');
    expect(report.error).toMatch(/embedder died/);
    expect(readCurrent(dataLayout(ws.dataDir))).toBe(liveId);
    expect(await generationSchemas(ws.dataDir)).toEqual(schemasBefore);
    const after = await ask();
    expect(after.groups.map((g) => g.articleId)).toEqual(before.groups.map((g) => g.articleId));
    expect(after.passages.map((p) => p.score)).toEqual(before.passages.map((p) => p.score));
  }, 180_000);
});
