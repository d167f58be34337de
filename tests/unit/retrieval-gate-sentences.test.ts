import { describe, expect, it } from 'vitest';
import { sentenceSignal, sentenceSignals } from '../../src/retrieval/gate-sentences.js';
import { isRelevant } from '../../src/retrieval/gate.js';
import { knobsFor } from '../../src/retrieval/knobs.js';

const text = 'Rubio e Lavrov si sono incontrati a Kuala Lumpur. Il colloquio è durato 50 minuti. Pioveva.';
const passage = { id: 7, text, lang: 'it' as const };
/** The stored sentences of `passage` (offsets into its text) with the cosines given. */
function matches(scores: number[], passageId = 7) {
  const ends = [text.indexOf('.') + 1, text.indexOf('minuti.') + 7, text.length];
  return scores.map((score, i) => ({
    passageId,
    start: i === 0 ? 0 : (ends[i - 1] ?? 0) + 1,
    end: ends[i] ?? text.length,
    score,
    translation: null,
  }));
}
const question = [{ text: 'Quanto è durato il colloquio tra Rubio e Lavrov?', lang: 'it' as const }];

describe('sentence signals of the gate', () => {
  it('best: the closest sentence of the top passages; wordiest: the one holding most question words', () => {
    // The second sentence holds "durato" and "colloquio", the first "Rubio" and "Lavrov" too: 2 vs 2, so the closer wins;
    // the third holds none though it is closest.
    const signals = sentenceSignals(question, [passage], matches([0.3, 0.4, 0.9]), null);
    expect(signals.sentence).toBeCloseTo(0.9);
    expect(signals.wordiest).toBeCloseTo(0.4);
  });

  it('sentences of passages outside the gate top do not count', () => {
    expect(sentenceSignals(question, [passage], matches([0.9, 0.9, 0.9], 8), null)).toEqual({
      sentence: 0,
      wordiest: 0,
    });
  });

  it('no stored sentences (an index built before they were): both 0', () => {
    expect(sentenceSignals(question, [passage], [], null)).toEqual({ sentence: 0, wordiest: 0 });
  });

  it("an English question's words count in the sentence's stored English translation", () => {
    const english = [{ text: 'How long did the talk last?', lang: 'en' as const }];
    const stored = matches([0.5, 0.2, 0.6]).map((m, i) => ({
      ...m,
      translation: i === 1 ? 'The talk lasted 50 minutes.' : null,
    }));
    expect(sentenceSignals(english, [passage], stored, 'en').wordiest).toBeCloseTo(0.2);
    // Without the translation's language the translation is not read: no sentence holds a word, the closest counts.
    expect(sentenceSignals(english, [passage], stored, null).wordiest).toBeCloseTo(0.6);
  });

  it('the gap is the best sentence cosine minus the best passage cosine', () => {
    const signals = { sentence: 0.7, wordiest: 0.4, similarity: 0.5 };
    expect(sentenceSignal('best', signals)).toBeCloseTo(0.7);
    expect(sentenceSignal('gap', signals)).toBeCloseTo(0.2);
    expect(sentenceSignal('wordiest', signals)).toBeCloseTo(0.4);
  });
});

describe('isRelevant with the sentence signal', () => {
  const knobs = {
    ...knobsFor('Xenova/all-MiniLM-L6-v2'),
    gateLinear: true,
    gateDenseWeight: 1,
    gateAbsentWeight: 0,
    gateSentenceWeight: 1,
    gateSentenceSignal: 'best' as const,
    minGateScore: 1.5,
    minGateScoreWithLlm: 1.5,
  };
  const gate = { coverage: 0.6, similarity: 0.5, absent: 0, sentence: 0.45, wordiest: 0.3 };

  it('adds the weighted signal of the chosen kind to the score', () => {
    expect(isRelevant(gate, knobs, false)).toBe(true); // 0.6 + 0.5 + 0.45
    expect(isRelevant(gate, { ...knobs, gateSentenceSignal: 'wordiest' }, false)).toBe(false); // 0.6 + 0.5 + 0.3
    expect(isRelevant({ ...gate, sentence: 0.95 }, { ...knobs, gateSentenceSignal: 'gap' }, false)).toBe(true);
    expect(isRelevant(gate, { ...knobs, gateSentenceWeight: 0 }, false)).toBe(false);
  });

  it('a gate without sentence signals scores them 0', () => {
    expect(isRelevant({ coverage: 0.6, similarity: 0.5 }, knobs, false)).toBe(false);
    expect(isRelevant({ coverage: 0.6, similarity: 0.5 }, { ...knobs, minGateScore: 1.1 }, false)).toBe(true);
  });
});
