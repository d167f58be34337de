import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { mapFields } from '../../src/corpus/field-map.js';
import { readCorpus } from '../../src/corpus/read-corpus.js';
import { projectRoot } from '../../src/config.js';

const EXPORT_DIR = path.join(projectRoot, 'tests/fixtures/sources/export');
const options = { maxFileBytes: 1_000_000, detectLanguage: () => 'it' as const };

describe('field maps', () => {
  it('reads mapped names, keeps the usual ones, joins paragraph lists and author lists, reaches into objects', () => {
    const record = {
      body: ['  Primo paragrafo. ', '', 'Secondo paragrafo.'],
      published_at: '2025-07-14',
      title: 'Titolo',
      meta: { byline: [{ name: 'Anna Rossi' }, 'Marco Bianchi'] },
    };
    expect(mapFields(record, { text: 'body', date: 'published_at', author: 'meta.byline' })).toEqual({
      text: 'Primo paragrafo.\n\nSecondo paragrafo.',
      date: '2025-07-14',
      title: 'Titolo',
      author: 'Anna Rossi, Marco Bianchi',
    });
  });

  it('leaves values it cannot join for the record checks to reject', () => {
    expect(mapFields({ text: ['ok', 3] }, {})).toEqual({ text: ['ok', 3] });
  });
});

describe('a CMS export in JSON Lines (url, title, content as paragraphs, publish_date, tags)', () => {
  it('is rejected record by record without a map, as a new user first sees it', async () => {
    const result = await readCorpus(EXPORT_DIR, options);
    expect(result.articles).toEqual([]);
    expect(result.skipped.map((s) => s.reason)).toEqual([
      'fact-checks.jsonl#1: missing text',
      'fact-checks.jsonl#2: missing text',
      'fact-checks.jsonl#3: missing text',
    ]);
  });

  it('indexes through a map of two fields, with URLs as ids', async () => {
    const result = await readCorpus(EXPORT_DIR, {
      ...options,
      map: { text: 'content', date: 'publish_date' },
      idFrom: 'url',
    });
    expect(result.skipped).toEqual([]);
    expect(result.articles.map((a) => [a.id, a.date, a.tags])).toEqual([
      ['https://factcheck.example.it/2025/03/vaccino-microchip', '2025-03-14', ['salute', 'vaccini']],
      ['https://factcheck.example.it/2025/04/ponte-crollato', '2025-04-02', ['disinformazione']],
      ['https://factcheck.example.it/2025/05/bonus-bollette', '2025-05-20', ['economia', 'energia']],
    ]);
    const first = result.articles[0];
    expect(first?.title).toBe('No, i vaccini non contengono microchip');
    expect(first?.url).toBe('https://factcheck.example.it/2025/03/vaccino-microchip');
    expect(first?.text.split('\n\n')).toHaveLength(3);
    expect(first?.text).toMatch(/^Circola sui social .*tracciamento\.\n\nAbbiamo verificato/);
  });
});

describe('CSV and mapped front matter', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'archivista-map-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('reads a CSV export row by row, splitting tags; a row without text is skipped with its line', async () => {
    writeFileSync(
      path.join(dir, 'export.csv'),
      'link,headline,body,published_at,tags\n' +
        'https://ex.it/a,Primo,"Testo del primo.\n\nSecondo paragrafo.",2025-07-01,politica; esteri\n' +
        'https://ex.it/b,Secondo,,2025-07-02,\n',
    );
    const map = { url: 'link', title: 'headline', text: 'body', date: 'published_at' };
    const result = await readCorpus(dir, { ...options, map, idFrom: 'url' });
    expect(result.articles.map((a) => [a.id, a.title, a.date, a.tags, a.text])).toEqual([
      ['https://ex.it/a', 'Primo', '2025-07-01', ['politica', 'esteri'], 'Testo del primo.\n\nSecondo paragrafo.'],
    ]);
    expect(result.skipped.map((s) => s.reason)).toEqual(['export.csv#5: empty text']);
  });

  it('rejects a malformed CSV file with the reason', async () => {
    writeFileSync(path.join(dir, 'bad.csv'), 'title,text\n"unclosed,quote\n');
    const result = await readCorpus(dir, options);
    expect(result.skipped[0]?.reason).toMatch(/^bad\.csv: malformed CSV/);
  });

  it('maps front matter names, YAML dates included', async () => {
    writeFileSync(
      path.join(dir, 'a.md'),
      '---\nheadline: Titolo\npublished_at: 2025-07-14\nbyline: Anna Rossi\n---\nCorpo.',
    );
    const result = await readCorpus(dir, {
      ...options,
      map: { title: 'headline', date: 'published_at', author: 'byline' },
    });
    expect(result.articles[0]).toMatchObject({
      title: 'Titolo',
      date: '2025-07-14',
      author: 'Anna Rossi',
      text: 'Corpo.',
    });
  });
});
