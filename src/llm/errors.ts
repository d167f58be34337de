import { APIConnectionError, APIConnectionTimeoutError, APIError } from 'openai';

/** Why a call to the LLM failed. */
export type LlmFailureKind =
  'timeout' | 'rate-limited' | 'server' | 'network' | 'garbage' | 'rejected' | 'aborted' | 'unexpected';

/** Thrown by `Llm.complete` when it gives up. The message never contains the API key. */
export class LlmError extends Error {
  override readonly name = 'LlmError';

  constructor(
    message: string,
    /** The last failure's kind. */
    readonly kind: LlmFailureKind,
    /** The last HTTP status, when there was a response. */
    readonly status: number | null,
    readonly attempts: number,
    readonly elapsedMs: number,
  ) {
    super(message);
  }
}

/** A reply that arrived but holds no usable answer (not JSON, no choices, no content). */
export class GarbageReplyError extends Error {
  override readonly name = 'GarbageReplyError';
}

/** One failed attempt, classified. */
export interface AttemptFailure {
  kind: LlmFailureKind;
  status: number | null;
  retryable: boolean;
  /** What the server asked us to wait before retrying, in ms. */
  retryAfterMs: number | null;
  detail: string;
}

/** Reads `retry-after-ms` or `retry-after` (seconds or an HTTP date), in ms; null when absent. */
export function parseRetryAfter(headers: Headers | undefined, now = Date.now()): number | null {
  const ms = Number.parseFloat(headers?.get('retry-after-ms') ?? '');
  if (Number.isFinite(ms) && ms >= 0) return ms;
  const value = headers?.get('retry-after')?.trim();
  if (value === undefined || value === '') return null;
  const seconds = Number(value);
  if (Number.isFinite(seconds) && seconds >= 0) return seconds * 1000;
  const date = Date.parse(value);
  return Number.isNaN(date) ? null : Math.max(0, date - now);
}

function classifyStatus(error: {
  status: number | undefined;
  headers: Headers | undefined;
  message: string;
}): AttemptFailure {
  const status = error.status ?? null;
  const base = { status, retryAfterMs: parseRetryAfter(error.headers), detail: `HTTP ${error.message}` };
  if (status === 429) return { ...base, kind: 'rate-limited', retryable: true };
  if (status === 408) return { ...base, kind: 'timeout', retryable: true };
  if (status !== null && (status === 409 || status >= 500)) return { ...base, kind: 'server', retryable: true };
  return { ...base, kind: 'rejected', retryable: false };
}

/**
 * Classifies what one attempt threw: timeouts, 408/409/429/5xx, connection errors and garbage
 * replies are retryable; other 4xx and unknown errors are not. `timedOut` says our own timer fired.
 */
export function classifyFailure(error: unknown, timedOut: boolean, attemptMs: number): AttemptFailure {
  const none = { status: null, retryAfterMs: null };
  if (timedOut || error instanceof APIConnectionTimeoutError) {
    return { ...none, kind: 'timeout', retryable: true, detail: `no reply within ${attemptMs} ms` };
  }
  if (error instanceof GarbageReplyError || error instanceof SyntaxError) {
    return { ...none, kind: 'garbage', retryable: true, detail: `unusable reply: ${error.message}` };
  }
  if (error instanceof APIConnectionError) {
    const cause = error.cause instanceof Error ? ` (${error.cause.message})` : '';
    return { ...none, kind: 'network', retryable: true, detail: `${error.message}${cause}` };
  }
  if (error instanceof APIError) {
    const { status, headers, message } = error as APIError<number | undefined, Headers | undefined>;
    return classifyStatus({ status, headers, message });
  }
  const message = error instanceof Error ? error.message : String(error);
  return { ...none, kind: 'unexpected', retryable: false, detail: message };
}

/** Replaces every occurrence of `secret` in `text`, so messages can be logged and shown. */
export function redact(text: string, secret: string): string {
  return secret.length < 4 ? text : text.split(secret).join('[redacted]');
}
