import type { Embedder } from '../embedding/embedder.js';
import type { Generation } from '../index/searchable-index.js';
import type { Lang } from '../text/lang.js';
import { GATE_DEPTH, gateEvidence, gateSignals, isRelevant } from './gate.js';
import { sentenceSignals } from './gate-sentences.js';
import { fuseChannels } from './fuse.js';
import { groupByArticle, widenGroup } from './group.js';
import { knobsFor, lexicalWeights } from './knobs.js';
import { buildLexicalQuery, collectPairs, collectTerms, type QueryText } from './lexical-query.js';
import { isoDateOf, readQuestionTime, stripTimeWords, type IsoDate, type Period } from '../time/index.js';
import { offStoryArticles } from './story.js';
import { orderNewestFirst, publishedWithin, recencyFactor } from './time-rank.js';
import type { RankedId, RetrievalKnobs, RetrievalResult, ScoredPassage, TimeQuery } from './types.js';
import { roundTo } from '../util/round.js';

/** Score multiplier for passages of a prior article (a follow-up's previous answer). */
const PRIOR_ARTICLE = 1.25;
/** For "latest" questions, articles grouped before the newest relevant ones are moved first, × k. */
const LATEST_POOL = 3;

export interface RetrieveInput {
  generation: Generation;
  /** The embedder of the generation's own model. */
  embedder: Embedder;
  question: string;
  language: Lang;
  /** More texts to search lexically, in the corpus language (e.g. a translation of the question). */
  extraQueries?: { text: string; lang: Lang }[];
  /** The question in the language of the index's vectors (`manifest.bridge`), embedded instead of it; null or absent: embed the question. */
  denseQuery?: string | null | undefined;
  /** Articles whose passages score higher (a follow-up's previous answer). */
  priorArticleIds?: readonly string[];
  knobs?: Partial<RetrievalKnobs>;
  /** Today (`YYYY-MM-DD`), against which "ieri" or "last week" resolve; default: the system clock's UTC date. */
  today?: IsoDate;
  /** An LLM will read the passages (and may answer NOT_IN_COVERAGE): the gate only drops clearly unrelated questions. */
  lenientGate?: boolean;
}

/**
 * Hybrid retrieval over one generation: dense (nearest-neighbour) and lexical (BM25) candidates,
 * fused, grouped by article and gated for relevance. Time words are read from the question
 * only: a period it names keeps the articles published in it (when any is found; otherwise
 * nothing is filtered and `time.period.matched` is false), a question about the latest puts
 * the relevant articles newest first, and without time words a mild recency prior breaks
 * near-ties. Returns every channel's
 * ranking and each stage's time, so evaluation and benchmarks reuse it as is. Never throws on
 * user text: it only reaches the lexical index as analysed terms.
 */
