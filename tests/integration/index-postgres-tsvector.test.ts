import { rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isCi } from '../../src/config.js';
import { buildIndex } from '../../src/index/build-index.js';
import { dataLayout, readCurrent } from '../../src/index/layout.js';
import { LiveIndex } from '../../src/index/live-index.js';
import { createPostgresEngine, type PostgresEngine } from '../../src/index/postgres/postgres-engine.js';
import type { Generation } from '../../src/index/searchable-index.js';
import { buildLexicalQuery, collectTerms } from '../../src/retrieval/lexical-query.js';
import type { LexicalQuery } from '../../src/retrieval/types.js';
import type { Lang } from '../../src/text/lang.js';
import { makeWorkspace, realBuildOptions, withGeneration } from '../helpers/build-setup.js';
import { FAKE_SPEC, fakeModels } from '../helpers/fake-embedder.js';
import { fictionalArticle, writeFictionalArticles } from '../helpers/fault-corpus.js';
import { pgUnavailableNote, startPgServer } from '../helpers/pglite-server.js';

// One PGlite server (pgvector) for the file; CI passes the one .ci/run started (TEST_DATABASE_URL).
const server = await startPgServer();
const up = 'url' in server;
const note = up ? '' : pgUnavailableNote(server.unavailable);
const TOWNS = 4;
const WEIGHTS = { prefix: 2.5, pairs: 0.5, title: 0.5 };
const ENGLISH = {
  name: 'harbour.md',
  text: '---\ntitle: Harbour talks\nlang: en\ndate: 2025-06-02\n---\nThe harbour board met the fishermen twice in June. Both meetings ended without an agreement on the new quay fees.\n',
};

const towns = (from: number, count: number) =>
  new Set(Array.from({ length: count }, (_, i) => fictionalArticle(from + i).name));

