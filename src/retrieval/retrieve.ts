import type { Embedder } from '../embedding/embedder.js';
import type { Generation } from '../index/searchable-index.js';
import type { Lang } from '../text/lang.js';
import { termCoverage, termWeights } from './coverage.js';
import { fuseChannels } from './fuse.js';
import { groupByArticle } from './group.js';
import { knobsFor, lexicalWeights } from './knobs.js';
import { buildLexicalQuery, collectPairs, collectTerms, type QueryText } from './lexical-query.js';
import { isInPeriod, parsePeriod } from './period.js';
import type { RetrievalKnobs, RetrievalResult, ScoredPassage } from './types.js';

/** Score multipliers for articles inside / outside a period the question names. */
const IN_PERIOD = 1.3;
const OUT_OF_PERIOD = 0.6;
/** Passages whose coverage the gate checks. */
const GATE_DEPTH = 3;

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
  knobs?: Partial<RetrievalKnobs>;
}

/**
 * Hybrid retrieval over one generation: dense (nearest-neighbour) and lexical (BM25) candidates,
 * fused, date-adjusted, grouped by article and gated for relevance. Returns every channel's
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
    timings[stage] = round(performance.now() - start);
    return out;
  };
  const startAll = performance.now();

  const embedStart = performance.now();
  const queryVector = await embedder.embedQuery(denseText ?? question);
  timings.embed = round(performance.now() - embedStart);
  const dense = await time('hnsw', () => generation.searchDense(queryVector, knobs.candidates));

  const queryTexts: QueryText[] = [{ text: question, lang: language }, ...(input.extraQueries ?? [])];
  const terms = collectTerms(queryTexts);
  const lexicalQuery = buildLexicalQuery(terms, knobs.pairWeight > 0 ? collectPairs(queryTexts) : []);
  const lexical = await time('fts', () =>
    lexicalQuery === null ? [] : generation.searchLexical(lexicalQuery, knobs.candidates, lexicalWeights(knobs)),
  );

  const period = parsePeriod(question);
  const fusedPassages = await time('fusion', async () => {
    const similarities = await generation.similarities(
      queryVector,
      new Set([...dense.map((r) => r.id), ...lexical.map((r) => r.id)]),
    );
    const crossLingual = language !== generation.manifest.corpusLanguage;
    const fused = fuseChannels(
      lexical,
      similarities,
      crossLingual ? knobs.denseWeightCrossLingual : knobs.denseWeight,
      knobs.fusion,
    );
    const passages = await generation.passages(fused.map((r) => r.id));
    const scored: ScoredPassage[] = [];
    for (const r of fused) {
      const passage = passages.get(r.id);
      if (passage === undefined) continue;
      const inPeriod = period === null ? null : isInPeriod(passage.date, period);
      const factor = inPeriod === null ? 1 : inPeriod ? IN_PERIOD : OUT_OF_PERIOD;
      scored.push({ ...passage, score: r.score * factor });
    }
    return addNeighborScores(scored, knobs.neighborWeight).sort((a, b) => b.score - a.score);
  });

  const { groups, noAnswer, gate } = await time('grouping', async () => {
    const grouped = groupByArticle(fusedPassages, knobs.k, knobs.passagesPerArticle);
    const top = fusedPassages.slice(0, GATE_DEPTH);
    // Each query text is judged on its own: an English question's words rarely occur in Italian
    // text, so mixing them with its translation's would dilute the translation's coverage.
    const coverages = await Promise.all(
      queryTexts.map(async (q) => {
        const own = collectTerms([q]);
        const weights = termWeights(await generation.termStats(own.map((t) => t.stem)));
        return Math.max(0, ...top.map((p) => termCoverage(own, weights, p.text, p.lang)));
      }),
    );
    const coverage = Math.max(0, ...coverages);
    const bestSimilarity = Math.max(0, ...dense.slice(0, 1).map((r) => r.score));
    const translated = (input.extraQueries ?? []).length > 0;
    const relevant =
      knobs.gateDenseWeight > 0
        ? coverage + knobs.gateDenseWeight * bestSimilarity >= knobs.minGateScore
        : coverage >= (translated ? knobs.minCoverageTranslated : knobs.minCoverage) ||
          bestSimilarity >= knobs.minDenseSimilarity;
    return { groups: relevant ? grouped : [], noAnswer: !relevant, gate: { coverage, similarity: bestSimilarity } };
  });
  timings.total = round(performance.now() - startAll);

  return {
    question,
    language,
    groups,
    noAnswer,
    passages: fusedPassages,
    channels: { dense, lexical, fused: fusedPassages.map((p) => ({ id: p.id, score: p.score })) },
    period,
    gate,
    knobs,
    timings,
  };
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

const round = (ms: number) => Math.round(ms * 100) / 100;
