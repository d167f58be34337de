import { analyze, foldText } from '../text/analyze.js';
import type { GapRow } from '../store/state-db.js';
import type { Lang } from '../text/lang.js';

/** Near-duplicate questions counted together, most frequent wording first. */
export interface GapGroup {
  /** The most frequent wording (the latest among equals). */
  question: string;
  count: number;
  notCovered: number;
  downVotes: number;
  langs: Lang[];
  /** Other wordings, most frequent first. */
  variants: string[];
  /** When the latest of them was asked (ISO 8601). */
  lastAt: string;
}

/** Share of content-word stems two questions must have in common (Jaccard) to count as one. */
export const NEAR_DUPLICATE_SIMILARITY = 0.5;

interface Cluster {
  signature: Set<string>;
  rows: GapRow[];
}

/** The content-word stems of a question; its folded text when it has none (e.g. only stopwords). */
function signatureOf(row: GapRow): Set<string> {
  const stems = analyze(row.question, row.lang).map((t) => t.stem);
  return new Set(stems.length > 0 ? stems : [`=${foldText(row.question.trim())}`]);
}

function jaccard(a: Set<string>, b: Set<string>): number {
  let shared = 0;
  for (const x of a) if (b.has(x)) shared++;
  return shared / (a.size + b.size - shared);
}

/**
 * Groups unanswered questions whose content-word stems overlap by at least
 * NEAR_DUPLICATE_SIMILARITY with a group's first question ("Quando riapre il ponte?" and
 * "quando riaprirà il ponte sospeso?"), and orders groups by size, then by latest question.
 */
export function groupGaps(rows: readonly GapRow[]): GapGroup[] {
  const clusters: Cluster[] = [];
  for (const row of rows) {
    const signature = signatureOf(row);
    let best: Cluster | null = null;
    let bestScore = NEAR_DUPLICATE_SIMILARITY;
    for (const cluster of clusters) {
      const score = jaccard(signature, cluster.signature);
      if (score >= bestScore) [best, bestScore] = [cluster, score];
    }
    if (best === null) clusters.push({ signature, rows: [row] });
    else best.rows.push(row);
  }
  return clusters.map(toGroup).sort((a, b) => b.count - a.count || b.lastAt.localeCompare(a.lastAt));
}

function toGroup(cluster: Cluster): GapGroup {
  const wordings = new Map<string, { text: string; n: number; lastAt: string }>();
  for (const row of cluster.rows) {
    const key = foldText(row.question.trim()).replace(/[\s?!.]+$/u, '');
    const seen = wordings.get(key);
    wordings.set(key, { text: row.question.trim(), n: (seen?.n ?? 0) + 1, lastAt: row.createdAt });
  }
  const ranked = [...wordings.values()].sort((a, b) => b.n - a.n || b.lastAt.localeCompare(a.lastAt));
  return {
    question: ranked[0]?.text ?? '',
    count: cluster.rows.length,
    notCovered: cluster.rows.filter((r) => r.kind === 'not-covered').length,
    downVotes: cluster.rows.filter((r) => r.kind === 'down-vote').length,
    langs: [...new Set(cluster.rows.map((r) => r.lang))].sort(),
    variants: ranked.slice(1).map((w) => w.text),
    lastAt: cluster.rows.reduce((a, r) => (r.createdAt > a ? r.createdAt : a), ''),
  };
}
