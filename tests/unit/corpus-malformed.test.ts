import { mkdir, open, symlink, writeFile, chmod } from 'node:fs/promises';
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { CorpusReadResult } from '../../src/corpus/article.js';
import { readCorpus } from '../../src/corpus/read-corpus.js';
import type { Lang } from '../../src/text/lang.js';
import { makeCorpusDir, type TempCorpus } from '../fixtures/corpus/make-corpus-dir.js';

const OPTIONS = { maxFileBytes: 10_000, detectLanguage: (): Lang => 'it' };
const GOOD = 'Un articolo valido.';

let corpus: TempCorpus | null = null;
afterEach(async () => {
  await corpus?.remove();
  corpus = null;
});

async function makeCorpus(files: Record<string, string | Uint8Array>): Promise<string> {
  corpus = await makeCorpusDir({ 'good.txt': GOOD, ...files });
  return corpus.dir;
}

function reasonsByPath(result: CorpusReadResult): Record<string, string> {
  return Object.fromEntries(result.skipped.map((s) => [s.path, s.reason]));
}

/** Every bad case is skipped with its reason and the good file is still read. */
function expectOnlyGoodRead(result: CorpusReadResult): void {
  expect(result.articles.map((a) => a.id)).toEqual(['good.txt']);
}

describe('readCorpus: bad files are skipped with a reason, never stopping the rest', () => {
  it('empty and whitespace-only files', async () => {
    const result = await readCorpus(
      await makeCorpus({ 'empty.txt': '', 'blank.md': ' \n\t\n', 'bom-only.json': '\uFEFF  ' }),
      OPTIONS,
    );
    expectOnlyGoodRead(result);
    expect(reasonsByPath(result)).toEqual({
      'empty.txt': 'empty.txt: empty file',
      'blank.md': 'blank.md: empty file',
      'bom-only.json': 'bom-only.json: empty file',
    });
  });

  it('a .txt whose only content is the date line has an empty body', async () => {
    const result = await readCorpus(await makeCorpus({ 'date-only.txt': ' date 2025-07 \n' }), OPTIONS);
    expectOnlyGoodRead(result);
    expect(reasonsByPath(result)).toEqual({ 'date-only.txt': 'date-only.txt: empty body' });
  });

  it('binary (NUL bytes) and invalid UTF-8', async () => {
    const binary = new Uint8Array([0x54, 0x65, 0x73, 0x74, 0x00, 0x6f]);
    const latin1 = new Uint8Array([0x50, 0x65, 0x72, 0x63, 0x68, 0xe9, 0x3f]);
    const result = await readCorpus(await makeCorpus({ 'bin.txt': binary, 'latin1.md': latin1 }), OPTIONS);
    expectOnlyGoodRead(result);
    expect(reasonsByPath(result)).toEqual({
      'bin.txt': 'bin.txt: binary file (contains NUL bytes)',
      'latin1.md': 'latin1.md: invalid UTF-8',
    });
  });

  it('larger than maxFileBytes: a 200 MB sparse file is skipped from its size, without reading it', async () => {
    const dir = await makeCorpus({ 'small-but-over.txt': 'x'.repeat(10_001) });
    const handle = await open(join(dir, 'huge.jsonl'), 'w');
    await handle.truncate(200 * 1024 * 1024);
    await handle.close();
    const rssBefore = process.memoryUsage().rss;
    const result = await readCorpus(dir, OPTIONS);
    expect(process.memoryUsage().rss - rssBefore).toBeLessThan(100 * 1024 * 1024);
    expectOnlyGoodRead(result);
    expect(reasonsByPath(result)).toEqual({
      'huge.jsonl': `huge.jsonl: larger than maxFileBytes (${200 * 1024 * 1024} > 10000 bytes)`,
      'small-but-over.txt': 'small-but-over.txt: larger than maxFileBytes (10001 > 10000 bytes)',
    });
  });

  it('a file of exactly maxFileBytes is read', async () => {
    const result = await readCorpus(await makeCorpus({ 'exact.txt': 'y'.repeat(10_000) }), OPTIONS);
    expect(result.articles.map((a) => a.id)).toEqual(['exact.txt', 'good.txt']);
  });

  it('bad JSON and bad JSONL lines', async () => {
    const result = await readCorpus(
      await makeCorpus({ 'bad.json': '[{"text": "a"}', 'bad.jsonl': '{"text": "ok"}\n{"text": \n' }),
      OPTIONS,
    );
    expect(result.articles.map((a) => a.id)).toEqual(['bad.jsonl#1', 'good.txt']);
    const reasons = reasonsByPath(result);
    expect(reasons['bad.json']).toMatch(/^bad\.json: malformed JSON: /);
    expect(reasons['bad.jsonl#2']).toMatch(/^bad\.jsonl#2: line 2 is not valid JSON: /);
  });

  it('a symlink loop is skipped with a reason and the walk ends', async () => {
    const dir = await makeCorpus({ 'sub/inner.txt': 'Dentro.' });
    await symlink('..', join(dir, 'sub', 'loop'));
    await symlink(dir, join(dir, 'sub', 'root-again'));
    const result = await readCorpus(dir, OPTIONS);
    expect(result.articles.map((a) => a.id)).toEqual(['good.txt', 'sub/inner.txt']);
    expect(reasonsByPath(result)).toEqual({
      'sub/loop': 'sub/loop: symbolic link loop (back to .)',
      'sub/root-again': 'sub/root-again: symbolic link loop (back to .)',
    });
  });

  it('a symlinked folder is read once; a second link to it is skipped; a symlinked file is read', async () => {
    const dir = await makeCorpus({ 'real/a.txt': 'Reale.' });
    await symlink(join(dir, 'real'), join(dir, 'alias'));
    await symlink(join(dir, 'good.txt'), join(dir, 'link.txt'));
    const result = await readCorpus(dir, OPTIONS);
    expect(result.articles.map((a) => a.id)).toEqual(['alias/a.txt', 'good.txt', 'link.txt']);
    expect(reasonsByPath(result)).toEqual({
      real: 'real: same folder as alias (reached through a symbolic link), already read',
    });
  });

  it('a broken symlink and a FIFO are skipped, not read (a FIFO would block)', async () => {
    const dir = await makeCorpus({});
    await symlink(join(dir, 'missing.txt'), join(dir, 'broken.txt'));
    execFileSync('mkfifo', [join(dir, 'pipe.txt')]);
    const result = await readCorpus(dir, OPTIONS);
    expectOnlyGoodRead(result);
    expect(reasonsByPath(result)).toEqual({
      'broken.txt': 'broken.txt: broken symbolic link',
      'pipe.txt': 'pipe.txt: not a regular file',
    });
  });

  it.skipIf(process.getuid?.() === 0)('an unreadable file (EACCES) is skipped', async () => {
    const dir = await makeCorpus({ 'secret.txt': 'Segreto.' });
    await chmod(join(dir, 'secret.txt'), 0o000);
    const result = await readCorpus(dir, OPTIONS);
    expectOnlyGoodRead(result);
    expect(reasonsByPath(result)).toEqual({ 'secret.txt': 'secret.txt: unreadable (EACCES)' });
  });

  it('unknown extensions and dotfiles are counted in ignored; hidden folders are not walked', async () => {
    const dir = await makeCorpus({
      'photo.jpg': 'x',
      README: 'x',
      '.DS_Store': 'x',
      '.hidden.txt': 'Nascosto.',
      'notes.TXT': 'Maiuscolo.',
      '.git/HEAD.txt': 'ref',
    });
    await mkdir(join(dir, 'empty-folder'));
    await writeFile(join(dir, 'doc.pdf'), '%PDF');
    const result = await readCorpus(dir, OPTIONS);
    expect(result.articles.map((a) => a.id)).toEqual(['good.txt', 'notes.TXT']);
    expect(result.ignored).toBe(5);
    expect(result.skipped).toEqual([]);
  });

  it('a corpus folder that does not exist is an error, not an empty corpus', async () => {
    await expect(readCorpus('/nonexistent/archivista-corpus', OPTIONS)).rejects.toThrow(/ENOENT/);
  });
});
