/**
 * `npm run doctor` as a child process (scripts/doctor.ts, what the npm script runs): in a fresh
 * clone's situation (no .env, no index) and against a fake Discord, with each problem it can find.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deployCommands } from '../../src/discord/deploy.js';
import { APPLICATION_FLAGS, FakeDiscord } from '../helpers/fake-discord.js';
import { rssFeed, ITEMS } from '../fixtures/sources/feeds.js';
import { ROBOTS, urlset } from '../fixtures/sources/sitemaps.js';
import { closedPortUrl } from '../helpers/loopback.js';
import { makeBotWorkspace } from '../helpers/main-corpus.js';
import { SourceServer } from '../helpers/source-server.js';
import { botEnv, runNode, Transcript } from '../helpers/main-process.js';

interface DoctorJson {
  ok: boolean;
  problems: Array<{ code: string; key?: string; message: string; fatal: boolean }>;
}

const transcript = new Transcript();
const ws = makeBotWorkspace();
let fake: FakeDiscord;

async function doctor(env: Record<string, string>): Promise<{ code: number | null; stdout: string; json: DoctorJson }> {
  const run = await runNode('scripts/doctor.ts', ['--json'], env, transcript);
  const last = run.stdout.trim().split('\n').at(-1) ?? '';
  return { code: run.code, stdout: run.stdout, json: JSON.parse(last) as DoctorJson };
}
const codes = (json: DoctorJson) => json.problems.map((p) => p.code);

beforeAll(async () => {
  fake = await FakeDiscord.start({ commands: 'none' });
  const build = await runNode('scripts/index.ts', [], botEnv({ fake, ...ws }), transcript);
  expect(build.code, build.stderr).toBe(0);
});
afterAll(async () => {
  await fake.close();
  ws.cleanup();
});

describe('npm run doctor -- --json', () => {
  it('in a fresh clone (no .env, no data folder): names DISCORD_TOKEN and the missing index, exits 1', async () => {
    const empty = mkdtempSync(path.join(tmpdir(), 'archivista-doctor-'));
    try {
      const env = { ...botEnv({ fake, ...ws }), DISCORD_TOKEN: '', DATA_DIR: path.join(empty, 'data') };
      const { code, stdout, json } = await doctor(env);
      expect(code).toBe(1);
      expect(json.ok).toBe(false);
      expect(json.problems).toContainEqual(
        expect.objectContaining({ code: 'token-missing', key: 'DISCORD_TOKEN', fatal: true }),
      );
      expect(json.problems).toContainEqual(
        expect.objectContaining({ code: 'index-missing', key: 'DATA_DIR', fatal: true }),
      );
      expect(stdout).toContain('✗ Discord token: DISCORD_TOKEN is not set');
      expect(stdout).toContain('npm run index');
      // The model still loads (the on-disk fallback): nothing else is wrong.
      expect(codes(json)).toEqual(['token-missing', 'index-missing']);
    } finally {
      rmSync(empty, { recursive: true, force: true });
    }
  });

  it('a configured bot whose commands are not deployed: a warning, not a failure (mentions still work), exit 0', async () => {
    const { code, stdout, json } = await doctor(botEnv({ fake, ...ws }));
    expect(json.problems).toEqual([
      expect.objectContaining({
        code: 'commands-not-deployed',
        fatal: false,
        message: expect.stringContaining('/ask') as unknown,
      }),
    ]);
    expect(json.ok).toBe(true);
    expect(code).toBe(0);
    expect(stdout).toMatch(/✓ index: generation \S+: 3 articles/);
    expect(stdout).toContain('✓ Discord login');
    expect(stdout).toContain('✓ Message Content intent: on');
  });

  it('once the commands are deployed and everything answers: no problem at all', async () => {
    await deployCommands({
      token: fake.token,
      clientId: fake.applicationId,
      guildId: null,
      apiUrl: fake.apiUrl,
      settings: { maxQuestionChars: 1000 },
    });
    const { code, json } = await doctor(botEnv({ fake, ...ws }));
    expect(json).toEqual({ ok: true, problems: [] });
    expect(code).toBe(0);
  });

  it('a sources file: invalid, then with an unreadable folder and unreachable sources: each named with its key, exit 0 (the index still answers)', async () => {
    const server = await new SourceServer().start();
    const file = path.join(ws.root, 'sources.json');
    try {
      writeFileSync(file, JSON.stringify({ sources: [{ type: 'feed', url: 'not a url' }] }));
      const invalid = await doctor({ ...botEnv({ fake, ...ws }), SOURCES_FILE: file });
      expect(invalid.json.problems).toEqual([
        expect.objectContaining({ code: 'sources-invalid', key: 'SOURCES_FILE', fatal: false }),
      ]);
      expect(invalid.json.problems[0]?.message).toContain('sources.0.url: expected an http(s) URL');
      expect(invalid.code).toBe(0);

      server.routes.set('/feed', {
        body: rssFeed(server.base, ITEMS),
        headers: { 'content-type': 'application/rss+xml' },
      });
      server.routes.set('/broken?token=s3cret', { status: 500, body: 'oops' });
      server.routes.set('/robots.txt', { body: ROBOTS, headers: { 'content-type': 'text/plain' } });
      const xml = { 'content-type': 'application/xml' };
      server.routes.set('/sitemap.xml', { body: urlset([{ loc: server.url('/news/a') }]), headers: xml });
      server.routes.set('/privato/sitemap.xml', { body: urlset([]), headers: xml });
      const closed = await closedPortUrl();
      const sources = [
        { type: 'folder', path: ws.corpusDir },
        { type: 'folder', id: 'exports', path: path.join(ws.root, 'no-such-folder') },
        { type: 'feed', id: 'cronaca', url: server.url('/feed') },
        { type: 'feed', url: server.url('/broken?token=s3cret') },
        { type: 'wordpress', id: 'sito', url: closed },
        { type: 'sitemap', id: 'mappa', url: server.url('/sitemap.xml') },
        { type: 'sitemap', id: 'privata', url: server.url('/privato/sitemap.xml') },
      ];
      writeFileSync(file, JSON.stringify({ sources, fetch: { timeoutMs: 2000, delayMs: 0 } }));
      const run = await doctor({ ...botEnv({ fake, ...ws }), SOURCES_FILE: file });
      expect(run.json.problems.map((p) => [p.code, p.key, p.fatal])).toEqual([
        ['source-folder-unreadable', 'sources.1.path', false],
        ['source-unreachable', 'sources.3.url', false],
        ['source-unreachable', 'sources.4.url', false],
        ['source-disallowed', 'sources.6.url', false],
      ]);
      const [, broken, site] = run.json.problems;
      expect(broken?.message).toContain('does not answer: http-500');
      expect(site?.message).toContain('Source sito');
      expect(site?.message).toContain('does not answer: network');
      expect(run.stdout).toContain(`✓ source cronaca: ${server.url('/feed')} answers`);
      expect(run.stdout).toContain(`✓ source mappa: ${server.url('/sitemap.xml')} answers`);
      expect(run.json.problems[3]?.message).toContain('may not be crawled: robots-disallowed');
      // robots.txt was read, and the page it disallows was never requested.
      expect(server.paths()).toContain('/robots.txt');
      expect(server.paths()).not.toContain('/privato/sitemap.xml');
      expect(run.stdout).toContain('✓ sources file:');
      expect(run.stdout).not.toContain('s3cret');
      expect(run.code).toBe(0);
      expect(run.json.ok).toBe(true);
      // Offline, the folder is still checked and no source is contacted.
      const before = server.requests.length;
      const offline = await runNode(
        'scripts/doctor.ts',
        ['--json', '--offline'],
        { ...botEnv({ fake, ...ws }), SOURCES_FILE: file },
        transcript,
      );
      expect(offline.stdout).toContain('source-folder-unreadable');
      expect(offline.stdout).not.toContain('source-unreachable');
      expect(server.requests.length).toBe(before);
    } finally {
      rmSync(file, { force: true });
      await server.stop();
    }
  }, 90_000);

  it('a rejected token, a malformed one, a mismatched client id, an intent switched off, a dead APy and LLM', async () => {
    fake.applicationFlags = APPLICATION_FLAGS.none;
    try {
      const off = await doctor({
        ...botEnv({ fake, ...ws }),
        DISCORD_CLIENT_ID: '123456789012345678',
        APERTIUM_URL: 'http://127.0.0.1:9',
        QUERY_TRANSLATION: 'auto',
        OPENAI_API_KEY: 'sk-test-doctor',
        OPENAI_BASE_URL: 'http://127.0.0.1:9/v1',
      });
      expect(codes(off.json).sort()).toEqual(
        ['apertium-unreachable', 'client-id-mismatch', 'intent-message-content-off', 'llm-unreachable'].sort(),
      );
      expect(off.json.problems.find((p) => p.code === 'client-id-mismatch')?.message).toContain(fake.applicationId);
      expect(off.code).toBe(0);
      expect(off.stdout).not.toContain('sk-test-doctor');
    } finally {
      fake.applicationFlags = APPLICATION_FLAGS.messageContentLimited;
    }
    const forged = `${fake.token.split('.').slice(0, 2).join('.')}.not-the-right-hmac-0123456789`;
    const rejected = await doctor({ ...botEnv({ fake, ...ws }), DISCORD_TOKEN: forged });
    expect(rejected.json.problems).toEqual([
      expect.objectContaining({ code: 'token-rejected', key: 'DISCORD_TOKEN', fatal: true }),
    ]);
    expect(rejected.code).toBe(1);
    const malformed = await doctor({ ...botEnv({ fake, ...ws }), DISCORD_TOKEN: 'not a token' });
    expect(codes(malformed.json)).toEqual(['token-malformed']);
    expect(malformed.code).toBe(1);
  }, 90_000);

  it('a broken configuration names each bad key', async () => {
    const tuning = path.join(ws.root, 'bad-tuning.json');
    writeFileSync(tuning, JSON.stringify({ hnsw: { m: 1 } }));
    const { code, json } = await doctor({
      ...botEnv({ fake, ...ws }),
      RATE_LIMIT_PER_MINUTE: 'lots',
      TUNING_FILE: tuning,
    });
    expect(code).toBe(1);
    expect(json.problems.map((p) => [p.code, p.key])).toEqual([
      ['config-invalid', 'RATE_LIMIT_PER_MINUTE'],
      ['config-invalid', 'TUNING_FILE'],
    ]);
    expect(json.problems[1]?.message).toContain('hnsw.m');
  });
});
