/** A passage of an article: `text === article.text.slice(start, end)`. */
export interface Chunk {
  /** 0-based position in the article. */
  index: number;
  start: number;
  end: number;
  text: string;
}

/** How articles are cut into chunks; recorded in the index manifest. */
export interface ChunkerSettings {
  /** Largest chunk, in the embedding model's tokens. */
  maxTokens: number;
  /** Sentences repeated at the start of the next chunk. */
  overlapSentences: number;
}

/** Counts tokens of the model in use (a fake in unit tests). */
export type TokenCounter = (text: string) => number;

/** A half-open range `[start, end)` of JavaScript string indices into an article's text. */
export interface Span {
  start: number;
  end: number;
}

/** A span that is packed as a whole into chunks (a sentence or a piece of a long one). */
export interface Unit extends Span {
  /** Tokens of `text.slice(start, end)`, as the chunker's token counter counts them. */
  tokens: number;
}
