/** Longest text (in code points) sent to a translation engine; a longer question is cut, not refused. */
export const DEFAULT_MAX_INPUT_CHARS = 2000;

// C0/C1 controls (NUL included) except tab and newlines, and lone UTF-16 surrogates.
const CONTROL_CHARS = /(?![\t\n\r])\p{Cc}/gu;
const LONE_SURROGATES = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/**
 * Makes user text safe to hand to a translation engine: control characters (NUL included) and
 * lone surrogates become spaces, runs of spaces collapse, ends are trimmed, and the result is
 * cut to `maxChars` code points (never inside a surrogate pair). Never throws; may return ''.
 */
export function sanitizeText(text: string, maxChars: number = DEFAULT_MAX_INPUT_CHARS): string {
  const cleaned = text
    .replace(CONTROL_CHARS, ' ')
    .replace(LONE_SURROGATES, ' ')
    .replace(/[ \t]{2,}/g, ' ')
    .trim();
  if (cleaned.length <= maxChars) return cleaned;
  return Array.from(cleaned).slice(0, maxChars).join('').trimEnd();
}
