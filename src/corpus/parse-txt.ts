import { rejectFile, type ParsedSource } from './article-draft.js';
import { normalizeDate } from './normalize-date.js';

// The seed corpus starts a body with "date 2025-07 " on the same line as the first sentence.
const DATE_PREFIX = /^\s*date[ \t]+(\d{4}-\d{2}(?:-\d{2})?)(?!\S)/i;
const NAME_WORD = /^\p{Lu}[\p{L}'’-]*$/u;
// Lowercase particles of Italian and other surnames ("Maria de Filippi", "Ludwig van Beethoven").
const NAME_PARTICLES = new Set(['di', 'de', 'da', 'del', 'della', 'dei', 'van', 'von', 'der', 'du', 'dos', 'la', 'le']);
const MAX_BYLINE_LENGTH = 60;

/**
 * A `.txt` article: an optional leading `date YYYY-MM[-DD]` (an impossible date is dropped but
 * still removed from the body) and an optional byline, a short last line that is a name of 2–4
 * capitalised words. The rest, trimmed at the ends, is the text; it has no title. Rejects an
 * empty body. Never throws.
 */
export function parseTxtFile(content: string): ParsedSource {
  const dateMatch = DATE_PREFIX.exec(content);
  const body = dateMatch ? content.slice(dateMatch[0].length) : content;
  const { text, author } = splitByline(body.trim());
  if (text === '') return rejectFile('empty body');
  const date = dateMatch ? normalizeDate(dateMatch[1]) : null;
  return { drafts: [{ id: null, locator: '', title: null, date, updated: null, author, url: null, lang: null, tags: [], text }], problems: [] };
}

function splitByline(body: string): { text: string; author: string | null } {
  const lastBreak = body.lastIndexOf('\n');
  const candidate = body.slice(lastBreak + 1).trim();
  if (lastBreak < 0 || !looksLikeName(candidate)) return { text: body, author: null };
  const text = body.slice(0, lastBreak).trim();
  return text === '' ? { text: body, author: null } : { text, author: candidate };
}

function looksLikeName(line: string): boolean {
  if (line.length > MAX_BYLINE_LENGTH) return false;
  const words = line.split(/\s+/);
  if (words.length < 2 || words.length > 4) return false;
  return words.every((word, i) => NAME_WORD.test(word) || (i > 0 && i < words.length - 1 && NAME_PARTICLES.has(word)));
}
