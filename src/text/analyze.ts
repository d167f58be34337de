import { stemmer as stemEnglish } from '@orama/stemmers/english';
import { stemmer as stemItalian } from '@orama/stemmers/italian';
import type { Lang } from './lang.js';
import { STOPWORDS } from './stopwords.js';

/** Length of the prefix terms in the lexical index's second field. */
export const PREFIX_LENGTH = 5;

const WORD = /[\p{L}\p{N}]+/gu;
const MARKS = /\p{M}+/gu;

/** Lowercases and strips accents (NFD, combining marks removed). */
export function foldText(text: string): string {
  return text.normalize('NFD').replace(MARKS, '').toLowerCase();
}

/** Word tokens of `text`, lowercase with accents kept (apostrophes and punctuation split words). */
export function tokenize(text: string): string[] {
  return text.toLowerCase().match(WORD) ?? [];
}

/**
 * One analysed word: its stem and its prefix term, both folded, the folded word itself, and the
 * word as written (`token`: lowercase, accents kept) for engines that analyse text themselves.
 */
export interface Term {
  stem: string;
  prefix: string;
  word: string;
  token: string;
}

/**
 * Content words of `text` in `lang`, each as a stem and a prefix term. Stopwords are dropped
 * (in both languages' lists, since questions and articles mix names and quotes). The stemmer
 * sees the accented word; accents are stripped after.
 */
export function analyze(text: string, lang: Lang): Term[] {
  const stem = lang === 'it' ? stemItalian : stemEnglish;
  const terms: Term[] = [];
  for (const token of tokenize(text)) {
    const folded = foldText(token);
    if (STOPWORDS.it.has(folded) || STOPWORDS.en.has(folded)) continue;
    terms.push({ stem: foldText(stem(token)), prefix: folded.slice(0, PREFIX_LENGTH), word: folded, token });
  }
  return terms;
}

/**
 * Pairs of consecutive content-word stems, joined into one token ("crisi petrolifera" →
 * "crispetrol"): a passage that shares a question's word pairs is usually the one it is about.
 */
export function stemPairs(terms: Term[]): string[] {
  const pairs: string[] = [];
  for (let i = 1; i < terms.length; i++) pairs.push(`${terms[i - 1]?.stem ?? ''}${terms[i]?.stem ?? ''}`);
  return pairs;
}

/** The lexical-index fields of a passage: space-joined stems, prefix terms and stem pairs. */
export function analyzeForIndex(text: string, lang: Lang): { stems: string; prefixes: string; pairs: string } {
  const terms = analyze(text, lang);
  return {
    stems: terms.map((t) => t.stem).join(' '),
    prefixes: terms.map((t) => t.prefix).join(' '),
    pairs: stemPairs(terms).join(' '),
  };
}
