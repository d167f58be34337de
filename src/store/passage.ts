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

/** A stored sentence vector's bytes (little-endian float32) as both engines keep them. */
export function sentenceVectorBytes(vector: Float32Array): Buffer {
  return Buffer.from(vector.buffer, vector.byteOffset, vector.byteLength);
}

/** Cosine similarity of unit-length `query` to a stored sentence vector's bytes (stored unit length too). */
export function sentenceCosine(query: Float32Array, bytes: Uint8Array): number {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let dot = 0;
  for (let i = 0; i < query.length && i * 4 + 4 <= bytes.byteLength; i += 1)
    dot += (query[i] ?? 0) * view.getFloat32(i * 4, true);
  return dot;
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
