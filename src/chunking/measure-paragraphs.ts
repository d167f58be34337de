import type { Lang } from '../text/lang.js';
import type { TokenCounter } from './chunk.js';
import { findParagraphs } from './find-paragraphs.js';
import type { Unit } from './span.js';
import { splitOversized } from './split-oversized.js';
import { splitSentences } from './split-sentences.js';

/** One paragraph as units no larger than the window (except unsplittable ones), with their total. */
export interface MeasuredParagraph {
  units: Unit[];
  tokens: number;
}

/**
 * The paragraphs of `text`, each cut into sentences whose tokens are counted once; a sentence
 * over `maxTokens` is cut into pieces that fit. Paragraphs with no text are left out.
 */
export function measureParagraphs(
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
