import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { describeSourceDates } from '../../src/answer/source-date.js';
import { buildMessages } from '../../src/answer/prompt.js';
import { hashArticle } from '../../src/corpus/hash-article.js';
import { parseRecord } from '../../src/corpus/parse-record.js';
import { formatAge, formatPublicationDate } from '../../src/time/index.js';

describe('dates in answers', () => {
  it('publication dates in the asker’s language, at the source’s precision', () => {
    expect(formatPublicationDate('2020-03-12', 'it')).toBe('12 marzo 2020');
    expect(formatPublicationDate('2020-03-12', 'en')).toBe('March 12, 2020');
    expect(formatPublicationDate('2020-03', 'it')).toBe('marzo 2020');
    expect(formatPublicationDate('2020-03', 'en')).toBe('March 2020');
    expect(formatPublicationDate('2024-02-29', 'it')).toBe('29 febbraio 2024');
    expect(formatPublicationDate('ieri', 'it')).toBe('ieri');
  });

  it('a relative hint against the clock, none for today or the future', () => {
    expect(formatAge('2020-03-12', '2023-06-01', 'it')).toBe('3 anni fa');
    expect(formatAge('2020-03-12', '2023-06-01', 'en')).toBe('3 years ago');
    expect(formatAge('2020-03-12', '2020-05-20', 'it')).toBe('2 mesi fa');
    expect(formatAge('2020-03-12', '2020-03-17', 'en')).toBe('5 days ago');
    expect(formatAge('2020-03-12', '2020-03-12', 'it')).toBeNull();
    expect(formatAge('2020-03-12', '2019-01-01', 'it')).toBeNull();
    expect(formatAge('2020-03', '2020-03-20', 'it')).toBeNull();
  });

  it('a source line shows publication date, age and update date', () => {
    expect(describeSourceDates({ date: '2020-03-12', updated: '2020-03-14' }, 'it', '2023-06-01')).toBe(
      '12 marzo 2020 (3 anni fa), aggiornato il 14 marzo 2020',
    );
    expect(describeSourceDates({ date: '2020-03-12', updated: '2020-03-14' }, 'en', '2023-06-01')).toBe(
      'March 12, 2020 (3 years ago), updated March 14, 2020',
    );
    expect(describeSourceDates({ date: '2020-03-12' }, 'en')).toBe('March 12, 2020');
    expect(describeSourceDates({ date: null, updated: null }, 'it', '2023-06-01')).toBeNull();
  });

  it('the LLM prompt carries today and asks to say how old the sources are', () => {
    const [system] = buildMessages({
      question: 'Il ponte è ancora chiuso?',
      language: 'it',
      sources: [],
      today: '2021-05-10',
    });
    expect(system?.content).toContain('Today is 2021-05-10');
    expect(system?.content).toMatch(/say how old the sources are/);
  });
});

describe('update dates in the corpus', () => {
  it('reads updated, modified, dateModified or date_modified', () => {
    for (const key of ['updated', 'modified', 'dateModified', 'date_modified']) {
      const draft = parseRecord({ date: '2021-04-30', [key]: '2021-05-02T10:00:00Z' }, 'Testo.', '');
      expect('error' in draft ? null : draft.updated).toBe('2021-05-02');
    }
    const none = parseRecord({ date: '2021-04-30' }, 'Testo.', '');
    expect('error' in none ? 'error' : none.updated).toBeNull();
  });

  it('an update date changes the hash (the newer version replaces the old), its absence keeps older hashes', () => {
    const fields = {
      title: 'T',
      titleDerived: false,
      date: '2021-04-30',
      author: null,
      url: null,
      lang: 'it' as const,
      tags: [],
      text: 'Testo.',
    };
    expect(hashArticle({ ...fields, updated: '2021-05-02' })).not.toBe(hashArticle({ ...fields, updated: null }));
    // The hash as it was before update dates were read: the same JSON without the field.
    const before = createHash('sha256').update(JSON.stringify(fields), 'utf8').digest('hex');
    expect(hashArticle({ ...fields, updated: null })).toBe(before);
  });
});