export async function retrieve(input: RetrieveInput): Promise<RetrievalResult> {
  const { generation, embedder, question, language } = input;
  // Through a bridge the dense channel compares texts in one language: much stronger, so weighed more.
  const bridge = generation.manifest.bridge;
  const denseText = bridge !== null && language !== bridge.language ? (input.denseQuery ?? null) : question;
  const knobs = knobsFor(generation.manifest.model.id, input.knobs, bridge !== null && denseText !== null);
  const timings: Record<string, number> = {};
  const time = async <T>(stage: string, work: () => T | Promise<T>): Promise<T> => {
    const start = performance.now();
    const out = await work();
    timings[stage] = roundTo(performance.now() - start, 2);
    return out;
  };
  const startAll = performance.now();

  const embedStart = performance.now();
  const queryVector = await embedder.embedQuery(denseText ?? question);
  timings.embed = roundTo(performance.now() - embedStart, 2);
  const dense = await time('hnsw', () => generation.searchDense(queryVector, knobs.candidates));

  const today = input.today ?? isoDateOf(new Date());
  const { period, latest, withoutTimeWords } = readQuestionTime(question, today);
  const plainTexts: QueryText[] = [{ text: question, lang: language }, ...(input.extraQueries ?? [])];
  // Time words name when, not what: "ieri" or "notizie" would match most articles. They are left
  // out of the lexical query only when the question's time is used (a period, or "the latest").
  const strippedTexts: QueryText[] = [
    { text: question, lang: language, stripped: withoutTimeWords },
    ...(input.extraQueries ?? []).map((q) => ({ ...q, stripped: stripTimeWords(q.text) })),
  ].map(({ stripped, ...q }) =>
    collectTerms([{ text: stripped, lang: q.lang }]).length > 0 ? { ...q, text: stripped } : q,
  );
  const priorArticles = new Set(input.priorArticleIds ?? []);
  const search = (texts: QueryText[], within: Period | null) =>
    searchAndFuse({
      generation,
      knobs,
      language,
      texts,
      queryVector,
      dense,
      period: within,
      latest,
      today,
      priorArticles,
      time,
    });
  let queryTexts = period !== null || latest ? strippedTexts : plainTexts;
  let { lexical, fused: fusedPassages } = await search(queryTexts, period);
  // A period keeps only what was published in it, unless nothing found was; then it was not
  // used, and its words (a year, a month) are searched like the others.
  const inside = period === null ? [] : fusedPassages.filter((p) => publishedWithin(p.date, period) === true);
  if (period !== null && inside.length === 0 && !latest) {
    queryTexts = plainTexts;
    ({ lexical, fused: fusedPassages } = await search(queryTexts, null));
  }
  const ranked = inside.length > 0 ? inside : fusedPassages;
  const timeQuery: TimeQuery = {
    today,
    period: period === null ? null : { ...period, matched: inside.length > 0 },
    latest,
  };

  const { groups, noAnswer, gate, matches } = await time('grouping', async () => {
    const pool = groupByArticle(ranked, latest ? knobs.k * LATEST_POOL : knobs.k, knobs.passagesPerArticle);
    const offStory = latest
      ? await offStoryArticles((stems) => generation.termStats(stems), pool, {
          share: knobs.latestShare,
          threshold: knobs.latestStoryThreshold,
          today,
        })
      : undefined;
    const grouped = latest ? orderNewestFirst(pool, knobs.latestShare, today, offStory).slice(0, knobs.k) : pool;
    const top = ranked.slice(0, GATE_DEPTH);
    // One sentence call serves the gate (its top passages) and the extractive answer (the groups'
    // candidate passages), which only sees the latter's when the gate lets the question through.
    const candidateIds = new Set(grouped.flatMap((g) => widenGroup(g, ranked).passages.map((p) => p.id)));
    const scoredSentences = await time('sentences', () =>
      generation.sentences(queryVector, [...new Set([...top.map((p) => p.id), ...candidateIds])]),
    );
    const evidence = await gateEvidence(generation, queryTexts, top);
    const gate = {
      ...gateSignals(evidence, knobs.gateBackgroundMix),
      similarity: Math.max(0, ...dense.slice(0, 1).map((r) => r.score)),
      ...sentenceSignals(queryTexts, top, scoredSentences, bridge?.language ?? null),
    };
    const relevant = isRelevant(
      gate,
      knobs,
      (input.extraQueries ?? []).length > 0,
      input.lenientGate ?? false,
      language !== generation.manifest.corpusLanguage,
    );
    const matches = relevant ? scoredSentences.filter((m) => candidateIds.has(m.passageId)) : [];
    return { groups: relevant ? grouped : [], noAnswer: !relevant, gate, matches };
  });
  timings.total = roundTo(performance.now() - startAll, 2);

  return {
    question,
    language,
    groups,
    noAnswer,
    passages: ranked,
    channels: { dense, lexical, fused: fusedPassages.map((p) => ({ id: p.id, score: p.score })) },
    time: timeQuery,
    gate,
    embeddedQuestion: {
      text: denseText ?? question,
      lang: bridge !== null && denseText !== null && denseText !== question ? bridge.language : language,
    },
    sentences: { translatedTo: bridge?.language ?? null, matches },
    knobs,
    timings,
  };
}

