import type { ScoredPassage } from '../retrieval/types.js';
import type { SentenceSpan } from './sentences.js';

/** Placed between quoted sentences that are not contiguous in one passage; each part stays verbatim. */
export const QUOTE_JOINER = ' … ';

/** One quoted sentence: a span of a passage's text. */
export interface QuotePart {
  passage: ScoredPassage;
  span: SentenceSpan;
}

function isContiguous(previous: QuotePart, next: QuotePart): boolean {
  if (previous.passage.id !== next.passage.id || next.span.start < previous.span.end) return false;
  return previous.passage.text.slice(previous.span.end, next.span.start).trim() === '';
}

/**
 * Builds a citation quote from sentences of one article, in article order. Sentences that follow
 * each other in the same passage become one verbatim slice of it; the others are joined with
 * QUOTE_JOINER, so a quote is a single verbatim slice whenever that is possible and otherwise a
 * sequence of verbatim slices. Duplicates are dropped. Returns '' for no parts.
 */
export function joinQuoteParts(parts: readonly QuotePart[]): string {
  const ordered = [...parts].sort(
    (a, b) => a.passage.start + a.span.start - (b.passage.start + b.span.start) || a.passage.id - b.passage.id,
  );
  const slices: { passage: ScoredPassage; start: number; end: number; last: QuotePart }[] = [];
  const seen = new Set<string>();
  for (const part of ordered) {
    // Overlapping passages repeat sentences: the same article range counts once.
    const range = `${part.passage.start + part.span.start}:${part.passage.start + part.span.end}`;
    if (seen.has(range)) continue;
    seen.add(range);
    const current = slices.at(-1);
    if (current !== undefined && current.passage.id === part.passage.id && part.span.end <= current.end) continue;
    if (current !== undefined && isContiguous(current.last, part)) {
      current.end = part.span.end;
      current.last = part;
    } else {
      slices.push({ passage: part.passage, start: part.span.start, end: part.span.end, last: part });
    }
  }
  return slices.map((s) => s.passage.text.slice(s.start, s.end)).join(QUOTE_JOINER);
}
