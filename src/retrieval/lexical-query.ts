import { analyze, stemPairs, type Term } from '../text/analyze.js';
import type { Lang } from '../text/lang.js';
import type { LexicalQuery } from './types.js';

/** A text to search lexically, analysed in its own language. */
export interface QueryText {
  text: string;
  lang: Lang;
}

/** The analysed terms of all query texts, de-duplicated. */
export function collectTerms(texts: QueryText[]): Term[] {
  const seen = new Set<string>();
  const terms: Term[] = [];
  for (const { text, lang } of texts) {
    for (const term of analyze(text, lang)) {
      const key = `${term.stem} ${term.prefix}`;
      if (seen.has(key)) continue;
      seen.add(key);
      terms.push(term);
    }
  }
  return terms;
}

/** Whether a query term occurs among `own` (a text's analysed terms), by stem or by prefix term. */
export function termHolder(own: readonly Term[]): (term: Term) => boolean {
  const stems = new Set(own.map((t) => t.stem));
  const prefixes = new Set(own.map((t) => t.prefix));
  return (term) => stems.has(term.stem) || prefixes.has(term.prefix);
}

/** Consecutive stem pairs of each query text (pairs never span two texts), de-duplicated. */
export function collectPairs(texts: QueryText[]): string[] {
  return [...new Set(texts.flatMap(({ text, lang }) => stemPairs(analyze(text, lang))))];
}

/**
 * The lexical query of analysed terms: their distinct stems, prefix terms and words as written,
 * and stem pairs. Null when no content word is left.
 */
export function buildLexicalQuery(terms: Term[], pairs: string[] = []): LexicalQuery | null {
  if (terms.length === 0) return null;
  return {
    stems: [...new Set(terms.map((t) => t.stem))],
    prefixes: [...new Set(terms.map((t) => t.prefix))],
    pairs,
    words: [...new Set(terms.map((t) => t.token))],
  };
}
