import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { FEATURE_NAMES } from '../../src/answer/sentence-features.js';
import { loadScorerWeights } from '../../src/answer/sentence-scorer.js';
import type { SetScores } from '../../src/eval/fit-answer.js';

const projectRoot = fileURLToPath(new URL('../..', import.meta.url));

describe('npm run fit on a slice of squad-it-train (real model; through APy when APERTIUM_URL answers)', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'archivista-fit-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('fits weights on 40 train questions, chooses on 20 dev ones, and writes weights with their numbers', async () => {
    const out = path.join(dir, 'weights.json');
    const args = ['--import', 'tsx', 'scripts/fit-answer.ts', '--articles', '2', '--max-train', '40'];
    await promisify(execFile)(process.execPath, [...args, '--max-dev', '20', '--lang', 'it', '--out', out], {
      cwd: projectRoot,
      env: { ...process.env, LOG_LEVEL: 'silent', DATA_DIR: path.join(dir, 'unused') },
      maxBuffer: 16 * 1024 * 1024,
    });
    const weights = loadScorerWeights(out);
    expect(weights.features).toEqual([...FEATURE_NAMES]);
    expect(weights.weights.every(Number.isFinite)).toBe(true);
    expect(weights.weights.some((w) => w !== 0)).toBe(true);
    expect(weights.recipe).toMatch(/^npm run fit -- --articles 2 /);
    expect(weights.fittedOn).toMatch(/squad-it-train\.json$/);
    const results = weights.results as Record<string, Record<string, SetScores>>;
    const train = results.train?.it;
    const dev = results.dev?.it;
    expect(train?.questions).toBe(40);
    expect(dev?.questions).toBe(20);
    for (const s of [train, dev]) {
      expect(s?.top1).toBeLessThanOrEqual(s?.answer ?? 0);
      expect(s?.answer).toBeLessThanOrEqual(s?.reachable ?? 0);
      expect(s?.meanQuotedChars).toBeGreaterThan(0);
    }
    // The fitted scorer must rank its own training questions at least as well as term overlap alone.
    expect(train?.top1).toBeGreaterThanOrEqual(results.trainOverlapOnlyBaseline?.it?.top1 ?? 1);
  }, 600_000);

  it('keeps what retrieval gave each question in --retrieval-cache, refits from it to the same weights, and drops a cache written under other settings', async () => {
    const cache = path.join(dir, 'retrieved.jsonl');
    const fit = async (out: string) => {
      const args = [
        '--import',
        'tsx',
        'scripts/fit-answer.ts',
        '--articles',
        '1',
        '--max-train',
        '12',
        '--max-dev',
        '6',
      ];
      const { stderr } = await promisify(execFile)(
        process.execPath,
        [...args, '--lang', 'it', '--out', out, '--cache', path.join(dir, 'index'), '--retrieval-cache', cache],
        {
          cwd: projectRoot,
          env: { ...process.env, LOG_LEVEL: 'silent', DATA_DIR: path.join(dir, 'unused') },
          maxBuffer: 16 * 1024 * 1024,
        },
      );
      return { weights: loadScorerWeights(out).weights, stderr };
    };
    const first = await fit(path.join(dir, 'w1.json'));
    expect(first.stderr).toContain('(0 retrievals cached)');
    const lines = readFileSync(cache, 'utf8').trim().split('\n');
    expect(lines).toHaveLength(1 + 12 + 6);
    const second = await fit(path.join(dir, 'w2.json'));
    expect(second.stderr).toContain('(18 retrievals cached)');
    expect(second.weights).toEqual(first.weights);
    writeFileSync(cache, ['{"model":"another"}', ...lines.slice(1)].join('\n'));
    const third = await fit(path.join(dir, 'w3.json'));
    expect(third.stderr).toContain('(0 retrievals cached)');
    expect(readFileSync(cache, 'utf8').split('\n')[0]).toBe(lines[0]);
  }, 600_000);
});
