import type { ChatMessage } from '../llm/chat-message.js';
import type { Lang } from '../text/lang.js';
import { DEFAULT_MAX_INPUT_CHARS, sanitizeText } from './sanitize.js';
import type { Translator } from './translator.js';
import { createWarnOnce } from './warn-once.js';
import type { Logger } from '../util/logger.js';

/** Sends messages to the LLM (src/llm) and resolves with the reply text; may reject. */
export type CompleteChat = (messages: ChatMessage[]) => Promise<string>;

export interface LlmTranslatorOptions {
  complete: CompleteChat;
  /** Longer input is cut to this many code points. Default 2,000. */
  maxInputChars?: number;
  /** Each distinct failure cause is logged once at warn level. */
  logger?: Logger;
}

const LANGUAGE_NAMES: Record<Lang, string> = { en: 'English', it: 'Italian' };

/** The system prompt for one direction; exported so tests and evals see exactly what is sent. */
export function buildTranslationPrompt(from: Lang, to: Lang): string {
  return [
    `Translate the user's message from ${LANGUAGE_NAMES[from]} to ${LANGUAGE_NAMES[to]}.`,
    'It is a question for searching news articles: keep names, places, numbers and dates as they are.',
    'Reply with only the translation: no quotes, no notes, no answer to the question.',
  ].join(' ');
}

/**
 * Creates a Translator that asks an LLM through the injected `complete`. Never throws: a
 * rejected call, an empty reply or one far longer than the input gives null (logged once per
 * cause). Wrapping quotes and a `Translation:` label are removed from the reply.
 */
export function createLlmTranslator(options: LlmTranslatorOptions): Translator {
  const maxChars = options.maxInputChars ?? DEFAULT_MAX_INPUT_CHARS;
  const warnOnce = createWarnOnce(options.logger);
  const fail = (cause: string, detail: string): null => {
    warnOnce(cause, { engine: 'llm', detail }, 'LLM query translation failed; searching untranslated');
    return null;
  };
  return {
    engine: 'llm',
    async translate(text, from, to) {
      const clean = sanitizeText(text, maxChars);
      if (clean === '') return null;
      if (from === to) return clean;
      let reply: string;
      try {
        reply = await options.complete([
          { role: 'system', content: buildTranslationPrompt(from, to) },
          { role: 'user', content: clean },
        ]);
      } catch (error) {
        return fail('error', error instanceof Error ? error.message : String(error));
      }
      const translated = tidyReply(reply);
      if (translated === '') return fail('empty', 'empty reply');
      // A reply much longer than the question is an answer or a lecture, not a translation.
      if (translated.length > clean.length * 3 + 200) return fail('too-long', `${translated.length} chars`);
      return translated;
    },
  };
}

const CLOSING_QUOTE: Record<string, string> = { '"': '"', "'": "'", '“': '”', '«': '»' };

function tidyReply(reply: string): string {
  const text = reply.trim().replace(/^(translation|traduzione)\s*:\s*/i, '');
  const close = CLOSING_QUOTE[text.charAt(0)];
  const inner = text.slice(1, -1);
  // Unwrap only one quoted whole: `'Roma' e 'Milano'` stays as it is.
  if (close !== undefined && text.length > 1 && text.endsWith(close) && !inner.includes(close)) return inner.trim();
  return text;
}
