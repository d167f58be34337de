import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { cannedAnswer, leftThinking, shownFor, startHarness } from '../helpers/bot-harness.js';
import type { Harness } from '../helpers/bot-harness.js';
import { editsOriginal } from '../helpers/fake-discord.js';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h.close();
});

describe('central error path', () => {
  it('the services’ ask throwing: the deferred reply becomes a short apology in Italian, the error is logged with context', async () => {
    h.services.answerWith = () => Promise.reject(new Error('retrieval exploded: hnsw file missing'));
    try {
      const i = h.fake.sendSlashCommand({
        name: 'ask',
        user: h.fake.user('sfortunato'),
        options: { question: 'Perché?' },
        locale: 'it',
      });
      const edit = await h.fake.waitFor(editsOriginal(i.token));
      expect(edit.body).toMatchObject({
        content: 'Mi dispiace, qualcosa è andato storto. Riprova tra poco.',
        components: [],
      });
      const entry = h.logged().find((l) => l.msg === 'handler failed' && l.interactionId === i.id);
      expect(entry).toMatchObject({
        level: 50,
        command: 'ask',
        error: { message: 'retrieval exploded: hnsw file missing' },
      });
      expect(leftThinking(h.fake)).toEqual([]);
    } finally {
      h.services.answerWith = (q, l) => Promise.resolve(cannedAnswer(q, l));
    }
  });

  it('a synchronous throw inside ask is handled the same way (English apology)', async () => {
    h.services.answerWith = () => {
      throw new TypeError('boom');
    };
    try {
      const i = h.fake.sendSlashCommand({ name: 'ask', user: h.fake.user('unlucky'), options: { question: 'Why?' } });
      const edit = await h.fake.waitFor(editsOriginal(i.token));
      expect((edit.body as { content: string }).content).toBe(
        'Sorry, something went wrong. Please try again in a moment.',
      );
    } finally {
      h.services.answerWith = (q, l) => Promise.resolve(cannedAnswer(q, l));
    }
  });

  it('/status failing after its ephemeral defer still edits the reply', async () => {
    const original = h.services.status.bind(h.services);
    h.services.status = () => Promise.reject(new Error('state.db locked'));
    try {
      const i = h.fake.sendSlashCommand({ name: 'status', user: h.fake.user('admin') });
      await h.fake.waitFor(editsOriginal(i.token));
      expect(h.fake.callsFor(i)[0]?.body).toMatchObject({ type: 5, data: { flags: 64 } });
      expect(shownFor(h.fake, i).at(-1)?.content).toContain('Sorry');
    } finally {
      h.services.status = original;
    }
  });

  it('an unknown command name gets a private "unknown command" reply', async () => {
    const i = h.fake.sendSlashCommand({ name: 'dance', user: h.fake.user('dancer') });
    await h.fake.waitFor((c) => c.path.endsWith(`/${i.token}/callback`));
    expect(shownFor(h.fake, i)[0]).toMatchObject({
      kind: 'reply',
      flags: 64,
      content: expect.stringContaining('“dance”') as unknown,
    });
  });

  it('a failed mention answer replies with the apology in the guild locale', async () => {
    h.services.answerWith = () => Promise.reject(new Error('llm timeout'));
    try {
      const id = h.fake.sendMessage({ content: `<@${h.fake.bot.id}> cosa succede?`, author: h.fake.user('menzione') });
      const reply = await h.fake.waitFor(
        (c) => (c.body as { message_reference?: { message_id: string } } | null)?.message_reference?.message_id === id,
      );
      expect((reply.body as { content: string }).content).toContain('Mi dispiace');
    } finally {
      h.services.answerWith = (q, l) => Promise.resolve(cannedAnswer(q, l));
    }
  });

  it('an expired interaction token (REST 401) is logged as a failed delivery, without the token', async () => {
    h.fake.interactionTokenTtlMs = -1;
    try {
      const i = h.fake.sendSlashCommand({ name: 'ask', user: h.fake.user('late'), options: { question: 'Too late?' } });
      await vi.waitFor(() => {
        const warning = h
          .logged()
          .find((l) => l.msg === 'could not tell the user about an error' && l.interactionId === i.id);
        expect(warning).toMatchObject({ error: { code: 50027, status: 401 } });
      });
      expect(h.fake.callsFor(i).map((c) => c.status)).toEqual([401, 401]);
    } finally {
      h.fake.interactionTokenTtlMs = 15 * 60_000;
    }
  });

  it('never logs the bot token or an interaction token', () => {
    const all = h.logs.join('\n');
    expect(all.length).toBeGreaterThan(0);
    expect(all).not.toContain(h.fake.token);
    expect(all).not.toMatch(/itoken-\d+/);
  });
});
