import type { Span, TokenCounter, Unit } from './chunk.js';

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

/**
 * The largest `n` in `[1, limit]` for which `fits(n)` holds, assuming `fits` is monotonic
 * (true up to some n, false after); 0 when `fits(1)` is false or `limit < 1`. Gallops upward
 * before bisecting, so `fits` is only asked about sizes up to twice the answer.
 */
export function findLongestFit(limit: number, fits: (n: number) => boolean): number {
  if (limit < 1 || !fits(1)) return 0;
  let good = 1;
  let bad = 2;
  while (bad <= limit && fits(bad)) {
    good = bad;
    bad *= 2;
  }
  if (bad > limit) {
    if (fits(limit)) return limit;
    bad = limit;
  }
  while (bad - good > 1) {
    const middle = Math.floor((good + bad) / 2);
    if (fits(middle)) good = middle;
    else bad = middle;
  }
  return good;
}

/**
 * Packs consecutive `units` (one paragraph's sentences) into windows of at most `maxTokens`
 * (the sum of the units' tokens; a unit larger than that gets a window of its own). Each window
 * after the first starts with up to `overlap` units of the previous one, fewer when they would
 * not leave room for a new unit. Returns index ranges `[start, end)` into `units`.
 */
export function packWindows(units: readonly Unit[], maxTokens: number, overlap: number): Span[] {
  const windows: Span[] = [];
  let start = 0;
  while (start < units.length) {
    const end = fillWindow(units, start, maxTokens);
    windows.push({ start, end });
    if (end >= units.length) break;
    start = end - countOverlap(units, start, end, maxTokens, overlap);
  }
  return windows;
}

function fillWindow(units: readonly Unit[], start: number, maxTokens: number): number {
  let end = start;
  let tokens = 0;
  for (let unit = units[end]; unit; unit = units[end]) {
    if (end > start && tokens + unit.tokens > maxTokens) break;
    tokens += unit.tokens;
    end += 1;
  }
  return end;
}

// Repeating the whole previous window would make no progress, so at most all but its first unit.
function countOverlap(units: readonly Unit[], start: number, end: number, maxTokens: number, overlap: number): number {
  let count = Math.min(overlap, end - start - 1);
  const nextTokens = units[end]?.tokens ?? 0;
  while (count > 0 && sumTokens(units, end - count, end) + nextTokens > maxTokens) count -= 1;
  return count;
}

function sumTokens(units: readonly Unit[], start: number, end: number): number {
  let sum = 0;
  for (let i = start; i < end; i += 1) sum += units[i]?.tokens ?? 0;
  return sum;
}
