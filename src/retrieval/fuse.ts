import type { RankedId } from './types.js';

const RRF_K = 60;

/**
 * Fuses the two channels over the union of their candidates. `similarities` holds the dense
 * cosine of every candidate (lexical-only ones included), so no candidate lacks a dense score.
 * 'score': w·(normalised cosine) + (1−w)·(bm25 / best bm25). 'rrf': w/(60+dense rank) +
 * (1−w)/(60+lexical rank). Returns the union, best first.
 */
export function fuseChannels(
  lexical: RankedId[],
  similarities: Map<number, number>,
  denseWeight: number,
  mode: 'score' | 'rrf',
): RankedId[] {
  const ids = new Set<number>([...lexical.map((r) => r.id), ...similarities.keys()]);
  const lexicalScore = new Map(lexical.map((r) => [r.id, r.score]));
  const fused: RankedId[] = [];
  if (mode === 'rrf') {
    const denseRank = rankOf([...similarities.entries()].sort((a, b) => b[1] - a[1]).map(([id]) => id));
    const lexicalRank = rankOf(lexical.map((r) => r.id));
    for (const id of ids) {
      const d = denseRank.get(id);
      const l = lexicalRank.get(id);
      const score =
        (d === undefined ? 0 : denseWeight / (RRF_K + d)) + (l === undefined ? 0 : (1 - denseWeight) / (RRF_K + l));
      fused.push({ id, score });
    }
  } else {
    const bestLexical = Math.max(0, ...lexical.map((r) => r.score));
    const sims = [...similarities.values()];
    const lo = Math.min(...sims);
    const span = Math.max(...sims) - lo;
    for (const id of ids) {
      const sim = similarities.get(id);
      const dense = sim === undefined || span <= 0 ? 0 : (sim - lo) / span;
      const lex = bestLexical > 0 ? (lexicalScore.get(id) ?? 0) / bestLexical : 0;
      fused.push({ id, score: denseWeight * dense + (1 - denseWeight) * lex });
    }
  }
  return fused.sort((a, b) => b.score - a.score || a.id - b.id);
}

function rankOf(ids: number[]): Map<number, number> {
  return new Map(ids.map((id, i) => [id, i + 1]));
}
