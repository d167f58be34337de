import { userErrors } from '../../src/discord/errors.js';
import { LANGS } from '../../src/text/lang.js';
import type { RecordedCall } from '../../tests/helpers/fake-discord.js';

/** How one question ended, as Discord saw it. */
export type Outcome =
  /** Exactly one final reply, citing the expected article. */
  | 'answered'
  /** Told the bot is busy (queue full). */
  | 'busy'
  /** Told to slow down (rate limit). */
  | 'rate-limited'
  /** One final reply that is not the expected answer (no sources, another article, an apology…). */
  | 'other'
  /** More than one final reply (a second callback, a second edit of the original reply). */
  | 'duplicated'
  /** No final reply: never acknowledged, or deferred and never edited. */
  | 'lost';

/** One question's end, with the time from sending it to its final reply (null when lost). */
export interface Classified {
  outcome: Outcome;
  ms: number | null;
  /** The reply's text (all its messages joined), for diagnostics. */
  text: string;
}

// The bot's own refusal texts, in both languages; a rate-limit text varies only after its number.
const BUSY_TEXTS: string[] = LANGS.map((lang) => userErrors.busy().textFor(lang));
const RATE_LIMIT_STARTS = LANGS.map((lang) => userErrors.rateLimited(1000).textFor(lang)).map(
  (t) => t.split(/\d/)[0] ?? t,
);
const SOURCES = /\*\*(Fonti|Sources)\*\*/;

const contentOf = (body: unknown): string => {
  const content = (body as { content?: unknown } | null)?.content;
  return typeof content === 'string' ? content : '';
};

/** True once `calls` (those of one interaction) hold a final reply: an immediate reply, or an edit of the deferred one. */
export function hasFinalReply(calls: readonly RecordedCall[]): boolean {
  return calls.some((c) => isImmediateReply(c) || isOriginalEdit(c));
}

/**
 * Classifies one question from the calls the bot made for it (`calls`, in order), sent at
 * `sentAt` (ms since epoch). A right answer cites `cites` in its sources block.
 */
export function classifyCalls(calls: readonly RecordedCall[], sentAt: number, cites: string): Classified {
  const callbacks = calls.filter((c) => c.path.endsWith('/callback'));
  const edits = calls.filter(isOriginalEdit);
  const immediate = callbacks.filter(isImmediateReply);
  const finals = [...immediate, ...edits];
  const text = [
    ...immediate.map((c) => contentOf((c.body as { data?: unknown } | null)?.data)),
    ...calls.filter((c) => c.method === 'PATCH' || isFollowUp(c)).map((c) => contentOf(c.body)),
  ].join('\n');
  const first = finals.map((c) => c.at).sort((a, b) => a - b)[0];
  const ms = first === undefined ? null : first - sentAt;
  if (callbacks.length > 1 || edits.length > 1) return { outcome: 'duplicated', ms, text };
  if (finals.length === 0) return { outcome: 'lost', ms: null, text };
  if (BUSY_TEXTS.includes(text.trim())) return { outcome: 'busy', ms, text };
  if (RATE_LIMIT_STARTS.some((start) => text.startsWith(start))) return { outcome: 'rate-limited', ms, text };
  const sources = SOURCES.exec(text);
  const cited = sources !== null && text.slice(sources.index).includes(cites);
  return { outcome: cited ? 'answered' : 'other', ms, text };
}

function isImmediateReply(c: RecordedCall): boolean {
  return c.path.endsWith('/callback') && (c.body as { type?: number } | null)?.type === 4;
}

function isOriginalEdit(c: RecordedCall): boolean {
  return c.method === 'PATCH' && c.path.endsWith('/messages/@original') && c.status === 200;
}

function isFollowUp(c: RecordedCall): boolean {
  return c.method === 'POST' && c.path.startsWith('/webhooks/');
}
