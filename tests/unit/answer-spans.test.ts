import { describe, expect, it } from 'vitest';
import { findAnswerSpans } from '../../src/answer/answer-spans.js';

const texts = (sentence: string) => findAnswerSpans(sentence).map((s) => sentence.slice(s.start, s.end));

describe('findAnswerSpans', () => {
  it('never cuts a number word out of a longer word ("tre" in "trentottomila")', () => {
    const found = texts('La sagra ha chiuso con trentottomila visitatori.');
    expect(found).not.toContain('tre');
    expect(found.every((t) => !/^tre$/i.test(t))).toBe(true);
  });

  it('still finds standalone number words and numbers with units', () => {
    expect(texts('Dopo tre anni di chiusura riapre il ponte.')).toContain('tre anni');
    expect(texts('Un colloquio di 50 minuti a Kuala Lumpur.')).toContain('50 minuti');
  });
});
