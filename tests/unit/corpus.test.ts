import { readFile } from 'node:fs/promises';
import { afterEach, describe, expect, it } from 'vitest';
import type { Article, CorpusReadResult } from '../../src/corpus/article.js';
import { readCorpus } from '../../src/corpus/read-corpus.js';
import type { Lang } from '../../src/text/lang.js';
import { detectLanguage } from '../../src/text/language.js';
import { makeCorpusDir, type TempCorpus } from '../fixtures/corpus/make-corpus-dir.js';

const SEED_DIR = new URL('../fixtures/corpus/seed/', import.meta.url).pathname;
const SEED_FILE = `${SEED_DIR}000_30c6f2a9dbb3d624.txt`;
const OPTIONS = { maxFileBytes: 1_000_000, detectLanguage: (text: string): Lang => detectLanguage(text) };

let corpus: TempCorpus | null = null;
afterEach(async () => {
  await corpus?.remove();
  corpus = null;
});

async function readFiles(files: Record<string, string | Uint8Array>, options = OPTIONS): Promise<CorpusReadResult> {
  corpus = await makeCorpusDir(files);
  return readCorpus(corpus.dir, options);
}

function byId(result: CorpusReadResult, id: string): Article {
  const article = result.articles.find((a) => a.id === id);
  if (!article) throw new Error(`no article ${id} in ${JSON.stringify(result.articles.map((a) => a.id))}`);
  return article;
}

describe('readCorpus: the seed .txt file', () => {
  it('reads date, byline and a derived title, and keeps the body exactly as written', async () => {
    const raw = await readFile(SEED_FILE, 'utf8');
    const result = await readCorpus(SEED_DIR, OPTIONS);
    expect(result.skipped).toEqual([]);
    expect(result.articles).toHaveLength(1);
    const article = byId(result, '000_30c6f2a9dbb3d624.txt');
    expect(article).toMatchObject({
      sourcePath: '000_30c6f2a9dbb3d624.txt',
      date: '2025-07',
      author: 'Luigi Medici',
      lang: 'it',
      titleDerived: true,
      url: null,
      tags: [],
    });
    expect(article.title.startsWith('Il Segretario di Stato americano Marco Rubio')).toBe(true);
    expect(article.title.endsWith('…')).toBe(true);
    expect(article.title.length).toBeLessThanOrEqual(91);
    expect(article.text.startsWith('Il Segretario di Stato')).toBe(true);
    expect(article.text.startsWith('date')).toBe(false);
    expect(article.text.endsWith('Luigi Medici')).toBe(false);
    expect(article.text.endsWith('in seguito”.')).toBe(true);
    // Not re-normalised: the body is one exact substring of the file, paragraphs included.
    expect(raw.includes(article.text)).toBe(true);
    expect(article.text).toContain('.\n\n“Ho ribadito');
    expect(article.hash).toMatch(/^[0-9a-f]{64}$/);
  });
});

describe('readCorpus: .txt variants', () => {
  it('date YYYY-MM-DD on its own line, BOM, CRLF byline with a particle', async () => {
    const result = await readFiles({
      'a.txt': '\uFEFF\ndate 2025-07-14\r\nPrima frase. Seconda frase.\r\n\r\nMaria de Filippi\r\n',
    });
    expect(byId(result, 'a.txt')).toMatchObject({
      date: '2025-07-14',
      author: 'Maria de Filippi',
      text: 'Prima frase. Seconda frase.',
      title: 'Prima frase.',
    });
  });

  it('no date, and a last line that is a sentence, is not a byline', async () => {
    const result = await readFiles({ 'a.txt': 'Il testo inizia qui.\n\nE finisce con Mario Rossi.' });
    expect(byId(result, 'a.txt')).toMatchObject({
      date: null,
      author: null,
      text: 'Il testo inizia qui.\n\nE finisce con Mario Rossi.',
    });
  });

  it('an impossible date (date 2025-13-40) is removed from the body and read as null', async () => {
    const result = await readFiles({ 'a.txt': 'date 2025-13-40 Testo.' });
    expect(byId(result, 'a.txt')).toMatchObject({ date: null, text: 'Testo.' });
  });

  it('a file that is only a name keeps it as text, not as a byline', async () => {
    const result = await readFiles({ 'a.txt': 'Luigi Medici\n' });
    expect(byId(result, 'a.txt')).toMatchObject({ author: null, text: 'Luigi Medici' });
  });

  it('a derived title of one short sentence is the sentence; a long one is cut at a word with "…"', async () => {
    const long = `${'parola '.repeat(30)}fine.`;
    const result = await readFiles({ 'a.txt': 'Breve titolo. Poi il resto.', 'b.txt': long });
    expect(byId(result, 'a.txt').title).toBe('Breve titolo.');
    const title = byId(result, 'b.txt').title;
    expect(title).toMatch(/^(parola )+parola…$/);
    expect(title.length).toBeLessThanOrEqual(91);
  });
});

