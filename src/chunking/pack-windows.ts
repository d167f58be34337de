import type { Span, Unit } from './span.js';

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
