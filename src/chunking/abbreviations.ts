import type { Lang } from '../text/lang.js';

// Short words that end with a period without ending the sentence, per language: "on." is an
// Italian title (Onorevole) but ends many English sentences. Dotted acronyms ("U.S.", "e.g.",
// "S.p.A.") and single initials ("F.") are recognised by shape in both languages.
const ABBREVIATIONS: Readonly<Record<Lang, ReadonlySet<string>>> = {
  it: new Set([
    'sig.',
    'sigg.',
    'sig.ra',
    'dott.',
    'dott.ssa',
    'prof.',
    'ing.',
    'avv.',
    'arch.',
    'on.',
    'sen.',
    'gen.',
    'col.',
    'mons.',
    'ecc.',
    'pag.',
    'art.',
    'cap.',
    'cfr.',
    'n.',
    'nr.',
    'ca.',
    'tel.',
    'mr.',
    'dr.',
  ]),
  en: new Set([
    'mr.',
    'mrs.',
    'ms.',
    'dr.',
    'prof.',
    'st.',
    'jr.',
    'sr.',
    'vs.',
    'inc.',
    'ltd.',
    'corp.',
    'sen.',
    'rep.',
    'gov.',
    'gen.',
    'lt.',
    'capt.',
    'approx.',
    'pp.',
    'fig.',
    'vol.',
    'jan.',
    'feb.',
    'aug.',
    'sept.',
    'oct.',
    'nov.',
    'dec.',
  ]),
};

const DOTTED_ACRONYM = /^(?:\p{L}\.){2,}$/u;
const INITIAL = /^\p{Lu}\.$/u;
// Opening marks, and an elided article or preposition ("l'on.", "dell’ing.").
const WORD_PREFIX = /^.*['’]|^[("“‘«]+/u;
// Longer than any abbreviation: only this much of a segment's end is looked at.
const TAIL_LENGTH = 24;

/**
 * True when `segment` ends with an abbreviation of `lang` after which a sentence segmenter
 * wrongly breaks ("il sig. Rossi", "U.S. President", "John F. Kennedy"). Case-insensitive.
 */
export function endsWithAbbreviation(segment: string, lang: Lang): boolean {
  const tail = segment.slice(-TAIL_LENGTH).trimEnd();
  const lastWord = (tail.split(/\s/).at(-1) ?? '').replace(WORD_PREFIX, '');
  if (!lastWord.endsWith('.')) return false;
  return ABBREVIATIONS[lang].has(lastWord.toLowerCase()) || DOTTED_ACRONYM.test(lastWord) || INITIAL.test(lastWord);
}
