import { describe, expect, it } from 'vitest';
import type { Citation } from '../../src/answer/answer.js';
import { containsAny, holdsGold, scoreAnswers } from '../../src/eval/answer-metrics.js';
import { parseQuestionSet } from '../../src/eval/question-set.js';
import { citesGold, citesGoldFirst, KIND_SCORERS, type QuestionOutcome } from '../../src/eval/score-kinds.js';

const given = (text: string) => ({ text, mode: 'extractive' as const });
const refused = { text: 'Non ho trovato nulla: 50 minuti', mode: 'no-answer' as const };

describe('answer metrics', () => {
  it('containsAny ignores case and accents as written, and an empty list never matches', () => {
    expect(containsAny('Colloquio di 50 MINUTI', ['50 minuti'])).toBe(true);
    expect(containsAny('È stato importante', ['è stato'])).toBe(true);
    expect(containsAny('anything', [])).toBe(false);
    expect(containsAny('anything', ['  '])).toBe(false);
  });

  it('reads the answer as rendered: bold markers do not split a gold string', () => {
    expect(containsAny('un colloquio di **50 minuti** con Lavrov', ['colloquio di 50 minuti'])).toBe(true);
    expect(
      holdsGold({ answer: { text: `${'x'.repeat(396)}**50 minuti**`, mode: 'extractive' }, gold: ['50 minuti'] }, 406),
    ).toBe(true);
  });

  it('counts every question, a refusal as a miss even when its text holds the gold string', () => {
    const scores = scoreAnswers([
      { answer: given('Kuala Lumpur, il 10 luglio'), gold: ['kuala lumpur'] },
      { answer: given(`${'x'.repeat(400)} Kuala Lumpur`), gold: ['Kuala Lumpur'] },
      { answer: given('altro'), gold: ['Kuala Lumpur'] },
      { answer: refused, gold: ['50 minuti'] },
    ]);
    expect(scores).toEqual({
      containsGold: 0.5,
      goldInFirst400: 0.25,
      noAnswer: 0.25,
      // Refusals are left out of the mean length: (26 + 413 + 5) / 3.
      meanChars: 148,
      questions: 4,
    });
  });

  it('an empty list scores zeros, not NaN', () => {
    expect(scoreAnswers([])).toEqual({ containsGold: 0, goldInFirst400: 0, noAnswer: 0, meanChars: 0, questions: 0 });
  });
});

describe('question sets', () => {
  const covered = { q: 'Dove?', lang: 'it', kind: 'covered', expect: ['Kuala Lumpur'] };

  it('fills defaults and keeps fields other issues add', () => {
    const set = parseQuestionSet({ questions: [{ ...covered, asOf: '2025-07-12' }] }, 'x.json');
    expect(set.questions[0]).toEqual({ ...covered, gold: [], turns: [], asOf: '2025-07-12' });
  });

  it.each([
    ['a covered question without expect', { ...covered, expect: [] }, /expect/],
    ['an off question with expect', { q: 'Meteo?', lang: 'en', kind: 'off', expect: ['sole'] }, /off/],
    ['an unknown kind', { ...covered, kind: 'trivia' }, /kind/],
    ['an unknown language', { ...covered, lang: 'fr' }, /lang/],
    ['an empty question', { ...covered, q: '  ' }, /q/],
  ])('rejects %s, naming the file and the question', (_name, question, message) => {
    expect(() => parseQuestionSet({ questions: [question] }, 'set.json')).toThrow(/set\.json.*questions\.0/);
    expect(() => parseQuestionSet({ questions: [question] }, 'set.json')).toThrow(message);
  });

  it('rejects a set without questions', () => {
    expect(() => parseQuestionSet({ questions: [] }, 'set.json')).toThrow(/set\.json/);
    expect(() => parseQuestionSet([], 'set.json')).toThrow(/set\.json/);
  });
});

describe('kind scorers', () => {
  const citation = (articleId: string, url: string | null): Citation => ({
    n: 1,
    articleId,
    title: 't',
    titleDerived: false,
    date: null,
    author: null,
    url,
    quote: 'q',
    passageIds: [1],
  });
  const outcome = (
    kind: QuestionOutcome['question']['kind'],
    answer: QuestionOutcome['answer'],
    gold: string[] = [],
  ): QuestionOutcome => ({
    question: { q: 'q', lang: 'it', kind, expect: kind === 'off' ? [] : ['50 minuti'], gold, turns: [] },
    answer,
  });
  const answer = (text: string, citations: Citation[] = []) => ({
    text,
    mode: 'extractive' as const,
    reason: null,
    citations,
  });
  const refusal = { text: 'Non ho trovato nulla', mode: 'no-answer' as const, reason: 'not-covered', citations: [] };

  it('covered passes only when answered with an expected string', () => {
    expect(KIND_SCORERS.covered.pass(outcome('covered', answer('un colloquio di 50 minuti')))).toBe(true);
    expect(KIND_SCORERS.covered.pass(outcome('covered', answer('un colloquio lungo')))).toBe(false);
    expect(KIND_SCORERS.covered.pass(outcome('covered', refusal))).toBe(false);
  });

  it('off passes only when refused', () => {
    expect(KIND_SCORERS.off.pass(outcome('off', refusal))).toBe(true);
    expect(KIND_SCORERS.off.pass(outcome('off', answer('qualcosa')))).toBe(false);
  });

  it('dated and latest pass on the first citation being gold, whatever the text says', () => {
    const newestFirst = [citation('new', null), citation('old', null)];
    const oldestFirst = [citation('old', null), citation('new', null)];
    for (const kind of ['dated', 'latest'] as const) {
      expect(KIND_SCORERS[kind].pass(outcome(kind, answer('nulla di utile', newestFirst), ['new']))).toBe(true);
      expect(KIND_SCORERS[kind].pass(outcome(kind, answer('un colloquio di 50 minuti', oldestFirst), ['new']))).toBe(
        false,
      );
      expect(KIND_SCORERS[kind].pass(outcome(kind, { ...refusal, citations: newestFirst }, ['new']))).toBe(false);
      // Without gold articles the expected strings decide.
      expect(KIND_SCORERS[kind].pass(outcome(kind, answer('un colloquio di 50 minuti', oldestFirst)))).toBe(true);
    }
    expect(citesGoldFirst(outcome('dated', answer('x', oldestFirst), ['new']))).toBe(false);
    expect(citesGoldFirst(outcome('dated', answer('x', oldestFirst)))).toBeNull();
  });

  it('a follow-up passes like a covered question (its turns are asked before it by the runner)', () => {
    expect(KIND_SCORERS.followup.pass(outcome('followup', answer('durato 50 minuti')))).toBe(true);
    expect(KIND_SCORERS.followup.pass(outcome('followup', refusal))).toBe(false);
  });

  it('a gold article counts when cited by id or by url; no gold list gives null', () => {
    const cited = [citation('a1', 'https://example.org/a1')];
    expect(citesGold(outcome('covered', answer('x', cited), ['a1']))).toBe(true);
    expect(citesGold(outcome('covered', answer('x', cited), ['https://example.org/a1']))).toBe(true);
    expect(citesGold(outcome('covered', answer('x', cited), ['b2']))).toBe(false);
    expect(citesGold(outcome('covered', answer('x', cited)))).toBeNull();
  });
});
