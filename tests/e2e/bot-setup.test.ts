/**
 * Self-diagnosis with the real discord.js client: missing channel permissions, the Message
 * Content intent switched off, slash commands not registered. Whoever asked is told once, in
 * their language (privately after /ask, by DM when the bot cannot speak in the channel), and
 * moderators see the channels in /status.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { pause, shownFor, startHarness, type Harness } from '../helpers/bot-harness.js';
import {
  APPLICATION_FLAGS,
  BOT_PERMISSIONS,
  editsOriginal,
  PERMISSIONS,
  type RecordedCall,
} from '../helpers/fake-discord.js';

let h: Harness | null = null;
afterEach(async () => {
  await h?.close();
  h = null;
});

const content = (c: RecordedCall): string => (c.body as { content?: string }).content ?? '';
const postsTo = (channelId: string) => (c: RecordedCall) =>
  c.method === 'POST' && c.path === `/channels/${channelId}/messages`;

async function askIn(harness: Harness, channelId: string, user = harness.fake.user('lettrice'), locale = 'en-US') {
  const i = harness.fake.sendSlashCommand({ name: 'ask', user, options: { question: 'bilancio?' }, locale, channelId });
  await harness.fake.waitFor(editsOriginal(i.token));
  await pause(150);
  return shownFor(harness.fake, i);
}

async function statusAs(harness: Harness, permissions: string, locale = 'en-US'): Promise<string> {
  const i = harness.fake.sendSlashCommand({ name: 'status', user: harness.fake.user('mod'), permissions, locale });
  return content(await harness.fake.waitFor(editsOriginal(i.token)));
}

describe('missing channel permissions', () => {
  it('/ask answers, then tells the asker privately, once, which permissions the bot lacks there', async () => {
    h = await startHarness();
    const [, other] = h.fake.guild.channelIds;
    const channel = other ?? '';
    h.fake.setChannelOverwrites(channel, [
      h.fake.denyBot(BOT_PERMISSIONS.embedLinks | BOT_PERMISSIONS.createPublicThreads),
    ]);
    await pause(100);
    const user = h.fake.user('lettrice');
    const first = await askIn(h, channel, user);
    expect(first[0]?.content).toContain('Answer to: bilancio?');
    expect(first).toHaveLength(2);
    expect(first[1]).toMatchObject({ kind: 'followUp', flags: 64 });
    expect(first[1]?.content).toContain(
      'I am missing permissions in this channel: «Create Public Threads», «Embed Links»',
    );
    // The same person in the same channel: not told again.
    expect(await askIn(h, channel, user)).toHaveLength(1);
    // Another person, in Italian: told in Italian. The unrestricted channel: nobody is told anything.
    const italian = await askIn(h, channel, h.fake.user('marco'), 'it');
    expect(italian[1]?.content).toContain(
      'In questo canale mi mancano dei permessi: «Crea thread pubblici», «Incorpora link»',
    );
    expect(await askIn(h, h.fake.mainChannelId, user)).toHaveLength(1);
  });

  it('a mention where the bot cannot send messages: no attempt in the channel, a DM to the author (once), in the guild’s language', async () => {
    h = await startHarness({ preferredLocale: 'it' });
    const channel = h.fake.mainChannelId;
    h.fake.setChannelOverwrites(channel, [h.fake.denyBot(BOT_PERMISSIONS.sendMessages)]);
    await pause(100);
    const author = h.fake.user('giulia');
    const ask = () =>
      h?.fake.sendMessage({
        content: `<@${h.fake.bot.id}> cosa ha approvato il consiglio?`,
        author,
        channelId: channel,
      });
    ask();
    const dm = await h.fake.waitFor((c) => c.method === 'POST' && c.path === '/users/@me/channels');
    expect(dm.body).toEqual({ recipient_id: author.id });
    await h.fake.waitFor((c) => (h?.fake.directMessages.get(author.id)?.length ?? 0) > 0 && c.status === 200);
    const [told] = h.fake.directMessages.get(author.id) ?? [];
    expect(told?.content).toBe(
      `ℹ️ Ho visto la tua domanda in <#${channel}>, ma lì non posso rispondere: mi mancano i permessi «Invia messaggi». Chiedi a un moderatore di concederli, oppure usa /chiedi.`,
    );
    ask();
    await pause(300);
    expect(h.fake.directMessages.get(author.id)).toHaveLength(1);
    expect(h.fake.calls.filter(postsTo(channel))).toEqual([]);
    expect(h.services.asked).toEqual([]);
  });

  it('/status lists the channels lacking a permission for moderators only', async () => {
    h = await startHarness();
    const [main, other] = h.fake.guild.channelIds;
    h.fake.setChannelOverwrites(other ?? '', [h.fake.denyBot(BOT_PERMISSIONS.sendMessagesInThreads)]);
    await pause(100);
    const mod = await statusAs(h, PERMISSIONS.manageGuild);
    expect(mod).toContain('**Setup** (shown to moderators)');
    expect(mod).toContain(`⚠️ <#${other}>: missing «Send Messages in Threads»`);
    expect(mod).not.toContain(`<#${main}>`);
    const member = await statusAs(h, PERMISSIONS.everyone);
    expect(member).toContain('Archivista status');
    expect(member).not.toContain('Setup');
    const italian = await statusAs(h, PERMISSIONS.manageGuild, 'it');
    expect(italian).toContain(`⚠️ <#${other}>: mancano «Invia messaggi nei thread»`);
  });
});

describe('builds and sources failing past STALE_AFTER', () => {
  it('moderators see a warning line per stale build or source with its error, members do not', async () => {
    h = await startHarness();
    const since = '2026-11-30T02:00:00.000Z';
    h.services.stale = [
      { kind: 'build', since, error: 'feed https://example.com/rss: HTTP 500' },
      {
        kind: 'source',
        sourceId: 'feed:https://editor:hunter2@news.example.org/feed?api_key=s3cret&lang=it',
        since,
        errorCode: 'timeout',
        error:
          'https://editor:hunter2@news.example.org/feed?api_key=s3cret&lang=it: no complete answer within 15000 ms',
      },
    ];
    const mod = await statusAs(h, PERMISSIONS.manageGuild);
    const at = `<t:${Date.parse(since) / 1000}:R>`;
    expect(mod).toContain(
      `⚠️ Builds have been failing since ${at} (none succeeded since): \`feed https://example.com/rss: HTTP 500\``,
    );
    expect(mod).toContain(
      `⚠️ Source \`feed:https://news.example.org/feed?api_key=***&lang=it\` has been failing since ${at} (no pull succeeded since): the server did not answer in time — \`https://news.example.org/feed?api_key=***&lang=it: no complete answer within 15000 ms\``,
    );
    expect(mod).not.toContain('hunter2');
    expect(mod).not.toContain('s3cret');
    const italian = await statusAs(h, PERMISSIONS.manageGuild, 'it');
    expect(italian).toContain('⚠️ Le indicizzazioni falliscono da <t:');
    expect(italian).toContain(
      '⚠️ La fonte `feed:https://news.example.org/feed?api_key=***&lang=it` non si aggiorna da',
    );
    expect(italian).toContain('il server non ha risposto in tempo');
    const member = await statusAs(h, PERMISSIONS.everyone);
    expect(member).not.toContain('HTTP 500');
    expect(member).not.toContain('failing since');
  });
});

describe('the Message Content intent switched off in the portal', () => {
  it('the bot connects without it, tells an /ask user once, and /status says so to moderators', async () => {
    h = await startHarness({ applicationFlags: APPLICATION_FLAGS.none });
    const identifies = h.fake.gatewayReceived
      .filter((p) => p.op === 2)
      .map((p) => (p.d as { intents: number }).intents);
    expect(identifies).toEqual([1 | 512 | 32768, 1 | 512]);
    expect(h.logs.some((l) => l.includes('Discord refused the Message Content intent'))).toBe(true);
    const user = h.fake.user('lettore');
    const first = await askIn(h, h.fake.mainChannelId, user);
    expect(first[1]?.content).toContain('This bot’s Message Content intent is off');
    expect(await askIn(h, h.fake.mainChannelId, user)).toHaveLength(1);
    expect(await statusAs(h, PERMISSIONS.manageGuild)).toContain('⚠️ This bot’s Message Content intent is off');
  });
});

describe('slash commands not registered', () => {
  it('a mention is answered, then the author is told once that the commands are missing', async () => {
    h = await startHarness({ commands: 'none', preferredLocale: 'en-US' });
    await h.fake.waitFor((c) => c.method === 'GET' && c.path.endsWith('/commands') && c.path.includes('/guilds/'));
    await pause(100);
    const author = h.fake.user('tom');
    const send = () => h?.fake.sendMessage({ content: `<@${h.fake.bot.id}> the budget?`, author }) ?? '';
    const id = send();
    const isReplyTo = (mid: string) => (c: RecordedCall) =>
      postsTo(h?.fake.mainChannelId ?? '')(c) &&
      (c.body as { message_reference?: { message_id: string } }).message_reference?.message_id === mid;
    await h.fake.waitFor((c) => h?.fake.calls.filter(isReplyTo(id)).length === 2 && c !== null);
    const [answer, notice] = h.fake.calls.filter(isReplyTo(id));
    expect(content(answer as RecordedCall)).toContain('Answer to: the budget?');
    expect(content(notice as RecordedCall)).toBe(
      'ℹ️ My commands (/ask, /status, /reindex, /gaps) are not registered in this server: please ask whoever runs the bot to run `npm run deploy-commands`. Meanwhile you can mention me with your question.',
    );
    const again = send();
    await h.fake.waitFor(isReplyTo(again));
    await pause(200);
    expect(h.fake.calls.filter(isReplyTo(again))).toHaveLength(1);
    expect(h.logs.some((l) => l.includes('slash commands not registered'))).toBe(true);
  });
});
