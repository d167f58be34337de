import type { TokenCounter } from './chunk.js';
import { findLongestFit } from './find-longest-fit.js';
import type { Span, Unit } from './span.js';

/**
 * Cuts a sentence longer than `maxTokens` into units of at most `maxTokens` tokens, at
 * whitespace; a single word longer than that is cut between characters (never inside a
 * surrogate pair). Every unit holds at least one character, so this always ends. The units
 * cover every non-whitespace character of `sentence`, in order.
 */
export function splitOversized(text: string, sentence: Span, maxTokens: number, countTokens: TokenCounter): Unit[] {
  const words = [...text.slice(sentence.start, sentence.end).matchAll(/\S+/g)].map((m) => ({
    start: sentence.start + m.index,
    end: sentence.start + m.index + m[0].length,
  }));
  const units: Unit[] = [];
  let next = 0;
  while (next < words.length) {
    const first = words[next];
    if (!first) break;
    const fits = (n: number): boolean =>
      countSpan(text, first.start, words[next + n - 1]?.end ?? first.end, countTokens) <= maxTokens;
    const taken = findLongestFit(words.length - next, fits);
    if (taken === 0) {
      units.push(...cutWord(text, first, maxTokens, countTokens));
      next += 1;
    } else {
      const end = words[next + taken - 1]?.end ?? first.end;
      units.push({ start: first.start, end, tokens: countSpan(text, first.start, end, countTokens) });
      next += taken;
    }
  }
  return units;
}

function cutWord(text: string, word: Span, maxTokens: number, countTokens: TokenCounter): Unit[] {
  const units: Unit[] = [];
  let start = word.start;
  while (start < word.end) {
    const fits = (n: number): boolean => countSpan(text, start, start + n, countTokens) <= maxTokens;
    const end = avoidSplittingSurrogates(text, start, start + Math.max(1, findLongestFit(word.end - start, fits)));
    units.push({ start, end, tokens: countSpan(text, start, end, countTokens) });
    start = end;
  }
  return units;
}

// A cut between a high and a low surrogate would leave two broken characters.
function avoidSplittingSurrogates(text: string, start: number, end: number): number {
  const before = text.charCodeAt(end - 1);
  const isHighSurrogate = before >= 0xd800 && before <= 0xdbff;
  if (!isHighSurrogate || end >= text.length) return end;
  return end - 1 > start ? end - 1 : end + 1;
}

function countSpan(text: string, start: number, end: number, countTokens: TokenCounter): number {
  return countTokens(text.slice(start, end));
}
