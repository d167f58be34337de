import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pause, startHarness } from '../helpers/bot-harness.js';
import type { Harness } from '../helpers/bot-harness.js';
import { snowflake } from '../helpers/fake-discord.js';
import type { RecordedCall } from '../helpers/fake-discord.js';

let h: Harness;
beforeAll(async () => {
  // The guild prefers Italian: the help line comes in Italian.
  h = await startHarness({ preferredLocale: 'it' });
});
afterAll(async () => {
  await h.close();
});

interface SentBody {
  content: string;
  message_reference?: { message_id: string };
  allowed_mentions?: { parse: string[]; replied_user?: boolean };
  components?: unknown[];
}
const body = (c: RecordedCall): SentBody => c.body as SentBody;
const replyTo = (messageId: string) => (c: RecordedCall) =>
  c.method === 'POST' &&
  /^\/channels\/\d+\/messages$/.test(c.path) &&
  body(c).message_reference?.message_id === messageId;

describe('mentions', () => {
  it('answers a mention as a reply to the message, with the mention stripped and nobody pinged', async () => {
    const id = h.fake.sendMessage({
      content: `<@${h.fake.bot.id}> cosa ha approvato il consiglio?`,
      author: h.fake.user('giulia'),
    });
    const reply = await h.fake.waitFor(replyTo(id));
    expect(h.services.asked.at(-1)).toEqual({ question: 'cosa ha approvato il consiglio?', languageHint: null });
    expect(body(reply).content).toContain('Answer to: cosa ha approvato il consiglio? [1]');
    expect(body(reply).allowed_mentions).toEqual({ parse: [], replied_user: false });
    expect(reply.authorization).toBe(`Bot ${h.fake.token}`);
    expect(JSON.stringify(body(reply).components)).toContain('fb:up:');
  });

  it('strips the legacy <@!id> form too, wherever it appears', async () => {
    const id = h.fake.sendMessage({
      content: `what about the budget <@!${h.fake.bot.id}>`,
      author: h.fake.user('tom'),
    });
    await h.fake.waitFor(replyTo(id));
    expect(h.services.asked.at(-1)?.question).toBe('what about the budget');
  });

  it('a mention with no question gets the one-line help in the guild locale (Italian)', async () => {
    const before = h.services.asked.length;
    const id = h.fake.sendMessage({ content: `  <@${h.fake.bot.id}>  `, author: h.fake.user('curioso') });
    const reply = await h.fake.waitFor(replyTo(id));
    expect(body(reply).content).toMatch(/^Ciao! Menzionami/);
    expect(body(reply).content).not.toContain('\n');
    expect(h.services.asked.length).toBe(before);
  });

  it('ignores bots, messages without a mention and @everyone alone', async () => {
    const before = { asked: h.services.asked.length, calls: h.fake.calls.length };
    h.fake.sendMessage({ content: `<@${h.fake.bot.id}> ciao`, author: { ...h.fake.user('otherbot'), bot: true } });
    h.fake.sendMessage({ content: 'just chatting about the council', author: h.fake.user('chatty') });
    h.fake.sendMessage({ content: '@everyone look at this', author: h.fake.user('loud') });
    await pause(300);
    expect(h.services.asked.length).toBe(before.asked);
    expect(h.fake.calls.length).toBe(before.calls);
  });
});

describe('mentions with ALLOWED_CHANNEL_IDS', () => {
  const [inside, outside] = [snowflake(), snowflake()];
  let r: Harness;
  beforeAll(async () => {
    r = await startHarness({ channelIds: [inside, outside], allowedChannelIds: [inside] });
  });
  afterAll(async () => {
    await r.close();
  });

  it('answers in the listed channel and silently ignores mentions elsewhere', async () => {
    const ok = r.fake.sendMessage({
      content: `<@${r.fake.bot.id}> budget?`,
      author: r.fake.user('in'),
      channelId: inside,
    });
    await r.fake.waitFor(replyTo(ok));
    const before = { calls: r.fake.calls.length, asked: r.services.asked.length };
    r.fake.sendMessage({ content: `<@${r.fake.bot.id}> budget?`, author: r.fake.user('out'), channelId: outside });
    await pause(300);
    expect(r.fake.calls.length).toBe(before.calls);
    expect(r.services.asked.length).toBe(before.asked);
  });
});