/** The union of two rankings of the same channel (same scores for the same id), best first. */
function mergeRanked(a: RankedId[], b: RankedId[]): RankedId[] {
  const byId = new Map([...a, ...b].map((r) => [r.id, r]));
  return [...byId.values()].sort((x, y) => y.score - x.score);
}

/** Adds `weight` × the best score of each passage's adjacent passages (same article, index ±1) among the candidates. */
function addNeighborScores(passages: ScoredPassage[], weight: number): ScoredPassage[] {
  if (weight <= 0) return passages;
  const byPosition = new Map(passages.map((p) => [`${p.articleId}#${p.index}`, p.score]));
  return passages.map((p) => {
    const neighbor = Math.max(
      byPosition.get(`${p.articleId}#${p.index - 1}`) ?? 0,
      byPosition.get(`${p.articleId}#${p.index + 1}`) ?? 0,
    );
    return { ...p, score: p.score + weight * neighbor };
  });
}

/** What the lexical search and the fusion of one set of query texts need. */
interface FuseInput {
  generation: Generation;
  knobs: RetrievalKnobs;
  language: Lang;
  texts: QueryText[];
  queryVector: Float32Array;
  dense: RankedId[];
  period: Period | null;
  latest: boolean;
  today: IsoDate;
  priorArticles: Set<string>;
  time: <T>(stage: string, work: () => T | Promise<T>) => Promise<T>;
}

/** Lexical search of `texts` (and of the period, when there is one), fused with the dense channel; best first. */
async function searchAndFuse(f: FuseInput): Promise<{ lexical: RankedId[]; fused: ScoredPassage[] }> {
  const { generation, knobs, period, time } = f;
  const terms = collectTerms(f.texts);
  const lexicalQuery = buildLexicalQuery(terms, knobs.pairWeight > 0 ? collectPairs(f.texts) : []);
  const weights = lexicalWeights(knobs);
  const lexical = await time('fts', async () => {
    if (lexicalQuery === null) return [];
    const all = await generation.searchLexical(lexicalQuery, knobs.candidates, weights);
    if (period === null) return all;
    // The best passages of a period are rarely among the best of the whole archive: search it too.
    return mergeRanked(all, await generation.searchLexical(lexicalQuery, knobs.candidates, weights, period));
  });
  const denseWithin = await time('hnsw-period', () =>
    period === null ? [] : generation.searchDense(f.queryVector, knobs.candidates, period),
  );
  const fused = await time('fusion', async () => {
    const similarities = await generation.similarities(
      f.queryVector,
      new Set([...f.dense.map((r) => r.id), ...denseWithin.map((r) => r.id), ...lexical.map((r) => r.id)]),
    );
    const crossLingual = f.language !== generation.manifest.corpusLanguage;
    const ranked = fuseChannels(
      lexical,
      similarities,
      crossLingual ? knobs.denseWeightCrossLingual : knobs.denseWeight,
      knobs.fusion,
    );
    const passages = await generation.passages(ranked.map((r) => r.id));
    const prior = period === null && !f.latest ? knobs.recencyWeight : 0;
    const scored: ScoredPassage[] = [];
    for (const r of ranked) {
      const passage = passages.get(r.id);
      if (passage === undefined) continue;
      scored.push({
        ...passage,
        score:
          r.score *
          recencyFactor(passage.date, f.today, prior) *
          (f.priorArticles.has(passage.articleId) ? PRIOR_ARTICLE : 1),
      });
    }
    return addNeighborScores(scored, knobs.neighborWeight).sort((a, b) => b.score - a.score);
  });
  return { lexical, fused };
}
