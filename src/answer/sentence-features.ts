import type { RetrievalResult, SentenceMatch } from '../retrieval/types.js';
import { analyze } from '../text/analyze.js';
import type { Lang } from '../text/lang.js';
import { findAnswerSpans, isNovel, questionWords, sortByProximity, type AnswerSpan } from './answer-spans.js';
import { detectAnswerType, type AnswerType } from './answer-type.js';
import type { Candidate } from './extractive-candidates.js';

/** The signals the sentence scorer weighs, in the order of a feature vector. */
export const FEATURE_NAMES = [
  'overlap',
  'idfOverlap',
  'pairOverlap',
  'density',
  'matchDate',
  'matchQuantity',
  'matchPlace',
  'matchPerson',
  'matchReason',
  'matchQuote',
  'matchNear',
  'novelSpans',
  'passageScore',
  'denseGap',
  'articleRank',
  'passageRank',
  'firstSentence',
  'position',
  'length',
  'short',
  'sentenceCosine',
  'embeddedOverlap',
  'embeddedIdfOverlap',
] as const;

export type FeatureName = (typeof FEATURE_NAMES)[number];

/** The question as the scorer reads it: its texts (the question, and its translation into the corpus language). */
export interface QuestionView {
  texts: { text: string; lang: Lang }[];
  type: AnswerType;
  words: Set<string>;
}

/** Reads a question once for scoring many sentences: its answer type and its words in every text. */
export function viewQuestion(
  question: string,
  language: Lang,
  translation: { text: string; lang: Lang } | null,
): QuestionView {
  const texts = [{ text: question, lang: language }];
  if (translation !== null && translation.text.trim() !== '') texts.push(translation);
  return { texts, type: detectAnswerType(question), words: questionWords(texts.map((t) => t.text)) };
}

/** A candidate with its feature vector and the novel answer spans of the question's type. */
export interface FeaturedCandidate {
  candidate: Candidate;
  features: number[];
  spans: AnswerSpan[];
}

const TYPE_FEATURE: Partial<Record<AnswerType, FeatureName>> = {
  date: 'matchDate',
  quantity: 'matchQuantity',
  place: 'matchPlace',
  person: 'matchPerson',
  reason: 'matchReason',
  quote: 'matchQuote',
};

interface QueryTerms {
  prefixes: string[];
  pairs: string[];
}

function queryTerms(view: QuestionView): QueryTerms[] {
  return view.texts.map(({ text, lang }) => {
    const prefixes = [...new Set(analyze(text, lang).map((t) => t.prefix))];
    const all = analyze(text, lang).map((t) => t.prefix);
    return { prefixes, pairs: all.slice(1).map((p, i) => `${all[i] ?? ''} ${p}`) };
  });
}

function sentencePairs(c: Candidate): Set<string> {
  const all = analyze(c.span.text, c.passage.lang).map((t) => t.prefix);
  return new Set(all.slice(1).map((p, i) => `${all[i] ?? ''} ${p}`));
}

/** Inverse document frequency of each term among the candidate sentences' term sets (an absent set counts as empty): words every sentence shares weigh little. */
function localIdf(termSets: readonly (ReadonlySet<string> | undefined)[]): (term: string) => number {
  const df = new Map<string, number>();
  for (const terms of termSets) for (const term of terms ?? []) df.set(term, (df.get(term) ?? 0) + 1);
  const n = termSets.length;
  return (term) => Math.log(1 + n / (1 + (df.get(term) ?? 0)));
}

function share(query: readonly string[], has: (term: string) => boolean, weight: (term: string) => number): number {
  const total = query.reduce((sum, term) => sum + weight(term), 0);
  if (total <= 0) return 0;
  return query.reduce((sum, term) => sum + (has(term) ? weight(term) : 0), 0) / total;
}

/** A candidate's stored sentence vector's cosine to the question and the text embedded for it (its translation, or itself). */
interface EmbeddedSentence {
  cosine: number;
  terms: Set<string>;
}

/** Finds the sentence the index stored for a candidate (same passage, same offset), if it stored one. */
export function storedSentences(
  result: Pick<RetrievalResult, 'sentences'>,
): (c: Candidate) => SentenceMatch | undefined {
  const byKey = new Map((result.sentences?.matches ?? []).map((m) => [`${m.passageId}:${m.start}`, m]));
  return (c) => byKey.get(`${c.passage.id}:${c.span.start}`);
}

/**
 * What the index stored for each candidate (null when nothing: an index built before sentences
 * were stored): the cosine of its sentence vector to the question's, and the prefix terms of the
 * text embedded for it (through a bridge its translation, in the language the question was embedded in).
 */
