import { env, pipeline, type FeatureExtractionPipeline } from '@huggingface/transformers';
import type { Embedder, ModelSpec } from './embedder.js';

/** The model could not be loaded (missing files, no hub); the message says what to set. */
export class ModelLoadError extends Error {
  override readonly name = 'ModelLoadError';
}

const loaded = new Map<string, Promise<Embedder>>();

/**
 * Returns the shared embedder for `spec`, loading the model on first use (one pipeline per
 * model, shared by every caller in the process). Throws ModelLoadError when it cannot load.
 */
export function loadEmbedder(spec: ModelSpec, options: { batchSize?: number } = {}): Promise<Embedder> {
  const key = `${spec.localDir ?? 'hub'}|${spec.id}|${spec.dtype}`;
  let embedder = loaded.get(key);
  if (embedder === undefined) {
    embedder = createEmbedder(spec, options.batchSize ?? 1);
    // A failed load is not cached, so a later call (e.g. after a download) can succeed.
    embedder.catch(() => loaded.delete(key));
    loaded.set(key, embedder);
  }
  return embedder;
}

async function createEmbedder(spec: ModelSpec, batchSize: number): Promise<Embedder> {
  const extractor = await openPipeline(spec);
  const tokenizer = extractor.tokenizer;
  // Serialise calls: onnxruntime already uses both cores, and interleaved runs only add memory.
  let queue: Promise<unknown> = Promise.resolve();
  const run = <T>(work: () => Promise<T>): Promise<T> => {
    const next = queue.then(work, work);
    queue = next.catch(() => undefined);
    return next;
  };

  const embed = async (texts: string[]): Promise<Float32Array[]> => {
    // Batches are padded to their longest text, so embed in length order and restore the order after.
    const order = texts.map((_, i) => i).sort((a, b) => (texts[a]?.length ?? 0) - (texts[b]?.length ?? 0));
    const out = new Array<Float32Array>(texts.length);
    for (let i = 0; i < order.length; i += batchSize) {
      const slice = order.slice(i, i + batchSize);
      const tensor = await extractor(
        slice.map((j) => texts[j] ?? ''),
        { pooling: 'mean', normalize: true },
      );
      const data = tensor.data as Float32Array;
      slice.forEach((j, row) => {
        out[j] = data.slice(row * spec.dims, (row + 1) * spec.dims);
      });
    }
    return out;
  };

  return {
    spec,
    embedPassages: (texts) => run(() => embed(texts.map((t) => spec.passagePrefix + t))),
    embedQuery: async (text) => {
      const [vector] = await run(() => embed([spec.queryPrefix + text]));
      if (vector === undefined) throw new Error('embedding returned no vector');
      return vector;
    },
    countTokens: (text) => tokenizer.encode(text, { add_special_tokens: false }).length,
  };
}

async function openPipeline(spec: ModelSpec): Promise<FeatureExtractionPipeline> {
  // transformers.js keeps these settings process-wide; every load sets them for its own model.
  env.allowLocalModels = spec.localDir !== null;
  env.allowRemoteModels = spec.localDir === null;
  if (spec.localDir !== null) env.localModelPath = spec.localDir.endsWith('/') ? spec.localDir : `${spec.localDir}/`;
  try {
    const extractor = await pipeline('feature-extraction', spec.id, { dtype: spec.dtype as 'q8' });
    const probe = await extractor(['probe'], { pooling: 'mean', normalize: true });
    const dims = probe.dims.at(-1);
    if (dims !== spec.dims) {
      throw new ModelLoadError(
        `model ${spec.id} gives ${String(dims)}-dimensional vectors, configuration says ${spec.dims} (EMBEDDING_DIMS)`,
      );
    }
    return extractor;
  } catch (error) {
    if (error instanceof ModelLoadError) throw error;
    const where = spec.localDir === null ? 'the Hugging Face hub (or its cache)' : spec.localDir;
    throw new ModelLoadError(
      `cannot load embedding model ${spec.id} (dtype ${spec.dtype}) from ${where}: ${(error as Error).message}. ` +
        'Set EMBEDDING_MODEL and MODELS_DIR to a folder that holds <model>/config.json, tokenizer.json and onnx/*.onnx (see README).',
    );
  }
}
