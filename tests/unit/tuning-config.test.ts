import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildOptionsFrom, knobOverridesFrom } from '../../src/app/compose.js';
import { ConfigError, loadConfig } from '../../src/config.js';
import { DEFAULT_INDEX_TUNING, indexTuning } from '../../src/index/tuning.js';
import { knobsFor } from '../../src/retrieval/knobs.js';

describe('tuning: values in code, one expert override (TUNING_FILE)', () => {
  let dir: string;
  const write = (value: unknown) => {
    const file = path.join(dir, 'tuning.json');
    writeFileSync(file, typeof value === 'string' ? value : JSON.stringify(value));
    return file;
  };
  const issuesOf = (env: Record<string, string>): { key: string; message: string }[] => {
    try {
      loadConfig(env);
    } catch (error) {
      expect(error).toBeInstanceOf(ConfigError);
      return [...(error as ConfigError).issues];
    }
    throw new Error('expected a ConfigError');
  };
  beforeEach(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'archivista-tuning-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('without a tuning file, builds and searches use the values in code and the per-model knobs', () => {
    const config = loadConfig({});
    expect(config.TUNING_FILE).toBeNull();
    expect(indexTuning(config.TUNING)).toEqual(DEFAULT_INDEX_TUNING);
    const build = buildOptionsFrom(config, { trigger: 'test' });
    expect(build).toMatchObject({ chunkMaxTokens: null, overlapSentences: 1, hnsw: { m: 16, efConstruction: 200 } });
    expect(knobOverridesFrom(config)).toEqual({});
    expect(knobsFor('Xenova/all-MiniLM-L6-v2', knobOverridesFrom(config))).toEqual(knobsFor('Xenova/all-MiniLM-L6-v2'));
  });

  it('a tuning file overrides what it names and nothing else, in builds, search breadth and retrieval knobs', () => {
    const file = write({
      chunk: { maxTokens: 128 },
      hnsw: { efSearch: 400, m: 24 },
      retrieval: { minCoverage: 0.45, fusion: 'rrf' },
    });
    const config = loadConfig({ TUNING_FILE: file });
    expect(config.TUNING_FILE).toBe(file);
    expect(indexTuning(config.TUNING)).toEqual({
      chunkMaxTokens: 128,
      overlapSentences: 1,
      hnsw: { m: 24, efConstruction: 200 },
      efSearch: 400,
    });
    expect(buildOptionsFrom(config, { trigger: 'test' })).toMatchObject({ chunkMaxTokens: 128, hnsw: { m: 24 } });
    const knobs = knobsFor('Xenova/all-MiniLM-L6-v2', knobOverridesFrom(config));
    expect(knobs).toEqual({ ...knobsFor('Xenova/all-MiniLM-L6-v2'), minCoverage: 0.45, fusion: 'rrf' });
  });

  it('chunk.maxTokens null means "from the model", like no entry', () => {
    const config = loadConfig({ TUNING_FILE: write({ chunk: { maxTokens: null, overlapSentences: 2 } }) });
    expect(indexTuning(config.TUNING)).toMatchObject({ chunkMaxTokens: null, overlapSentences: 2 });
  });

  it('every retrieval knob can be overridden, and only retrieval knobs', () => {
    const all = knobsFor('Xenova/multilingual-e5-small');
    const config = loadConfig({ TUNING_FILE: write({ retrieval: all }) });
    expect(knobOverridesFrom(config)).toEqual(all);
    const [issue] = issuesOf({ TUNING_FILE: write({ retrieval: { denseWeigth: 0.4 } }) });
    expect(issue?.key).toBe('TUNING_FILE');
    expect(issue?.message).toMatch(/retrieval: Unrecognized key: "denseWeigth"/);
  });

  it('names the file and each bad entry: out of range, wrong type, unknown section, not JSON, missing file', () => {
    const bad = issuesOf({ TUNING_FILE: write({ hnsw: { m: 1, efSearch: 'wide' }, retrieval: { k: 0 } }) });
    expect(bad).toHaveLength(1);
    expect(bad[0]?.key).toBe('TUNING_FILE');
    expect(bad[0]?.message).toContain(path.join(dir, 'tuning.json'));
    expect(bad[0]?.message).toMatch(/hnsw\.m: .*4/);
    expect(bad[0]?.message).toMatch(/hnsw\.efSearch: .*number/);
    expect(bad[0]?.message).toMatch(/retrieval\.k: /);
    expect(issuesOf({ TUNING_FILE: write({ search: {} }) })[0]?.message).toMatch(/Unrecognized key: "search"/);
    expect(issuesOf({ TUNING_FILE: write('{"hnsw": ') })[0]?.message).toMatch(/cannot read .*tuning\.json/);
    expect(issuesOf({ TUNING_FILE: path.join(dir, 'none.json') })[0]?.message).toMatch(/cannot read .*ENOENT/);
  });

  it('a bad tuning file is named beside the other bad keys of the same start', () => {
    const issues = issuesOf({ RATE_LIMIT_PER_MINUTE: 'lots', TUNING_FILE: write({ hnsw: { m: 1 } }) });
    expect(issues.map((i) => i.key)).toEqual(['RATE_LIMIT_PER_MINUTE', 'TUNING_FILE']);
  });
});
