import { foldText, tokenize } from '../text/analyze.js';
import { STOPWORDS } from '../text/stopwords.js';
import type { Turn } from '../store/conversation-memory.js';

/** How a question is searched, given the conversation before it. */
export type FollowUpResolution =
  /** It names its own subject (or nothing came before): searched as written. */
  | { kind: 'standalone'; query: string }
  /** It lacks a subject: completed with the previous turn's, whose articles act as a prior. */
  | { kind: 'completed'; query: string; priorArticleIds: string[] }
  /** It lacks a subject and nothing came before: ask what it is about. */
  | { kind: 'needs-subject' };

/**
 * Words that carry no subject of their own in a follow-up ("chi l'ha detto?", "what else?",
 * "cosa è successo dopo?"), folded like the stopword lists.
 */
const REFERRING_WORDS = new Set(
  `detto detta dice dicono dichiarato affermato successo succede accaduto avvenuto altro altra altri altre ancora
   invece allora quindi dunque poi esattamente proposito riguardo parte ciò cio lui lei loro esso essa
   dimmi parlami spiegami raccontami dammi sapere saperne dettagli
   said say says told tell happened happen happens else more again also then exactly instead about regarding
   she he they him them that this those these it tell give explain show know details`
    .split(/\s+/)
    .filter((w) => w !== ''),
);

/** A follow-up with more own content words than this (and no names) reads as a new question. */
const MAX_FOLLOW_UP_WORDS = 2;
/** Content words carried over from the previous turn at most (its names are always carried). */
const MAX_CARRIED_WORDS = 8;

/** The subject of a question: its names (capitalised words, acronyms) and other content words, in order. */
export interface Subject {
  names: string[];
  words: string[];
}

/**
 * The names and content words of `text`. A capitalised word counts as a name unless it is a
 * function or referring word ("Chi", "What", "E", "Dimmi"; acronyms such as "US" stay names);
 * stopwords of both languages and referring words are not content words.
 */
export function extractSubject(text: string): Subject {
  const names: string[] = [];
  const words: string[] = [];
  const seen = new Set<string>();
  for (const match of text.matchAll(/[\p{L}\p{N}]+/gu)) {
    const token = match[0];
    const folded = foldText(token);
    if (seen.has(folded)) continue;
    const functionWord = STOPWORDS.it.has(folded) || STOPWORDS.en.has(folded) || REFERRING_WORDS.has(folded);
    const acronym = /^\p{Lu}{2,5}$/u.test(token);
    if (/^\p{Lu}/u.test(token) && (!functionWord || acronym)) names.push(token);
    else if (!functionWord && folded.length >= 2) words.push(token.toLowerCase());
    else continue;
    seen.add(folded);
  }
  return { names, words };
}

/**
 * Decides how `question` is searched after `turns` (oldest first), offline:
 * - it names someone or something (a name), or has more than two content words → as written;
 * - else, with an earlier turn → completed with the previous turn's searched question's names and
 *   content words ("e quando?" → "e quando? Lavrov Rubio proposto"), and that turn's articles as a prior;
 * - else, with nothing of its own to search ("e dove?", "chi l'ha detto?") → needs-subject;
 * - else (a short question of its own, first in its conversation) → as written.
 */
export function resolveFollowUp(question: string, turns: readonly Turn[]): FollowUpResolution {
  const own = extractSubject(question);
  const previous = turns.at(-1);
  if (own.names.length > 0 || own.words.length > MAX_FOLLOW_UP_WORDS) return { kind: 'standalone', query: question };
  const carried = previous === undefined ? null : extractSubject(previous.standalone);
  if (carried === null || carried.names.length + carried.words.length === 0)
    return own.words.length === 0 ? { kind: 'needs-subject' } : { kind: 'standalone', query: question };
  const present = new Set(tokenize(question).map(foldText));
  const extra = [...carried.names, ...carried.words.slice(0, MAX_CARRIED_WORDS)].filter(
    (w) => !present.has(foldText(w)),
  );
  return {
    kind: 'completed',
    query: `${question} ${extra.join(' ')}`.trim(),
    priorArticleIds: previous?.articleIds ?? [],
  };
}
