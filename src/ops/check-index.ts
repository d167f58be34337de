import type { ModelSpec } from '../embedding/embedder.js';
import { ModelLoadError } from '../embedding/load-embedder.js';
import { explainUnloadable, locateModel, resolveModel, type ModelSources } from '../embedding/resolve-model.js';
import { openGeneration } from '../index/generation.js';
import { dataLayout, generationDir, readCurrent } from '../index/layout.js';
import { wordModelSource } from '../index/word-report.js';
import type { Findings } from './problem.js';

/** Loads a model and embeds one question with it; throws when it cannot. */
export type TryModel = (spec: ModelSpec) => Promise<void>;

/**
 * Checks that the data folder has a live index the bot can open (manifest, vectors and database
 * agreeing) and that the model it was built with (or, without an index, the configured one)
 * loads here and embeds a question.
 */
export async function checkIndexAndModel(
  findings: Findings,
  input: { dataDir: string; efSearch: number; sources: ModelSources; tryModel: TryModel },
): Promise<void> {
  const spec = checkIndex(findings, input.dataDir, input.efSearch);
  let configured: Awaited<ReturnType<typeof resolveModel>> | null = null;
  try {
    configured = await resolveModel(input.sources);
  } catch (error) {
    if (!(error instanceof ModelLoadError)) throw error;
    if (spec === null) {
      findings.fail('embedding model', {
        code: 'model-missing',
        key: 'EMBEDDING_MODEL',
        message: error.message,
        fatal: true,
      });
      return;
    }
  }
  const hubReachable = configured !== null && configured.spec.localDir === null;
  const model = spec === null ? (configured?.spec ?? null) : locateModel(spec, input.sources);
  if (model === null) return;
  const why = spec === null ? null : explainUnloadable(spec, input.sources, hubReachable);
  if (why !== null) {
    findings.fail('embedding model', {
      code: 'model-missing',
      key: 'MODELS_DIR',
      message: `The live index: ${why}.`,
      fatal: true,
    });
    return;
  }
  try {
    await input.tryModel(model);
    const whence =
      spec === null ? (configured === null ? '' : wordModelSource('en', configured.source)) : 'the live index’s model';
    findings.pass('embedding model', `${model.id} loads and embeds a question (${whence})`);
  } catch (error) {
    findings.fail('embedding model', {
      code: 'model-unloadable',
      key: 'EMBEDDING_MODEL',
      message: `${model.id} does not load: ${(error as Error).message}. Check the model folder, or set EMBEDDING_MODEL to a model you have.`,
      fatal: true,
    });
  }
}

/** The live index's model when it opens, else null (and a problem). */
function checkIndex(findings: Findings, dataDir: string, efSearch: number): Omit<ModelSpec, 'localDir'> | null {
  const layout = dataLayout(dataDir);
  let id: string | null;
  try {
    id = readCurrent(layout);
  } catch (error) {
    findings.fail('index', {
      code: 'index-unreadable',
      key: 'DATA_DIR',
      message: `${layout.current} cannot be read (${(error as Error).message}): check the data folder's permissions.`,
      fatal: true,
    });
    return null;
  }
  if (id === null) {
    findings.fail('index', {
      code: 'index-missing',
      key: 'DATA_DIR',
      message: `No index in ${dataDir}: run \`npm run index\` (or /reindex from Discord once the bot runs), or point DATA_DIR at the data folder.`,
      fatal: true,
    });
    return null;
  }
  try {
    const generation = openGeneration(generationDir(layout, id), { efSearch });
    const { manifest } = generation;
    generation.close();
    findings.pass(
      'index',
      `generation ${id}: ${manifest.counts.articles} articles, ${manifest.counts.chunks} passages`,
    );
    return manifest.model;
  } catch (error) {
    findings.fail('index', {
      code: 'index-unreadable',
      key: 'DATA_DIR',
      message: `${(error as Error).message}. Run \`npm run index -- --full\` to build a fresh one.`,
      fatal: true,
    });
    return null;
  }
}
