/**
 * The load run (scripts/load) in small: questions sent at once through a fake Discord to the real
 * bot (in this process, with the real answer service, model and index). Completeness, not speed.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { classifyCalls } from '../../scripts/load/classify.js';
import { loadFailed } from '../../scripts/load/report.js';
import { runLoad, type LoadOptions } from '../../scripts/load/run-load.js';
import { prepareLoadWorkspace, type LoadWorkspace } from '../../scripts/load/workspace.js';
import { SHARED_MODELS } from '../helpers/build-setup.js';
import type { RecordedCall } from '../helpers/fake-discord.js';
import { runNode, Transcript } from '../helpers/main-process.js';

const modelsDir = mkdtempSync(path.join(tmpdir(), 'archivista-models-'));
// An offline machine: the configured model is not in the empty MODELS_DIR, the on-disk one serves.
const offlineEnv = {
  MODELS_DIR: modelsDir,
  EMBEDDING_FALLBACK_DIR: SHARED_MODELS,
  HUB_TIMEOUT_MS: '500',
  QUERY_TRANSLATION: 'off',
  LOG_LEVEL: 'silent',
};
let workspace: LoadWorkspace;

beforeAll(async () => {
  workspace = await prepareLoadWorkspace(loadConfig(offlineEnv), () => undefined);
});
afterAll(() => {
  workspace.cleanup();
  rmSync(modelsDir, { recursive: true, force: true });
});

const run = (options: Partial<LoadOptions> & Pick<LoadOptions, 'n'>) =>
  runLoad({
    concurrency: 2,
    queueLimit: 100,
    timeoutMs: 60_000,
    config: workspace.config,
    questions: workspace.questions,
    logger: pino({ level: 'silent' }),
    log: () => undefined,
    ...options,
  });

describe('load: questions at once through the fake Discord to the real bot', () => {
  it('10 at once from 10 users: each gets exactly one answer citing its article; none lost, duplicated or left deferred; at most 2 answers run at once', async () => {
    const result = await run({ n: 10 });
    expect(result.samples).toEqual([]);
    expect(result).toMatchObject({
      sent: 10,
      answered: 10,
      lost: 0,
      duplicated: 0,
      busy: 0,
      rateLimited: 0,
      other: 0,
      boundRespected: true,
    });
    expect(result.peakRunning).toBe(2);
    expect(result.p50Ms).toBeGreaterThan(0);
    expect(result.p95Ms).toBeGreaterThanOrEqual(result.p50Ms ?? 0);
    expect(result.peakMemoryMb).toBeGreaterThan(0);
    expect(loadFailed(result)).toBe(false);
  });

  it('8 at once with 1 running and a queue of 2: the extra ones are told "busy" (not counted as answered), none lost', async () => {
    const result = await run({ n: 8, concurrency: 1, queueLimit: 2 });
    expect(result).toMatchObject({
      sent: 8,
      lost: 0,
      duplicated: 0,
      other: 0,
      rateLimited: 0,
      peakRunning: 1,
      boundRespected: true,
    });
    expect(result.answered).toBeGreaterThanOrEqual(3);
    expect(result.busy).toBeGreaterThanOrEqual(1);
    expect(result.answered + result.busy).toBe(8);
  });

  it('replies that come after the wait count as lost, and the run fails (the check can fail)', async () => {
    const result = await run({ n: 4, concurrency: 1, timeoutMs: 1 });
    expect(result.lost).toBeGreaterThan(0);
    expect(result.answered + result.lost).toBe(4);
    expect(loadFailed(result)).toBe(true);
  });
});

describe('how the load run counts one question (from the calls the bot made for it)', () => {
  const call = (method: string, path: string, body: unknown, at: number): RecordedCall => ({
    method,
    path,
    query: new URLSearchParams(),
    body,
    authorization: null,
    status: method === 'PATCH' ? 200 : 204,
    response: undefined,
    at,
  });
  const defer = call('POST', '/interactions/1/tok/callback', { type: 5, data: { flags: 0 } }, 1010);
  const answer = (at: number) =>
    call(
      'PATCH',
      '/webhooks/9/tok/messages/@original',
      { content: 'Risposta [1]\n\n**Fonti**\n[1] **Il ponte** — Chiara Belmonte' },
      at,
    );

  it('one edit citing the expected article is answered, timed from sending to the edit', () => {
    expect(classifyCalls([defer, answer(1500)], 1000, 'Il ponte')).toMatchObject({ outcome: 'answered', ms: 500 });
  });

  it('an answer citing another article is "other"; a second edit is "duplicated"; a deferral never edited is "lost"', () => {
    expect(classifyCalls([defer, answer(1500)], 1000, 'La funivia').outcome).toBe('other');
    expect(classifyCalls([defer, answer(1500), answer(1600)], 1000, 'Il ponte').outcome).toBe('duplicated');
    expect(classifyCalls([defer], 1000, 'Il ponte')).toMatchObject({ outcome: 'lost', ms: null });
  });

  it('the busy refusal (an immediate private reply) is "busy", not answered', () => {
    const busy = call(
      'POST',
      '/interactions/1/tok/callback',
      {
        type: 4,
        data: { content: 'In questo momento sto rispondendo a molte domande: riprova tra qualche minuto.', flags: 64 },
      },
      1005,
    );
    expect(classifyCalls([busy], 1000, 'Il ponte').outcome).toBe('busy');
  });
});

describe('npm run load (scripts/load.ts)', () => {
  const transcript = new Transcript();
  const env = {
    PATH: process.env.PATH ?? '/usr/bin:/bin',
    HOME: process.env.HOME ?? '/tmp',
    ...offlineEnv,
    OPENAI_API_KEY: '',
    DISCORD_TOKEN: '',
  };

  it('-n 3 --json: a readable report, then the JSON line last; exit 0', async () => {
    const { code, stdout, stderr } = await runNode('scripts/load.ts', ['-n', '3', '--json'], env, transcript);
    expect(stderr).toContain('load: sending 3 questions at once');
    expect(code).toBe(0);
    const lines = stdout.trim().split('\n');
    expect(lines[0]).toMatch(/^load: 3 questions at once → 3 answered/);
    const json = JSON.parse(lines.at(-1) ?? '') as Record<string, unknown>;
    expect(Object.keys(json).slice(0, 7)).toEqual([
      'sent',
      'answered',
      'lost',
      'duplicated',
      'p50Ms',
      'p95Ms',
      'peakMemoryMb',
    ]);
    expect(json).toMatchObject({ sent: 3, answered: 3, lost: 0, duplicated: 0 });
  });

  it('-n 0 is refused with the usage and exit 1', async () => {
    const { code, stderr } = await runNode('scripts/load.ts', ['-n', '0'], env, transcript);
    expect(code).toBe(1);
    expect(stderr).toContain('-n must be a whole number ≥ 1, got "0"');
    expect(stderr).toContain('usage: npm run load');
  });
});
