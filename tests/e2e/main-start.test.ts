/**
 * The whole product, as `npm start` runs it: src/main.ts in a child process with the real model,
 * index, /reindex worker and discord.js client, against a fake Discord (and a fake OpenAI server)
 * on 127.0.0.1. Two bot starts in all: extractive, then LLM mode on the index the first one built.
 */
import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { leftThinking, shownFor } from '../helpers/bot-harness.js';
import { FakeDiscord } from '../helpers/fake-discord.js';
import { startFakeOpenAi, type FakeOpenAi } from '../helpers/fake-openai.js';
import { makeBotWorkspace, NEW_ARTICLE, STARTING_ARTICLES, writeArticle } from '../helpers/main-corpus.js';
import { ask, reindex, sendAsk, waitForReply } from '../helpers/main-discord.js';
import { botEnv, runNode, startBot, stopChild, Transcript, type Child } from '../helpers/main-process.js';

const SEED_QUESTION = 'Che cosa ha proposto Lavrov a Rubio?';
const API_KEY = 'sk-fake-openai-key-0123456789abcdefghijklmnopqrstuvwxyz';
const [SAGRA, FUNIVIA] = STARTING_ARTICLES;
if (SAGRA === undefined || FUNIVIA === undefined) throw new Error('STARTING_ARTICLES needs two articles');

const ws = makeBotWorkspace();
const transcript = new Transcript();
let fake: FakeDiscord;
beforeAll(async () => {
  fake = await FakeDiscord.start({ preferredLocale: 'it' });
});
afterAll(async () => {
  await fake.close();
  ws.cleanup();
});

