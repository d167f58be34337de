import { describe, expect, it } from 'vitest';
import { joinPassages, PASSAGE_GAP, selectSources } from '../../src/answer/sources.js';
import { BRIDGE_IT, FESTIVAL_EN, makeResult, ROADWORKS_IT } from '../helpers/answer-fixtures.js';

describe('selectSources', () => {
  it('numbers the groups 1..m best first, with their metadata', () => {
    const sources = selectSources(makeResult('q', 'it', [BRIDGE_IT, ROADWORKS_IT, FESTIVAL_EN]), 5);
    expect(sources.map((s) => [s.n, s.articleId])).toEqual([
      [1, BRIDGE_IT.articleId],
      [2, ROADWORKS_IT.articleId],
      [3, FESTIVAL_EN.articleId],
    ]);
    expect(sources[0]).toMatchObject({
      title: BRIDGE_IT.title,
      date: '2021-05-12',
      author: 'Giulia Marchetti',
      lang: 'it',
    });
    expect(sources[1]?.author).toBeNull();
    expect(sources[2]?.text).toBe(FESTIVAL_EN.text);
  });

  it('stops at maxSources', () => {
    const sources = selectSources(makeResult('q', 'it', [BRIDGE_IT, ROADWORKS_IT, FESTIVAL_EN]), 2);
    expect(sources).toHaveLength(2);
  });

  it('no groups: no sources', () => {
    expect(selectSources(makeResult('q', 'en', []), 3)).toEqual([]);
  });

  it('skips a group without passages and keeps numbering dense', () => {
    const result = makeResult('q', 'it', [BRIDGE_IT, ROADWORKS_IT]);
    result.groups.unshift({ articleId: 'empty', score: 2, passages: [] });
    expect(selectSources(result, 5).map((s) => [s.n, s.articleId])).toEqual([
      [1, BRIDGE_IT.articleId],
      [2, ROADWORKS_IT.articleId],
    ]);
  });

  it('throws RangeError for maxSources 0', () => {
    expect(() => selectSources(makeResult('q', 'it', [BRIDGE_IT]), 0)).toThrow(RangeError);
  });

  it('joins overlapping passages without repeating the shared sentence, verbatim', () => {
    const [s1, s2, s3] = ['Prima frase del pezzo.', 'Seconda frase condivisa.', 'Terza frase finale.'];
    const text = `${s1} ${s2} ${s3}`;
    // Best passage second in the article: the source text still reads in article order.
    const result = makeResult('q', 'it', [{ ...BRIDGE_IT, text, chunks: [`${s2} ${s3}`, `${s1} ${s2}`] }]);
    const [source] = selectSources(result, 1);
    expect(source?.text).toBe(text);
    expect(source?.passages.map((p) => p.index)).toEqual([1, 0]);
  });

  it('marks a gap between passages that are not contiguous', () => {
    const text = 'Uno due tre. Quattro cinque sei. Sette otto nove.';
    const result = makeResult('q', 'it', [{ ...BRIDGE_IT, text, chunks: ['Uno due tre.', 'Sette otto nove.'] }]);
    expect(selectSources(result, 1)[0]?.text).toBe(`Uno due tre.${PASSAGE_GAP}Sette otto nove.`);
  });

  it('leaves out lower-ranked passages beyond the character cap but always keeps the best', () => {
    const long = 'parola '.repeat(100).trim();
    const text = `${long}. Breve frase.`;
    const result = makeResult('q', 'it', [{ ...BRIDGE_IT, text, chunks: [`${long}.`, 'Breve frase.'] }]);
    const [source] = selectSources(result, 1, 100);
    expect(source?.passages).toHaveLength(1);
    expect(source?.text).toBe(`${long}.`);
  });

  it('joinPassages of a passage contained in another keeps the outer one only', () => {
    const result = makeResult('q', 'it', [
      { ...BRIDGE_IT, text: 'A b c. D e f.', chunks: ['A b c. D e f.', 'D e f.'] },
    ]);
    expect(joinPassages(result.groups[0]?.passages ?? [])).toBe('A b c. D e f.');
  });
});
