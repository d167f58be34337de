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

/** Passages of one article whose sentences the extractive answer weighs: the group's, then the next best of its article. */
export const CANDIDATE_PASSAGES_PER_ARTICLE = 6;

/**
 * `group` widened to CANDIDATE_PASSAGES_PER_ARTICLE passages with the next best passages of its
 * article in `ranked` (the fused ranking): the sentence that answers (often an article's first)
 * is not always in the passages that matched the question best.
 */
export function widenGroup(group: ArticleGroup, ranked: readonly ScoredPassage[]): ArticleGroup {
  const ids = new Set(group.passages.map((p) => p.id));
  const more = ranked.filter((p) => p.articleId === group.articleId && !ids.has(p.id));
  return { ...group, passages: [...group.passages, ...more].slice(0, CANDIDATE_PASSAGES_PER_ARTICLE) };
}