describe('npm start, extractive answers (no OPENAI_API_KEY), starting with no index', () => {
  let bot: Child;
  beforeAll(async () => {
    bot = await startBot(botEnv({ fake, ...ws }), transcript);
  });
  afterAll(async () => {
    const { code } = await stopChild(bot);
    expect(code).toBe(0);
  });

  it('logs in: IDENTIFY over the fake gateway with the token, ready in the one guild', () => {
    const identify = fake.gatewayReceived.find((p) => p.op === 2);
    expect((identify?.d as { token?: string } | undefined)?.token).toBe(fake.token);
    expect(bot.logs().find((l) => l.msg === 'discord bot ready')).toMatchObject({ user: 'Archivista', guilds: 1 });
  });

  it('with no index at all (fresh DATA_DIR), /ask answers "the archive isn\'t indexed yet…" and /status says so', async () => {
    const reply = await ask(fake, SEED_QUESTION, { locale: 'en-US' });
    expect(reply.content).toMatch(/^L'archivio non è ancora indicizzato|^The archive isn't indexed yet/);
    expect(reply.components).toEqual([]);
    const english = await ask(fake, 'What did the council approve yesterday?', { locale: 'en-US' });
    expect(english.content).toBe("The archive isn't indexed yet: ask a moderator to run /reindex.");
    const status = fake.sendSlashCommand({ name: 'status', user: fake.user('curioso'), locale: 'en-US' });
    expect((await waitForReply(fake, { ...status, at: Date.now() })).content).toContain('No index loaded');
    expect(bot.child.exitCode).toBeNull();
  });

  it("a moderator's first /reindex builds the index: deferred publicly, progress edits, then the report", async () => {
    const { sent, report } = await reindex(fake);
    expect(fake.callsFor(sent)[0]?.body).toEqual({ type: 5, data: { flags: 0 } });
    const progress = shownFor(fake, sent).filter((m) => m.content.startsWith('⏳'));
    expect(progress.length).toBeGreaterThanOrEqual(1);
    expect(report).toMatch(/^\*\*✅ Reindex finished \(full: [^)]*\) in [\d.]+ (ms|s|min)\*\*/);
    expect(report).toContain('Articles: seen 3 · added 3 · updated 0 · unchanged 0 · removed 0 · skipped 0');
    expect(report).toContain('Model: `all-MiniLM-L6-v2`');
  });

  it('/ask with an Italian question: deferred, then edited with an answer citing the seed article (luglio 2025, Luigi Medici)', async () => {
    const sent = sendAsk(fake, SEED_QUESTION, { locale: 'en-US' });
    const reply = await waitForReply(fake, sent);
    expect(fake.callsFor(sent)[0]?.body).toEqual({ type: 5, data: { flags: 0 } });
    expect(reply.content).toContain('Lavrov');
    expect(reply.content).toMatch(/\[1\]/);
    expect(reply.content).toMatch(
      /\*\*Fonti\*\*\n\[1\] \*{1,2}Il Segretario di Stato americano Marco Rubio[^\n]*\*{1,2} — luglio 2025(?: \([^)\n]*\))? — Luigi Medici/,
    );
    expect(JSON.stringify(reply.components)).toMatch(/"custom_id":"fb:up:[^"]+".*"custom_id":"fb:down:[^"]+"/);
  });

  it('/chiedi from an Italian client answers in Italian from a fictional article, with its title, date and author', async () => {
    const reply = await ask(fake, SAGRA.question, { locale: 'it' });
    expect(reply.content.replace(/\*\*/g, '')).toContain(SAGRA.fact);
    expect(reply.content).toContain('**Fonti**');
    expect(reply.content).toMatch(
      new RegExp(`\\*\\*${SAGRA.title}\\*\\* — 1 marzo 2025(?: \\([^)\\n]*\\))? — ${SAGRA.author}`),
    );
  });

  it('a mention is answered as a reply to the message', async () => {
    const messageId = fake.sendMessage({
      content: `<@${fake.bot.id}> ${FUNIVIA.question}`,
      author: fake.user('lettrice'),
    });
    const reply = await fake.waitFor(
      (c) =>
        c.method === 'POST' &&
        (c.body as { message_reference?: { message_id?: string } } | null)?.message_reference?.message_id === messageId,
      20_000,
    );
    const content = (reply.body as { content: string }).content;
    expect(content).toContain(FUNIVIA.fact);
    expect(content).toContain(`**${FUNIVIA.title}**`);
  });

  it('/status shows the articles, passages and model of the live index', async () => {
    const status = fake.sendSlashCommand({ name: 'status', user: fake.user('curioso'), locale: 'en-US' });
    const text = (await waitForReply(fake, { ...status, at: Date.now() })).content;
    expect(text).not.toContain('No index loaded');
    expect(text).toMatch(/Articles: 3 · Passages: \d+/);
    expect(text).toContain('Embedding model: `all-MiniLM-L6-v2`');
    expect(text).toContain('Answer mode: extractive');
    expect(text).toContain('Last reindex: succeeded');
  });

  it('an article added to CORPUS_DIR is citable right after a /reindex, not before', async () => {
    writeArticle(ws.corpusDir, NEW_ARTICLE);
    const before = await ask(fake, NEW_ARTICLE.question, { locale: 'it' });
    expect(before.content).not.toContain(NEW_ARTICLE.title);
    const { sent, report } = await reindex(fake);
    expect(shownFor(fake, sent).some((m) => m.content.startsWith('⏳ Reindex running'))).toBe(true);
    expect(report).toMatch(/^\*\*✅ Reindex finished \(incremental\)/);
    expect(report).toContain('Articles: seen 4 · added 1 · updated 0 · unchanged 3 · removed 0 · skipped 0');
    const after = await ask(fake, NEW_ARTICLE.question, { locale: 'it' });
    expect(after.content.replace(/\*\*/g, '')).toContain(NEW_ARTICLE.fact);
    expect(after.content).toMatch(
      new RegExp(`\\*\\*${NEW_ARTICLE.title}\\*\\* — 1 marzo 2025(?: \\([^)\\n]*\\))? — ${NEW_ARTICLE.author}`),
    );
  });

  it('a report bigger than the IPC pipe buffer (1,500 skipped files) still reaches the bot: success, not "the build process exited"', async () => {
    const folder = path.join(ws.corpusDir, 'vuoti');
    mkdirSync(folder);
    for (let n = 0; n < 1500; n++)
      writeFileSync(
        path.join(folder, `articolo-vuoto-numero-${String(n).padStart(4, '0')}-della-redazione-locale.txt`),
        '',
      );
    const { report } = await reindex(fake);
    expect(report).toMatch(/^\*\*✅ Reindex finished/);
    expect(report).toContain('Articles: seen 1,504 · added 0 · updated 0 · unchanged 4 · removed 0 · skipped 1,500');
    expect(report).toMatch(/…and 1,?495 more/);
  });

  it('a failed reindex (CORPUS_DIR replaced by a file) reports the error; the old index keeps answering', async () => {
    renameSync(ws.corpusDir, `${ws.corpusDir}.moved`);
    writeFileSync(ws.corpusDir, 'not a folder');
    const { report } = await reindex(fake);
    expect(report).toMatch(/^\*\*❌ Reindex failed/);
    expect(report).toMatch(/ENOTDIR|not a directory/);
    expect(report).toContain('The previous index keeps serving.');
    const after = await ask(fake, NEW_ARTICLE.question, { locale: 'it' });
    expect(after.content).toContain(`**${NEW_ARTICLE.title}**`);
    const seed = await ask(fake, SEED_QUESTION);
    expect(seed.content).toContain('Luigi Medici');
  });

  it('no interaction was left thinking and Discord refused nothing', () => {
    expect(leftThinking(fake)).toEqual([]);
    expect(fake.calls.filter((c) => c.status >= 400).map((c) => `${c.method} ${c.path} → ${c.status}`)).toEqual([]);
  });
});

