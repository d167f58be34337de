import type { Answer } from '../answer/answer.js';
import type { BotContext } from './context.js';
import type { AskInput } from './ports.js';
import { userErrors } from './errors.js';

/**
 * Checks a question synchronously (so the caller can still answer privately before deferring)
 * and queues the answer job: throws UserFacingError `empty-question`, `question-too-long` (over
 * `options.maxQuestionChars`), `busy`
 * (queue full, checked first so a refused question costs no rate budget) or `rate-limited`.
 * Returns the pending answer; the caller awaits it after deferring.
 */
export function admitQuestion(context: BotContext, input: AskInput & { userId: string }): Promise<Answer> {
  const question = input.question.trim();
  if (question === '') throw userErrors.emptyQuestion();
  const max = context.options.maxQuestionChars;
  if (question.length > max) throw userErrors.questionTooLong(max);
  if (!context.answerQueue.hasRoom()) throw userErrors.busy();
  const decision = context.rateLimiter.tryTake(input.userId);
  if (!decision.allowed) throw userErrors.rateLimited(decision.retryAfterMs);
  const pending = context.answerQueue.tryRun(() =>
    context.services.ask({
      question,
      languageHint: input.languageHint,
      conversationId: input.conversationId,
      openingQuestion: input.openingQuestion,
    }),
  );
  if (pending === null) throw userErrors.busy();
  // The caller awaits this only after its defer round-trip; an earlier failure must not count as unhandled.
  pending.catch(() => undefined);
  return pending;
}
