import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { isCi, loadConfig, projectRoot } from '../../src/config.js';
import { autostartApertium } from '../../src/app/apertium-autostart.js';
import { createApertiumTranslator } from '../../src/translate/apertium.js';
import { startApy } from '../../src/translate/apy-process.js';

const SCRIPT = path.join(projectRoot, 'scripts', 'apertium.sh');
const installed = spawnSync('bash', ['-c', 'command -v apertium-apy']).status === 0;
const ci = isCi();
const note = installed
  ? ''
  : ` — ${ci ? 'FAILS' : 'SKIPPED'}: apertium-apy is not on PATH (scripts/apertium.sh install)`;

const answers = async (url: string) =>
  createApertiumTranslator({ url, timeoutMs: 2000, maxInputChars: 200 }).available();

const exited = (pid: number) => {
  try {
    process.kill(pid, 0);
    return false;
  } catch {
    return true;
  }
};

describe.skipIf(!installed && !ci)(`APy started by the product itself${note}`, () => {
  it('startApy spawns APy on a free loopback port, translates, and stop() ends it', async () => {
    expect(installed).toBe(true);
    const started = await startApy({ script: SCRIPT, startTimeoutMs: 120_000 });
    if (!started.ok) throw new Error(`APy did not start: ${started.detail}`);
    const { apy } = started;
    try {
      expect(apy.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      const translator = createApertiumTranslator({ url: apy.url, timeoutMs: 10_000, maxInputChars: 200 });
      expect((await translator.translate('Dove si sono incontrati?', 'it', 'en'))?.toLowerCase()).toContain('where');
    } finally {
      apy.stop();
    }
    await expect.poll(() => exited(apy.pid), { timeout: 20_000 }).toBe(true);
    expect(await answers(apy.url)).toBe(false);
  }, 180_000);

  it('with APERTIUM_URL unset, autostartApertium points the config at its APy; with off it starts nothing', async () => {
    expect(installed).toBe(true);
    const off = await autostartApertium(loadConfig({ APERTIUM_URL: 'off' }), 'answers');
    expect(off.pid).toBeNull();
    expect(off.config.APERTIUM_URL).toBeNull();
    const started = await autostartApertium(loadConfig({}), 'answers');
    try {
      expect(started.pid).not.toBeNull();
      expect(started.config.APERTIUM_URL).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      expect(await answers(started.config.APERTIUM_URL ?? '')).toBe(true);
    } finally {
      started.stop();
    }
  }, 180_000);

  it('a process that started APy stops it when it exits', () => {
    expect(installed).toBe(true);
    const code = `
      import { autostartApertium } from './src/app/apertium-autostart.ts';
      import { loadConfig } from './src/config.ts';
      const a = await autostartApertium(loadConfig({}), 'answers');
      console.log(JSON.stringify({ pid: a.pid, url: a.config.APERTIUM_URL }));
    `;
    const run = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', code], {
      cwd: projectRoot,
      encoding: 'utf8',
      timeout: 150_000,
    });
    const { pid, url } = JSON.parse(run.stdout.trim().split('\n').pop() ?? '{}') as { pid: number; url: string };
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    // The child got SIGTERM on the parent's exit; give it a moment to go.
    const deadline = Date.now() + 20_000;
    while (!exited(pid) && Date.now() < deadline) spawnSync('sleep', ['0.2']);
    expect(exited(pid)).toBe(true);
  }, 180_000);
});
