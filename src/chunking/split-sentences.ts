import type { Lang } from '../text/lang.js';
import { endsWithAbbreviation } from './abbreviations.js';
import { trimSpan, type Span } from './span.js';

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
