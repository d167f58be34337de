/**
 * Article sources on the real composition root (src/main.ts in a child process, the real
 * discord.js client against the fake Discord): a feed on a local fixture server is pulled on
 * the REINDEX_EVERY schedule, so an article the server adds later is cited by the next /ask
 * without anyone running /reindex; a second feed that answers HTTP 500 shows in /status with its
 * error, and, once it has failed for longer than STALE_AFTER, as a warning line for moderators
 * (and once in the log). STALE_AFTER and REINDEX_EVERY are one minute, their smallest values.
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rssFeed, type FixtureItem } from '../fixtures/sources/feeds.js';
import { leftThinking } from '../helpers/bot-harness.js';
import { FakeDiscord, PERMISSIONS } from '../helpers/fake-discord.js';
import { makeBotWorkspace } from '../helpers/main-corpus.js';
import { ask, waitForReply } from '../helpers/main-discord.js';
import {
  botEnv,
  runNode,
  startBot,
  stopChild,
  Transcript,
  waitForLog,
  type Child,
  type LogLine,
} from '../helpers/main-process.js';
import { SourceServer } from '../helpers/source-server.js';

/** In the feed from the start. */
const FIRST: FixtureItem = {
  slug: 'mercato-del-sale-pietrafonda',
  title: 'Pietrafonda, il mercato del sale torna in piazza dopo vent’anni',
  date: '2025-06-02',
  author: 'Ilaria Montecorvo',
  tags: ['cronaca'],
  paragraphs: [
    'Il mercato del sale di Pietrafonda è tornato in piazza Garzoni dopo vent’anni di assenza, con quaranta banchi di salinari arrivati dalla costa.',
    'La salinara più anziana, Teodolinda Brusacca, ha raccontato che il sale grigio di Pietrafonda si raccoglie ancora a mano nelle vasche di argilla.',
  ],
};
/** Added to the feed while the bot runs: citable only after a scheduled pull. */
const LATER: FixtureItem & { question: string; fact: string } = {
  slug: 'faro-punta-civetta',
  title: 'Il faro di Punta Civetta si riaccende dopo ventidue anni',
  date: '2025-06-20',
  author: 'Corrado Vallelunga',
  tags: ['cronaca'],
  question: 'Quando si riaccende il faro di Punta Civetta?',
  fact: 'si riaccenderà il 9 agosto',
  paragraphs: [
    'Il faro di Punta Civetta si riaccenderà il 9 agosto, dopo ventidue anni di buio, grazie a una nuova lanterna alimentata da pannelli solari.',
    'Il guardiano volontario Ermenegildo Scarrone ha spiegato che la luce del faro di Punta Civetta sarà visibile a diciotto miglia dalla costa.',
  ],
};

const ws = makeBotWorkspace();
const transcript = new Transcript();
const server = new SourceServer();
let fake: FakeDiscord;
let bot: Child;
/** When the first build (which found the failing feed) started. */
let firstBuildAt = 0;

