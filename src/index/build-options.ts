import type { SourcesFile } from '../config.js';
import type { Embedder, ModelSpec } from '../embedding/embedder.js';
import type { ModelChoice } from '../embedding/resolve-model.js';
import type { Lang } from '../text/lang.js';
import type { BuildProgress } from './build-report.js';
import type { PausePoint } from './pause-for-test.js';
import type { IndexEngine } from './searchable-index.js';
import type { HnswSettings } from './sqlite/vectors.js';

/** A machine translator for passages (Apertium's APy): the index side of EMBED_VIA_TRANSLATION. */
export interface PassageTranslator {
  readonly engine: string;
  /** The translation, or null when this text could not be translated. */
  translate(text: string, from: Lang, to: Lang): Promise<string | null>;
  /** True when the translator answers and has the language pairs it needs. */
  available(): Promise<boolean>;
}

/** Everything a build needs, passed in (the CLI, /reindex's worker and tests each build this). */
export interface BuildOptions {
  /** The one folder read when `sources` is null or absent. */
  corpusDir: string;
  /** Where articles come from (a sources file); null or absent: the folder `corpusDir`. */
  sources?: SourcesFile | null;
  dataDir: string;
  full: boolean;
  maxFileBytes: number;
  /** Chunk size in tokens; null = derived from the model's sequence length. */
  chunkMaxTokens: number | null;
  overlapSentences: number;
  hnsw: HnswSettings;
  /** EMBEDDING_MODEL as configured. */
  configuredModelId: string;
  models: {
    /** Where the configured model comes from (MODELS_DIR, hub, fallback). */
    resolve(): Promise<ModelChoice>;
    /** Finds the files of the model a live index was built with. */
    locate(spec: Omit<ModelSpec, 'localDir'>): ModelSpec;
    load(spec: ModelSpec): Promise<Embedder>;
  };
  detectLanguage: (text: string) => Lang;
  /**
   * Embeds passages the model's languages do not cover through this translator (null: embed
   * everything as written). Used by full builds when it is available; an incremental build
   * keeps the live index's choice and fails rather than mix vectors of both kinds.
   */
  passageTranslator: PassageTranslator | null;
  onProgress?: (progress: BuildProgress) => void;
  /** Who started it (`cli`, `discord:<user>`), recorded in the runs table. */
  trigger: string;
  /** Where generations are stored (INDEX_ENGINE); absent: the embedded SQLite engine. */
  engine?: IndexEngine | undefined;
  /** Test-only: stop and wait at this point so a test can kill the process there. */
  pauseAt?: PausePoint | undefined;
}
