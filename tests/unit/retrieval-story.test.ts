import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/text/analyze.js';
import { cosine, offStoryArticles, stemCounts, storySimilarities, termVector } from '../../src/retrieval/story.js';
import { orderNewestFirst } from '../../src/retrieval/time-rank.js';
import type { ArticleGroup, ScoredPassage, TermStats } from '../../src/retrieval/types.js';

let nextId = 1;
const passage = (articleId: string, text: string, date: string, score: number): ScoredPassage => ({
  id: nextId++,
  articleId,
  index: 0,
  start: 0,
  end: text.length,
  text,
  title: articleId,
  titleDerived: false,
  date,
  updated: null,
  author: null,
  url: null,
  lang: 'it',
  score,
});
const group = (articleId: string, score: number, date: string, ...texts: string[]): ArticleGroup => ({
  articleId,
  score,
  passages: texts.map((text) => passage(articleId, text, date, score)),
});

// A fake index: term statistics counted over these passages (every report says "furto" and "ladri").
const CORPUS = [
  'Furto alla Scam di strada Bellaria: i ladri portano via agrofarmaci.',
  'Scam, il furto vale 400mila euro: i ladri avevano un basista.',
  'Furto in una villetta di Carpi, i ladri fuggono con i gioielli.',
  'Furto di una balestra a San Felice, i ladri la vendono online.',
  'Furto in un bar di Sassuolo, i ladri rompono la vetrina.',
  'Nevicata in collina, strade chiuse.',
];
/** Term statistics over CORPUS, recording which stems were asked for. */
function fakeTermStats(asked: string[][] = []): (stems: string[]) => Promise<TermStats> {
  const docs = CORPUS.map((text) => new Set(analyze(text, 'it').map((t) => t.stem)));
  return (stems) => {
    asked.push(stems);
    return Promise.resolve({ passages: docs.length, docs: stems.map((s) => docs.filter((d) => d.has(s)).length) });
  };
}

const knobs = { share: 0.4, threshold: 0.9, today: '2020-12-31' };
const stemOf = (word: string) => analyze(word, 'it')[0]?.stem ?? '';

describe('story similarity for "latest" questions', () => {
  it("a report of the same event (its names and objects) is closer to the best article than another theft's", async () => {
    const best = group('scam-2', 1, '2020-03-05', CORPUS[1] ?? '');
    const sameStory = group('scam-1', 0.8, '2020-03-04', CORPUS[0] ?? '');
    const otherTheft = group('balestra', 0.7, '2020-12-09', CORPUS[3] ?? '');
    const [self, same, other] = await storySimilarities(fakeTermStats(), [best, sameStory, otherTheft]);
    expect(self).toBe(1);
    expect(same).toBeGreaterThan(0.1);
    // "furto" and "ladri" occur in almost every report: they barely weigh.
    expect(other).toBeLessThan(0.05);
    expect(same).toBeGreaterThan(5 * (other ?? 0));
  });

  it('counts a passage once, gives unknown stems no weight and no groups no similarities', async () => {
    const text = 'Scam Scam agrofarmaci';
    const twice = group('a', 1, '2020-03-05', text);
    twice.passages.push(twice.passages[0] as ScoredPassage);
    expect(stemCounts(twice).get(analyze('Scam', 'it')[0]?.stem ?? '')).toBe(2);
    const idf = new Map([['scam', 2]]);
    const vector = termVector(
      new Map([
        ['scam', 1],
        ['mai-visto', 3],
      ]),
      idf,
    );
    expect(vector.get('scam')).toBeCloseTo(1);
    expect(vector.get('mai-visto')).toBe(0);
    expect(termVector(new Map([['mai-visto', 1]]), idf).size).toBe(0);
    expect(cosine(vector, new Map())).toBe(0);
    expect(await storySimilarities(fakeTermStats(), [])).toEqual([]);
  });

  it("latest puts the newest article of the best one's story first, not a newer report of another theft", async () => {
    const pool = [
      group('scam-2', 1, '2020-03-05', CORPUS[1] ?? ''),
      group('scam-1', 0.8, '2020-03-04', CORPUS[0] ?? ''),
      group('balestra', 0.6, '2020-12-09', CORPUS[3] ?? ''),
      group('bar', 0.3, '2020-12-20', CORPUS[4] ?? ''),
    ];
    const asked: string[][] = [];
    const offStory = await offStoryArticles(fakeTermStats(asked), pool, knobs);
    expect([...offStory]).toEqual(['balestra']);
    // Only the newer articles over the score share are compared with the best one: not the older
    // report of the same theft, not the weak bar theft.
    const looked = new Set(asked.flat());
    expect(looked.has(stemOf('Sassuolo'))).toBe(false);
    expect(looked.has(stemOf('Bellaria'))).toBe(false);
    expect(looked.has(stemOf('balestra'))).toBe(true);
    expect(orderNewestFirst(pool, 0.4, '2020-12-31', offStory).map((g) => g.articleId)).toEqual([
      'scam-2',
      'scam-1',
      'balestra',
      'bar',
    ]);
    // Without the story test the newer theft wins.
    expect(orderNewestFirst(pool, 0.4, '2020-12-31')[0]?.articleId).toBe('balestra');
    const none: string[][] = [];
    expect((await offStoryArticles(fakeTermStats(none), pool, { ...knobs, threshold: 0 })).size).toBe(0);
    expect(none).toEqual([]);
  });

  it('an article dated after today (a clock set in the past) neither anchors the story nor sets the bar', async () => {
    const pool = [
      group('future', 1, '2021-02-01', CORPUS[3] ?? ''),
      group('scam-2', 0.5, '2020-03-05', CORPUS[1] ?? ''),
      group('balestra', 0.35, '2020-12-09', CORPUS[3] ?? ''),
      group('scam-3', 0.3, '2020-03-10', 'Scam, il furto da 400mila euro: arrestato il basista.'),
    ];
    const offStory = await offStoryArticles(fakeTermStats(), pool, knobs);
    expect([...offStory]).toEqual(['balestra']);
    expect(orderNewestFirst(pool, 0.4, '2020-12-31', offStory).map((g) => g.articleId)).toEqual([
      'scam-3',
      'scam-2',
      'future',
      'balestra',
    ]);
  });

  it('an article scoring close to the best counts as the story even in other words; a weak one needs the same words', async () => {
    const closed = 'Il ponte di San Vito sul Lesina chiuso per le crepe nei piloni.';
    const pool = [
      group('bridge-closed', 1, '2020-02-10', closed),
      group('bridge-reopened', 0.95, '2021-04-30', 'Riaperto oggi al traffico dopo quattordici mesi.'),
      group('same-words-weak', 0.5, '2021-01-22', `${closed} Il cantiere è fermo.`),
      group('other-words-weak', 0.5, '2021-03-01', CORPUS[5] ?? ''),
    ];
    const asked: string[][] = [];
    const offStory = await offStoryArticles(fakeTermStats(asked), pool, { ...knobs, today: '2021-07-01' });
    expect([...offStory]).toEqual(['other-words-weak']);
    expect(new Set(asked.flat()).has(stemOf('quattordici'))).toBe(false);
    expect(orderNewestFirst(pool, 0.4, '2021-07-01', offStory)[0]?.articleId).toBe('bridge-reopened');
  });
});