describe('readCorpus: .md with front matter', () => {
  it('reads every field; a YAML date becomes YYYY-MM-DD; lang is case-insensitive', async () => {
    const md =
      '---\ntitle: Rubio e Lavrov\ndate: 2025-07-14\nauthor: Luigi Medici\nurl: https://example.org/a\nlang: EN\ntags: [esteri, russia]\n---\n\n  Body text here.  \n';
    const result = await readFiles({ 'a.md': md });
    expect(byId(result, 'a.md')).toMatchObject({
      title: 'Rubio e Lavrov',
      titleDerived: false,
      date: '2025-07-14',
      author: 'Luigi Medici',
      url: 'https://example.org/a',
      lang: 'en',
      tags: ['esteri', 'russia'],
      text: 'Body text here.',
    });
  });

  it('YYYY-MM dates stay months; impossible dates (2025-13-40, 2025-02-30) and other values become null', async () => {
    const result = await readFiles({
      'a.md': '---\ndate: 2025-07\n---\nTesto.',
      'b.md': '---\ndate: 2025-13-40\n---\nTesto.',
      'c.md': '---\ndate: ieri\n---\nTesto.',
      'd.md': '---\ndate: 2025\n---\nTesto.',
      'e.md': '---\ndate: 2025-02-30 # typo\n---\nTesto.',
      'f.md': "---\ndate: '2025-07-14'\n---\nTesto.",
      'g.md': '---\ndate: 2025-07-14T22:30:00Z\n---\nTesto.',
    });
    expect(result.articles.map((a) => a.date)).toEqual(['2025-07', null, null, null, null, '2025-07-14', '2025-07-14']);
  });

  it('no front matter: whole file is the body and the title is derived', async () => {
    const result = await readFiles({ 'a.md': 'Solo testo, nessun metadato.\n' });
    expect(byId(result, 'a.md')).toMatchObject({
      title: 'Solo testo, nessun metadato.',
      titleDerived: true,
      date: null,
      text: 'Solo testo, nessun metadato.',
    });
  });

  it('an unknown lang is detected from the text', async () => {
    const calls: string[] = [];
    const options = { maxFileBytes: 1000, detectLanguage: (text: string): Lang => (calls.push(text), 'en') };
    const result = await readFiles(
      { 'a.md': '---\nlang: fr\n---\nBonjour.', 'b.md': '---\nlang: it\n---\nCiao.' },
      options,
    );
    expect(result.articles.map((a) => a.lang)).toEqual(['en', 'it']);
    expect(calls).toEqual(['Bonjour.']);
  });

  it('malformed, unclosed, non-mapping and JavaScript front matter are skipped with reasons (and never run)', async () => {
    const result = await readFiles({
      'bad-yaml.md': '---\ntitle: [unclosed\n---\nTesto.',
      'unclosed.md': '---\ntitle: x\nTesto senza chiusura.',
      'list.md': '---\n- a\n- b\n---\nTesto.',
      'js.md': "---js\n{ title: (globalThis.archivistaPwned = 1, 'x') }\n---\nTesto.",
      'wrong-type.md': '---\ntitle: 42\n---\nTesto.',
      'empty-body.md': '---\ntitle: Vuoto\n---\n   \n',
    });
    expect(result.articles).toEqual([]);
    expect((globalThis as Record<string, unknown>).archivistaPwned).toBeUndefined();
    const reasons = Object.fromEntries(result.skipped.map((s) => [s.path, s.reason]));
    expect(reasons['bad-yaml.md']).toMatch(/^bad-yaml\.md: malformed front matter/);
    expect(reasons['unclosed.md']).toBe('unclosed.md: malformed front matter: no closing ---');
    expect(reasons['list.md']).toMatch(/not a mapping/);
    expect(reasons['js.md']).toMatch(/only YAML or JSON front matter/);
    expect(reasons['wrong-type.md']).toBe('wrong-type.md: title must be a string');
    expect(reasons['empty-body.md']).toBe('empty-body.md: empty body');
  });
});

