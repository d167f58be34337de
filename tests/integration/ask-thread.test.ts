import { execFile } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { answerSchema, type Answer } from '../../src/answer/answer.js';
import { projectRoot } from '../../src/config.js';
import { buildIndex } from '../../src/index/build-index.js';
import { REAL_SPEC, SHARED_MODELS, makeWorkspace, realBuildOptions } from '../helpers/build-setup.js';

const run = promisify(execFile);

describe('npm run ask -- --thread NAME (a process per question, state.db in between)', () => {
  const ws = makeWorkspace();
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    EMBEDDING_MODEL: REAL_SPEC.id,
    EMBEDDING_FALLBACK_DIR: SHARED_MODELS,
    EMBEDDING_FALLBACK_MODEL: REAL_SPEC.id,
    MODELS_DIR: mkdtempSync(path.join(ws.root, 'models-')),
    HUB_TIMEOUT_MS: '500',
    OPENAI_API_KEY: '',
    QUERY_TRANSLATION: 'off',
    LOG_LEVEL: 'silent',
  };
  /** Asks in a new process, as a terminal user would; returns the --json answer. */
  const ask = async (question: string, thread: string | null): Promise<Answer> => {
    const args = ['--import', 'tsx', path.join(projectRoot, 'scripts', 'ask.ts'), '--json', '--data', ws.dataDir];
    if (thread !== null) args.push('--thread', thread);
    const { stdout } = await run(process.execPath, [...args, question], { cwd: projectRoot, env });
    const json =
      stdout
        .split('\n')
        .filter((line) => line.startsWith('{'))
        .at(-1) ?? '';
    return answerSchema.parse(JSON.parse(json));
  };

  beforeAll(async () => {
    const report = await buildIndex(realBuildOptions(ws.corpusDir, ws.dataDir));
    if (report.outcome !== 'success') throw new Error(report.error ?? 'build failed');
  });
  afterAll(() => ws.cleanup());

  it('continues the conversation NAME across processes, keeps NAMEs apart, and asks a new one for a subject', async () => {
    const opening = await ask('Che cosa ha proposto Lavrov a Rubio?', 'vertice');
    expect(opening.mode).toBe('extractive');

    const followUp = await ask('e quanto è durato il colloquio?', 'vertice');
    expect(followUp.mode).toBe('extractive');
    expect(followUp.followUp).toMatchObject({ via: 'offline' });
    expect(followUp.followUp?.standalone).toContain('Lavrov');
    expect(followUp.text).toContain('50 minuti');

    const fresh = await ask('e quando?', 'altro');
    expect(fresh).toMatchObject({ mode: 'no-answer', reason: 'needs-subject', language: 'it' });
    const alone = await ask('e quando?', null);
    expect(alone.reason).toBe('needs-subject');
  }, 120_000);
});
