import { analyze, foldText } from '../text/analyze.js';
import type { Lang } from '../text/lang.js';

/**
 * The content words of `text` for term overlap, as the lexical index's prefix terms (accent-folded,
 * lowercase, stopwords of both languages dropped, cut to a short prefix): language-neutral, so
 * "elezioni" ~ "elezione" and a name matches across an Italian article and an English question.
 */
export function extractTerms(text: string, lang: Lang): Set<string> {
  return new Set(analyze(text, lang).map((term) => term.prefix));
}

/** Share of `query` terms that occur in `candidate`, in [0, 1]; 0 when `query` is empty. */
export function measureTermOverlap(query: ReadonlySet<string>, candidate: ReadonlySet<string>): number {
  if (query.size === 0) return 0;
  let hits = 0;
  for (const term of query) if (candidate.has(term)) hits += 1;
  return hits / query.size;
}

/** Jaccard similarity of two term sets, in [0, 1]; 0 when both are empty. */
export function measureJaccard(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  if (a.size === 0 && b.size === 0) return 0;
  let shared = 0;
  for (const term of a) if (b.has(term)) shared += 1;
  return shared / (a.size + b.size - shared);
}

/** True when the two texts are the same once accents, case and spacing are ignored. */
export function isSameText(a: string, b: string): boolean {
  const normalise = (text: string) => foldText(text).replace(/\s+/g, ' ').trim();
  return normalise(a) === normalise(b);
}
