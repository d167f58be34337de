import type { Passage, RankedId, SentenceMatch } from '../store/passage.js';
import type { Lang } from '../text/lang.js';
import type { IsoDate, Period } from '../time/index.js';

export type { LexicalQuery, LexicalWeights, Passage, RankedId, SentenceMatch, TermStats } from '../store/passage.js';

export interface ScoredPassage extends Passage {
  /** Fused score (higher is better). */
  score: number;
}

/** The citable unit: one article, backed by its best passages (best first). */
export interface ArticleGroup {
  articleId: string;
  score: number;
  passages: ScoredPassage[];
}

/** Retrieval knobs; every one has a measured (or, for unmeasured models, reasoned) default. */
export interface RetrievalKnobs {
  /** Articles returned. */
  k: number;
  /** Candidates taken from each channel before fusion. */
  candidates: number;
  /** Weight of the dense channel in fusion (0 = lexical only, 1 = dense only). */
  denseWeight: number;
  /** Weight in the lexical channel's bm25 of the prefix-term field against the stems field (1). */
  prefixWeight: number;
  /** Weight of the stem-pairs field (0 = pairs not searched). */
  pairWeight: number;
  /** Weight of the article-title field (a real title's stems, on every passage of the article). */
  titleWeight: number;
  /** Dense weight for a question in another language than the corpus (through a translation). */
  denseWeightCrossLingual: number;
  /** Share of the best adjacent passage's score added to a passage (question words often straddle a chunk boundary). */
  neighborWeight: number;
  /** Fusion: score-aware convex combination, or weighted reciprocal-rank fusion. */
  fusion: 'score' | 'rrf';
  /**
   * Relevance gate: an answer needs the best passages to contain at least this share of the
   * question's content words (idf-weighted, 0–1)…
   */
  minCoverage: number;
  /** The same, for questions searched through a machine translation (fewer words match). */
  minCoverageTranslated: number;
  /** …or a dense cosine similarity at least this high (the model's own scale). */
  minDenseSimilarity: number;
  /**
   * When above 0, the gate is instead `coverage + gateDenseWeight × best cosine ≥ minGateScore`:
   * for a dense channel good enough to vouch for relevance (an index embedded through a translation).
   */
  gateDenseWeight: number;
  /**
   * Share (0–1) of a question word's gate weight that comes from its rarity in general Italian
   * and English (zxcvbn-ts word lists) rather than from the corpus's own idf (see termWeight).
   */
  gateBackgroundMix: number;
  /**
   * Weight of the gate's third signal in the linear rule, subtracted: the weight (0–1) of the
   * heaviest question word the index never holds (`GateSignals.absent`). 0 = not used.
   */
  gateAbsentWeight: number;
  /**
   * Weight of the gate's fourth signal in the linear rule, added: a cosine of the top passages'
   * stored sentences to the question (`gateSentenceSignal` says which). 0 = not used.
   */
  gateSentenceWeight: number;
  /** The sentence signal `gateSentenceWeight` weighs (see `sentenceSignal` in gate-sentences.ts). */
  gateSentenceSignal: SentenceSignalKind;
  /** Use the linear rule `coverage + gateDenseWeight × cosine ≥ minGateScore` even when gateDenseWeight is 0 (a fitted gate). */
  gateLinear: boolean;
  /** The linear rule's threshold when an LLM writes the answer: lower, so only clearly unrelated questions are dropped. */
  minGateScoreWithLlm: number;
  minGateScore: number;
  /** The linear rule's thresholds for questions in another language than the corpus's (translated or not). */
  minGateScoreCrossLingual: number;
  minGateScoreCrossLingualWithLlm: number;
  /** Passages kept per article. */
  passagesPerArticle: number;
  /** Recency prior for questions without time words: score × (1 + w / (1 + age in years)); 0 = off. */
  recencyWeight: number;
  /** "Latest" questions: articles scoring ≥ this share of the best one count as relevant and go newest first. */
  latestShare: number;
  /**
   * "Latest" questions: an article newer than the best one goes before it only when its score
   * share plus its text similarity to it (tf-idf cosine, 0–1) reaches this (on its story); 0 = off.
   */
  latestStoryThreshold: number;
}

/** The time a question names: its period (and whether any article was found in it) and whether it asks for the latest. */
export interface TimeQuery {
  /** The clock's date the question was resolved against. */
  today: IsoDate;
  period: (Period & { matched: boolean }) | null;
  latest: boolean;
}

export interface RetrievalResult {
  question: string;
  language: Lang;
  /** Articles, best first; empty when nothing cleared the relevance gate. */
  groups: ArticleGroup[];
  /** True when nothing cleared the gate: the answer is "not covered". */
  noAnswer: boolean;
  /** The fused passage ranking before grouping (what passage-level evaluation scores). */
  passages: ScoredPassage[];
  channels: { dense: RankedId[]; lexical: RankedId[]; fused: RankedId[] };
  /** What the question said about time, as retrieval used it. */
  time: TimeQuery;
  /**
   * What the relevance gate saw: best term coverage of the top passages, heaviest word the index
   * lacks, best dense cosine, and the cosines of their stored sentences (0 when none are stored).
   */
  gate?: { coverage: number; absent: number; similarity: number } & SentenceSignals;
  knobs: RetrievalKnobs;
  /** The text the question's vector was embedded from: the question, or its translation into the index's bridge language. */
  embeddedQuestion?: { text: string; lang: Lang };
  /**
   * The stored sentences of the groups' candidate passages (see widenGroup) with their cosine
   * similarity to the question's vector; `translatedTo`: the language of their translations (the
   * index's bridge), null when the index embeds as written. Absent for results made before
   * sentences were stored.
   */
  sentences?: { translatedTo: Lang | null; matches: SentenceMatch[] };
  /** Milliseconds per stage: embed, hnsw, fts, fusion, grouping, total. */
  timings: Record<string, number>;
}

/** What the gate reads of the top passages' stored sentences (cosines to the question's vector). */
export interface SentenceSignals {
  /** Best cosine of a stored sentence of the top passages; 0 when they have none. */
  sentence: number;
  /**
   * Cosine of the top passages' sentence that holds most question words (by stem or prefix, in
   * the sentence as written or in its stored translation; ties: the closer sentence); 0 when
   * they have none.
   */
  wordiest: number;
}

/** The sentence signal the gate weighs: the best sentence cosine, its gap over the best passage cosine, or the wordiest sentence's. */
export type SentenceSignalKind = 'best' | 'gap' | 'wordiest';
