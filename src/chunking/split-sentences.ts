import type { Lang } from '../text/lang.js';
import { endsWithAbbreviation } from './abbreviations.js';
import type { Span } from './chunk.js';

const segmenters = new Map<Lang, Intl.Segmenter>();

function getSegmenter(lang: Lang): Intl.Segmenter {
  let segmenter = segmenters.get(lang);
  if (!segmenter) {
    segmenter = new Intl.Segmenter(lang, { granularity: 'sentence' });
    segmenters.set(lang, segmenter);
  }
  return segmenter;
}

/**
 * The sentences of `text` within `within` (default: all of it), as spans of `text` trimmed to
 * non-whitespace, in order. Whitespace-only segments are dropped and a segment is joined to
 * the previous one when that one ends with a known abbreviation ("dott.", "U.S.").
 */
export function splitSentences(text: string, lang: Lang, within: Span = { start: 0, end: text.length }): Span[] {
  const sentences: Span[] = [];
  const slice = text.slice(within.start, within.end);
  for (const { segment, index } of getSegmenter(lang).segment(slice)) {
    const start = within.start + index;
    const span = trimSpan(text, start, start + segment.length);
    if (!span) continue;
    const previous = sentences.at(-1);
    if (previous && endsWithAbbreviation(text.slice(previous.start, previous.end), lang)) previous.end = span.end;
    else sentences.push(span);
  }
  return sentences;
}

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

/**
 * Narrows `[start, end)` of `text` to its first and last non-whitespace characters.
 * Returns null when the range holds only whitespace.
 */
export function trimSpan(text: string, start: number, end: number): Span | null {
  let from = start;
  let to = end;
  while (from < to && /\s/.test(text.charAt(from))) from += 1;
  while (to > from && /\s/.test(text.charAt(to - 1))) to -= 1;
  return from < to ? { start: from, end: to } : null;
}
