import { describe, expect, it } from 'vitest';
import { gateEvidence, gateSignals, isRelevant } from '../../src/retrieval/gate.js';
import { knobsFor } from '../../src/retrieval/knobs.js';
import { analyze } from '../../src/text/analyze.js';

const passage = {
  text: 'Rubio e Lavrov si sono incontrati a Kuala Lumpur per un colloquio di 50 minuti.',
  lang: 'it' as const,
};
const passageStems = new Set(analyze(passage.text, 'it').map((t) => t.stem));
/** A one-passage index: a stem's passage count is 1 when the passage holds it. */
const generation = {
  termStats: (stems: string[]) =>
    Promise.resolve({ passages: 1, docs: stems.map((s) => (passageStems.has(s) ? 1 : 0)) }),
};

describe('gate signals', () => {
  it('a covered question: full coverage, nothing absent', async () => {
    const evidence = await gateEvidence(
      generation,
      [{ text: 'Dove si sono incontrati Rubio e Lavrov?', lang: 'it' }],
      [passage],
    );
    expect(gateSignals(evidence, 0.75)).toEqual({ coverage: 1, absent: 0 });
  });

  it('a name the archive never mentions is absent with its full weight, at any mix', async () => {
    const evidence = await gateEvidence(
      generation,
      [{ text: 'Cosa ha detto Zelensky a Lavrov?', lang: 'it' }],
      [passage],
    );
    for (const mix of [0, 0.5, 1]) {
      const { coverage, absent } = gateSignals(evidence, mix);
      expect(absent).toBe(1);
      expect(coverage).toBeGreaterThan(0);
      expect(coverage).toBeLessThan(1);
    }
  });

  it('a common unmatched verb weighs less than an absent name once the background list is mixed in', async () => {
    const evidence = await gateEvidence(
      generation,
      [{ text: 'Quanto è durato il colloquio tra Rubio e Lavrov?', lang: 'it' }],
      [passage],
    );
    const zelensky = await gateEvidence(
      generation,
      [{ text: 'Quanto è durato il colloquio tra Zelensky e Lavrov?', lang: 'it' }],
      [passage],
    );
    expect(gateSignals(evidence, 0.75).absent).toBeGreaterThan(0);
    expect(gateSignals(evidence, 0.75).absent).toBeLessThan(gateSignals(zelensky, 0.75).absent);
  });

  it('a word other passages of the index hold is not absent, though the top passages miss it', async () => {
    const wider = {
      termStats: (stems: string[]) =>
        Promise.resolve({ passages: 4, docs: stems.map((s) => (passageStems.has(s) ? 1 : s === 'putin' ? 3 : 0)) }),
    };
    const signals = gateSignals(
      await gateEvidence(wider, [{ text: 'Putin e Lavrov si sono incontrati?', lang: 'it' }], [passage]),
      0.5,
    );
    expect(signals.absent).toBe(0);
    expect(signals.coverage).toBeLessThan(1);
  });

  it('the query text that leaves the least out counts: an English question through its translation', async () => {
    const texts = [
      { text: 'How long did the talk between Rubio and Lavrov last?', lang: 'en' as const },
      { text: 'Quanto è durato il colloquio tra Rubio e Lavrov?', lang: 'it' as const },
    ];
    const both = gateSignals(await gateEvidence(generation, texts, [passage]), 0.75);
    const english = gateSignals(await gateEvidence(generation, texts.slice(0, 1), [passage]), 0.75);
    const italian = gateSignals(await gateEvidence(generation, texts.slice(1), [passage]), 0.75);
    expect(both.absent).toBe(Math.min(english.absent, italian.absent));
    expect(both.coverage).toBe(Math.max(english.coverage, italian.coverage));
  });

  it('no passages or no content words: no coverage; without passages every unseen word is absent', async () => {
    expect(gateSignals(await gateEvidence(generation, [{ text: 'Zelensky?', lang: 'it' }], []), 0.5)).toEqual({
      coverage: 0,
      absent: 1,
    });
    expect(gateSignals(await gateEvidence(generation, [{ text: 'e il?', lang: 'it' }], [passage]), 0.5)).toEqual({
      coverage: 0,
      absent: 0,
    });
    expect(gateSignals([], 0.5)).toEqual({ coverage: 0, absent: 0 });
  });
});

describe('isRelevant', () => {
  const knobs = {
    ...knobsFor('Xenova/all-MiniLM-L6-v2'),
    gateLinear: true,
    gateDenseWeight: 1,
    gateAbsentWeight: 0.5,
    minGateScore: 1,
    minGateScoreWithLlm: 0.6,
    minGateScoreCrossLingual: 0.8,
    minGateScoreCrossLingualWithLlm: 0.5,
  };

  it('subtracts the weighted absent word from coverage + dense weight × cosine', () => {
    expect(isRelevant({ coverage: 0.6, similarity: 0.5, absent: 0 }, knobs, false)).toBe(true);
    expect(isRelevant({ coverage: 0.6, similarity: 0.5, absent: 0.4 }, knobs, false)).toBe(false);
    expect(isRelevant({ coverage: 0.6, similarity: 0.5, absent: 0.4 }, { ...knobs, gateAbsentWeight: 0 }, false)).toBe(
      true,
    );
  });

  it('an LLM and another language have their own, lower thresholds', () => {
    const gate = { coverage: 0.4, similarity: 0.5, absent: 0.4 };
    expect(isRelevant(gate, knobs, false)).toBe(false);
    expect(isRelevant(gate, knobs, false, true)).toBe(true);
    expect(isRelevant(gate, knobs, true, false, true)).toBe(false);
    expect(isRelevant(gate, knobs, true, true, true)).toBe(true);
  });
});
