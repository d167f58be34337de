import { t } from '../i18n/index.js';
import type { Lang } from '../text/lang.js';
import type { NoAnswerReason } from './answer.js';

/** What stops an answer from being written, with what its message needs. */
export type NoAnswerInput =
  { reason: Exclude<NoAnswerReason, 'question-too-long'> } | { reason: 'question-too-long'; maxChars: number };

/** The message shown when there is no answer, in `lang`. */
export function formatNoAnswer(lang: Lang, input: NoAnswerInput): string {
  switch (input.reason) {
    case 'question-too-long':
      return t(lang, 'answer.no-answer.question-too-long', { max: input.maxChars });
    case 'not-covered':
      return t(lang, 'answer.no-answer.not-covered');
    case 'empty-question':
      return t(lang, 'answer.no-answer.empty-question');
    case 'no-index':
      return t(lang, 'answer.no-answer.no-index');
    case 'needs-subject':
      return t(lang, 'answer.no-answer.needs-subject');
  }
}

/** Why an extractive answer stands in for an LLM answer. */
export type FallbackReason = 'llm-unavailable' | 'llm-uncited';

/** The note that says an extractive answer is a fallback, in `lang`. */
export function formatFallbackNote(lang: Lang, reason: FallbackReason): string {
  return t(lang, reason === 'llm-unavailable' ? 'answer.fallback.llm-unavailable' : 'answer.fallback.llm-uncited');
}
