import { describe, expect, it } from 'vitest';
import { fuseChannels } from '../../src/retrieval/fuse.js';
import { groupByArticle } from '../../src/retrieval/group.js';
import { buildLexicalQuery, collectPairs, collectTerms } from '../../src/retrieval/lexical-query.js';
import { orderNewestFirst, publishedWithin, recencyFactor } from '../../src/retrieval/time-rank.js';
import type { ScoredPassage } from '../../src/retrieval/types.js';
import { toFtsMatch } from '../../src/store/index-search.js';

const passage = (id: number, articleId: string, text: string, score: number): ScoredPassage => ({
  id,
  articleId,
  index: id,
  start: 0,
  end: text.length,
  text,
  title: articleId,
  titleDerived: false,
  date: null,
  updated: null,
  author: null,
  url: null,
  lang: 'it',
  score,
});

describe('time ranking', () => {
  it('compares article dates at their own precision; unknown dates are neither in nor out', () => {
    const july = { from: '2025-07-01', to: '2025-07-31' };
    expect(publishedWithin('2025-07', july)).toBe(true);
    expect(publishedWithin('2025-07-14', july)).toBe(true);
    expect(publishedWithin('2025-08-01', july)).toBe(false);
    expect(publishedWithin('2025-06', { from: '2025-06-20', to: null })).toBe(true);
    expect(publishedWithin('2019-12-31', { from: null, to: '2019-12-31' })).toBe(true);
    expect(publishedWithin(null, july)).toBeNull();
  });

  it('puts the relevant articles newest first and leaves the weak ones after, by score', () => {
    const group = (articleId: string, score: number, date: string | null) => ({
      articleId,
      score,
      passages: [{ ...passage(score * 100, articleId, articleId, score), date }],
    });
    const ordered = orderNewestFirst(
      [
        group('old-best', 1, '2020-01-10'),
        group('after-today', 0.95, '2021-02-01'),
        group('undated', 0.9, null),
        group('newer', 0.8, '2020-05-02'),
        group('newest-but-off-topic', 0.3, '2020-12-01'),
      ],
      0.6,
      '2021-01-01',
    );
    expect(ordered.map((g) => g.articleId)).toEqual([
      'newer',
      'old-best',
      'undated',
      'after-today',
      'newest-but-off-topic',
    ]);
  });

  it('recency prior: mild, halves over a year, ignores undated articles and the future', () => {
    expect(recencyFactor('2020-06-17', '2020-06-17', 0.02)).toBeCloseTo(1.02);
    expect(recencyFactor('2019-06-18', '2020-06-17', 0.02)).toBeCloseTo(1.01, 3);
    expect(recencyFactor('2021-01-01', '2020-06-17', 0.02)).toBeCloseTo(1.02);
    expect(recencyFactor(null, '2020-06-17', 0.02)).toBe(1);
    expect(recencyFactor('2020-06', '2020-06-17', 0)).toBe(1);
  });
});

describe('lexical query building', () => {
  it('neutralises FTS5 syntax: only quoted, analysed word tokens remain', () => {
    const hostile = 'Lavrov AND "Rubio" OR NOT NEAR(x y) stems: * ^ {prefixes}:foo (a) \u200b\u202e 🎉 \uD800';
    const query = buildLexicalQuery(collectTerms([{ text: hostile, lang: 'it' }]));
    if (query === null) throw new Error('no lexical query');
    const match = toFtsMatch(query);
    expect(match).not.toBeNull();
    const outside = (match ?? '').replace(/"[^"]*"/g, '');
    expect(outside).toMatch(/^[\s():{}A-Za-z]*$/);
    expect(outside.replace(/\b(stems|prefixes|pairs|title|OR)\b/g, '').replace(/[\s():{}]/g, '')).toBe('');
  });

  it('a question of stopwords and punctuation only gives no query', () => {
    expect(buildLexicalQuery(collectTerms([{ text: 'Che cosa è? ... !!!', lang: 'it' }]))).toBeNull();
  });

  it('pairs never span two query texts', () => {
    const pairs = collectPairs([
      { text: 'crisi petrolifera', lang: 'it' },
      { text: 'oil embargo', lang: 'en' },
    ]);
    expect(pairs).toHaveLength(2);
  });
});

describe('fuseChannels', () => {
  const lexical = [
    { id: 1, score: 10 },
    { id: 2, score: 5 },
  ];
  const similarities = new Map([
    [1, 0.2],
    [2, 0.9],
    [3, 0.5],
  ]);

  it('dense weight 0 keeps the lexical order; 1 keeps the dense order', () => {
    expect(
      fuseChannels(lexical, similarities, 0, 'score')
        .map((r) => r.id)
        .slice(0, 2),
    ).toEqual([1, 2]);
    expect(fuseChannels(lexical, similarities, 1, 'score').map((r) => r.id)).toEqual([2, 3, 1]);
  });

  it('rrf rewards candidates both channels rank', () => {
    const fused = fuseChannels(lexical, similarities, 0.5, 'rrf');
    expect(fused[0]?.id).toBe(2);
    expect(fused).toHaveLength(3);
  });
});

describe('groupByArticle', () => {
  it('groups by article, best first, caps passages per article and drops near-duplicates (also across articles)', () => {
    const text = 'Il traghetto elettrico collega Orsella alla terraferma in quaranta minuti';
    const groups = groupByArticle(
      [
        passage(1, 'a', text, 0.9),
        passage(2, 'b', `${text}.`, 0.8),
        passage(3, 'a', 'Il comune ha pagato quattro milioni', 0.7),
        passage(4, 'a', 'Altro testo sul porto', 0.6),
        passage(5, 'c', 'Notizie dal porto di Orsella', 0.5),
      ],
      5,
      2,
    );
    expect(groups.map((g) => g.articleId)).toEqual(['a', 'c']);
    expect(groups[0]?.passages.map((p) => p.id)).toEqual([1, 3]);
  });

  it('returns at most k articles', () => {
    const groups = groupByArticle(
      [passage(1, 'a', 'uno due', 1), passage(2, 'b', 'tre quattro', 0.9), passage(3, 'c', 'cinque sei', 0.8)],
      2,
      3,
    );
    expect(groups).toHaveLength(2);
  });
});
