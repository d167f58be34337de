import { describe, expect, it } from 'vitest';
import { fitGate, samplesAt, scoreGate, type GateSample } from '../../src/eval/fit-gate.js';

/** Signals at each mix: these coverages, nothing absent. */
const at = (coverage: number[], absent = 0) => coverage.map((c) => ({ coverage: c, absent }));

/** Synthetic gate signals: the two labels overlap at mix 0 and separate at mix 1 (seeded, so the fit is reproducible). */
function samples(n: number, seed: number): GateSample[] {
  let x = seed;
  const rand = () => (x = (x * 16807) % 2147483647) / 2147483647;
  const out: GateSample[] = [];
  for (let i = 0; i < n; i++)
    for (const lang of ['it', 'en'] as const) {
      out.push({
        lang,
        answerable: true,
        signals: at([0.3 + 0.5 * rand(), 0.6 + 0.4 * rand()]),
        similarity: 0.3 + 0.4 * rand(),
      });
      out.push({
        lang,
        answerable: false,
        signals: at([0.2 + 0.5 * rand(), 0.1 + 0.4 * rand()]),
        similarity: 0.1 + 0.3 * rand(),
      });
    }
  return out;
}

describe('fitGate', () => {
  const options = {
    mixes: [0, 1],
    denseWeights: [0, 1, 2],
    minAnswered: 0.97,
    llmAnswered: 0.995,
    langs: ['it', 'en'] as ('it' | 'en')[],
    corpusLanguage: 'it' as const,
  };

  it('keeps the answer rate on train, picks the separating mix on dev, and the LLM threshold is no higher', () => {
    const fit = fitGate(samples(300, 7), samples(200, 11), options);
    expect(fit.params.mix).toBe(1);
    for (const lang of ['it', 'en'] as const) {
      expect(fit.train[lang].answered).toBeGreaterThanOrEqual(0.97);
      expect(fit.train[lang].refused).toBeGreaterThan(0.9);
    }
    expect(fit.params.llmThreshold).toBeLessThanOrEqual(fit.params.threshold);
    expect(fit.devLlm.it.answered).toBeGreaterThanOrEqual(fit.dev.it.answered);
    expect(fit.candidates).toHaveLength(2);
  });

  it('several train targets: dev chooses among them, and what it chooses keeps the dev target', () => {
    const fit = fitGate(samples(300, 7), samples(200, 11), {
      ...options,
      minAnswered: [0.9, 0.97, 0.99],
      devMinAnswered: 0.97,
    });
    expect([0.97, 0.99]).toContain(fit.trainTarget);
    for (const lang of ['it', 'en'] as const) expect(fit.dev[lang].answered).toBeGreaterThanOrEqual(0.97);
    expect(fit.candidates).toHaveLength(6);
  });

  it('scoreGate counts answered among answerable and refused among the rest, per language', () => {
    const s: GateSample[] = [
      { lang: 'it', answerable: true, signals: at([0.5]), similarity: 0 },
      { lang: 'it', answerable: true, signals: at([0.1]), similarity: 0 },
      { lang: 'it', answerable: false, signals: at([0.1]), similarity: 0.5 },
      { lang: 'en', answerable: false, signals: at([0.2]), similarity: 0 },
    ];
    const params = {
      mix: 0,
      denseWeight: 1,
      absentWeight: 0,
      sentenceWeight: 0,
      threshold: 0.4,
      llmThreshold: 0.05,
      crossThreshold: 0.4,
      crossLlmThreshold: 0.05,
    };
    expect(scoreGate(s, params, 0, 'it')).toEqual({
      it: { answered: 0.5, refused: 0 },
      en: { answered: 0, refused: 1 },
    });
    expect(scoreGate(s, params, 0, 'it', true)).toEqual({
      it: { answered: 1, refused: 0 },
      en: { answered: 0, refused: 0 },
    });
  });

  it('questions in another language than the corpus get their own threshold, so they do not lower the corpus language one', () => {
    // Untranslated English questions score far lower than Italian ones over an Italian corpus.
    const shifted = samples(300, 7).map((s) =>
      s.lang === 'en'
        ? {
            ...s,
            signals: s.signals.map((g) => ({ ...g, coverage: g.coverage * 0.3 })),
            similarity: s.similarity * 0.3,
          }
        : s,
    );
    const fit = fitGate(shifted, samples(200, 11), options);
    expect(fit.params.crossThreshold).toBeLessThan(fit.params.threshold);
    expect(fit.train.it.refused).toBeGreaterThan(0.9);
    expect(fit.train.en.answered).toBeGreaterThanOrEqual(0.97);
  });

  it('a third signal that separates what coverage and cosine cannot gets a weight, and refuses more at the same answer rate', () => {
    // Coverage and cosine overlap between the labels; off-coverage questions name a word the index lacks.
    const mixed = (n: number, seed: number) =>
      samples(n, seed).map((s, i) => ({
        ...s,
        signals: s.signals.map(() => ({
          coverage: 0.5 + 0.3 * (((i * 7) % 10) / 10),
          absent: s.answerable ? 0.1 * (i % 4) : 0.8 + 0.05 * (i % 4),
        })),
      }));
    const two = fitGate(mixed(300, 7), mixed(200, 11), options);
    const three = fitGate(mixed(300, 7), mixed(200, 11), { ...options, absentWeights: [0, 0.5, 1] });
    expect(two.params.absentWeight).toBe(0);
    expect(three.params.absentWeight).toBeGreaterThan(0);
    for (const lang of ['it', 'en'] as const) {
      expect(three.train[lang].answered).toBeGreaterThanOrEqual(0.97);
      expect(three.dev[lang].refused).toBeGreaterThan(two.dev[lang].refused + 0.3);
    }
  });

  it('a sentence signal that separates what the other three cannot gets a weight, and refuses more at the same answer rate', () => {
    // Off-coverage questions have no sentence close to them, though their passages' coverage and cosine overlap.
    const withSentences = (n: number, seed: number) =>
      samples(n, seed).map((s, i) => ({
        ...s,
        signals: s.signals.map(() => ({ coverage: 0.5 + 0.3 * (((i * 7) % 10) / 10), absent: 0 })),
        sentence: s.answerable ? 0.7 + 0.05 * (i % 4) : 0.2 + 0.05 * (i % 4),
      }));
    const without = fitGate(withSentences(300, 7), withSentences(200, 11), options);
    const four = fitGate(withSentences(300, 7), withSentences(200, 11), { ...options, sentenceWeights: [0, 1, 2] });
    expect(without.params.sentenceWeight).toBe(0);
    expect(four.params.sentenceWeight).toBeGreaterThan(0);
    for (const lang of ['it', 'en'] as const) {
      expect(four.train[lang].answered).toBeGreaterThanOrEqual(0.97);
      expect(four.dev[lang].refused).toBeGreaterThan(without.dev[lang].refused + 0.3);
    }
  });
});

describe('samplesAt', () => {
  const observation = {
    lang: 'it' as const,
    evidence: [],
    similarity: 0.5,
    sentences: { sentence: 0.7, wordiest: 0.4 },
    fused: [],
    lexical: [],
    answerable: true,
  };

  it('carries the sentence signal of the kind asked for', () => {
    expect(samplesAt([observation], [0], 'best')[0]?.sentence).toBeCloseTo(0.7);
    expect(samplesAt([observation], [0], 'gap')[0]?.sentence).toBeCloseTo(0.2);
    expect(samplesAt([observation], [0], 'wordiest')[0]?.sentence).toBeCloseTo(0.4);
  });

  it('observations recorded before the sentence signals (an older cache) are refused, not read as 0', () => {
    const { sentences: _, ...old } = observation;
    expect(() => samplesAt([old as unknown as typeof observation], [0])).toThrow(/no sentence signals/);
  });
});
