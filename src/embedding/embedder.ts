/** What an index needs to know about an embedding model; recorded in the manifest. */
export interface ModelSpec {
  /** Model id as given to transformers.js (hub id or folder name under `localDir`). */
  id: string;
  dims: number;
  dtype: string;
  queryPrefix: string;
  passagePrefix: string;
  /** The sequence length the model was trained on, in tokens. */
  maxTokens: number;
  /** Folder that holds `<id>/config.json`, or null to use the hub (and its cache). */
  localDir: string | null;
}

/** Turns text into unit-length vectors. One instance per model, shared by all callers. */
export interface Embedder {
  readonly spec: ModelSpec;
  /** Embeds passages (the passage prefix is added here). Vectors are L2-normalised. */
  readonly embedPassages: (texts: string[]) => Promise<Float32Array[]>;
  /** Embeds one question (the query prefix is added here). */
  readonly embedQuery: (text: string) => Promise<Float32Array>;
  /** Number of model tokens in `text`, without special tokens. */
  readonly countTokens: (text: string) => number;
}
