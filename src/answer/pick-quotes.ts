import { isNearDuplicate } from './extractive-candidates.js';
import type { ScoredCandidate } from './sentence-scorer.js';

/** Supporting quotes at most, after the answering sentence. */
export const MAX_SUPPORT = 2;
/** Characters of quoted text beyond which no supporting quote is added (Discord allows 2,000 in all). */
export const MAX_QUOTED_CHARS = 900;

/**
 * The answering sentence (the best-scored one) and up to `maxSupport` supporting ones: the next
 * best that score at least `best − margin`, are not near-duplicates of one already picked, and
 * keep the quoted text within `budget` characters (the answering sentence always counts, and is
 * always kept). `ranked` is best first; returns [] for [].
 */
export function pickQuotes(
  ranked: readonly ScoredCandidate[],
  margin: number,
  maxSupport: number = MAX_SUPPORT,
  budget: number = MAX_QUOTED_CHARS,
): ScoredCandidate[] {
  const [best, ...rest] = ranked;
  if (best === undefined) return [];
  const picked = [best];
  let chars = best.candidate.span.text.length;
  for (const next of rest) {
    if (picked.length > maxSupport || next.score < best.score - margin) break;
    if (picked.some((p) => isNearDuplicate(p.candidate, next.candidate))) continue;
    if (chars + next.candidate.span.text.length > budget) continue;
    picked.push(next);
    chars += next.candidate.span.text.length;
  }
  return picked;
}
