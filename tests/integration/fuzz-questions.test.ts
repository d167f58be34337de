import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { answerQuestion, type AnswerDeps } from '../../src/answer/answer-question.js';
import { answerSchema, type Answer } from '../../src/answer/answer.js';
import type { Embedder } from '../../src/embedding/embedder.js';
import { loadEmbedder } from '../../src/embedding/load-embedder.js';
import { buildIndex } from '../../src/index/build-index.js';
import { LiveIndex } from '../../src/index/live-index.js';
import { retrieve } from '../../src/retrieval/retrieve.js';
import { detectLanguage } from '../../src/text/language.js';
import { REAL_SPEC, makeWorkspace, realBuildOptions } from '../helpers/build-setup.js';
import { EXTREME_QUESTIONS, generateQuestions } from '../helpers/fuzz-questions.js';

const SEED = 20250710;
const QUESTIONS = generateQuestions(SEED, 1_000);
/** Every full answer embeds up to 40 sentences: the extremes and every sixth other question (~180) keep the run short. */
const ANSWERED = QUESTIONS.filter((_, i) => i < EXTREME_QUESTIONS.length || i % 6 === 0);

/** A question as it can be printed in a failure message. */
const show = (question: string) =>
  JSON.stringify(question.length > 120 ? `${question.slice(0, 120)}… (${question.length} chars)` : question);

/** What must hold for any answer, whatever the question; returns the broken rules. */
function checkAnswer(answer: Answer): string[] {
  const problems: string[] = [];
  const parsed = answerSchema.safeParse(answer);
  if (!parsed.success) problems.push(`not an Answer: ${parsed.error.message}`);
  if (answer.language !== 'it' && answer.language !== 'en') problems.push(`language ${String(answer.language)}`);
  if (answer.text.trim() === '') problems.push('empty text');
  if (answer.mode === 'llm') problems.push('llm mode without an LLM');
  if (answer.mode === 'no-answer' && (answer.reason === null || answer.reason === ''))
    problems.push('no-answer without a reason');
  if (answer.mode === 'no-answer' && answer.citations.length > 0) problems.push('no-answer with citations');
  if (answer.mode === 'extractive' && answer.citations.length === 0)
    problems.push('extractive answer without citations');
  for (const c of answer.citations) if (c.quote.trim() === '') problems.push(`citation [${c.n}] has an empty quote`);
  return problems;
}

describe(`fuzz (seed ${SEED}): hostile questions never break answering over a real index (seed corpus, real model, no LLM, no translator)`, () => {
  const ws = makeWorkspace();
  let embedder: Embedder;
  let live: LiveIndex;
  let deps: AnswerDeps;

  beforeAll(async () => {
    const report = await buildIndex(realBuildOptions(ws.corpusDir, ws.dataDir));
    expect(report.outcome, report.error ?? '').toBe('success');
    embedder = await loadEmbedder(REAL_SPEC);
    live = new LiveIndex(ws.dataDir, { efSearch: 100 });
    // A limit above 10,000 characters, so the longest questions reach retrieval instead of being refused.
    deps = {
      acquire: () => live.acquire(),
      embedderFor: () => Promise.resolve(embedder),
      llm: null,
      translator: null,
      knobs: {},
      maxQuestionChars: 12_000,
      translateQuotes: true,
    };
  });
  afterAll(() => {
    live.close();
    ws.cleanup();
  });

  it('the generator covers every hostile kind the brief names and is deterministic', () => {
    expect(QUESTIONS).toHaveLength(1_000);
    expect(generateQuestions(SEED, 1_000)).toEqual(QUESTIONS);
    const all = QUESTIONS.join('\n');
    for (const needle of [
      '',
      'x'.repeat(10_000),
      'NEAR',
      '{stems',
      '"',
      'DROP TABLE',
      '\u200B',
      '\u202E',
      '🙂',
      '@everyone',
      '<@&123>',
      '<@456>',
      '```',
      '\uD800',
      '\u0000',
      'Лавров',
      '拉夫罗夫',
    ]) {
      expect(
        QUESTIONS.some((q) => (needle === '' ? q === '' : q.includes(needle))),
        show(needle),
      ).toBe(true);
    }
    expect(all.length).toBeGreaterThan(50_000);
  });

  it(`retrieve() on all ${QUESTIONS.length} questions never throws and returns well-formed results`, async () => {
    const failures: string[] = [];
    const lease = live.acquire();
    if (lease === null) throw new Error('no live index');
    try {
      for (const question of QUESTIONS) {
        try {
          const result = await retrieve({
            generation: lease.generation,
            embedder,
            question,
            language: detectLanguage(question, null),
          });
          if (result.noAnswer !== (result.groups.length === 0))
            failures.push(`${show(question)}: noAnswer ${String(result.noAnswer)} with ${result.groups.length} groups`);
          if (!result.passages.every((p) => typeof p.text === 'string' && Number.isFinite(p.score)))
            failures.push(`${show(question)}: a passage without text or with a non-finite score`);
        } catch (error) {
          failures.push(`${show(question)}: threw ${(error as Error).stack ?? String(error)}`);
        }
      }
    } finally {
      lease.release();
    }
    expect(failures).toEqual([]);
  }, 120_000);

  it(`answerQuestion() on ${ANSWERED.length} of them: no exception escapes and every answer is a valid Answer (it/en, reasons, non-empty quotes)`, async () => {
    const failures: string[] = [];
    const modes = new Map<string, number>();
    for (const question of ANSWERED) {
      try {
        const answer = await answerQuestion(deps, { question });
        modes.set(answer.mode, (modes.get(answer.mode) ?? 0) + 1);
        for (const problem of checkAnswer(answer)) failures.push(`${show(question)}: ${problem}`);
        if (question.trim() === '' && answer.reason !== 'empty-question')
          failures.push(`${show(question)}: reason ${String(answer.reason)}, expected empty-question`);
      } catch (error) {
        failures.push(`${show(question)}: threw ${(error as Error).stack ?? String(error)}`);
      }
    }
    expect(failures).toEqual([]);
    // The fuzz must reach both outcomes, or it tests less than it claims.
    expect(modes.get('extractive') ?? 0).toBeGreaterThan(5);
    expect(modes.get('no-answer') ?? 0).toBeGreaterThan(5);
  }, 120_000);

  it('with the default 1,000-character limit, a 10,000-character question is refused as too long, in a valid Answer', async () => {
    const answer = await answerQuestion({ ...deps, maxQuestionChars: 1_000 }, { question: 'Lavrov '.repeat(1_430) });
    expect(checkAnswer(answer)).toEqual([]);
    expect(answer).toMatchObject({ mode: 'no-answer', reason: 'question-too-long' });
  });
});
