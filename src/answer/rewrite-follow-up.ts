import type { Lang } from '../text/lang.js';
import type { Turn } from '../store/conversation-memory.js';
import type { Llm } from '../llm/client.js';

/** Rewrites a follow-up into a question that stands alone; null when it cannot (the caller falls back). */
export interface FollowUpRewriter {
  rewrite(input: { question: string; language: Lang; turns: readonly Turn[] }): Promise<string | null>;
}

/** Earlier questions shown to the LLM at most. */
const MAX_TURNS_SHOWN = 4;
/** Longest rewrite accepted, in characters (a standalone question is short). */
const MAX_REWRITE_CHARS = 500;
const LANGUAGE_NAMES: Record<Lang, string> = { it: 'Italian', en: 'English' };

/**
 * The LLM rewriter: one short chat call, aborted after `timeoutMs`. Resolves null (never throws)
 * on any failure, a timeout, or a reply that is empty, several lines or too long; failures are
 * logged without the question.
 */
export function createLlmRewriter(
  llm: Llm,
  options: { timeoutMs: number; logger?: { warn(obj: object, msg: string): void } },
): FollowUpRewriter {
  return {
    async rewrite({ question, language, turns }) {
      const earlier = turns.slice(-MAX_TURNS_SHOWN).map((t, i) => `${i + 1}. ${t.standalone}`);
      try {
        const reply = await llm.complete(
          [
            {
              role: 'system',
              content:
                'You rewrite the last message of a conversation about news articles into one question that ' +
                'can be searched on its own: replace pronouns and omissions with the names and topics of the ' +
                'earlier questions. If the last message names a new subject, keep it as it is. Keep the last ' +
                `message's language (${LANGUAGE_NAMES[language]}). Reply with the question only.`,
            },
            { role: 'user', content: `Earlier questions:\n${earlier.join('\n')}\n\nLast message: ${question}` },
          ],
          { signal: AbortSignal.timeout(options.timeoutMs) },
        );
        return cleanRewrite(reply);
      } catch (error) {
        options.logger?.warn({ err: (error as Error).message }, 'follow-up rewrite failed; completing it offline');
        return null;
      }
    },
  };
}

/** The reply as one question, without quotes or a label; null when it is not one. */
export function cleanRewrite(reply: string): string | null {
  const lines = reply
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l !== '');
  if (lines.length !== 1) return null;
  const text = (lines[0] ?? '')
    .replace(/^(question|domanda)\s*:\s*/i, '')
    .replace(/^["'«“]+|["'»”]+$/g, '')
    .trim();
  if (text === '' || text.length > MAX_REWRITE_CHARS || !/\p{L}/u.test(text)) return null;
  return text;
}
