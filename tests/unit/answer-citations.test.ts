import { describe, expect, it } from 'vitest';
import { checkCitations } from '../../src/answer/citations.js';

describe('checkCitations', () => {
  it('keeps valid markers in order and reports the sources used', () => {
    const checked = checkCitations('The bridge opened in 2021 [1]. It cost 14 million [2].', 3);
    expect(checked.text).toBe('The bridge opened in 2021 [1]. It cost 14 million [2].');
    expect(checked.used).toEqual([1, 2]);
    expect(checked.dropped).toEqual([]);
  });

  it('drops [7] when there are only 3 sources, with the space before it', () => {
    const checked = checkCitations('The bridge opened in 2021 [7]. It cost 14 million [2].', 3);
    expect(checked.text).toBe('The bridge opened in 2021. It cost 14 million [1].');
    expect(checked.used).toEqual([2]);
    expect(checked.dropped).toEqual([7]);
  });

  it('renumbers by first use: [3] then [1] become [1] then [2]', () => {
    const checked = checkCitations('First claim [3]. Second claim [1]. Third claim [3].', 3);
    expect(checked.text).toBe('First claim [1]. Second claim [2]. Third claim [1].');
    expect(checked.used).toEqual([3, 1]);
  });

  it('splits a list marker [1, 2] into [1][2] and drops invalid members of the list', () => {
    const checked = checkCitations('Both say so [2, 9, 1].', 2);
    expect(checked.text).toBe('Both say so [1][2].');
    expect(checked.used).toEqual([2, 1]);
    expect(checked.dropped).toEqual([9]);
  });

  it('handles adjacent markers [1][2] and semicolon lists [1; 3]', () => {
    expect(checkCitations('A [1][2]. B [1; 3].', 3)).toMatchObject({ text: 'A [1][2]. B [1][3].', used: [1, 2, 3] });
  });

  it('expands a small range [1-3] and an en-dash range [2–3]', () => {
    expect(checkCitations('All agree [1-3].', 3).text).toBe('All agree [1][2][3].');
    expect(checkCitations('Two agree [2–3].', 3)).toMatchObject({ text: 'Two agree [1][2].', used: [2, 3] });
  });

  it('tolerates spaces inside markers: [ 2 ] and [1 ,2]', () => {
    expect(checkCitations('X [ 2 ]. Y [1 ,2].', 2).text).toBe('X [1]. Y [2][1].');
  });

  it('deduplicates a number repeated inside one marker: [1, 1]', () => {
    expect(checkCitations('X [1, 1].', 1).text).toBe('X [1].');
  });

  it('an answer citing nothing has no used sources (unsupported)', () => {
    const checked = checkCitations('The bridge opened in 2021.', 3);
    expect(checked.used).toEqual([]);
    expect(checked.text).toBe('The bridge opened in 2021.');
  });

  it('an answer citing only invalid numbers ([0], [4]) ends up citing nothing', () => {
    const checked = checkCitations('Claim [0]. Other claim [4].', 3);
    expect(checked.used).toEqual([]);
    expect(checked.text).toBe('Claim. Other claim.');
    expect(checked.dropped).toEqual([0, 4]);
  });

  it('a dropped marker right before a kept one gives it its space: "x [7][1]" → "x [1]"', () => {
    expect(checkCitations('Costo [7][1]. Data [2][8].', 2).text).toBe('Costo [1]. Data [2].');
  });

  it('zero sources: every marker is dropped', () => {
    expect(checkCitations('Claim [1].', 0)).toMatchObject({ text: 'Claim.', used: [], dropped: [1] });
  });

  it('a dropped marker at the start of the text leaves no leading space', () => {
    expect(checkCitations('[5] Claim [1].', 1).text).toBe('Claim [1].');
  });

  it('leaves markdown links and non-numeric brackets alone', () => {
    const text = 'See [1](https://example.org) and [sic] here [1].';
    expect(checkCitations(text, 1).text).toBe(text);
  });

  it('works across lines and with accented text', () => {
    const checked = checkCitations('Perché è chiuso? [2]\nLa città ha deciso così [1].', 2);
    expect(checked.text).toBe('Perché è chiuso? [1]\nLa città ha deciso così [2].');
    expect(checked.used).toEqual([2, 1]);
  });

  it('a bracketed year like [2021] is text, not a citation', () => {
    expect(checkCitations('Opened in [2021] [1].', 2)).toMatchObject({ text: 'Opened in [2021] [1].', dropped: [] });
  });

  it('a three-digit number beyond the sources ([120]) is dropped', () => {
    expect(checkCitations('Claim [120] [1].', 2)).toMatchObject({ text: 'Claim [1].', dropped: [120] });
  });
});