describe('readCorpus: .json and .jsonl', () => {
  it('a JSON array: #index ids, own ids (number → string), bad records skipped, the rest read', async () => {
    const records = [
      { title: 'Primo', text: 'Testo uno.', date: '2025-07-01', tags: ['a'] },
      { title: 'Senza testo' },
      { id: 42, text: 'Testo con id.', lang: 'it' },
      'non un oggetto',
      { text: 'Titolo sbagliato.', title: ['x'] },
      { text: '   ' },
      { text: 'Tag sbagliati.', tags: [{}] },
    ];
    const result = await readFiles({ 'bulk.json': JSON.stringify(records) });
    expect(result.articles.map((a) => a.id)).toEqual(['bulk.json#0', '42']);
    expect(byId(result, 'bulk.json#0')).toMatchObject({
      sourcePath: 'bulk.json',
      title: 'Primo',
      date: '2025-07-01',
      tags: ['a'],
      text: 'Testo uno.',
    });
    expect(byId(result, '42')).toMatchObject({ titleDerived: true, title: 'Testo con id.' });
    expect(result.skipped.map((s) => s.reason)).toEqual([
      'bulk.json#1: missing text',
      'bulk.json#3: not an object',
      'bulk.json#4: title must be a string',
      'bulk.json#5: empty text',
      'bulk.json#6: tags must be a list of strings',
    ]);
  });

  it('a JSON file with one object is one article with the path as id', async () => {
    const result = await readFiles({ 'one.json': JSON.stringify({ text: 'Uno.', author: 'Ada Rossi' }) });
    expect(byId(result, 'one.json')).toMatchObject({ author: 'Ada Rossi', text: 'Uno.' });
  });

  it('malformed JSON and a top-level string are skipped', async () => {
    const result = await readFiles({ 'bad.json': '{"text": "a",', 'str.json': '"solo una stringa"' });
    expect(result.articles).toEqual([]);
    expect(result.skipped.map((s) => s.reason)).toEqual([
      expect.stringMatching(/^bad\.json: malformed JSON: /),
      'str.json: expected an article object or an array of article objects',
    ]);
  });

  it('JSONL: 1-based line ids, blank lines ignored, a line that is not JSON skipped with its number', async () => {
    const lines = [
      JSON.stringify({ text: 'Riga uno.' }),
      '',
      '{not json',
      JSON.stringify({ text: 'Riga quattro.', id: 'r4' }),
      '   ',
      '[1,2]',
      JSON.stringify({ text: 'Riga sette.' }),
      '',
    ];
    const result = await readFiles({ 'feed.jsonl': lines.join('\r\n') });
    expect(result.articles.map((a) => a.id)).toEqual(['feed.jsonl#1', 'r4', 'feed.jsonl#7']);
    expect(result.skipped).toEqual([
      { path: 'feed.jsonl#3', reason: expect.stringMatching(/^feed\.jsonl#3: line 3 is not valid JSON/) as string },
      { path: 'feed.jsonl#6', reason: 'feed.jsonl#6: not an object' },
    ]);
  });
});

describe('readCorpus: ids, order and hashes', () => {
  it('a duplicate id anywhere in the corpus is skipped, naming where it was first', async () => {
    const result = await readFiles({
      'a.json': JSON.stringify([{ id: 'x', text: 'Primo.' }]),
      'b/c.jsonl': JSON.stringify({ id: 'x', text: 'Secondo.' }),
      'd.json': JSON.stringify({ id: 'a.json#1', text: 'Terzo.' }),
      'e.json': JSON.stringify([{ text: 'Quarto.' }, { text: 'Quinto.' }]),
      'f.json': JSON.stringify({ id: 'e.json#1', text: 'Sesto.' }),
    });
    expect(result.articles.map((a) => a.id)).toEqual(['x', 'a.json#1', 'e.json#0', 'e.json#1']);
    expect(result.skipped.map((s) => s.reason)).toEqual([
      'b/c.jsonl#1: duplicate id x (first in a.json#0)',
      'f.json: duplicate id e.json#1 (first in e.json#1)',
    ]);
  });

  it('ids are relative paths with / separators, in sorted order, the same on every read', async () => {
    const files = {
      'z.txt': 'Zeta.',
      'b/y.md': 'Ypsilon.',
      'a/deep/x.txt': 'Ics.',
      'a/w.json': '[{"text":"Doppia."}]',
    };
    const first = await readFiles(files);
    expect(first.articles.map((a) => a.id)).toEqual(['a/deep/x.txt', 'a/w.json#0', 'b/y.md', 'z.txt']);
    await corpus?.remove();
    const second = await readFiles(files);
    expect(second).toEqual(first);
  });

  it('the hash ignores field order in the source but changes with any indexed field', async () => {
    const result = await readFiles({
      'a.json': '{"title":"T","text":"Testo.","author":"Ada Rossi"}',
      'b.json': '{"author":"Ada Rossi","text":"Testo.","title":"T"}',
      'c.json': '{"title":"T","text":"Testo.","author":"Ada Russo"}',
      'd.json': '{"title":"T","text":"Testo.","author":"Ada Rossi","tags":["x"]}',
    });
    const [a, b, c, d] = result.articles.map((x) => x.hash);
    expect(a).toBe(b);
    expect(new Set([a, c, d]).size).toBe(3);
  });
});
