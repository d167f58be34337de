import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createLlm, LlmError } from '../../src/llm/client.js';
import type { ChatMessage, LlmOptions } from '../../src/llm/client.js';
import { startFakeOpenAi } from '../helpers/fake-openai.js';
import type { FakeOpenAi } from '../helpers/fake-openai.js';

const API_KEY = 'sk-test-0123456789abcdef';
const MESSAGES: ChatMessage[] = [
  { role: 'system', content: 'You are a test.' },
  { role: 'user', content: 'Say hi.' },
];

let fake: FakeOpenAi;

beforeEach(async () => {
  fake = await startFakeOpenAi();
});

afterEach(async () => {
  await fake.close();
});

function makeLlm(overrides: Partial<LlmOptions> = {}) {
  return createLlm({
    apiKey: API_KEY,
    baseURL: fake.url,
    model: 'fake-model',
    attemptTimeoutMs: 2000,
    totalBudgetMs: 8000,
    maxRetries: 2,
    ...overrides,
  });
}

async function catchLlmError(promise: Promise<unknown>): Promise<LlmError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof LlmError) return error;
    throw error;
  }
  throw new Error('expected an LlmError, the call succeeded');
}

describe('createLlm against a fake OpenAI-compatible server', () => {
  it('sends the model, the messages and the key, and returns the trimmed reply', async () => {
    fake.enqueue({ kind: 'reply', text: '  Hi there [1].  ' });
    const text = await makeLlm().complete(MESSAGES);
    expect(text).toBe('Hi there [1].');
    expect(fake.requests).toHaveLength(1);
    const [request] = fake.requests;
    expect(request?.path).toBe('/v1/chat/completions');
    expect(request?.body?.model).toBe('fake-model');
    expect(request?.body?.messages).toEqual(MESSAGES);
    expect(request?.headers.authorization).toBe(`Bearer ${API_KEY}`);
  });

  it('retries 500s and succeeds on the third attempt', async () => {
    fake.enqueue({ kind: 'status', status: 500 }, { kind: 'status', status: 503 }, { kind: 'reply', text: 'ok' });
    const warnings: Record<string, unknown>[] = [];
    const llm = makeLlm({ logger: { warn: (details) => warnings.push(details as Record<string, unknown>) } });
    await expect(llm.complete(MESSAGES)).resolves.toBe('ok');
    expect(fake.requests).toHaveLength(3);
    expect(warnings.map((w) => w.status)).toEqual([500, 503]);
  });

  it('stops after maxRetries retries when the server keeps failing', async () => {
    fake.enqueue(...Array.from({ length: 5 }, () => ({ kind: 'status', status: 502 }) as const));
    const error = await catchLlmError(makeLlm({ maxRetries: 2 }).complete(MESSAGES));
    expect(fake.requests).toHaveLength(3);
    expect(error.kind).toBe('server');
    expect(error.status).toBe(502);
    expect(error.attempts).toBe(3);
    expect(error.message).toMatch(/3 attempt/);
  });

  it('maxRetries 0 makes exactly one attempt', async () => {
    fake.enqueue({ kind: 'status', status: 500 }, { kind: 'reply', text: 'too late' });
    await catchLlmError(makeLlm({ maxRetries: 0 }).complete(MESSAGES));
    expect(fake.requests).toHaveLength(1);
  });

  it('gives up on a hanging server inside the total budget (attempt 300 ms, budget 1000 ms)', async () => {
    fake.enqueue({ kind: 'hang' }, { kind: 'hang' }, { kind: 'hang' }, { kind: 'hang' }, { kind: 'hang' });
    const llm = makeLlm({ attemptTimeoutMs: 300, totalBudgetMs: 1000, maxRetries: 5 });
    const started = Date.now();
    const error = await catchLlmError(llm.complete(MESSAGES));
    const elapsed = Date.now() - started;
    expect(error.kind).toBe('timeout');
    expect(elapsed).toBeLessThan(1000 + 400);
    expect(elapsed).toBeGreaterThanOrEqual(300);
    expect(fake.requests.length).toBeGreaterThanOrEqual(2);
    expect(fake.requests.length).toBeLessThanOrEqual(3);
  });

  it('cuts the last attempt to the budget left when the budget is smaller than one attempt', async () => {
    fake.enqueue({ kind: 'hang' });
    const llm = makeLlm({ attemptTimeoutMs: 5000, totalBudgetMs: 400, minAttemptMs: 100, maxRetries: 3 });
    const started = Date.now();
    const error = await catchLlmError(llm.complete(MESSAGES));
    expect(Date.now() - started).toBeLessThan(400 + 400);
    expect(error.kind).toBe('timeout');
    expect(fake.requests).toHaveLength(1);
  });

  it('a slow reply that arrives within the attempt timeout is accepted', async () => {
    fake.enqueue({ kind: 'reply', text: 'slow but fine', delayMs: 150 });
    await expect(makeLlm({ attemptTimeoutMs: 1000 }).complete(MESSAGES)).resolves.toBe('slow but fine');
  });

  it('retries a 429 and honours a small Retry-After', async () => {
    fake.enqueue({ kind: 'status', status: 429, retryAfter: '1' }, { kind: 'reply', text: 'after the wait' });
    await expect(makeLlm().complete(MESSAGES)).resolves.toBe('after the wait');
    expect(fake.requests).toHaveLength(2);
    const [first, second] = fake.requests;
    expect((second?.receivedAt ?? 0) - (first?.receivedAt ?? 0)).toBeGreaterThanOrEqual(950);
  });

  it('a 429 without Retry-After is retried with backoff', async () => {
    fake.enqueue({ kind: 'status', status: 429 }, { kind: 'reply', text: 'ok' });
    await expect(makeLlm().complete(MESSAGES)).resolves.toBe('ok');
    expect(fake.requests).toHaveLength(2);
  });

  it('gives up at once when Retry-After is too long to honour', async () => {
    fake.enqueue({ kind: 'status', status: 429, retryAfter: '120' }, { kind: 'reply', text: 'never asked' });
    const started = Date.now();
    const error = await catchLlmError(makeLlm().complete(MESSAGES));
    expect(Date.now() - started).toBeLessThan(1000);
    expect(error.kind).toBe('rate-limited');
    expect(error.message).toMatch(/wait 120000 ms/);
    expect(fake.requests).toHaveLength(1);
  });

  it('retries a non-JSON body declared as JSON, then succeeds', async () => {
    fake.enqueue({ kind: 'garbage' }, { kind: 'reply', text: 'clean' });
    await expect(makeLlm().complete(MESSAGES)).resolves.toBe('clean');
    expect(fake.requests).toHaveLength(2);
  });

  it('retries a text/plain body, then succeeds', async () => {
    fake.enqueue({ kind: 'garbage', body: 'Bad Gateway', contentType: 'text/plain' }, { kind: 'reply', text: 'clean' });
    await expect(makeLlm().complete(MESSAGES)).resolves.toBe('clean');
    expect(fake.requests).toHaveLength(2);
  });

  it('empty choices every time: retried, then LlmError of kind garbage', async () => {
    fake.enqueue({ kind: 'empty-choices' }, { kind: 'empty-choices' }, { kind: 'empty-choices' });
    const error = await catchLlmError(makeLlm({ maxRetries: 2 }).complete(MESSAGES));
    expect(error.kind).toBe('garbage');
    expect(error.message).toMatch(/no choices/);
    expect(fake.requests).toHaveLength(3);
  });

  it('an empty (whitespace) reply counts as garbage', async () => {
    fake.enqueue({ kind: 'reply', text: '   ' }, { kind: 'reply', text: 'second try' });
    await expect(makeLlm().complete(MESSAGES)).resolves.toBe('second try');
  });

  it('401 is not retried and the error never shows the API key, even when the server echoes it', async () => {
    fake.enqueue(
      { kind: 'status', status: 401, message: `Incorrect API key provided: ${API_KEY}` },
      { kind: 'reply', text: 'x' },
    );
    const error = await catchLlmError(makeLlm().complete(MESSAGES));
    expect(fake.requests).toHaveLength(1);
    expect(error.kind).toBe('rejected');
    expect(error.status).toBe(401);
    expect(error.message).not.toContain(API_KEY);
    expect(error.message).toContain('[redacted]');
    expect(error.message).toContain('127.0.0.1');
  });

  it('400 is not retried', async () => {
    fake.enqueue({ kind: 'status', status: 400, message: 'bad model' }, { kind: 'reply', text: 'x' });
    const error = await catchLlmError(makeLlm().complete(MESSAGES));
    expect(fake.requests).toHaveLength(1);
    expect(error.status).toBe(400);
    expect(error.message).toMatch(/bad model/);
  });

  it('a refused connection is retried and ends in a network LlmError', async () => {
    const url = fake.url;
    await fake.close();
    fake = await startFakeOpenAi();
    const llm = createLlm({
      apiKey: API_KEY,
      baseURL: url,
      model: 'm',
      attemptTimeoutMs: 500,
      totalBudgetMs: 3000,
      maxRetries: 1,
    });
    const error = await catchLlmError(llm.complete(MESSAGES));
    expect(error.kind).toBe('network');
    expect(error.attempts).toBe(2);
  });

  it('the caller aborting a hanging call ends it at once with kind aborted', async () => {
    fake.enqueue({ kind: 'hang' });
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 100);
    const started = Date.now();
    const error = await catchLlmError(
      makeLlm({ attemptTimeoutMs: 5000 }).complete(MESSAGES, { signal: controller.signal }),
    );
    expect(Date.now() - started).toBeLessThan(1000);
    expect(error.kind).toBe('aborted');
    expect(fake.requests).toHaveLength(1);
  });

  it('an already aborted signal makes no request', async () => {
    const controller = new AbortController();
    controller.abort();
    const error = await catchLlmError(makeLlm().complete(MESSAGES, { signal: controller.signal }));
    expect(error.kind).toBe('aborted');
    expect(fake.requests).toHaveLength(0);
  });
});
