import type { AnswerDeps } from '../answer/answer-question.js';
import { translateForRetrieval } from '../answer/query-translations.js';
import { retrieve } from '../retrieval/retrieve.js';
import type { RetrievalResult } from '../retrieval/types.js';
import type { Lang } from '../text/lang.js';
import type { Embedder } from '../embedding/embedder.js';
import { buildIndex, type BuildOptions } from '../index/build-index.js';
import type { Generation } from '../index/searchable-index.js';
import { LiveIndex } from '../index/live-index.js';
import type { RetrievalKnobs } from '../retrieval/types.js';
import type { Translator } from '../translate/translator.js';

/** An index an evaluation built and holds open (one leased generation and its embedder). */
export interface OpenIndex {
  generation: Generation;
  embedder: Embedder;
  live: LiveIndex;
  close: () => void;
}

/** What opening an eval index needs; corpusDir/dataDir are given per index. */
export interface OpenIndexOptions {
  buildOptions: Omit<BuildOptions, 'corpusDir' | 'dataDir'>;
  embedderFor: (generation: Generation) => Promise<Embedder>;
  /** HNSW search breadth (the tuning's efSearch, src/index/tuning.ts). */
  efSearch: number;
  onProgress?: (message: string) => void;
}

/**
 * Builds (or incrementally updates) the index of `corpusDir` in `dataDir` with the product's
 * buildIndex and opens it. Throws naming `name` when the build fails or cannot be loaded.
 */
export async function buildAndOpenIndex(
  options: OpenIndexOptions,
  corpusDir: string,
  dataDir: string,
  name: string,
): Promise<OpenIndex> {
  const report = await buildIndex({
    ...options.buildOptions,
    corpusDir,
    dataDir,
    onProgress: (p) =>
      p.phase === 'embedding' &&
      p.done % 200 === 0 &&
      p.done > 0 &&
      options.onProgress?.(`embedding ${p.done}/${p.total}`),
  });
  if (report.outcome !== 'success') throw new Error(`indexing the ${name} eval corpus failed: ${report.error ?? ''}`);
  const live = new LiveIndex(dataDir, { efSearch: options.efSearch, engine: options.buildOptions.engine });
  const lease = live.acquire();
  if (lease === null) throw new Error(`the ${name} eval index cannot be loaded: ${live.status().error ?? ''}`);
  const embedder = await options.embedderFor(lease.generation);
  return { generation: lease.generation, embedder, live, close: () => (lease.release(), live.close()) };
}

/** What `answerQuestion` needs to answer over an eval index, as `ask` would with these settings. */
export function evalAnswerDeps(
  index: OpenIndex,
  answering: Pick<AnswerDeps, 'llm' | 'maxQuestionChars' | 'translateQuotes'>,
  translator: Translator | null,
  knobs: Partial<RetrievalKnobs>,
): AnswerDeps {
  return {
    ...answering,
    acquire: () => index.live.acquire(),
    embedderFor: () => Promise.resolve(index.embedder),
    translator,
    knobs,
  };
}

/**
 * Retrieval as the product runs it over an eval index: the question translated where the index
 * needs it (`translateForRetrieval`), then `retrieve`. Returns the translations too (the
 * extractive step reads the lexical one).
 */
export async function retrieveAsProduct(
  index: OpenIndex,
  translator: Translator | null,
  question: string,
  lang: Lang,
  knobs: Partial<RetrievalKnobs>,
): Promise<{ result: RetrievalResult; translations: Awaited<ReturnType<typeof translateForRetrieval>> }> {
  const translations = await translateForRetrieval(translator, question, lang, index.generation.manifest);
  const result = await retrieve({
    generation: index.generation,
    embedder: index.embedder,
    question,
    language: lang,
    extraQueries: translations.extraQueries,
    denseQuery: translations.denseQuery,
    knobs,
  });
  return { result, translations };
}