function embeddedSentences(
  candidates: readonly Candidate[],
  result: Pick<RetrievalResult, 'sentences'>,
): (EmbeddedSentence | null)[] {
  const stored = result.sentences;
  if (stored === undefined) return candidates.map(() => null);
  const storedFor = storedSentences(result);
  return candidates.map((c) => {
    const match = storedFor(c);
    if (match === undefined) return null;
    const [text, lang] =
      match.translation === null || stored.translatedTo === null
        ? [c.span.text, c.passage.lang]
        : [match.translation, stored.translatedTo];
    return { cosine: match.score, terms: new Set(analyze(text, lang).map((t) => t.prefix)) };
  });
}

/** Share of the embedded question's prefix terms in each embedded sentence: plain, and weighted by idf within the candidates. */
function embeddedOverlaps(
  embedded: readonly (EmbeddedSentence | null)[],
  result: Pick<RetrievalResult, 'embeddedQuestion'>,
): { plain: number; idf: number }[] {
  const question = result.embeddedQuestion;
  const terms = question === undefined ? [] : [...new Set(analyze(question.text, question.lang).map((t) => t.prefix))];
  const idf = localIdf(embedded.map((e) => e?.terms));
  return embedded.map((e) => {
    if (e === null) return { plain: 0, idf: 0 };
    const has = (term: string) => e.terms.has(term);
    return { plain: share(terms, has, () => 1), idf: share(terms, has, idf) };
  });
}

/**
 * The feature vector (FEATURE_NAMES order) of each candidate sentence for `view`: term overlap
 * (plain, idf-weighted within the candidates, word pairs; the best of the question's texts),
 * whether the sentence holds a novel answer of the asked type, the passage's fused score and dense
 * cosine (against the best), article and passage rank, position and length, and what the index
 * stored for the sentence: its vector's cosine to the question's and the overlap of the texts the
 * two were embedded from (through a bridge, the question's and the sentence's translations; 0
 * when the index stored no sentences). Pure; never throws.
 */
export function featureCandidates(
  view: QuestionView,
  candidates: readonly Candidate[],
  result: Pick<RetrievalResult, 'passages' | 'channels' | 'sentences' | 'embeddedQuestion'>,
): FeaturedCandidate[] {
  const queries = queryTerms(view);
  const idf = localIdf(candidates.map((c) => c.terms));
  const embedded = embeddedSentences(candidates, result);
  const embeddedOverlap = embeddedOverlaps(embedded, result);
  const bestScore = Math.max(1e-9, ...result.passages.map((p) => p.score));
  const dense = new Map(result.channels.dense.map((r) => [r.id, r.score]));
  const bestDense = Math.max(0, ...dense.values());
  const floorDense = Math.min(bestDense, ...dense.values());
  const typeFeature = TYPE_FEATURE[view.type];
  const termSet = new Set(queries.flatMap((q) => q.prefixes));
  return candidates.map((c, i) => {
    const pairs = sentencePairs(c);
    const has = (term: string) => c.terms.has(term);
    const overlap = Math.max(0, ...queries.map((q) => share(q.prefixes, has, () => 1)));
    const hits = Math.max(0, ...queries.map((q) => q.prefixes.filter(has).length));
    const novel = findAnswerSpans(c.span.text).filter((s) => isNovel(s, view.words));
    const near = sortByProximity(
      novel.filter((s) => s.type === view.type),
      c.span.text,
      termSet,
    );
    const spans = near.map((n) => n.span);
    const values: Record<FeatureName, number> = {
      overlap,
      idfOverlap: Math.max(0, ...queries.map((q) => share(q.prefixes, has, idf))),
      pairOverlap: Math.max(
        0,
        ...queries.map((q) =>
          share(
            q.pairs,
            (p) => pairs.has(p),
            () => 1,
          ),
        ),
      ),
      density: c.terms.size === 0 ? 0 : hits / c.terms.size,
      matchDate: 0,
      matchQuantity: 0,
      matchPlace: 0,
      matchPerson: 0,
      matchReason: 0,
      matchQuote: 0,
      matchNear: near[0] === undefined ? 0 : 10 / (10 + near[0].distance),
      novelSpans: Math.log1p(novel.length),
      passageScore: c.passage.score / bestScore,
      denseGap: (dense.get(c.passage.id) ?? floorDense) - bestDense,
      articleRank: c.rank,
      passageRank: Math.max(0, c.group.passages.indexOf(c.passage)),
      firstSentence: c.passage.start + c.span.start === 0 ? 1 : 0,
      position: Math.log1p((c.passage.start + c.span.start) / 500),
      length: Math.log(Math.max(c.span.text.length, 10) / 100),
      short: c.span.text.split(/\s+/).length < 6 ? 1 : 0,
      sentenceCosine: embedded[i]?.cosine ?? 0,
      embeddedOverlap: embeddedOverlap[i]?.plain ?? 0,
      embeddedIdfOverlap: embeddedOverlap[i]?.idf ?? 0,
    };
    if (typeFeature !== undefined && spans.length > 0) values[typeFeature] = 1;
    return { candidate: c, features: FEATURE_NAMES.map((name) => values[name]), spans };
  });
}
