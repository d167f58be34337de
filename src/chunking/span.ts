/** A half-open range `[start, end)` of JavaScript string indices into an article's text. */
export interface Span {
  start: number;
  end: number;
}

/** A span that is packed as a whole into chunks (a sentence or a piece of a long one). */
export interface Unit extends Span {
  /** Tokens of `text.slice(start, end)`, as the chunker's token counter counts them. */
  tokens: number;
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
