import type { ArticleMeta } from '../corpus/article.js';
import type { ArticleGroup, RetrievalResult, ScoredPassage } from '../retrieval/types.js';

/** One article as the LLM sees it: numbered, with its metadata and the passages shown. */
export interface NumberedSource extends ArticleMeta {
  /** 1-based number the LLM cites as `[n]`. */
  n: number;
  articleId: string;
  /** Passages shown, best first (the first one is the group's best passage). */
  passages: ScoredPassage[];
  /** The passages' text in article order; overlapping passages are joined without repeating text. */
  text: string;
}

/** Placed between passages of one article that are not contiguous. */
export const PASSAGE_GAP = '\n[…]\n';

/** Characters of passage text per source beyond which lower-ranked passages are left out. */
export const DEFAULT_MAX_SOURCE_CHARS = 3000;

/**
 * Numbers the best `maxSources` article groups of `result` as sources 1..m (best first). Each
 * source keeps its best passage and adds the next ones while the text stays within
 * `maxSourceChars`. Groups without passages are skipped. Throws RangeError if `maxSources` < 1.
 */
export function selectSources(
  result: RetrievalResult,
  maxSources: number,
  maxSourceChars = DEFAULT_MAX_SOURCE_CHARS,
): NumberedSource[] {
  if (!Number.isInteger(maxSources) || maxSources < 1) {
    throw new RangeError(`maxSources must be a positive integer, got ${maxSources}`);
  }
  const sources: NumberedSource[] = [];
  for (const group of result.groups) {
    if (sources.length >= maxSources) break;
    const source = toSource(group, sources.length + 1, maxSourceChars);
    if (source !== null) sources.push(source);
  }
  return sources;
}

function toSource(group: ArticleGroup, n: number, maxChars: number): NumberedSource | null {
  const [best, ...rest] = group.passages;
  if (best === undefined) return null;
  const passages = [best];
  let chars = best.text.length;
  for (const passage of rest) {
    if (chars + passage.text.length > maxChars) continue;
    passages.push(passage);
    chars += passage.text.length;
  }
  return {
    n,
    articleId: group.articleId,
    title: best.title,
    titleDerived: best.titleDerived,
    date: best.date,
    updated: best.updated,
    author: best.author,
    url: best.url,
    lang: best.lang,
    passages,
    text: joinPassages(passages),
  };
}

/**
 * Joins passages of one article in article order. Passages are slices of the article text, so an
 * overlap (chunks repeat sentences) is dropped from the later one and the result stays verbatim.
 */
export function joinPassages(passages: readonly ScoredPassage[]): string {
  const ordered = [...passages].sort((a, b) => a.start - b.start);
  let text = '';
  let end = -1;
  for (const passage of ordered) {
    if (passage.end <= end) continue;
    if (end < 0) text = passage.text;
    else if (passage.start <= end) text += passage.text.slice(end - passage.start);
    else text += PASSAGE_GAP + passage.text;
    end = passage.end;
  }
  return text;
}
