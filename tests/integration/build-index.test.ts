import { rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadEmbedder } from '../../src/embedding/load-embedder.js';
import type { Embedder } from '../../src/embedding/embedder.js';
import { buildIndex } from '../../src/index/build-index.js';
import { LiveIndex } from '../../src/index/live-index.js';
import { dataLayout, readCurrent } from '../../src/index/layout.js';
import { buildLexicalQuery, collectTerms } from '../../src/retrieval/lexical-query.js';
import { retrieve } from '../../src/retrieval/retrieve.js';
import { REAL_SPEC, SEED_ID, makeWorkspace, realBuildOptions } from '../helpers/build-setup.js';

// Fictional subject, so nothing untrue is said about real people.
const EXTRA_ARTICLE = `---
title: Il faro di Punta Vesca torna a brillare
date: 2025-06-14
author: Carla Benedetti
url: https://example.org/faro-punta-vesca
---
Dopo tre anni di restauro il faro di Punta Vesca, sull'isola immaginaria di Orsella, è stato riacceso sabato sera davanti a duecento abitanti.

Il restauro è costato 1,2 milioni di euro ed è stato finanziato da una raccolta fondi dei pescatori dell'isola.
`;

describe('buildIndex with the real model (seed corpus + a fictional article)', () => {
  const ws = makeWorkspace();
  let embedder: Embedder;
  let live: LiveIndex;
  let seedChunks = 0;

  const ask = async (question: string) => {
    const lease = live.acquire();
    if (lease === null) throw new Error('no live index');
    try {
      return await retrieve({ generation: lease.generation, embedder, question, language: 'it' });
    } finally {
      lease.release();
    }
  };

  beforeAll(async () => {
    embedder = await loadEmbedder(REAL_SPEC);
    live = new LiveIndex(ws.dataDir, { efSearch: 100 });
  });
  afterAll(() => {
    live.close();
    ws.cleanup();
  });

  it('builds the seed corpus and finds the seed article for "Che cosa ha proposto Lavrov?"', async () => {
    const report = await buildIndex(realBuildOptions(ws.corpusDir, ws.dataDir));
    expect(report.outcome, report.error ?? '').toBe('success');
    expect(report.articles).toMatchObject({ seen: 1, added: 1, skipped: 0 });
    expect(report.chunks.embedded).toBe(report.chunks.total);
    expect(report.chunks.total).toBeGreaterThan(3);
    seedChunks = report.chunks.total;
    const result = await ask('Che cosa ha proposto Lavrov?');
    expect(result.noAnswer).toBe(false);
    expect(result.groups[0]?.articleId).toBe(SEED_ID);
    const best = result.groups[0]?.passages[0];
    expect(best?.text).toMatch(/Lavrov/);
  });

  it('a second build re-embeds 0 chunks and keeps the live generation', async () => {
    const before = readCurrent(dataLayout(ws.dataDir));
    const report = await buildIndex(realBuildOptions(ws.corpusDir, ws.dataDir));
    expect(report.outcome).toBe('success');
    expect(report.chunks.embedded).toBe(0);
    expect(report.articles.unchanged).toBe(1);
    expect(readCurrent(dataLayout(ws.dataDir))).toBe(before);
  });

  it('adding then touching one article re-embeds only its chunks', async () => {
    writeFileSync(path.join(ws.corpusDir, 'faro.md'), EXTRA_ARTICLE);
    const added = await buildIndex(realBuildOptions(ws.corpusDir, ws.dataDir));
    expect(added.articles).toMatchObject({ added: 1, unchanged: 1 });
    expect(added.chunks.embedded).toBe(added.chunks.total - seedChunks);
    expect(added.chunks.embedded).toBeGreaterThan(0);
    const found = await ask('Quanto è costato il restauro del faro di Punta Vesca?');
    expect(found.groups[0]?.articleId).toBe('faro.md');
    expect(found.groups[0]?.passages[0]?.date).toBe('2025-06-14');

    writeFileSync(path.join(ws.corpusDir, 'faro.md'), EXTRA_ARTICLE.replace('duecento', 'trecento'));
    const touched = await buildIndex(realBuildOptions(ws.corpusDir, ws.dataDir));
    expect(touched.articles).toMatchObject({ updated: 1, unchanged: 1, added: 0 });
    expect(touched.chunks.embedded).toBe(added.chunks.embedded);
    expect(touched.chunks.removed).toBe(added.chunks.embedded);
    const after = await ask('Quanti abitanti erano presenti alla riaccensione del faro?');
    expect(after.groups[0]?.passages.map((p) => p.text).join(' ')).toMatch(/trecento/);
  });

  it('deleting an article removes it from both the lexical and the dense half', async () => {
    rmSync(path.join(ws.corpusDir, 'faro.md'));
    const report = await buildIndex(realBuildOptions(ws.corpusDir, ws.dataDir));
    expect(report.articles).toMatchObject({ removed: 1, unchanged: 1 });
    const lease = live.acquire();
    if (lease === null) throw new Error('no live index');
    try {
      const { generation } = lease;
      const lexical = buildLexicalQuery(collectTerms([{ text: 'Vesca', lang: 'it' }]));
      if (lexical === null) throw new Error('no lexical query for "Vesca"');
      expect(await generation.searchLexical(lexical, 10, { prefix: 1, pairs: 1, title: 1 })).toEqual([]);
      const result = await retrieve({
        generation,
        embedder,
        question: 'faro di Punta Vesca restauro',
        language: 'it',
        knobs: { minCoverage: 0, minDenseSimilarity: 0 },
      });
      expect(result.channels.dense.length).toBeGreaterThan(0);
      expect(result.passages.every((p) => p.articleId === SEED_ID)).toBe(true);
    } finally {
      lease.release();
    }
  });

  it('a build that throws midway leaves the old index answering identically', async () => {
    const before = await ask('Che cosa ha proposto Lavrov?');
    const current = readCurrent(dataLayout(ws.dataDir));
    writeFileSync(path.join(ws.corpusDir, 'faro.md'), EXTRA_ARTICLE);
    let calls = 0;
    const failing = realBuildOptions(ws.corpusDir, ws.dataDir, {
      wrap: (real) => ({
        spec: real.spec,
        countTokens: real.countTokens,
        embedQuery: real.embedQuery,
        embedPassages: () => {
          calls++;
          return Promise.reject(new Error('embedding failed on purpose'));
        },
      }),
    });
    const report = await buildIndex(failing);
    expect(report.outcome).toBe('failed');
    expect(report.error).toMatch(/on purpose/);
    expect(calls).toBe(1);
    expect(readCurrent(dataLayout(ws.dataDir))).toBe(current);
    const after = await ask('Che cosa ha proposto Lavrov?');
    expect(after.passages.map((p) => [p.id, p.score])).toEqual(before.passages.map((p) => [p.id, p.score]));
    const next = await buildIndex(realBuildOptions(ws.corpusDir, ws.dataDir));
    expect(next.outcome).toBe('success');
    expect(next.articles.added).toBe(1);
  });
});
