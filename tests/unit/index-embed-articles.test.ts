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
      (p, v) => void done.push([p.article.id, v.vectors.length]),
      (n) => counts.push(n),
    );
    expect(done).toEqual([
      ['a', 3],
      ['b', 0],
      ['c', 2],
    ]);
    // Each call embeds its passages, then their sentences (one each here).
    expect(embedder.calls.map((c) => c.count)).toEqual([2, 2, 1, 1, 2, 2]);
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
      // The sentences: the translated line of the first passage, the others as written.
      'it1 passaggio 0',
      'it1 passaggio 1',
      'it1 passaggio 2',
      'Titolo en1\nen1 passaggio 0',
      'en1 passaggio 0',
    ]);
    expect(out.untranslated).toBe(2);
  });

  it("stores each chunk's sentences with their offsets, translations and vectors; a translation whose lines do not match is redone per sentence", async () => {
    const fake = createFakeEmbedder();
    const translator = {
      engine: 'fake-mt',
      available: () => Promise.resolve(true),
      // Lines merged on the passage call (as when a translator drops a line break); one sentence at a time otherwise.
      translate: (text: string) =>
        Promise.resolve(text.includes('\n') ? `EN ${text.replace(/\n/g, ' ')}` : `EN ${text}`),
    };
    const a: Article = { ...article('x', 'it', true), text: 'Prima frase qui. Seconda frase là.' };
    const pending: PendingArticle[] = [
      { article: a, chunks: [{ index: 0, start: 0, end: a.text.length, text: a.text }] },
    ];
    const got: { start: number; end: number; translation: string | null; dims: number }[][] = [];
    await embedArticles(
      pending,
      fake,
      { language: 'en', translator },
      8,
      (_, v) =>
        void got.push(
          ...v.sentences.map((list) => list.map((s) => ({ ...s, vector: undefined, dims: s.vector.length }))),
        ),
      () => undefined,
    );
    expect(got).toEqual([
      [
        { start: 0, end: 16, translation: 'EN Prima frase qui.', vector: undefined, dims: fake.spec.dims },
        { start: 17, end: 34, translation: 'EN Seconda frase là.', vector: undefined, dims: fake.spec.dims },
      ],
    ]);
  });
});
