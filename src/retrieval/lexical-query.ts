import { analyze, stemPairs, type Term } from '../text/analyze.js';
import type { Lang } from '../text/lang.js';

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

/** Consecutive stem pairs of each query text (pairs never span two texts), de-duplicated. */
export function collectPairs(texts: QueryText[]): string[] {
  return [...new Set(texts.flatMap(({ text, lang }) => stemPairs(analyze(text, lang))))];
}

const quote = (term: string) => `"${term.replace(/"/g, '""')}"`;

/**
 * An FTS5 MATCH expression: stems OR-ed in the stems and title columns, prefix terms in the
 * prefixes column, stem pairs in the pairs column. Only analysed word tokens reach FTS5, each quoted, so
 * nothing the user types is read as query syntax. Null when no content word is left.
 */
export function buildMatchExpression(terms: Term[], pairs: string[] = []): string | null {
  if (terms.length === 0) return null;
  const stems = [...new Set(terms.map((t) => t.stem))].map(quote).join(' OR ');
  const prefixes = [...new Set(terms.map((t) => t.prefix))].map(quote).join(' OR ');
  const pairPart = pairs.length === 0 ? '' : ` OR pairs : (${pairs.map(quote).join(' OR ')})`;
  return `{stems title} : (${stems}) OR prefixes : (${prefixes})${pairPart}`;
}
