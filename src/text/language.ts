import { detectAll } from 'tinyld';
import type { Lang } from './lang.js';

// tinyld's score for the winner of a clear text is 1; below this margin it is guessing.
const CONFIDENT_MARGIN = 0.5;
// Below the confident margin tinyld still names the right language for most real words, but it
// also "recognises" bare names ("Rubio?" → it, "Hello" → it): a hint outranks it there.
const WEAK_MARGIN = 0.05;

// Function words that short questions are made of and tinyld has too few n-grams to see.
// Only words that are not also words of the other language ("a", "in", "come" are left out).
const STOPWORDS: Readonly<Record<Lang, ReadonlySet<string>>> = {
  it: new Set([
    'il',
    'lo',
    'gli',
    'di',
    'che',
    'chi',
    'cosa',
    'è',
    'ha',
    'hanno',
    'sono',
    'del',
    'della',
    'per',
    'con',
    'non',
    'quando',
    'dove',
    'perché',
    'quale',
    'quali',
    'quanto',
    'ci',
    'su',
    'un',
    'una',
    'dell',
    'nell',
    'sull',
  ]),
  en: new Set([
    'the',
    'of',
    'and',
    'is',
    'are',
    'what',
    'who',
    'when',
    'where',
    'why',
    'how',
    'did',
    'does',
    'was',
    'were',
    'which',
    'about',
    'will',
    'has',
    'have',
    'to',
    'on',
  ]),
};

/**
 * Tells whether `text` is Italian or English, in this order: tinyld's scores for the two
 * languages when clearly apart; else a vote of common function words; else `hint`; else
 * tinyld's weak preference; else 'it'. Never throws; empty text answers `hint ?? 'it'`.
 */
export function detectLanguage(text: string, hint?: Lang | null): Lang {
  const scores = scoreWithTinyld(text);
  const margin = scores.it - scores.en;
  if (Math.abs(margin) >= CONFIDENT_MARGIN) return margin > 0 ? 'it' : 'en';
  const votes = countStopwordVotes(text);
  if (votes !== 0) return votes > 0 ? 'it' : 'en';
  if (hint) return hint;
  if (Math.abs(margin) >= WEAK_MARGIN) return margin > 0 ? 'it' : 'en';
  return 'it';
}

/** tinyld's probabilities for Italian and English only (0 when it does not name one). */
function scoreWithTinyld(text: string): Record<Lang, number> {
  const scores: Record<Lang, number> = { it: 0, en: 0 };
  for (const { lang, accuracy } of detectAll(text, { only: ['it', 'en'] })) {
    if (lang === 'it' || lang === 'en') scores[lang] = accuracy;
  }
  return scores;
}

/** Italian function words minus English ones: > 0 leans Italian, < 0 English. */
function countStopwordVotes(text: string): number {
  let votes = 0;
  for (const word of text.toLowerCase().split(/[^\p{L}]+/u)) {
    if (STOPWORDS.it.has(word)) votes += 1;
    if (STOPWORDS.en.has(word)) votes -= 1;
  }
  return votes;
}