describe('npm start with OPENAI_API_KEY and OPENAI_BASE_URL on a fake OpenAI server', () => {
  const BUDGET_MS = 1500;
  let bot: Child;
  let openai: FakeOpenAi;
  beforeAll(async () => {
    openai = await startFakeOpenAi({ kind: 'status', status: 500, message: 'fake: overloaded' });
    const extra = {
      OPENAI_API_KEY: API_KEY,
      OPENAI_BASE_URL: openai.url,
      OPENAI_MODEL: 'fake-model',
      LLM_ATTEMPT_TIMEOUT_MS: '500',
      LLM_TOTAL_BUDGET_MS: String(BUDGET_MS),
      LLM_MAX_RETRIES: '2',
    };
    bot = await startBot(botEnv({ fake, ...ws, extra }), transcript);
  });
  afterAll(async () => {
    await stopChild(bot);
    await openai.close();
  });

  it('answers in LLM mode with the model text citing [1] = the seed article; the key goes only in the Authorization header', async () => {
    openai.enqueue({
      kind: 'reply',
      text: 'Lavrov ha proposto a Rubio un approccio nuovo o diverso per porre fine al conflitto in Ucraina [1].',
    });
    const reply = await ask(fake, SEED_QUESTION, { locale: 'it' });
    expect(reply.content).toMatch(
      /^Lavrov ha proposto a Rubio un approccio nuovo o diverso per porre fine al conflitto in Ucraina \[1\]\./,
    );
    expect(reply.content).toMatch(/\*\*Fonti\*\*\n\[1\] [^\n]* — luglio 2025(?: \([^)\n]*\))? — Luigi Medici/);
    expect(reply.content).not.toContain('Risposta estrattiva');
    const request = openai.requests.at(-1);
    expect(request?.headers.authorization).toBe(`Bearer ${API_KEY}`);
    expect(request?.body?.model).toBe('fake-model');
    expect(request?.body?.messages.at(-1)?.content).toMatch(/<source n="1"[^>]*author="Luigi Medici"/);
  });

  it('/status says the answer mode is the LLM', async () => {
    const status = fake.sendSlashCommand({ name: 'status', user: fake.user('curioso'), locale: 'en-US' });
    expect((await waitForReply(fake, { ...status, at: Date.now() })).content).toContain(
      'Answer mode: language model (`fake-model`)',
    );
  });

  it('when the LLM only returns 500s, the extractive fallback still answers within the budget', async () => {
    const before = openai.requests.length;
    const reply = await ask(fake, SEED_QUESTION, { locale: 'it' });
    expect(reply.content).toContain('Risposta estrattiva: il modello linguistico non era disponibile.');
    expect(reply.content).toContain('Luigi Medici');
    const attempts = openai.requests.length - before;
    expect(attempts).toBeGreaterThanOrEqual(1);
    expect(attempts).toBeLessThanOrEqual(3);
    // The budget bounds the LLM part; retrieval, the extractive answer and two Discord calls come on top.
    expect(reply.ms).toBeLessThan(BUDGET_MS + 2500);
  });
});

describe('scripts around the bot', () => {
  it('npm start without DISCORD_TOKEN exits 1 with one line saying what to set', async () => {
    const env = { ...botEnv({ fake, ...ws }), DISCORD_TOKEN: '' };
    const result = await runNode('src/main.ts', [], env, transcript);
    expect(result.code).toBe(1);
    expect(result.stderr.trim().split('\n')).toEqual([expect.stringMatching(/^DISCORD_TOKEN is not set/) as unknown]);
  });

  it('deploy-commands registers /ask, /status, /reindex, /gaps in DISCORD_GUILD_ID on the fake', async () => {
    const env = { ...botEnv({ fake, ...ws }), DISCORD_GUILD_ID: fake.guild.id };
    const result = await runNode('scripts/deploy-commands.ts', [], env, transcript);
    expect(result.code).toBe(0);
    const put = await fake.waitFor(
      (c) => c.method === 'PUT' && c.path === `/applications/${fake.applicationId}/guilds/${fake.guild.id}/commands`,
    );
    expect(put.authorization).toBe(`Bot ${fake.token}`);
    expect((put.body as Array<{ name: string }>).map((c) => c.name)).toEqual(['ask', 'status', 'reindex', 'gaps']);
  });

  it('nothing any process printed, in the whole run, contains the Discord token or the API key', () => {
    const text = transcript.text();
    expect(text).toContain('Archivista is online');
    expect(text).not.toContain(fake.token);
    expect(text).not.toContain(API_KEY);
    // Nor a recognisable part of them (e.g. a token cut at a dot).
    for (const part of [...fake.token.split('.'), API_KEY.slice(8)]) expect(text).not.toContain(part);
  });
});
