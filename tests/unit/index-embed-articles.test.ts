import { describe, expect, it } from 'vitest';
import type { Article } from '../../src/corpus/article.js';
import { embedArticles, type PendingArticle } from '../../src/index/embed-articles.js';
import type { Lang } from '../../src/text/lang.js';
import { createFakeEmbedder } from '../helpers/fake-embedder.js';

const article = (id: string, lang: Lang, titleDerived = false): Article => ({
  id,
  sourcePath: `${id}.txt`,
  title: `Titolo ${id}`,
  titleDerived,
  date: null,
  updated: null,
  author: null,
  url: null,
  lang,
  tags: [],
  text: '',
  hash: id,
});
const pendingOf = (a: Article, n: number): PendingArticle => ({
  article: a,
  chunks: Array.from({ length: n }, (_, i) => ({
    index: i,
    start: i * 10,
    end: i * 10 + 9,
    text: `${a.id} passaggio ${i}`,
  })),
});

describe('embedArticles', () => {
  it('hands each article its vectors in order once done, articles without chunks included, in calls of at most `step`', async () => {
    const embedder = createFakeEmbedder();
    const done: [string, number][] = [];
    const counts: number[] = [];
    const pending = [
      pendingOf(article('a', 'it'), 3),
      pendingOf(article('b', 'it'), 0),
      pendingOf(article('c', 'it', true), 2),
    ];
    const out = await embedArticles(
      pending,
      embedder,
      null,
      2,
      (p, v) => void done.push([p.article.id, v.length]),
      (n) => counts.push(n),
    );
    expect(done).toEqual([
      ['a', 3],
      ['b', 0],
      ['c', 2],
    ]);
    expect(embedder.calls.map((c) => c.count)).toEqual([2, 1, 2]);
    expect(counts).toEqual([2, 1, 2]);
    expect(out.untranslated).toBe(0);
  });

  it('through a bridge translates only the other language, with the title line, and embeds a failed or throwing translation as written', async () => {
    const seen: string[] = [];
    const embedded: string[] = [];
    const fake = createFakeEmbedder();
    const embedder = {
      ...fake,
      embedPassages: (texts: string[]) => (embedded.push(...texts), fake.embedPassages(texts)),
    };
    const translator = {
      engine: 'fake-mt',
      available: () => Promise.resolve(true),
      translate: (text: string, from: Lang, to: Lang) => {
        seen.push(text);
        if (text.endsWith('passaggio 1')) return Promise.resolve(null);
        if (text.endsWith('passaggio 2')) return Promise.reject(new Error('boom'));
        return Promise.resolve(`${from}>${to} ${text}`);
      },
    };
    const pending = [pendingOf(article('it1', 'it'), 3), pendingOf(article('en1', 'en'), 1)];
    const out = await embedArticles(
      pending,
      embedder,
      { language: 'en', translator },
      32,
      () => undefined,
      () => undefined,
    );
    expect(seen).toEqual(['Titolo it1\nit1 passaggio 0', 'Titolo it1\nit1 passaggio 1', 'Titolo it1\nit1 passaggio 2']);
    expect(embedded).toEqual([
      'it>en Titolo it1\nit1 passaggio 0',
      'Titolo it1\nit1 passaggio 1',
      'Titolo it1\nit1 passaggio 2',
      'Titolo en1\nen1 passaggio 0',
    ]);
    expect(out.untranslated).toBe(2);
  });
});
