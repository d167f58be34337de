import { describe, expect, it } from 'vitest';
import { benchSources } from '../../scripts/bench/sources.js';

describe('npm run bench:sources', () => {
  it('pulls every source type twice from loopback: all articles first, nothing downloaded again', async () => {
    const lines: string[] = [];
    const results = await benchSources(12, (line) => lines.push(line));
    expect(results.map((r) => [r.type, r.articles])).toEqual([
      ['feed', 12],
      ['wordpress', 12],
      ['sitemap', 12],
      ['sitemap', 12],
    ]);
    expect(results.map((r) => [r.repull.outcome, r.repull.fetched, r.repull.unchanged])).toEqual([
      ['unchanged', 0, 12],
      ['fetched', 0, 12],
      ['unchanged', 0, 12],
      ['fetched', 0, 12],
    ]);
    expect(results.every((r) => r.articlesPerSecond > 0)).toBe(true);
    expect(lines).toHaveLength(4);
  });
});
