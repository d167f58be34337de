import type { ArticleMeta } from '../corpus/article.js';
import { isLang } from '../text/lang.js';

/** A stored chunk as an index returns it, with its article's metadata. */
export interface Passage extends ArticleMeta {
  /** Chunk id in the generation (= its vector's label). */
  id: number;
  articleId: string;
  /** 0-based chunk position in the article. */
  index: number;
  /** Character offsets into the article text; `text === article.text.slice(start, end)`. */
  start: number;
  end: number;
  text: string;
}

/** A passage as both engines' SQL selects it (`titleDerived`: SQLite's 0/1, PostgreSQL's boolean). */
export interface PassageRow {
  id: number;
  articleId: string;
  idx: number;
  start: number;
  end: number;
  text: string;
  title: string;
  titleDerived: number | boolean;
  date: string | null;
  updated: string | null;
  author: string | null;
  url: string | null;
  lang: string;
}

/** The Passage of a row; a language the index does not know is read as Italian. */
export function toPassage({ idx, titleDerived, lang, ...rest }: PassageRow): Passage {
  return {
    ...rest,
    index: idx,
    titleDerived: titleDerived === true || titleDerived === 1,
    lang: isLang(lang) ? lang : 'it',
  };
}

/**
 * One sentence of a chunk as a build stores it, for the extractive answer's scorer: its offsets
 * into the chunk text (as `splitSentences` gives them), its vector and, when the index embeds
 * through a translation, the translated text that was embedded (null: embedded as written).
 */
export interface StoredSentence {
  start: number;
  end: number;
  vector: Float32Array;
  translation: string | null;
}

/** A stored sentence's cosine similarity to a question's vector. */
export interface SentenceMatch {
  /** Chunk id of its passage, and its offsets into the passage text. */
  passageId: number;
  start: number;
  end: number;
  score: number;
  /** What was embedded for it when that was a translation; null: the sentence as written. */
  translation: string | null;
}

/**
 * A stored sentence vector's bytes as both engines keep them: the vector scaled so that its
 * largest component is ±127, each component rounded to a signed byte (a quarter of float32's
 * size). The scale need not be kept: a cosine divides by the stored vector's norm. The cosine
 * moves by about 0.001, far below what separates two sentences for the scorer.
 */
export function sentenceVectorBytes(vector: Float32Array): Buffer {
  const largest = vector.reduce((max, v) => Math.max(max, Math.abs(v)), 0);
  const scale = largest > 0 ? 127 / largest : 0;
  const bytes = new Int8Array(vector.length);
  for (let i = 0; i < vector.length; i += 1) bytes[i] = Math.round((vector[i] ?? 0) * scale);
  return Buffer.from(bytes.buffer);
}

/** Cosine similarity of unit-length `query` to a stored sentence vector's bytes (see sentenceVectorBytes). */
export function sentenceCosine(query: Float32Array, bytes: Uint8Array): number {
  const stored = new Int8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let dot = 0;
  let norm = 0;
  for (let i = 0; i < stored.length; i += 1) {
    const v = stored[i] ?? 0;
    dot += (query[i] ?? 0) * v;
    norm += v * v;
  }
  return norm > 0 ? dot / Math.sqrt(norm) : 0;
}

/** One channel's ranking: passage ids best first, with the channel's own score. */
export interface RankedId {
  id: number;
  score: number;
}

/**
 * A lexical query in the index's own analysed terms (see `analyzeForIndex`): passages match on
 * any stem (in the stems or title field), prefix term or stem pair. `words` holds the same
 * content words as written (lowercase, accents kept), for a channel that analyses text itself
 * (PostgreSQL's to_tsvector variant). Engines quote every term, so nothing a user typed is read
 * as query syntax.
 */
export interface LexicalQuery {
  stems: string[];
  prefixes: string[];
  pairs: string[];
  words: string[];
}

/** BM25 weights of the lexical fields beside the stems field (weight 1). */
export interface LexicalWeights {
  prefix: number;
  pairs: number;
  title: number;
}

/** Term statistics for idf: passages in the index and, per asked stem, passages holding it. */
export interface TermStats {
  passages: number;
  docs: number[];
}
