import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Turn } from '../../src/store/conversation-memory.js';
import { createLlm } from '../../src/llm/client.js';
import { cleanRewrite, createLlmRewriter } from '../../src/answer/rewrite-follow-up.js';
import { startFakeOpenAi, type FakeOpenAi } from '../helpers/fake-openai.js';

const turns: Turn[] = [
  {
    question: 'Che cosa ha proposto Lavrov a Rubio?',
    standalone: 'Che cosa ha proposto Lavrov a Rubio?',
    lang: 'it',
    articleIds: ['a'],
  },
];

let fake: FakeOpenAi;
beforeAll(async () => {
  fake = await startFakeOpenAi();
});
afterAll(async () => {
  await fake.close();
});

function makeRewriter(timeoutMs: number) {
  const warnings: string[] = [];
  const llm = createLlm({
    apiKey: 'sk-test-rewrite',
    baseURL: fake.url,
    model: 'fake-model',
    attemptTimeoutMs: 5000,
    totalBudgetMs: 10_000,
    maxRetries: 0,
  });
  const rewriter = createLlmRewriter(llm, { timeoutMs, logger: { warn: (_obj, msg) => warnings.push(msg) } });
  return { rewriter, warnings };
}

describe('the LLM rewrite of a follow-up (real openai client, fake server)', () => {
  it('sends the earlier questions and the follow-up in one short call and returns the standalone question', async () => {
    fake.enqueue({ kind: 'reply', text: '"Quando Lavrov ha proposto un nuovo concetto a Rubio?"' });
    const { rewriter } = makeRewriter(2000);
    const before = fake.requests.length;
    const out = await rewriter.rewrite({ question: 'e quando?', language: 'it', turns });
    expect(out).toBe('Quando Lavrov ha proposto un nuovo concetto a Rubio?');
    expect(fake.requests.length - before).toBe(1);
    const messages = fake.requests.at(-1)?.body?.messages ?? [];
    expect(messages[0]?.content).toContain('Italian');
    expect(messages[1]?.content).toContain('1. Che cosa ha proposto Lavrov a Rubio?');
    expect(messages[1]?.content).toContain('Last message: e quando?');
  });

  it('gives up (null) on a server error, and logs it', async () => {
    fake.enqueue({ kind: 'status', status: 500 });
    const { rewriter, warnings } = makeRewriter(2000);
    expect(await rewriter.rewrite({ question: 'e quando?', language: 'it', turns })).toBeNull();
    expect(warnings).toHaveLength(1);
  });

  it('gives up (null) when the server does not answer within the timeout', async () => {
    fake.enqueue({ kind: 'hang' });
    const { rewriter } = makeRewriter(300);
    expect(await rewriter.rewrite({ question: 'and when?', language: 'en', turns })).toBeNull();
  });

  it('gives up (null) on a reply that is not one question', async () => {
    fake.enqueue({ kind: 'reply', text: 'Sure! Here it is:\nWhen did Lavrov propose it?' });
    const { rewriter } = makeRewriter(2000);
    expect(await rewriter.rewrite({ question: 'and when?', language: 'en', turns })).toBeNull();
  });
});

describe('cleanRewrite', () => {
  it('drops labels and quotes, refuses empty, multi-line, letterless or overlong replies', () => {
    expect(cleanRewrite('Domanda: «Quando si sono incontrati?»')).toBe('Quando si sono incontrati?');
    expect(cleanRewrite('  ')).toBeNull();
    expect(cleanRewrite('a\nb')).toBeNull();
    expect(cleanRewrite('???')).toBeNull();
    expect(cleanRewrite(`${'x'.repeat(501)}?`)).toBeNull();
  });
});
