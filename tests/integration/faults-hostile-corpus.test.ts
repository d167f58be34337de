import { execFileSync } from 'node:child_process';
import {
  closeSync,
  mkdirSync,
  mkdtempSync,
  openSync,
  rmSync,
  symlinkSync,
  writeFileSync,
  ftruncateSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Embedder } from '../../src/embedding/embedder.js';
import { loadEmbedder } from '../../src/embedding/load-embedder.js';
import { buildIndex } from '../../src/index/build-index.js';
import type { BuildReport } from '../../src/index/build-report.js';
import { dataLayout, readCurrent } from '../../src/index/layout.js';
import { LiveIndex } from '../../src/index/live-index.js';
import { REAL_SPEC, realBuildOptions } from '../helpers/build-setup.js';
import { fictionalArticle, townName } from '../helpers/fault-corpus.js';
import { inspectFreshLive, readLivePassages, topArticle } from '../helpers/fault-inspect.js';

const GOOD: Record<string, string> = {
  'good-1.md': fictionalArticle(0).text,
  'sub/good-2.txt': fictionalArticle(1).text.split('---\n')[2] ?? '',
  'good-3.json': JSON.stringify({
    id: 'custom-7',
    title: `${townName(2)}, la festa`,
    date: '2025-04-02',
    text: fictionalArticle(2).text.split('---\n')[2],
  }),
  'bulk.jsonl': [
    JSON.stringify({ title: `${townName(3)} in festa`, text: fictionalArticle(3).text.split('---\n')[2] }),
    '{"title": "riga spezzata", "text": ',
    JSON.stringify({ title: `${townName(4)} in festa`, text: fictionalArticle(4).text.split('---\n')[2] }),
  ].join('\n'),
};
const GOOD_IDS = ['bulk.jsonl#1', 'bulk.jsonl#3', 'custom-7', 'good-1.md', 'sub/good-2.txt'];

/** Every kind of bad input the corpus reader must survive, each with the reason the report must give. */
const BAD_REASONS: Record<string, RegExp> = {
  'latin1.md': /^latin1\.md: invalid UTF-8$/,
  'huge.jsonl': /^huge\.jsonl: larger than maxFileBytes \(209715200 > 5000000 bytes\)$/,
  'sub/loop': /^sub\/loop: symbolic link loop \(back to \.\)$/,
  'bulk.jsonl#2': /^bulk\.jsonl#2: line 2 is not valid JSON: /,
  'bin.txt': /^bin\.txt: binary file \(contains NUL bytes\)$/,
  'empty.txt': /^empty\.txt: empty file$/,
  'bad.json': /^bad\.json: malformed JSON: /,
  'broken.txt': /^broken\.txt: broken symbolic link$/,
  'pipe.txt': /^pipe\.txt: not a regular file$/,
};

function writeFiles(dir: string, files: Record<string, string | Uint8Array>): void {
  for (const [name, content] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    writeFileSync(path.join(dir, name), content);
  }
}

/** The good articles plus every hostile input at once. */
function writeHostileCorpus(dir: string): void {
  writeFiles(dir, {
    ...GOOD,
    'latin1.md': new Uint8Array([0x50, 0x65, 0x72, 0x63, 0x68, 0xe9, 0x20, 0x6e, 0x6f, 0x3f]),
    'bin.txt': new Uint8Array([0x54, 0x65, 0x73, 0x74, 0x00, 0x6f]),
    'empty.txt': '',
    'bad.json': '[{"text": "a"}',
  });
  // 200 MB, sparse: skipped from its size, never read.
  const fd = openSync(path.join(dir, 'huge.jsonl'), 'w');
  ftruncateSync(fd, 200 * 1024 * 1024);
  closeSync(fd);
  symlinkSync('..', path.join(dir, 'sub', 'loop'));
  symlinkSync(path.join(dir, 'missing.txt'), path.join(dir, 'broken.txt'));
  execFileSync('mkfifo', [path.join(dir, 'pipe.txt')]);
}

describe('buildIndex over a hostile corpus: good articles indexed exactly as alone, every bad input skipped with its reason', () => {
  const root = mkdtempSync(path.join(tmpdir(), 'archivista-hostile-'));
  const hostile = { corpus: path.join(root, 'hostile'), data: path.join(root, 'hostile-data') };
  const clean = { corpus: path.join(root, 'clean'), data: path.join(root, 'clean-data') };
  let embedder: Embedder;
  let report: BuildReport;

  beforeAll(async () => {
    embedder = await loadEmbedder(REAL_SPEC);
    writeHostileCorpus(hostile.corpus);
    writeFiles(clean.corpus, {
      ...GOOD,
      'bulk.jsonl':
        GOOD['bulk.jsonl']
          ?.split('\n')
          .map((line, i) => (i === 1 ? '' : line))
          .join('\n') ?? '',
    });
    report = await buildIndex(realBuildOptions(hostile.corpus, hostile.data));
  });
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it('the build succeeds and the report lists each bad input with its reason, and nothing else', () => {
    expect(report.outcome, report.error ?? '').toBe('success');
    expect(report.articles).toMatchObject({
      seen: GOOD_IDS.length + Object.keys(BAD_REASONS).length,
      added: GOOD_IDS.length,
      skipped: Object.keys(BAD_REASONS).length,
    });
    const reasons = Object.fromEntries(report.skipped.map((s) => [s.path, s.reason]));
    expect(Object.keys(reasons).sort()).toEqual(Object.keys(BAD_REASONS).sort());
    for (const [file, reason] of Object.entries(BAD_REASONS)) expect(reasons[file], file).toMatch(reason);
  });

  it('the live generation holds exactly the good articles, with the same passages as a corpus of only them', async () => {
    const built = inspectFreshLive(hostile.data);
    expect(Object.keys(built.snapshot?.articles ?? {}).sort()).toEqual(GOOD_IDS);
    const alone = await buildIndex(realBuildOptions(clean.corpus, clean.data));
    expect(alone.outcome).toBe('success');
    expect(alone.skipped).toEqual([]);
    expect(inspectFreshLive(clean.data).snapshot?.articles).toEqual(built.snapshot?.articles);
    expect(readLivePassages(hostile.data)).toEqual(readLivePassages(clean.data));
    expect(alone.chunks.total).toBe(report.chunks.total);
  });

  it('search finds a good article; a rebuild over the same hostile corpus changes nothing', async () => {
    const live = new LiveIndex(hostile.data, { efSearch: 100 });
    expect(await topArticle(live, embedder, `Quanto è costato il cantiere di ${townName(4)}?`)).toBe('bulk.jsonl#3');
    expect(await topArticle(live, embedder, `Quanto è costato il cantiere di ${townName(2)}?`)).toBe('custom-7');
    live.close();
    const before = readCurrent(dataLayout(hostile.data));
    const again = await buildIndex(realBuildOptions(hostile.corpus, hostile.data));
    expect(again.outcome).toBe('success');
    expect(again.chunks.embedded).toBe(0);
    expect(again.articles).toMatchObject({ unchanged: GOOD_IDS.length, skipped: Object.keys(BAD_REASONS).length });
    expect(readCurrent(dataLayout(hostile.data))).toBe(before);
  });
});
