import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { answerQuestion, type AnswerDeps } from '../../src/answer/answer-question.js';
import { answerSchema, type Answer } from '../../src/answer/answer.js';
import { createLlm } from '../../src/llm/client.js';
import { loadEmbedder } from '../../src/embedding/load-embedder.js';
import { buildIndex } from '../../src/index/build-index.js';
import { LiveIndex } from '../../src/index/live-index.js';
import type { Translator } from '../../src/translate/translator.js';
import { SEED_ID, SHARED_MODELS, makeWorkspace, realBuildOptions } from '../helpers/build-setup.js';
import { startFakeOpenAi, type FakeOpenAi } from '../helpers/fake-openai.js';

// Fictional subject, so nothing untrue is said about real people.
const FIXTURE = {
  id: 'orsella-traghetti',
  title: 'Nuovo traghetto per Orsella',
  date: '2025-09-02',
  author: 'Paolo Riva',
  lang: 'it',
  text: 'Da lunedì il traghetto elettrico Gabbiano collega Orsella alla terraferma in quaranta minuti.\n\nIl comune di Orsella ha pagato il traghetto 4 milioni di euro, in parte con fondi europei.',
};

describe('answerQuestion end to end (real model, seed corpus + a fictional article)', () => {
  const ws = makeWorkspace();
  let live: LiveIndex;
  let fake: FakeOpenAi;
  const deps = (extra: Partial<AnswerDeps> = {}): AnswerDeps => ({
    acquire: () => live.acquire(),
    embedderFor: (g) => loadEmbedder({ ...g.manifest.model, localDir: SHARED_MODELS }),
    llm: null,
    translator: null,
    knobs: {},
    maxQuestionChars: 1000,
    translateQuotes: true,
    ...extra,
  });
  /** The real openai client against the fake server. */
  const fakeLlm = () =>
    createLlm({
      apiKey: 'sk-test',
      baseURL: fake.url,
      model: 'gpt-4o-mini',
      attemptTimeoutMs: 2000,
      totalBudgetMs: 4000,
      maxRetries: 1,
    });
  const ask = async (question: string, extra: Partial<AnswerDeps> = {}): Promise<Answer> =>
    answerSchema.parse(await answerQuestion(deps(extra), { question }));

  beforeAll(async () => {
    writeFileSync(path.join(ws.corpusDir, 'orsella.json'), JSON.stringify(FIXTURE));
    const report = await buildIndex(realBuildOptions(ws.corpusDir, ws.dataDir));
    if (report.outcome !== 'success') throw new Error(report.error ?? 'build failed');
    live = new LiveIndex(ws.dataDir, { efSearch: 100 });
    fake = await startFakeOpenAi();
  });
  afterAll(async () => {
    live.close();
    await fake.close();
    ws.cleanup();
  });

  it('an Italian question about Lavrov\'s "new concept" cites the seed article with its date and author, in Italian', async () => {
    const answer = await ask('Che cosa ha proposto Lavrov a Rubio?');
    expect(answer.mode).toBe('extractive');
    expect(answer.language).toBe('it');
    expect(answer.text).toMatch(/^“[^\n]+” \[1\]/);
    expect(answer.citations[0]).toMatchObject({
      n: 1,
      articleId: SEED_ID,
      date: '2025-07',
      author: 'Luigi Medici',
      titleDerived: true,
    });
    expect(answer.text).toContain('[1]');
  });

  it('the English question cites it too, its Italian quote marked as Italian (no translator)', async () => {
    const answer = await ask('What new concept did Lavrov propose to Rubio?');
    expect(answer.language).toBe('en');
    expect(answer.mode).toBe('extractive');
    expect(answer.text.split('\n')[0]).toMatch(/^“.+” \[1\] \(in Italian\)$/);
    expect(answer.citations.map((c) => c.articleId)).toContain(SEED_ID);
  });

  it('quotes are verbatim slices of the stored passages', async () => {
    const answer = await ask('Quanto è costato il traghetto di Orsella?');
    expect(answer.citations[0]?.articleId).toBe('orsella-traghetti');
    for (const part of (answer.citations[0]?.quote ?? '').split(' … ')) expect(FIXTURE.text).toContain(part);
  });

  it("a question the corpus cannot answer gets no-answer in the question's language", async () => {
    const it = await ask('Chi ha vinto il Festival di Sanremo nel 1990?');
    expect(it).toMatchObject({ mode: 'no-answer', reason: 'not-covered', language: 'it', citations: [] });
    const en = await ask('Who won the 1990 football World Cup?');
    expect(en).toMatchObject({ mode: 'no-answer', reason: 'not-covered', language: 'en' });
  });

  it('empty and oversized questions get a polite no-answer', async () => {
    expect(await ask('   ')).toMatchObject({ mode: 'no-answer', reason: 'empty-question' });
    expect(await ask('Lavrov? '.repeat(200))).toMatchObject({ mode: 'no-answer', reason: 'question-too-long' });
  });

  it('every FTS5 special character and keyword in a question is harmless', async () => {
    for (const q of [
      '"Lavrov',
      'Lavrov AND OR NOT NEAR(',
      'stems: Lavrov*',
      '^Rubio -Lavrov {prefixes}:x',
      "Rubio'); DROP TABLE chunks; --",
      '((()))""**',
    ]) {
      const answer = await ask(q);
      expect(['extractive', 'no-answer']).toContain(answer.mode);
    }
  });

  it('LLM mode: the real openai client gets numbered sources and the language; a [7] that was never given is dropped', async () => {
    fake.enqueue({ kind: 'reply', text: 'Lavrov ha proposto un "nuovo concetto" [1], senza dettagli [7].' });
    const llm = fakeLlm();
    const answer = await ask('Che cosa ha proposto Lavrov a Rubio?', { llm });
    expect(answer.mode).toBe('llm');
    expect(answer.text).not.toContain('[7]');
    expect(answer.citations).toHaveLength(1);
    expect(answer.citations[0]?.articleId).toBe(SEED_ID);
    const sent = JSON.stringify(fake.requests.at(-1)?.body?.messages);
    expect(sent).toMatch(/<source n=\\?"1\\?"/);
    expect(sent).toMatch(/italiano/i);
  });

  it('LLM failing (500s) falls back to the extractive answer with a note, inside the budget', async () => {
    fake.enqueue({ kind: 'status', status: 500 }, { kind: 'status', status: 500 }, { kind: 'status', status: 500 });
    const llm = createLlm({
      apiKey: 'sk-test',
      baseURL: fake.url,
      model: 'gpt-4o-mini',
      attemptTimeoutMs: 500,
      totalBudgetMs: 1500,
      maxRetries: 2,
    });
    const started = Date.now();
    const answer = await ask('What new concept did Lavrov propose to Rubio?', { llm });
    expect(Date.now() - started).toBeLessThan(8000);
    expect(answer).toMatchObject({ mode: 'extractive', reason: 'llm-unavailable', language: 'en' });
    expect(answer.text).toMatch(/Extractive answer: the language model was unavailable/);
  });

  it('with an LLM the gate is lenient: a question the strict gate refuses reaches the LLM, which may say NOT_IN_COVERAGE', async () => {
    // Thresholds set so the strict gate refuses everything and the LLM's lets everything through.
    const knobs = { gateLinear: true, gateDenseWeight: 1, minGateScore: 9, minGateScoreWithLlm: 0 };
    const question = 'Quanto è durato il colloquio tra Rubio e Lavrov?';
    expect(await ask(question, { knobs })).toMatchObject({ mode: 'no-answer', reason: 'not-covered' });
    const llm = fakeLlm();
    const before = fake.requests.length;
    fake.enqueue({ kind: 'reply', text: 'Il colloquio è durato 50 minuti [1].' });
    const answered = await ask(question, { knobs, llm });
    expect(answered).toMatchObject({ mode: 'llm', language: 'it' });
    expect(answered.text).toContain('50 minuti');
    fake.enqueue({ kind: 'reply', text: 'NOT_IN_COVERAGE' });
    const refused = await ask('Chi ha vinto il Festival di Sanremo nel 1990?', { knobs, llm });
    expect(refused).toMatchObject({ mode: 'no-answer', reason: 'not-covered' });
    expect(fake.requests.length - before).toBe(2);
  });

  it('with a translator, English askers get the translation of the answering sentence, labelled, above the verbatim quote', async () => {
    const calls: string[] = [];
    const translator: Translator = {
      engine: 'test',
      translate: (text, from, to) => {
        calls.push(`${from}>${to}`);
        return Promise.resolve(
          from === 'en' ? 'Quale nuovo concetto ha proposto Lavrov a Rubio?' : `[en] ${text.slice(0, 20)}`,
        );
      },
    };
    const answer = await ask('What new concept did Lavrov propose to Rubio?', { translator });
    expect(answer.translation).toMatchObject({
      engine: 'test',
      query: 'Quale nuovo concetto ha proposto Lavrov a Rubio?',
    });
    expect(answer.text.split('\n')[0]).toMatch(/^\*machine translation:\* \[en\] .+ \[1\]$/);
    expect(answer.text.split('\n')[1]).toMatch(/^> “.+” \[1\]$/);
    expect(answer.citations[0]?.quote).not.toMatch(/^\[en\]/);
    expect(calls).toContain('en>it');
    expect(calls).toContain('it>en');
  });
});
