import type { Answer } from '../answer/answer.js';
import type { BotContext } from './context.js';

/** Records `question` for /gaps when `answer` says the coverage does not answer it (not for empty questions, no index…). */
export function recordIfNotCovered(
  context: BotContext,
  answer: Answer,
  input: { question: string; channelId: string | null },
): void {
  if (answer.mode !== 'no-answer' || answer.reason !== 'not-covered') return;
  context.services.gaps.record({
    question: input.question,
    lang: answer.language,
    kind: 'not-covered',
    channelId: input.channelId,
  });
}
