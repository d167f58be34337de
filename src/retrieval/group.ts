import { tokenize } from '../text/analyze.js';
import type { ArticleGroup, ScoredPassage } from './types.js';

/** Word-set overlap above which two passages count as the same text. */
const NEAR_DUPLICATE = 0.8;

/**
 * Groups ranked passages into articles (best article first, scored by its best passage), keeps
 * at most `perArticle` passages each, drops near-duplicate passages (across articles too: a
 * story syndicated twice is cited once), and returns the top `k` articles.
 */
export function groupByArticle(passages: ScoredPassage[], k: number, perArticle: number): ArticleGroup[] {
  const groups = new Map<string, ArticleGroup>();
  const kept: Set<string>[] = [];
  for (const passage of passages) {
    let group = groups.get(passage.articleId);
    if (group === undefined) {
      if (groups.size >= k) continue;
    } else if (group.passages.length >= perArticle) continue;
    const words = new Set(tokenize(passage.text));
    if (kept.some((other) => jaccard(words, other) >= NEAR_DUPLICATE)) continue;
    kept.push(words);
    if (group === undefined) {
      group = { articleId: passage.articleId, score: passage.score, passages: [] };
      groups.set(passage.articleId, group);
    }
    group.passages.push(passage);
  }
  return [...groups.values()];
}

function jaccard(a: Set<string>, b: Set<string>): number {
  if (a.size === 0 && b.size === 0) return 1;
  let shared = 0;
  for (const w of a) if (b.has(w)) shared++;
  return shared / (a.size + b.size - shared);
}
