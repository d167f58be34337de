import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cannedAnswer, leftThinking, shownFor, startHarness } from '../helpers/bot-harness.js';
import type { Harness } from '../helpers/bot-harness.js';
import { editsOriginal, snowflake } from '../helpers/fake-discord.js';
import type { RecordedCall } from '../helpers/fake-discord.js';

const EPHEMERAL = 64;
const repliedTo = (i: { id: string; token: string }) => (c: RecordedCall) =>
  c.path === `/interactions/${i.id}/${i.token}/callback`;

describe('per-user rate limit (2 per minute here)', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness({ rateLimitPerMinute: 2 });
  });
  afterAll(async () => {
    await h.close();
  });

  it('the third question within a minute gets a polite private refusal; other users are unaffected', async () => {
    const user = h.fake.user('eager');
    for (const q of ['one?', 'two?']) {
      const i = h.fake.sendSlashCommand({ name: 'ask', user, options: { question: q } });
      await h.fake.waitFor(editsOriginal(i.token));
    }
    const third = h.fake.sendSlashCommand({ name: 'ask', user, options: { question: 'three?' }, locale: 'it' });
    await h.fake.waitFor(repliedTo(third));
    const [refusal] = shownFor(h.fake, third);
    expect(refusal).toMatchObject({ kind: 'reply', flags: EPHEMERAL });
    expect(refusal?.content).toMatch(/riprova tra (59|60) s/);
    expect(h.services.asked.map((a) => a.question)).toEqual(['one?', 'two?']);

    const other = h.fake.sendSlashCommand({ name: 'ask', user: h.fake.user('calm'), options: { question: 'mine?' } });
    await h.fake.waitFor(editsOriginal(other.token));
  });

  it('mentions share the same per-user budget', async () => {
    const user = h.fake.user('mentioner');
    const ids = ['a?', 'b?', 'c?'].map((q) =>
      h.fake.sendMessage({ content: `<@${h.fake.bot.id}> ${q}`, author: user }),
    );
    const last = await h.fake.waitFor(
      (c) =>
        (c.body as { message_reference?: { message_id: string } } | null)?.message_reference?.message_id === ids[2],
    );
    expect((last.body as { content: string }).content).toContain('riprova tra');
  });
});

describe('concurrency bound and queue (1 running, 1 waiting)', () => {
  let h: Harness;
  let release: () => void = () => undefined;
  beforeAll(async () => {
    h = await startHarness({ maxConcurrentAnswers: 1, queueLimit: 1 });
    const gate = new Promise<void>((resolve) => {
      release = resolve;
    });
    h.services.answerWith = async (q, l) => {
      await gate;
      return cannedAnswer(q, l);
    };
  });
  afterAll(async () => {
    await h.close();
  });

  it('runs one job, queues the next FIFO, answers the third at once that the bot is busy, drops nothing', async () => {
    const first = h.fake.sendSlashCommand({ name: 'ask', user: h.fake.user('u1'), options: { question: 'first?' } });
    await h.fake.waitFor(repliedTo(first));
    const second = h.fake.sendSlashCommand({ name: 'ask', user: h.fake.user('u2'), options: { question: 'second?' } });
    await h.fake.waitFor(repliedTo(second));
    const third = h.fake.sendSlashCommand({ name: 'ask', user: h.fake.user('u3'), options: { question: 'third?' } });
    await h.fake.waitFor(repliedTo(third));

    expect(h.services.asked.map((a) => a.question)).toEqual(['first?']);
    expect(shownFor(h.fake, third)[0]).toMatchObject({
      kind: 'reply',
      flags: EPHEMERAL,
      content: expect.stringContaining('right now') as unknown,
    });

    release();
    const [a, b] = await Promise.all([
      h.fake.waitFor(editsOriginal(first.token)),
      h.fake.waitFor(editsOriginal(second.token)),
    ]);
    expect(h.services.asked.map((x) => x.question)).toEqual(['first?', 'second?']);
    expect(a.at).toBeLessThanOrEqual(b.at);
    expect(leftThinking(h.fake)).toEqual([]);
  });
});

describe('/ask with ALLOWED_CHANNEL_IDS', () => {
  const [inside, outside] = [snowflake(), snowflake()];
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness({ channelIds: [inside, outside], allowedChannelIds: [inside] });
  });
  afterAll(async () => {
    await h.close();
  });

  it('refuses politely and privately outside the listed channels, answers inside', async () => {
    const refused = h.fake.sendSlashCommand({
      name: 'ask',
      user: h.fake.user('x'),
      options: { question: 'news?' },
      channelId: outside,
    });
    await h.fake.waitFor(repliedTo(refused));
    expect(shownFor(h.fake, refused)[0]).toMatchObject({
      kind: 'reply',
      flags: EPHEMERAL,
      content: expect.stringContaining('cannot answer here') as unknown,
    });
    expect(h.services.asked).toEqual([]);

    const ok = h.fake.sendSlashCommand({
      name: 'ask',
      user: h.fake.user('y'),
      options: { question: 'news?' },
      channelId: inside,
    });
    await h.fake.waitFor(editsOriginal(ok.token));
  });

  it('refuses /ask from a DM when an allow-list is set', async () => {
    const dm = h.fake.sendSlashCommand({
      name: 'ask',
      user: h.fake.user('z'),
      options: { question: 'news?' },
      dm: true,
    });
    await h.fake.waitFor(repliedTo(dm));
    expect(shownFor(h.fake, dm)[0]).toMatchObject({ kind: 'reply', flags: EPHEMERAL });
  });
});
