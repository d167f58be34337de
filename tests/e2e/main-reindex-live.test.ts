/**
 * Questions during a /reindex, on the real composition root (src/main.ts in a child process):
 * the build runs in its own worker process for several seconds (the opening paragraphs of six
 * articles of the dev eval set, as JSONL), and the bot keeps answering from the old index until
 * the swap, from the new one after.
 */
import { readdirSync, readFileSync, readlinkSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { toCorpusRecords, writeJsonlCorpus } from '../../scripts/bench/eval-corpus.js';
import { loadDataset, selectEvalSubset } from '../../src/eval/dataset.js';
import { projectRoot } from '../../src/config.js';
import { leftThinking } from '../helpers/bot-harness.js';
import { FakeDiscord, PERMISSIONS } from '../helpers/fake-discord.js';
import { makeBotWorkspace, NEW_ARTICLE, writeArticle } from '../helpers/main-corpus.js';
import { ask, isOriginalEdit, sendAsk, waitForReply, type Reply } from '../helpers/main-discord.js';
import { botEnv, runNode, startBot, stopChild, Transcript, type Child } from '../helpers/main-process.js';

const EVAL_FILE = path.resolve(projectRoot, '../shared/eval/squad-it-dev/squad-it-dev.json');
const SEED_QUESTION = 'Che cosa ha proposto Lavrov a Rubio?';
const PARAGRAPHS = 5;

const ws = makeBotWorkspace();
const transcript = new Transcript();
let fake: FakeDiscord;
let bot: Child;
let oldGeneration: string;

/** Paths of the files the process `pid` has open. */
const openFiles = (pid: number): string[] =>
  readdirSync(`/proc/${pid}/fd`).flatMap((fd) => {
    try {
      return [readlinkSync(`/proc/${pid}/fd/${fd}`)];
    } catch {
      return [];
    }
  });
const current = () => readFileSync(path.join(ws.dataDir, 'CURRENT'), 'utf8').trim();

beforeAll(async () => {
  fake = await FakeDiscord.start();
  const env = botEnv({ fake, ...ws });
  // The first index comes from the CLI (`npm run index`) with the bot's own environment.
  const build = await runNode('scripts/index.ts', [], env, transcript);
  expect(build.code, build.stderr).toBe(0);
  oldGeneration = current();
  bot = await startBot(env, transcript);
});
afterAll(async () => {
  if (bot !== undefined) await stopChild(bot);
  await fake.close();
  ws.cleanup();
});

describe('questions during a /reindex (real bot, real worker process)', () => {
  it('the bot serves the CLI-built generation from the start (its index file is open)', () => {
    expect(bot.logs().find((l) => l.msg === 'index generation swapped in')).toMatchObject({
      from: null,
      to: oldGeneration,
    });
    expect(openFiles(bot.child.pid ?? 0).some((f) => f.includes(`/generations/${oldGeneration}/`))).toBe(true);
  });

  it('keeps answering from the old index while six eval articles are indexed, and from the new one after the swap', async () => {
    // Whole, these six take over 30 s to embed here (~8 passages/s); their first paragraphs, several seconds.
    const articles = selectEvalSubset(loadDataset(EVAL_FILE), 6, 0).corpus.map((a) => ({
      ...a,
      text: a.text.split('\n\n').slice(0, PARAGRAPHS).join('\n\n'),
    }));
    const records = toCorpusRecords(articles);
    writeJsonlCorpus(ws.corpusDir, 'squad-it-dev-6.jsonl', records);
    writeArticle(ws.corpusDir, NEW_ARTICLE);

    const run = fake.sendSlashCommand({
      name: 'reindex',
      user: fake.user('caporedattore'),
      permissions: PERMISSIONS.manageGuild,
    });
    const reportCall = fake.waitFor(isOriginalEdit(run.token, /^\*\*(✅|❌)/), 90_000);
    let reportAt: number | null = null;
    void reportCall.then((c) => (reportAt = c.at));
    await fake.waitFor(isOriginalEdit(run.token, /embedding passages/), 30_000);

    // Asked while passages are being embedded: the new article is not in the live index yet.
    const early = sendAsk(fake, NEW_ARTICLE.question, { locale: 'it' });
    // One question at a time, each from a new user, until the report: the bot keeps one core busy, the build the other.
    const during: Reply[] = [];
    while (reportAt === null) during.push(await ask(fake, SEED_QUESTION, { locale: 'it' }));
    const report = ((await reportCall).body as { content: string }).content;
    expect(report).toMatch(/^\*\*✅ Reindex finished \(incremental\)/);
    expect(report).toContain(`added ${records.length + 1}`);

    const swap = bot.logs().find((l) => l.msg === 'index generation swapped in' && l.to !== oldGeneration);
    expect(swap?.from).toBe(oldGeneration);
    expect(early.at).toBeLessThan(Number(swap?.time));
    const earlyReply = await waitForReply(fake, early, 60_000);
    expect(earlyReply.content).not.toContain(NEW_ARTICLE.title);

    for (const reply of during)
      expect(reply.content).toMatch(/\*\*Fonti\*\*\n\[1\] [^\n]* — luglio 2025(?: \([^)\n]*\))? — Luigi Medici/);
    const answeredDuringBuild = during.filter((r) => r.call.at < (reportAt ?? 0)).length;
    expect(answeredDuringBuild).toBeGreaterThanOrEqual(2);

    const after = await ask(fake, NEW_ARTICLE.question, { locale: 'it' });
    expect(after.content.replace(/\*\*/g, '')).toContain(NEW_ARTICLE.fact);
    expect(after.content).toContain(`**${NEW_ARTICLE.title}**`);
    expect(current()).not.toBe(oldGeneration);
  }, 120_000);

  it('closes the old generation once its questions are done: none of its files stays open in the bot', async () => {
    await ask(fake, SEED_QUESTION);
    const files = openFiles(bot.child.pid ?? 0);
    expect(files.some((f) => f.includes(`/generations/${current()}/`))).toBe(true);
    expect(files.filter((f) => f.includes(`/generations/${oldGeneration}/`))).toEqual([]);
  });

  it('no interaction was left thinking and Discord refused nothing', () => {
    expect(leftThinking(fake)).toEqual([]);
    expect(fake.calls.filter((c) => c.status >= 400).map((c) => `${c.method} ${c.path} → ${c.status}`)).toEqual([]);
    expect(transcript.text()).not.toContain(fake.token);
  });
});
