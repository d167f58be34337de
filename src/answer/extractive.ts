import type { Embedder } from '../embedding/embedder.js';
import { t } from '../i18n/index.js';
import type { RetrievalResult } from '../retrieval/types.js';
import type { Lang } from '../text/lang.js';
import type { Citation } from './answer.js';
import { collectCandidates, isNearDuplicate } from './extractive-candidates.js';
import type { Candidate } from './extractive-candidates.js';
import { joinQuoteParts } from './quotes.js';
import { extractTerms } from './terms.js';

/** Sentences embedded per answer at most: one batch keeps the extractive answer fast. */
export const MAX_CANDIDATES = 40;
/** Weight of term overlap next to cosine similarity. */
const OVERLAP_WEIGHT = 0.5;
/** Score lost per article rank, so the best-ranked article wins near-ties. */
const RANK_WEIGHT = 0.03;
/** After two sentences, a sentence this far below the best one is left out. */
const SCORE_MARGIN = 0.35;
const MAX_PER_ARTICLE = 2;

/** What an extractive answer is built from. */
export interface ExtractiveInput {
  question: string;
  /** The question's language: the lead-in is written in it. */
  language: Lang;
  result: RetrievalResult;
  embedder: Embedder;
  /** Sentences quoted at most (default 4; at least 2 when the articles have them). */
  maxSentences?: number;
  /** Articles considered, best first (default 3). */
  maxArticles?: number;
}

/** An answer made of verbatim sentences from the articles, with its citations. */
export interface ExtractiveAnswer {
  text: string;
  citations: Citation[];
}

function dot(a: Float32Array, b: Float32Array): number {
  let sum = 0;
  for (let i = 0; i < a.length; i += 1) sum += (a[i] ?? 0) * (b[i] ?? 0);
  return sum;
}

function pickSentences(scored: { candidate: Candidate; score: number }[], maxSentences: number): Candidate[] {
  const best = scored[0]?.score ?? 0;
  const picked: Candidate[] = [];
  const perArticle = new Map<string, number>();
  for (const { candidate, score } of scored) {
    if (picked.length >= maxSentences) break;
    if (picked.length >= 2 && score < best - SCORE_MARGIN) break;
    const count = perArticle.get(candidate.group.articleId) ?? 0;
    if (count >= MAX_PER_ARTICLE || picked.some((p) => isNearDuplicate(p, candidate))) continue;
    perArticle.set(candidate.group.articleId, count + 1);
    picked.push(candidate);
  }
  return picked.sort((a, b) => a.rank - b.rank || a.passage.start + a.span.start - (b.passage.start + b.span.start));
}

type LeadInKey =
  'answer.extractive.lead-in' | 'answer.extractive.lead-in-other-lang' | 'answer.extractive.lead-in-mixed';

function chooseLeadIn(language: Lang, quoted: readonly Candidate[]): LeadInKey {
  const foreign = quoted.filter((c) => c.passage.lang !== language).length;
  if (foreign === 0) return 'answer.extractive.lead-in';
  return foreign === quoted.length ? 'answer.extractive.lead-in-other-lang' : 'answer.extractive.lead-in-mixed';
}

function toCitation(n: number, sentences: readonly Candidate[]): Citation {
  const [first] = sentences;
  if (first === undefined) throw new Error('a citation needs at least one sentence');
  const { passage } = first;
  return {
    n,
    articleId: first.group.articleId,
    title: passage.title,
    titleDerived: passage.titleDerived,
    date: passage.date,
    author: passage.author,
    url: passage.url,
    quote: joinQuoteParts(sentences.map(({ passage: p, span }) => ({ passage: p, span }))),
    quoteTranslation: null,
    passageIds: [...new Set(sentences.map((c) => c.passage.id))],
  };
}

/**
 * Answers from the articles' own sentences when no LLM answer is available: scores the sentences
 * of the best groups' passages by similarity to the question (one embedQuery and one
 * embedPassages call over at most MAX_CANDIDATES sentences) plus term overlap, quotes the best
 * 2–`maxSentences` (at most two per article, near-duplicates skipped) in source order, each as a
 * bullet citing `[n]`, n numbered by first use. A citation's `quote` holds the verbatim
 * sentence(s) used from that article (see joinQuoteParts). Returns null when the groups hold no
 * sentence. Throws what the embedder throws.
 */
export async function buildExtractiveAnswer(input: ExtractiveInput): Promise<ExtractiveAnswer | null> {
  const { question, language, result, embedder, maxSentences = 4, maxArticles = 3 } = input;
  const candidates = collectCandidates(result.groups, extractTerms(question, language), maxArticles, MAX_CANDIDATES);
  if (candidates.length === 0) return null;
  const [queryVector, sentenceVectors] = await Promise.all([
    embedder.embedQuery(question),
    embedder.embedPassages(candidates.map((c) => c.span.text)),
  ]);
  const scored = candidates
    .map((candidate, i) => {
      const similarity = dot(queryVector, sentenceVectors[i] ?? new Float32Array(0));
      const score = similarity + OVERLAP_WEIGHT * candidate.overlap - RANK_WEIGHT * candidate.rank - candidate.penalty;
      return { candidate, score };
    })
    .sort((a, b) => b.score - a.score);
  const quoted = pickSentences(scored, Math.max(1, maxSentences));

  const byArticle = new Map<string, Candidate[]>();
  for (const candidate of quoted) {
    const list = byArticle.get(candidate.group.articleId) ?? [];
    list.push(candidate);
    byArticle.set(candidate.group.articleId, list);
  }
  const numbers = new Map([...byArticle.keys()].map((articleId, i) => [articleId, i + 1]));
  const bullets = quoted.map((c) => `- “${c.span.text.replace(/\s+/g, ' ')}” [${numbers.get(c.group.articleId) ?? 0}]`);
  return {
    text: [t(language, chooseLeadIn(language, quoted)), ...bullets].join('\n'),
    citations: [...byArticle.entries()].map(([articleId, sentences]) =>
      toCitation(numbers.get(articleId) ?? 0, sentences),
    ),
  };
}
