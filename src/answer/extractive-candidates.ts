import type { ArticleGroup, ScoredPassage } from '../retrieval/types.js';
import { splitSentences } from './sentences.js';
import type { SentenceSpan } from './sentences.js';
import { extractTerms, isSameText, measureJaccard, measureTermOverlap } from './terms.js';

/** A sentence that could be quoted. */
export interface Candidate {
  /** Rank of its article among the groups (0 = best). */
  rank: number;
  group: ArticleGroup;
  passage: ScoredPassage;
  span: SentenceSpan;
  terms: Set<string>;
  /** Share of the question's content words in the sentence, in [0, 1]. */
  overlap: number;
  /** Score lost for being very long. */
  penalty: number;
}

/** Fewer words than this make a fragment (a heading, a byline), quoted only when nothing else is there. */
const MIN_WORDS = 4;
const LONG_CHARS = 600;
const LONG_PENALTY = 0.3;

function countWords(text: string): number {
  return text.split(/\s+/).filter((word) => /[\p{L}\p{N}]/u.test(word)).length;
}

function listSentences(groups: readonly ArticleGroup[], questionTerms: ReadonlySet<string>): Candidate[] {
  const candidates: Candidate[] = [];
  const seen = new Set<string>();
  for (const [rank, group] of groups.entries()) {
    for (const passage of group.passages) {
      for (const span of splitSentences(passage.text, passage.lang)) {
        // Overlapping passages repeat sentences: one article offset is one candidate.
        const key = `${group.articleId}\u0000${passage.start + span.start}`;
        if (seen.has(key)) continue;
        seen.add(key);
        const terms = extractTerms(span.text, passage.lang);
        const overlap = measureTermOverlap(questionTerms, terms);
        const penalty = span.text.length > LONG_CHARS ? LONG_PENALTY : 0;
        candidates.push({ rank, group, passage, span, terms, overlap, penalty });
      }
    }
  }
  return candidates;
}

/**
 * The sentences of the best `maxArticles` groups' passages, each once, pre-ranked by term overlap
 * with `questionTerms` (ties: article rank, then position) and cut to `limit`. Fragments are left
 * out unless there is nothing else to quote.
 */
export function collectCandidates(
  groups: readonly ArticleGroup[],
  questionTerms: ReadonlySet<string>,
  maxArticles: number,
  limit: number,
): Candidate[] {
  const all = listSentences(groups.slice(0, maxArticles), questionTerms);
  const full = all.filter((c) => countWords(c.span.text) >= MIN_WORDS);
  const pool = full.length > 0 ? full : all;
  // Array sort is stable: equal keys keep article rank and passage order.
  return pool
    .map((candidate) => ({ candidate, key: candidate.overlap - candidate.penalty - 0.05 * candidate.rank }))
    .sort((a, b) => b.key - a.key)
    .slice(0, limit)
    .map(({ candidate }) => candidate);
}

/** True when two candidates say nearly the same thing (most content words shared, or same text). */
export function isNearDuplicate(a: Candidate, b: Candidate): boolean {
  if (a.terms.size === 0 || b.terms.size === 0) return isSameText(a.span.text, b.span.text);
  return measureJaccard(a.terms, b.terms) >= 0.7;
}
