import type OpenAI from 'openai';
import { classifyFailure, GarbageReplyError } from './errors.js';
import type { AttemptFailure } from './errors.js';
import type { ChatMessage } from './chat-message.js';

/** Thrown by `runAttempt` when the attempt failed; `failure` says how and whether to retry. */
export class AttemptFailedError extends Error {
  override readonly name = 'AttemptFailedError';

  constructor(readonly failure: AttemptFailure) {
    super(failure.detail);
  }
}

/** Thrown by `runAttempt` when the caller's signal aborted it. */
export class AttemptAbortedError extends Error {
  override readonly name = 'AttemptAbortedError';
}

/** The text of the first choice; throws GarbageReplyError for anything else. */
export function readContent(completion: unknown): string {
  if (typeof completion !== 'object' || completion === null) {
    throw new GarbageReplyError(`expected a JSON object, got ${typeof completion}`);
  }
  const choices: unknown = (completion as { choices?: unknown }).choices;
  if (!Array.isArray(choices) || choices.length === 0) throw new GarbageReplyError('no choices');
  const first: unknown = choices[0];
  const message: unknown =
    typeof first === 'object' && first !== null ? (first as { message?: unknown }).message : undefined;
  const content: unknown =
    typeof message === 'object' && message !== null ? (message as { content?: unknown }).content : undefined;
  if (typeof content !== 'string' || content.trim() === '') throw new GarbageReplyError('empty content');
  return content.trim();
}

/** One chat completion request. */
export interface AttemptRequest {
  client: OpenAI;
  model: string;
  messages: readonly ChatMessage[];
  temperature: number | undefined;
  /** The attempt's limit, in ms: the whole exchange, body included, must fit in it. */
  timeoutMs: number;
  signal: AbortSignal | undefined;
}

/**
 * Makes one request with the client's own retries off and returns the reply's text. Throws
 * AttemptFailedError (classified) or AttemptAbortedError when `signal` aborted it.
 */
export async function runAttempt(request: AttemptRequest): Promise<string> {
  const { client, model, messages, temperature, timeoutMs, signal } = request;
  const controller = new AbortController();
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    controller.abort();
  }, timeoutMs);
  const forward = () => controller.abort();
  signal?.addEventListener('abort', forward, { once: true });
  // Settles as soon as we abort, even if reading a half-sent body were to ignore the signal.
  const cut = new Promise<never>((_, reject) => {
    controller.signal.addEventListener('abort', () => reject(new Error('attempt aborted')), { once: true });
  });
  try {
    const pending = client.chat.completions.create(
      { model, messages: [...messages], ...(temperature === undefined ? {} : { temperature }) },
      { timeout: Math.max(1, Math.floor(timeoutMs)), signal: controller.signal, maxRetries: 0 },
    );
    pending.catch(() => undefined);
    return readContent(await Promise.race([pending, cut]));
  } catch (error) {
    if (signal?.aborted === true) throw new AttemptAbortedError('aborted by the caller');
    throw new AttemptFailedError(classifyFailure(error, timedOut, Math.round(timeoutMs)));
  } finally {
    clearTimeout(timer);
    signal?.removeEventListener('abort', forward);
  }
}
