import { describe, expect, it } from 'vitest';
import { fuseChannels } from '../../src/retrieval/fuse.js';
import { groupByArticle } from '../../src/retrieval/group.js';
import { buildLexicalQuery, collectPairs, collectTerms } from '../../src/retrieval/lexical-query.js';
import { isInPeriod, parsePeriod } from '../../src/retrieval/period.js';
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
  author: null,
  url: null,
  lang: 'it',
  score,
});

describe('parsePeriod', () => {
  it.each([
    ['Cosa è successo a luglio 2025?', { from: '2025-07', to: '2025-07' }],
    ['What happened in July 2025?', { from: '2025-07', to: '2025-07' }],
    ['Che cosa ha detto Rubio nel 2025?', { from: '2025-01', to: '2025-12' }],
    ['Cosa è successo nel luglio del 2025?', { from: '2025-07', to: '2025-07' }],
  ])('%s', (question, period) => expect(parsePeriod(question)).toMatchObject(period));

  it('a bare number is not a period, and relative dates are out of scope', () => {
    expect(parsePeriod('Quanti voti ha preso con 2025 schede?')).toBeNull();
    expect(parsePeriod('Cosa è successo ieri?')).toBeNull();
  });

  it('compares article dates at their own precision; unknown dates are neither in nor out', () => {
    const july = { from: '2025-07', to: '2025-07', label: '2025-07' };
    expect(isInPeriod('2025-07', july)).toBe(true);
    expect(isInPeriod('2025-07-14', july)).toBe(true);
    expect(isInPeriod('2025-08-01', july)).toBe(false);
    expect(isInPeriod(null, july)).toBeNull();
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
