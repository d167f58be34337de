import { splitSentences } from '../chunking/split-sentences.js';
import type { Lang } from '../text/lang.js';

const MAX_TITLE_LENGTH = 90;
// The first sentence lies in the first lines; segmenting more of a long article is wasted work.
const LOOKAHEAD = 2_000;

/**
 * A readable title for an article that has none: its first sentence with whitespace collapsed,
 * shortened at a word boundary to at most 90 characters plus "…". Non-empty for text with any
 * non-whitespace character.
 */
export function deriveTitle(text: string, lang: Lang): string {
  const head = text.slice(0, LOOKAHEAD);
  const first = splitSentences(head, lang)[0];
  const sentence = (first ? head.slice(first.start, first.end) : head).replace(/\s+/g, ' ').trim();
  return shortenAtWord(sentence, MAX_TITLE_LENGTH);
}

function shortenAtWord(sentence: string, maxLength: number): string {
  if (sentence.length <= maxLength) return sentence;
  const cut = sentence.slice(0, maxLength + 1);
  const lastSpace = cut.lastIndexOf(' ');
  // A first "word" longer than half the limit is cut where it must be.
  const kept = lastSpace > maxLength / 2 ? cut.slice(0, lastSpace) : sentence.slice(0, maxLength);
  return `${kept.replace(/[\s,;:–—-]+$/u, '')}…`;
}
