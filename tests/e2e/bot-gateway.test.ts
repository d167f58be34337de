import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness } from '../helpers/bot-harness.js';
import type { Harness } from '../helpers/bot-harness.js';
import { editsOriginal } from '../helpers/fake-discord.js';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h.close();
});

describe('gateway', () => {
  it('identifies once with the three intents and the token', () => {
    const identify = h.fake.gatewayReceived.filter((p) => p.op === 2);
    expect(identify).toHaveLength(1);
    // Guilds (1) | GuildMessages (512) | MessageContent (32768)
    expect(identify[0]?.d).toMatchObject({ token: h.fake.token, intents: 1 | 512 | 32768 });
  });

  it('closing with 4000: the client RESUMEs (no new IDENTIFY), gets the missed event and keeps answering', async () => {
    h.fake.closeGateway(4000);
    // Sent while disconnected: the fake replays it after RESUME, as Discord does.
    const missed = h.fake.sendSlashCommand({
      name: 'ask',
      user: h.fake.user('paziente'),
      options: { question: 'still there?' },
    });
    await h.fake.waitForGateway(6);
    expect(h.fake.gatewayReceived.filter((p) => p.op === 6).at(-1)?.d).toMatchObject({
      token: h.fake.token,
      seq: expect.any(Number) as unknown,
    });
    await h.fake.waitFor(editsOriginal(missed.token));

    const after = h.fake.sendSlashCommand({
      name: 'ask',
      user: h.fake.user('dopo'),
      options: { question: 'and now?' },
    });
    await h.fake.waitFor(editsOriginal(after.token));
    expect(h.fake.gatewayReceived.filter((p) => p.op === 2)).toHaveLength(1);
    expect(h.logs.some((l) => l.includes('gateway session resumed'))).toBe(true);
  });
});
