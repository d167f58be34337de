import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { leftThinking, startHarness } from '../helpers/bot-harness.js';
import type { Harness } from '../helpers/bot-harness.js';
import { editsOriginal } from '../helpers/fake-discord.js';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h.close();
});

describe('Discord REST failing (5xx)', () => {
  it('a 500 on the answer edit is retried by discord.js and the answer still arrives once', async () => {
    h.fake.failNext('PATCH', /\/messages\/@original$/, 500, 1);
    const i = h.fake.sendSlashCommand({
      name: 'ask',
      user: h.fake.user('retry'),
      options: { question: 'Che cosa ha proposto Lavrov?' },
      locale: 'it',
    });
    const ok = await h.fake.waitFor((c) => editsOriginal(i.token)(c) && c.status === 200, 15_000);
    expect((ok.body as { content: string }).content).toContain('Lavrov');
    const attempts = h.fake.calls.filter(editsOriginal(i.token));
    expect(attempts.map((c) => c.status)).toEqual([500, 200]);
    expect(leftThinking(h.fake)).toEqual([]);
  });

  it('an edit that keeps failing is logged, and the next question is answered', async () => {
    h.fake.failNext('PATCH', /\/messages\/@original$/, 503, 50);
    const failing = h.fake.sendSlashCommand({
      name: 'ask',
      user: h.fake.user('unlucky5xx'),
      options: { question: 'Che cosa ha detto Rubio?' },
      locale: 'it',
    });
    await expect
      .poll(() => h.logged().some((l) => l.level === 50 && JSON.stringify(l).includes(failing.id)), { timeout: 30_000 })
      .toBe(true);
    const failed = h.fake.calls.filter(editsOriginal(failing.token));
    expect(failed.length).toBeGreaterThan(1);
    expect(failed.every((c) => c.status === 503)).toBe(true);
    h.fake.clearFaults();
    const next = h.fake.sendSlashCommand({
      name: 'ask',
      user: h.fake.user('lucky'),
      options: { question: 'Che cosa ha proposto Lavrov?' },
      locale: 'it',
    });
    const ok = await h.fake.waitFor((c) => editsOriginal(next.token)(c) && c.status === 200, 15_000);
    expect((ok.body as { content: string }).content).toContain('Lavrov');
  }, 60_000);
});