describe.skipIf(!up && !isCi())(
  `the PostgreSQL engine's to_tsvector + ts_rank_cd channel (against PGlite's server)${note}`,
  () => {
    const ws = makeWorkspace();
    let engine: PostgresEngine;
    let admin: pg.Client;
    let live: LiveIndex;
    const embedded: string[] = [];

    const build = () =>
      buildIndex(
        realBuildOptions(ws.corpusDir, ws.dataDir, {
          engine,
          configuredModelId: FAKE_SPEC.id,
          models: fakeModels(embedded),
        }),
      );
    const served = <T>(work: (g: Generation) => Promise<T>) => withGeneration(live, work);
    const queryOf = (text: string, lang: Lang = 'it'): LexicalQuery => {
      const query = buildLexicalQuery(collectTerms([{ text, lang }]));
      if (query === null) throw new Error(`no lexical query for ${text}`);
      return query;
    };
    /** Passages of the live generation matching `text` by full text, with their texts. */
    const search = (text: string, lang: Lang = 'it') =>
      served(async (g) => {
        const hits = await g.searchLexical(queryOf(text, lang), 50, WEIGHTS);
        const passages = await g.passages(hits.map((h) => h.id));
        return hits.map((h) => ({
          ...h,
          articleId: passages.get(h.id)?.articleId,
          text: passages.get(h.id)?.text ?? '',
        }));
      });

    beforeAll(async () => {
      if (!('url' in server)) throw new Error(`no PostgreSQL server: ${server.unavailable}`);
      engine = createPostgresEngine(server.url, { lexical: 'tsvector' });
      admin = new pg.Client({ connectionString: server.url });
      await admin.connect();
      writeFictionalArticles(ws.corpusDir, 0, TOWNS);
      writeFileSync(path.join(ws.corpusDir, ENGLISH.name), ENGLISH.text);
      live = new LiveIndex(ws.dataDir, { efSearch: 100, engine });
      const report = await build();
      expect(report.outcome, report.error ?? '').toBe('success');
    }, 120_000);
    afterAll(async () => {
      live?.close();
      await engine?.end();
      await admin?.end();
      ws.cleanup();
      if ('stop' in server) await server.stop();
    });

    it('finds Italian passages by an inflected form the text does not hold (Italian stemming), and English ones by English stemming', async () => {
      // The articles say "una frana aveva bloccato la strada"; nobody wrote "bloccata".
      const italian = await search('bloccata');
      expect(new Set(italian.map((h) => h.articleId))).toEqual(towns(0, TOWNS));
      for (const hit of italian) {
        expect(hit.text).toMatch(/bloccato/);
        expect(hit.text).not.toMatch(/bloccata/);
      }
      const english = await search('meeting', 'en');
      expect(english.map((h) => h.articleId)).toEqual([ENGLISH.name]);
      expect(english[0]?.text).toMatch(/meetings/);
      expect(await search('acquedotto')).toEqual([]);
    });

    it('ranks a passage holding more of the question words above those holding one, best first', async () => {
      const town = fictionalArticle(2).town;
      const hits = await search(`frana ${town}`);
      const top = hits[0];
      expect(top?.text).toContain(town);
      expect(top?.text).toMatch(/frana/);
      const onlyFrana = hits.filter((h) => h.articleId !== fictionalArticle(2).name);
      expect(new Set(onlyFrana.map((h) => h.articleId))).toEqual(
        new Set([...towns(0, TOWNS)].filter((t) => t !== fictionalArticle(2).name)),
      );
      for (const hit of onlyFrana) expect(hit.score).toBeLessThan(top?.score ?? 0);
      hits.slice(1).forEach((hit, i) => expect(hit.score).toBeLessThanOrEqual(hits[i]?.score ?? 0));
      // The scores are PostgreSQL's ts_rank_cd of the OR of both configurations' lexemes (text 1, title .5).
      const schema = await served((g) => Promise.resolve(g.manifest.schema));
      const q = `plainto_tsquery('italian', 'frana') || plainto_tsquery('italian', $1) || plainto_tsquery('english', 'frana') || plainto_tsquery('english', $1)`;
      const { rows } = await admin.query<{ id: number; score: number }>(
        `SELECT id, ts_rank_cd('{1,1,1,0.5}', lexemes, ${q}) AS score FROM "${schema}".chunks WHERE lexemes @@ (${q}) ORDER BY score DESC, id`,
        [town.toLowerCase()],
      );
      expect(hits.map((h) => h.id)).toEqual(rows.map((r) => r.id));
      hits.forEach((hit, i) => expect(hit.score).toBeCloseTo(rows[i]?.score ?? NaN, 6));
    });

    it('reads question words as words, never as tsquery syntax', async () => {
      const odd: LexicalQuery = {
        stems: ['x'],
        prefixes: [],
        pairs: [],
        words: ["l'acqua", 'a & b', '!', '|', 'or', ':*'],
      };
      await expect(served((g) => g.searchLexical(odd, 10, WEIGHTS))).resolves.toBeInstanceOf(Array);
    });

    it('searches within a period: only passages of articles published then, scored as in the whole generation', async () => {
      const query = queryOf('bloccata');
      const { all, within } = await served(async (g) => ({
        all: await g.searchLexical(query, 50, WEIGHTS),
        within: await g.searchLexical(query, 50, WEIGHTS, { from: '2025-05-02', to: '2025-05-03' }),
      }));
      const passages = await served((g) => g.passages(within.map((h) => h.id)));
      expect(new Set([...passages.values()].map((p) => p.articleId))).toEqual(towns(1, 2));
      expect(within).toEqual(all.filter((h) => within.some((w) => w.id === h.id)));
    });

    it('an incremental build copies unchanged lexemes, analyses only what changed, and the old generation is not searched', async () => {
      const before = readCurrent(dataLayout(ws.dataDir));
      const oldSchema = await served((g) => Promise.resolve(g.manifest.schema));
      const [changed, gone] = [fictionalArticle(1), fictionalArticle(3)];
      writeFictionalArticles(ws.corpusDir, 1, 1, 1);
      rmSync(path.join(ws.corpusDir, gone.name));
      embedded.length = 0;
      const report = await build();
      expect(report.outcome, report.error ?? '').toBe('success');
      expect(report.full).toBe(false);
      expect(readCurrent(dataLayout(ws.dataDir))).not.toBe(before);
      const schema = await served((g) => Promise.resolve(g.manifest.schema));
      expect(schema).not.toBe(oldSchema);
      const rows = async (s: string | null) =>
        (
          await admin.query<{ id: number; article: string; lexemes: string }>(
            `SELECT c.id, a.id AS article, c.lexemes::text AS lexemes FROM "${s}".chunks c JOIN "${s}".articles a ON a.rowid = c.article_rowid ORDER BY c.id`,
          )
        ).rows;
      const [oldRows, newRows] = [await rows(oldSchema), await rows(schema)];
      // Unchanged articles keep their chunk ids and lexemes; only the changed article was embedded (and analysed) again.
      const unchanged = (r: { article: string }) => r.article !== changed.name && r.article !== gone.name;
      expect(newRows.filter(unchanged)).toEqual(oldRows.filter(unchanged));
      const fresh = newRows.filter((r) => r.article === changed.name);
      // Passages are embedded after their title line; the other texts are their sentences.
      expect(embedded.filter((t) => t.includes('\n')).length).toBe(fresh.length);
      expect(embedded.length).toBeGreaterThan(fresh.length);
      expect(Math.min(...fresh.map((r) => r.id))).toBeGreaterThan(Math.max(...oldRows.map((r) => r.id)));
      expect(newRows.every((r) => r.lexemes !== '')).toBe(true);
      expect(new Set(newRows.map((r) => r.id)).size).toBe(newRows.length);
      // The removed article is still in the previous generation's schema, but searches read the live one only.
      expect(oldRows.some((r) => r.article === gone.name)).toBe(true);
      expect(await search(gone.town)).toEqual([]);
      const ids = new Set(newRows.map((r) => r.id));
      const blocked = await search('bloccata');
      expect(new Set(blocked.map((h) => h.articleId))).toEqual(
        new Set([...towns(0, TOWNS)].filter((t) => t !== gone.name)),
      );
      expect(blocked.every((h) => ids.has(h.id))).toBe(true);
      expect(new Set(blocked.map((h) => h.id)).size).toBe(blocked.length);
    }, 120_000);

    it('a copy of a generation written before chunks had lexemes gets them computed once', async () => {
      const schema = await served((g) => Promise.resolve(g.manifest.schema));
      const expected = (
        await admin.query<{ id: number; lexemes: string }>(
          `SELECT id, lexemes::text AS lexemes FROM "${schema}".chunks ORDER BY id`,
        )
      ).rows;
      await admin.query(`UPDATE "${schema}".chunks SET lexemes = NULL`);
      writeFictionalArticles(ws.corpusDir, 0, 1, 2);
      const report = await build();
      expect(report.outcome, report.error ?? '').toBe('success');
      const next = await served((g) => Promise.resolve(g.manifest.schema));
      const { rows } = await admin.query<{ id: number; lexemes: string }>(
        `SELECT id, lexemes::text AS lexemes FROM "${next}".chunks ORDER BY id`,
      );
      const copied = rows.filter((r) => expected.some((e) => e.id === r.id));
      expect(copied.length).toBeGreaterThan(0);
      expect(copied).toEqual(expected.filter((e) => copied.some((r) => r.id === e.id)));
    }, 120_000);
  },
);
