/** Discord's limit on a message's `content`, in UTF-16 code units (what String#length counts). */
export const MESSAGE_LIMIT = 2000;

// Preferred break points, best first: paragraph, line, sentence end, word. Each match is
// whitespace, so cutting at its start keeps the punctuation with the sentence it ends.
const BREAKS: readonly RegExp[] = [/\n\s*\n/g, /\n/g, /(?<=[.!?…]["'»”’)\]]*)\s+/g, /\s+/g];

/**
 * Splits `text` into chunks of at most `limit` characters, breaking at paragraph, then line, then
 * sentence, then word boundaries, and only cutting inside a word (never inside a surrogate pair)
 * when a single word is longer than `limit`. Chunks are trimmed; empty input gives [].
 * Throws RangeError when `limit` < 2.
 */
export function splitMessage(text: string, limit: number = MESSAGE_LIMIT): string[] {
  if (limit < 2) throw new RangeError(`message limit must be at least 2, got ${limit}`);
  const chunks: string[] = [];
  let rest = text.trim();
  while (rest.length > limit) {
    const cut = findCut(rest, limit);
    const head = rest.slice(0, cut).trimEnd();
    if (head !== '') chunks.push(head);
    rest = rest.slice(cut).trimStart();
  }
  if (rest !== '') chunks.push(rest);
  return chunks;
}

/** Index at which to cut `text` so the head fits in `limit`; always in 1..limit. */
function findCut(text: string, limit: number): number {
  // One extra character: a break right after the limit still lets the head fill it.
  const window = text.slice(0, limit + 1);
  for (const pattern of BREAKS) {
    let cut = 0;
    for (const match of window.matchAll(pattern)) cut = match.index;
    if (cut > 0) return cut;
  }
  const code = text.charCodeAt(limit - 1);
  const splitsPair = code >= 0xd800 && code <= 0xdbff;
  return splitsPair ? limit - 1 : limit;
}
