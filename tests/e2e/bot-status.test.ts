import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness } from '../helpers/bot-harness.js';
import type { Harness } from '../helpers/bot-harness.js';
import { editsOriginal } from '../helpers/fake-discord.js';
import type { RecordedCall } from '../helpers/fake-discord.js';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h.close();
});

const contentOf = (c: RecordedCall): string => (c.body as { content: string }).content;

describe('/status', () => {
  it('anyone (no permissions) gets every field, ephemerally', async () => {
    h.services.feedback.recordVote({ answerId: 'a', question: 'q', vote: 'up' });
    const i = h.fake.sendSlashCommand({
      name: 'status',
      user: h.fake.user('reader'),
      permissions: '0',
      locale: 'en-US',
    });
    const text = contentOf(await h.fake.waitFor(editsOriginal(i.token)));
    expect(h.fake.callsFor(i)[0]?.body).toEqual({ type: 5, data: { flags: 64 } });
    expect(text).toContain('Articles: 1,234 · Passages: 5,678');
    expect(text).toContain('Embedding model: `Xenova/multilingual-e5-small`');
    expect(text).toContain('Answer mode: extractive');
    expect(text).toContain('Translator: apertium (translating questions with Apertium at http://127.0.0.1:2737)');
    expect(text).toContain(`Last successful build: <t:${Date.parse('2024-05-01T10:00:00.000Z') / 1000}:f>`);
    expect(text).toContain('Last reindex: failed, <t:');
    expect(text).toContain('disk full');
    expect(text).toContain('Uptime: 1 h 2 min');
    expect(text).toContain('Feedback: 👍 1 · 👎 0');
  });

  it('lists each article source with its last successful pull, newest article and last error, for members too', async () => {
    h.services.sources = [
      {
        id: 'feed:https://news.example.org/feed',
        lastSuccessAt: '2026-11-30T08:00:00.000Z',
        newestArticleDate: '2026-11-29',
        lastErrorAt: '2026-12-01T08:00:00.000Z',
        lastErrorCode: 'http-503',
      },
    ];
    const i = h.fake.sendSlashCommand({ name: 'status', user: h.fake.user('reader'), permissions: '0', locale: 'it' });
    const text = contentOf(await h.fake.waitFor(editsOriginal(i.token)));
    h.services.sources = [];
    expect(text).toContain(
      `**Fonti degli articoli**\n• \`feed:https://news.example.org/feed\` — ultimo aggiornamento riuscito: <t:${Date.parse('2026-11-30T08:00:00.000Z') / 1000}:R> · articolo più recente: 29 novembre 2026 · ultimo errore (<t:${Date.parse('2026-12-01T08:00:00.000Z') / 1000}:R>): il server ha risposto con un errore (HTTP 503)`,
    );
  });

  it('in Italian for an Italian client', async () => {
    const i = h.fake.sendSlashCommand({ name: 'status', user: h.fake.user('lettore'), locale: 'it' });
    const text = contentOf(await h.fake.waitFor(editsOriginal(i.token)));
    // CLDR: Italian groups digits only from five up (1234, but 12.345).
    expect(text).toContain('Articoli: 1234 · Passaggi: 5678');
    expect(text).toContain('Traduttore: apertium (domande tradotte da Apertium su http://127.0.0.1:2737)');
    expect(text).toContain('Ultima reindicizzazione: fallita');
  });
});
