import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { answerQuestion } from '../../src/answer/answer-question.js';
import { projectRoot } from '../../src/config.js';
import { t } from '../../src/i18n/index.js';
import type { Embedder } from '../../src/embedding/embedder.js';
import { loadEmbedder } from '../../src/embedding/load-embedder.js';
import { buildIndex } from '../../src/index/build-index.js';
import { LiveIndex } from '../../src/index/live-index.js';
import { retrieve } from '../../src/retrieval/retrieve.js';
import { publishedWithin } from '../../src/retrieval/time-rank.js';
import { REAL_SPEC, makeWorkspace, realBuildOptions, offlineAnswerDeps } from '../helpers/build-setup.js';

// A fictional archive: one story (the San Vito bridge) with follow-ups at different dates,
// distractors on the same subject and other stories (eval/corpora/timeline).
const TIMELINE = path.join(projectRoot, 'eval', 'corpora', 'timeline');

describe('time words in retrieval (real model, timeline corpus)', () => {
  const ws = makeWorkspace();
  let embedder: Embedder;
  let live: LiveIndex;

  const ask = async (question: string, today: string, translation?: string) => {
    const lease = live.acquire();
    if (lease === null) throw new Error('no live index');
    try {
      const language = translation === undefined ? 'it' : 'en';
      const extraQueries = translation === undefined ? [] : [{ text: translation, lang: 'it' as const }];
      return await retrieve({ generation: lease.generation, embedder, question, language, today, extraQueries });
    } finally {
      lease.release();
    }
  };
  const first = async (question: string, today: string) => (await ask(question, today)).groups[0]?.articleId;

  beforeAll(async () => {
    embedder = await loadEmbedder(REAL_SPEC);
    const report = await buildIndex({ ...realBuildOptions(TIMELINE, ws.dataDir), full: true });
    expect(report.outcome, report.error ?? '').toBe('success');
    live = new LiveIndex(ws.dataDir, { efSearch: 100 });
  });
  afterAll(() => {
    live.close();
    ws.cleanup();
  });

  it('"latest" puts the newest relevant article first, as of the clock', async () => {
    expect(await first("Qual è l'ultima notizia sul ponte di San Vito?", '2021-05-10')).toBe('ponte-6');
    expect(await first('Il ponte di San Vito è ancora chiuso?', '2020-10-01')).toBe('ponte-4');
    expect(await first('Rapine in farmacia: ci sono novità?', '2021-01-01')).toBe('farmacia-4');
    const result = await ask("Qual è l'ultima notizia sul ponte di San Vito?", '2021-05-10');
    expect(result.time).toMatchObject({ today: '2021-05-10', period: null, latest: true });
  });

  it('"latest" still needs relevance: the newest article on another subject does not win', async () => {
    const result = await ask('Ultime notizie sulle rapine in farmacia', '2021-07-01');
    const ids = result.groups.map((g) => g.articleId);
    expect(ids[0]).toBe('farmacia-4');
    // The newest articles of the archive (the fair, the market) come, if at all, after the robberies'.
    for (const newer of ['sagra-3', 'mercato']) if (ids.includes(newer)) expect(ids.indexOf(newer)).toBeGreaterThan(2);
  });

  it('a named period keeps only articles published in it, read from the question only', async () => {
    const result = await ask('Chi ha rapinato la farmacia a marzo 2020?', '2021-05-10');
    expect(result.time.period).toMatchObject({ from: '2020-03-01', to: '2020-03-31', matched: true });
    expect(result.groups.length).toBeGreaterThan(0);
    for (const g of result.groups)
      expect(publishedWithin(g.passages[0]?.date ?? null, { from: '2020-03-01', to: '2020-03-31' })).toBe(true);
    expect(result.groups.map((g) => g.articleId)).toContain('farmacia-1');
  });

  it('relative periods resolve against the clock', async () => {
    expect(await first('Cosa è successo al ponte il mese scorso?', '2021-05-10')).toBe('ponte-6');
    expect(await first('Cosa è successo al ponte il mese scorso?', '2020-10-20')).toBe('ponte-4');
  });

  it('with nothing published in the period, nothing is filtered and the period says so', async () => {
    const result = await ask('Cosa è successo al ponte di San Vito ieri?', '2022-03-01');
    expect(result.time.period).toMatchObject({ from: '2022-02-28', to: '2022-02-28', matched: false });
    expect(result.groups.length).toBeGreaterThan(0);
    // The answer says so before anything else, in the asker's language.
    const deps = offlineAnswerDeps(live, embedder);
    const answer = await answerQuestion(deps, {
      question: 'Cosa è successo al ponte di San Vito ieri?',
      today: '2022-03-01',
    });
    expect(answer.text.split('\n')[0]).toBe(`_${t('it', 'answer.period-unmatched')}_`);
    const dated = await answerQuestion(deps, {
      question: 'Cosa è successo al ponte di San Vito a marzo 2020?',
      today: '2022-03-01',
    });
    expect(dated.time?.period?.matched).toBe(true);
    expect(dated.text).not.toContain(t('it', 'answer.period-unmatched'));
  });

  it('English questions too: the period is read from the question, not from its translation', async () => {
    const result = await ask('What happened at the hospital in the autumn of 2020?', '2021-05-10', "all'ospedale");
    expect(result.time.period).toMatchObject({ from: '2020-09-01', to: '2020-11-30', matched: true });
    expect(result.groups[0]?.articleId).toBe('covid-3');
  });
});
