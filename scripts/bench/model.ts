import { buildOptionsFrom, modelSourcesFrom } from '../../src/app/compose.js';
import type { Config } from '../../src/config.js';
import type { Embedder } from '../../src/embedding/embedder.js';
import { loadEmbedder } from '../../src/embedding/load-embedder.js';
import { resolveModel, type ModelChoice } from '../../src/embedding/resolve-model.js';
import type { BuildOptions } from '../../src/index/build-index.js';
import type { PassageTranslator } from '../../src/index/build-options.js';

/** The model the product resolves from configuration, loaded and warm. */
export interface PreparedModel {
  choice: ModelChoice;
  embedder: Embedder;
}

const WARM_TEXTS = [
  'La crisi petrolifera del 1973 iniziò quando i membri dell’OPEC proclamarono un embargo.',
  'Il governo ha annunciato nuove misure per il trasporto pubblico nelle città.',
  'What did the council decide about the new bridge?',
];

/**
 * Resolves the model the product way (MODELS_DIR, hub, else the on-disk fallback), loads it
 * through the shared `loadEmbedder` cache and runs a few passages and queries through it, so
 * later timings exclude model loading and first-run costs. Throws ModelLoadError when no model loads.
 */
export async function prepareModel(config: Config): Promise<PreparedModel> {
  const choice = await resolveModel(modelSourcesFrom(config));
  const embedder = await loadEmbedder(choice.spec, { batchSize: config.EMBEDDING_BATCH_SIZE });
  await embedder.embedPassages([...WARM_TEXTS, ...WARM_TEXTS]);
  for (const text of WARM_TEXTS) await embedder.embedQuery(text);
  return { choice, embedder };
}

/**
 * The product's build options from configuration (`buildOptionsFrom`), for `corpusDir` and
 * `dataDir`. Model resolution is answered from `prepared`: the hub probe (up to HUB_TIMEOUT_MS
 * on an offline machine) is model setup, not indexing; loading hits the shared cache. `wrap`
 * lets the benchmark observe the embedder the build uses. Passages are embedded as written unless
 * `passageTranslator` is given (EMBED_VIA_TRANSLATION is measured on its own).
 */
export function benchBuildOptions(
  config: Config,
  prepared: PreparedModel,
  dirs: { corpusDir: string; dataDir: string },
  full: boolean,
  wrap?: (e: Embedder) => Embedder,
  passageTranslator: PassageTranslator | null = null,
): BuildOptions {
  const options = buildOptionsFrom(config, { trigger: 'bench', full, ...dirs, passageTranslator });
  const models = options.models;
  options.models = {
    ...models,
    resolve: () => Promise.resolve(prepared.choice),
    load: async (spec) => (wrap === undefined ? models.load(spec) : wrap(await models.load(spec))),
  };
  return options;
}

/** `embedder` with the wall time spent inside `embedPassages` added up in `clock.ms`. */
export function clockEmbedder(embedder: Embedder, clock: { ms: number }): Embedder {
  return {
    ...embedder,
    embedPassages: async (texts) => {
      const start = performance.now();
      try {
        return await embedder.embedPassages(texts);
      } finally {
        clock.ms += performance.now() - start;
      }
    },
  };
}
