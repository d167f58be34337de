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
