import { trimSpan, type Span } from './span.js';

// A blank line (possibly holding spaces or tabs) separates paragraphs.
const PARAGRAPH_BREAK = /\n\s*\n/g;

/**
 * Cuts `text` into paragraphs at blank lines. Each span is trimmed to non-whitespace; empty
 * paragraphs are dropped, so `[]` for empty or whitespace-only text.
 */
export function findParagraphs(text: string): Span[] {
  const paragraphs: Span[] = [];
  let start = 0;
  for (const match of text.matchAll(PARAGRAPH_BREAK)) {
    pushTrimmed(paragraphs, text, start, match.index);
    start = match.index + match[0].length;
  }
  pushTrimmed(paragraphs, text, start, text.length);
  return paragraphs;
}

function pushTrimmed(spans: Span[], text: string, start: number, end: number): void {
  const span = trimSpan(text, start, end);
  if (span) spans.push(span);
}
