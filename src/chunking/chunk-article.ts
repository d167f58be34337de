import type { Lang } from '../text/lang.js';
import type { Chunk, ChunkerSettings, Span, TokenCounter, Unit } from './chunk.js';
import { packWindows, splitOversized } from './pack-passages.js';
import { findParagraphs, splitSentences } from './split-sentences.js';

/**
 * Cuts an article's `text` into chunks of whole sentences, each at most `settings.maxTokens`
 * tokens (a window's tokens are the sum of its sentences'), with `text.slice(start, end) ===
 * chunk.text`, trimmed to non-whitespace and numbered from 0. A chunk stays inside a
 * paragraph, except that consecutive paragraphs that fit in one window together become one
 * chunk. Within a long paragraph, each chunk repeats the last `settings.overlapSentences`
 * sentences of the previous one when they leave room. A sentence longer than the window is cut
 * at whitespace (a word longer than it, between characters). Empty text gives [].
 * Throws RangeError when `maxTokens` is not a positive integer or `overlapSentences` is negative.
 */
export function chunkArticle(text: string, lang: Lang, settings: ChunkerSettings, countTokens: TokenCounter): Chunk[] {
  assertSettings(settings);
  const { maxTokens, overlapSentences } = settings;
  const spans: Span[] = [];
  for (const group of groupParagraphs(measureParagraphs(text, lang, maxTokens, countTokens), maxTokens)) {
    const units = group.flatMap((paragraph) => paragraph.units);
    const windows =
      group.length === 1 ? packWindows(units, maxTokens, overlapSentences) : [{ start: 0, end: units.length }];
    for (const window of windows) {
      const first = units[window.start];
      const last = units[window.end - 1];
      if (first && last) spans.push({ start: first.start, end: last.end });
    }
  }
  return spans.map((span, index) => ({
    index,
    start: span.start,
    end: span.end,
    text: text.slice(span.start, span.end),
  }));
}

/** Runs of consecutive paragraphs that fit in one window together; a long paragraph stands alone. */
function groupParagraphs(paragraphs: MeasuredParagraph[], maxTokens: number): MeasuredParagraph[][] {
  const groups: MeasuredParagraph[][] = [];
  let current: MeasuredParagraph[] = [];
  let tokens = 0;
  for (const paragraph of paragraphs) {
    if (current.length > 0 && tokens + paragraph.tokens > maxTokens) {
      groups.push(current);
      current = [];
      tokens = 0;
    }
    current.push(paragraph);
    tokens += paragraph.tokens;
  }
  if (current.length > 0) groups.push(current);
  return groups;
}

function assertSettings({ maxTokens, overlapSentences }: ChunkerSettings): void {
  if (!Number.isInteger(maxTokens) || maxTokens < 1)
    throw new RangeError(`chunker maxTokens must be a positive integer, got ${maxTokens}`);
  if (!Number.isInteger(overlapSentences) || overlapSentences < 0) {
    throw new RangeError(`chunker overlapSentences must be a non-negative integer, got ${overlapSentences}`);
  }
}

/** One paragraph as units no larger than the window (except unsplittable ones), with their total. */
interface MeasuredParagraph {
  units: Unit[];
  tokens: number;
}

/**
 * The paragraphs of `text`, each cut into sentences whose tokens are counted once; a sentence
 * over `maxTokens` is cut into pieces that fit. Paragraphs with no text are left out.
 */
function measureParagraphs(
  text: string,
  lang: Lang,
  maxTokens: number,
  countTokens: TokenCounter,
): MeasuredParagraph[] {
  return findParagraphs(text).map((paragraph) => {
    const units = splitSentences(text, lang, paragraph).flatMap((sentence) => {
      const tokens = countTokens(text.slice(sentence.start, sentence.end));
      return tokens <= maxTokens ? [{ ...sentence, tokens }] : splitOversized(text, sentence, maxTokens, countTokens);
    });
    return { units, tokens: units.reduce((sum, unit) => sum + unit.tokens, 0) };
  });
}
