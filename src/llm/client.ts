import OpenAI from 'openai';
import type { Logger } from '../util/logger.js';
import { AttemptAbortedError, AttemptFailedError, runAttempt } from './attempt.js';
import { LlmError, redact } from './errors.js';
import type { AttemptFailure } from './errors.js';

// Callers catch LlmError from here, next to the Llm that throws it.
export { LlmError } from './errors.js';
export type { ChatMessage } from './chat-message.js';
import type { ChatMessage } from './chat-message.js';

/** Per-call options of `Llm.complete`. */
export interface CompleteOptions {
  /** Aborts the call (and any wait between attempts); `complete` then throws LlmError 'aborted'. */
  signal?: AbortSignal;
}

/** A chat model behind one method; the answer layer depends on this, not on `openai`. */
export interface Llm {
  readonly model: string;
  /** The reply's text (trimmed, non-empty). Throws LlmError when every allowed attempt failed. */
  complete(messages: readonly ChatMessage[], options?: CompleteOptions): Promise<string>;
}

/** How `createLlm` reaches the server and how long and how often it may try; times in ms. */
export interface LlmOptions {
  apiKey: string;
  /** OpenAI-compatible base URL ending in `/v1`; null for OpenAI itself. */
  baseURL: string | null;
  model: string;
  /** Longest single attempt, in ms. */
  attemptTimeoutMs: number;
  /** Longest time `complete` may take, waits between attempts included, in ms. */
  totalBudgetMs: number;
  /** Retries after the first attempt. */
  maxRetries: number;
  /** No attempt starts with less budget left than this, in ms (default: min(attemptTimeoutMs, 1000)). */
  minAttemptMs?: number;
  /** Longest Retry-After honoured, in ms (default 10 000); a longer one ends the call. */
  maxRetryAfterMs?: number;
  /** Sampling temperature; the server's default when absent (some models accept only that). */
  temperature?: number;
  logger?: Logger;
}

const DEFAULT_BASE_URL = 'https://api.openai.com/v1';
const BACKOFF_BASE_MS = 200;
const BACKOFF_CAP_MS = 4000;

/** Exponential backoff with jitter: half fixed, half random, so clients do not retry in step. */
function computeBackoff(retry: number): number {
  const ceiling = Math.min(BACKOFF_CAP_MS, BACKOFF_BASE_MS * 2 ** (retry - 1));
  return ceiling / 2 + Math.random() * (ceiling / 2);
}

function sleep(ms: number, signal: AbortSignal | undefined): Promise<void> {
  return new Promise((resolve, reject) => {
    const onAbort = () => {
      clearTimeout(timer);
      reject(new AttemptAbortedError('aborted by the caller'));
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

const ABORTED: AttemptFailure = {
  kind: 'aborted',
  status: null,
  retryable: false,
  retryAfterMs: null,
  detail: 'aborted by the caller',
};
const NO_TIME: AttemptFailure = {
  kind: 'timeout',
  status: null,
  retryable: false,
  retryAfterMs: null,
  detail: 'no time left',
};

/**
 * Creates an Llm on the real `openai` client (its own retries off). `complete` retries timeouts,
 * 408/409/429/5xx, connection errors and garbage replies with exponential backoff and jitter (or a
 * Retry-After up to `maxRetryAfterMs`), at most `maxRetries` times and never past `totalBudgetMs`:
 * each attempt is cut to the budget left, and none starts with less than `minAttemptMs` left.
 * Other 4xx end the call at once. Throws LlmError (message without the API key) when it gives up.
 */
export function createLlm(options: LlmOptions): Llm {
  const { apiKey, model, attemptTimeoutMs, totalBudgetMs, maxRetries, temperature, logger } = options;
  const minAttemptMs = options.minAttemptMs ?? Math.min(attemptTimeoutMs, 1000);
  const maxRetryAfterMs = options.maxRetryAfterMs ?? 10_000;
  const baseURL = options.baseURL ?? DEFAULT_BASE_URL;
  const host = new URL(baseURL).host;
  // Explicit nulls keep the client from reading OPENAI_ORG_ID / OPENAI_PROJECT_ID on its own.
  const client = new OpenAI({
    apiKey,
    baseURL,
    timeout: attemptTimeoutMs,
    maxRetries: 0,
    organization: null,
    project: null,
  });

  async function complete(messages: readonly ChatMessage[], { signal }: CompleteOptions = {}): Promise<string> {
    const started = Date.now();
    const deadline = started + totalBudgetMs;
    let attempts = 0;
    const giveUp = (failure: AttemptFailure, why: string): LlmError => {
      const elapsedMs = Date.now() - started;
      const text = `LLM request to ${host} (model ${model}) failed after ${attempts} attempt(s) in ${elapsedMs} ms: ${failure.detail}${why}`;
      return new LlmError(redact(text, apiKey), failure.kind, failure.status, attempts, elapsedMs);
    };
    let last: AttemptFailure | null = null;
    for (;;) {
      if (signal?.aborted === true) throw giveUp(ABORTED, '');
      const remaining = deadline - Date.now();
      if (remaining < minAttemptMs) throw giveUp(last ?? NO_TIME, ` (budget of ${totalBudgetMs} ms spent)`);
      attempts += 1;
      try {
        return await runAttempt({
          client,
          model,
          messages,
          temperature,
          timeoutMs: Math.min(attemptTimeoutMs, remaining),
          signal,
        });
      } catch (error) {
        if (error instanceof AttemptAbortedError) throw giveUp(ABORTED, '');
        if (!(error instanceof AttemptFailedError)) throw error;
        last = error.failure;
      }
      if (!last.retryable) throw giveUp(last, ' (not retryable)');
      if (attempts > maxRetries) throw giveUp(last, ` (${maxRetries} retries allowed)`);
      if (last.retryAfterMs !== null && last.retryAfterMs > maxRetryAfterMs) {
        throw giveUp(last, ` (the server asked to wait ${Math.round(last.retryAfterMs)} ms)`);
      }
      const delayMs = Math.round(last.retryAfterMs ?? computeBackoff(attempts));
      if (Date.now() + delayMs + minAttemptMs > deadline) {
        throw giveUp(last, ` (no time for another attempt within the ${totalBudgetMs} ms budget)`);
      }
      logger?.warn(
        { attempt: attempts, kind: last.kind, status: last.status, delayMs, model },
        'LLM attempt failed; retrying',
      );
      try {
        await sleep(delayMs, signal);
      } catch {
        throw giveUp(ABORTED, '');
      }
    }
  }

  return { model, complete };
}
