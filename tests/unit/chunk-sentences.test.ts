import { describe, expect, it } from 'vitest';
import { findParagraphs, splitSentences } from '../../src/chunking/split-sentences.js';
import type { Lang } from '../../src/text/lang.js';

function sentencesOf(text: string, lang: Lang): string[] {
  return splitSentences(text, lang).map((s) => text.slice(s.start, s.end));
}

describe('splitSentences', () => {
  it('joins segments cut after Italian abbreviations (sig., dott., l’on., S.p.A.)', () => {
    expect(
      sentencesOf("Il sig. Rossi e il dott. Bianchi. Ieri ha parlato l'on. Verdi. La Fiat S.p.A. Torino è qui.", 'it'),
    ).toEqual(['Il sig. Rossi e il dott. Bianchi.', "Ieri ha parlato l'on. Verdi.", 'La Fiat S.p.A. Torino è qui.']);
  });

  it('joins segments cut after English abbreviations, acronyms and initials (Mr., U.S., F.)', () => {
    expect(sentencesOf('Mr. Smith met U.S. President John F. Kennedy. Then he left.', 'en')).toEqual([
      'Mr. Smith met U.S. President John F. Kennedy.',
      'Then he left.',
    ]);
  });

  it('abbreviations are per language: "on." ends an English sentence', () => {
    expect(sentencesOf('The lights were on. Nobody came.', 'en')).toEqual(['The lights were on.', 'Nobody came.']);
  });

  it('drops whitespace-only segments and trims spans, keeping exact offsets with accents and quotes', () => {
    const text = ' “È stata una conversazione franca. “È stato un incontro”, ha detto Rubio.  \n\n  Perché?  ';
    const spans = splitSentences(text, 'it');
    expect(spans.map((s) => text.slice(s.start, s.end))).toEqual([
      '“È stata una conversazione franca.',
      '“È stato un incontro”, ha detto Rubio.',
      'Perché?',
    ]);
  });

  it('only looks inside the given span', () => {
    const text = 'Prima. Seconda. Terza.';
    expect(splitSentences(text, 'it', { start: 7, end: 15 })).toEqual([{ start: 7, end: 15 }]);
  });
});

describe('findParagraphs', () => {
  it('splits at blank lines (even with spaces on them), not at single line breaks', () => {
    const text = '\n Uno.\nAncora uno.\n \t \nDue.\n\n\n\nTre. \n';
    expect(findParagraphs(text).map((p) => text.slice(p.start, p.end))).toEqual(['Uno.\nAncora uno.', 'Due.', 'Tre.']);
  });

  it('empty and whitespace-only text has no paragraphs', () => {
    expect(findParagraphs('')).toEqual([]);
    expect(findParagraphs(' \n\n ')).toEqual([]);
  });
});