/** Polls the bot's log until a line matches `test` (a deadline, not a fixed sleep). */
async function waitForLine(test: (line: LogLine) => boolean, timeoutMs: number): Promise<LogLine> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const found = bot.logs().find(test);
    if (found !== undefined) return found;
    if (Date.now() > deadline) throw new Error(`no such log line within ${timeoutMs} ms:\n${bot.stderr()}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

const serveFeed = (items: FixtureItem[]) =>
  server.routes.set('/cronaca/feed', {
    body: rssFeed(server.url('/cronaca'), items),
    headers: { 'content-type': 'application/rss+xml; charset=utf-8' },
  });

async function status(permissions: string, locale = 'en-US'): Promise<string> {
  const sent = fake.sendSlashCommand({ name: 'status', user: fake.user('redazione'), permissions, locale });
  return (await waitForReply(fake, { ...sent, at: Date.now() }, 30_000)).content;
}

beforeAll(async () => {
  await server.start();
  fake = await FakeDiscord.start();
  serveFeed([FIRST]);
  server.routes.set('/sport/feed', { status: 500, body: 'internal error' });
  const sourcesFile = path.join(ws.root, 'sources.json');
  writeFileSync(
    sourcesFile,
    JSON.stringify({
      sources: [
        { type: 'folder', id: 'archivio', path: ws.corpusDir },
        { type: 'feed', id: 'cronaca', url: server.url('/cronaca/feed') },
        { type: 'feed', id: 'sport', url: server.url('/sport/feed') },
      ],
      fetch: { delayMs: 0, timeoutMs: 5000 },
    }),
  );
  const env = botEnv({
    fake,
    ...ws,
    extra: { SOURCES_FILE: sourcesFile, REINDEX_EVERY: '1m', STALE_AFTER: '1m' },
  });
  firstBuildAt = Date.now();
  const build = await runNode('scripts/index.ts', [], env, transcript);
  expect(build.code, build.stderr).toBe(0);
  bot = await startBot(env, transcript);
});
afterAll(async () => {
  if (bot !== undefined) await stopChild(bot);
  await fake.close();
  await server.stop();
  ws.cleanup();
});

describe('sources on a schedule, their freshness and failures (real bot, fixture feeds on 127.0.0.1)', () => {
  it('/status lists each source with its last pull, newest article and error; the failing one is not stale yet', async () => {
    const text = await status(PERMISSIONS.manageGuild);
    expect(text).toMatch(/• `archivio` — last successful pull: <t:\d+:R> · newest article: July 2025\n/);
    expect(text).toMatch(/• `cronaca` — last successful pull: <t:\d+:R> · newest article: June 2, 2025\n/);
    expect(text).toMatch(
      /• `sport` — last successful pull: never · newest article: — · last error \(<t:\d+:R>\): the server answered with an error \(HTTP 500\)/,
    );
    // Not stale yet, unless a loaded machine took STALE_AFTER to get here (the unit tests pin the threshold).
    if (Date.now() - firstBuildAt < 50_000) expect(text).not.toContain('has been failing since');
    const italian = await status(PERMISSIONS.everyone, 'it');
    expect(italian).toContain('• `sport` — ultimo aggiornamento riuscito: mai');
    expect(italian).toContain('il server ha risposto con un errore (HTTP 500)');
  });

  it('an article the feed adds is pulled by the schedule (no /reindex) and cited by the next /ask', async () => {
    const before = await ask(fake, LATER.question, { locale: 'it' });
    expect(before.content).not.toContain(LATER.title);
    serveFeed([LATER, FIRST]);
    const requested = server.requests.length;
    // The first tick comes REINDEX_EVERY (one minute) after the start; allow a slow machine two more.
    const pulled = await waitForLine(
      (line) => line.msg === 'scheduled reindex finished' && Number(line.added) > 0,
      180_000,
    );
    expect(pulled).toMatchObject({ outcome: 'success', added: 1 });
    expect(server.paths().slice(requested)).toContain('/cronaca/feed');
    await waitForLine((line) => line.msg === 'index generation swapped in' && line.from !== null, 30_000);
    const after = await ask(fake, LATER.question, { locale: 'it' });
    expect(after.content.replace(/\*\*/g, '')).toContain(LATER.fact);
    expect(after.content).toContain(`**${LATER.title}**`);
  }, 240_000);

  it('past STALE_AFTER the failing source is a warning line for moderators, in the log once, and members never see it', async () => {
    const logged = await waitForLog(
      bot,
      'source going stale: its pulls have failed for longer than STALE_AFTER',
      90_000,
    );
    expect(logged).toMatchObject({ stale: 'source:sport', sourceId: 'sport', errorCode: 'http-500' });
    const moderator = await status(PERMISSIONS.manageGuild);
    expect(moderator).toMatch(
      /⚠️ Source `sport` has been failing since <t:\d+:R> \(no pull succeeded since\): the server answered with an error \(HTTP 500\) — `http:\/\/127\.0\.0\.1:\d+\/sport\/feed: HTTP 500`/,
    );
    expect(moderator).not.toMatch(/Source `cronaca` has been failing/);
    const italian = await status(PERMISSIONS.manageGuild, 'it');
    expect(italian).toContain('⚠️ La fonte `sport` non si aggiorna da <t:');
    const member = await status(PERMISSIONS.everyone);
    expect(member).toContain('• `sport` — last successful pull: never');
    expect(member).not.toContain('has been failing since');
    expect(member).not.toContain('/sport/feed');
    const staleLines = bot.logs().filter((l) => l.stale === 'source:sport');
    expect(staleLines).toHaveLength(1);
  }, 120_000);

  it('no interaction was left thinking and Discord refused nothing', () => {
    expect(leftThinking(fake)).toEqual([]);
    expect(fake.calls.filter((c) => c.status >= 400).map((c) => `${c.method} ${c.path} → ${c.status}`)).toEqual([]);
    expect(transcript.text()).not.toContain(fake.token);
  });
});
