import { splitSentences as splitSentenceSpans } from '../chunking/split-sentences.js';
import type { Lang } from '../text/lang.js';

/** One sentence of a text: `text === source.slice(start, end)`, without surrounding whitespace. */
export interface SentenceSpan {
  /** UTF-16 offsets into the source string. */
  start: number;
  end: number;
  text: string;
}

/**
 * Splits `text` into sentences with the chunker's rules (Intl.Segmenter for `lang`, no break
 * after abbreviations such as "sig." or "U.S."), trimmed, blank ones dropped. Offsets index
 * `text`, so every sentence is a verbatim slice and quotes match chunk boundaries. Never throws.
 */
export function splitSentences(text: string, lang: Lang): SentenceSpan[] {
  return splitSentenceSpans(text, lang).map(({ start, end }) => ({ start, end, text: text.slice(start, end) }));
}
