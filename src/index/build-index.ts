import { mkdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { chunkArticle } from '../chunking/chunk-article.js';
import type { ChunkerSettings } from '../chunking/chunk.js';
import type { Article } from '../corpus/article.js';
import { folderSources, type SourcesFile } from '../config.js';
import { readSources } from '../sources/read-sources.js';
import { StateDb } from '../store/state-db.js';
import { INDEX_SCHEMA_VERSION } from '../store/index-db.js';
import type { Lang } from '../text/lang.js';
import { acquireBuildLock } from './build-lock.js';
import { emptyBuildReport, type BuildProgress, type BuildReport } from './build-report.js';
import { planBuild } from './plan-build.js';
import {
  dataLayout,
  ensureDataDir,
  generationDir,
  GENERATION_FILES,
  listGenerations,
  newGenerationId,
  pruneGenerations,
  readCurrent,
  switchCurrent,
  writeFileAtomic,
  type DataLayout,
} from './layout.js';
import type { Manifest } from './manifest.js';
import { embedArticles } from './embed-articles.js';
import { pauseForTest } from './pause-for-test.js';
import type { BuildOptions } from './build-options.js';
import type { GenerationWriter, IndexEngine } from './searchable-index.js';
import { sqliteEngine } from './sqlite/sqlite-engine.js';
import { roundTo } from '../util/round.js';

export type { BuildOptions } from './build-options.js';

/** Passages embedded per call: small enough for steady progress, large enough to amortise calls. */
const EMBED_STEP = 32;

/**
 * Builds or updates the index of `corpusDir` in a new generation and makes it live.
 * Never throws: a failure is reported in the returned report (outcome 'failed') and in the runs
 * table when state.db can be written; it leaves the live generation untouched and removes its
 * own unfinished folder.
 */
export async function buildIndex(options: BuildOptions): Promise<BuildReport> {
  const startedAt = new Date();
  const layout = dataLayout(options.dataDir);
  const report = emptyBuildReport(startedAt, options.full);
  let state: StateDb | null = null;
  let runId: number | null = null;
  let release: (() => void) | null = null;
  try {
    mkdirSync(layout.dataDir, { recursive: true });
    release = acquireBuildLock(layout.lock);
    state = new StateDb(layout.stateDb);
    state.closeAbandonedRuns('the build process ended before finishing (killed or crashed)');
    runId = state.startRun(options.full, options.trigger);
    // After the run is recorded, so a data folder that cannot hold generations fails a recorded run.
    ensureDataDir(layout);
    await runBuild(options, layout, report, state);
    report.outcome = 'success';
  } catch (error) {
    report.outcome = 'failed';
    report.error = error instanceof Error ? error.message : String(error);
    await removeFailedGeneration(layout, options.engine ?? sqliteEngine, report.generationId);
  } finally {
    report.durationMs = Date.now() - startedAt.getTime();
    try {
      if (state !== null && runId !== null) state.finishRun(runId, report);
    } catch (error) {
      const note = `could not record the run in ${layout.stateDb}: ${(error as Error).message}`;
      report.error = report.error === null ? note : `${report.error} (and ${note})`;
    }
    state?.close();
    release?.();
  }
  return report;
}

async function runBuild(options: BuildOptions, layout: DataLayout, report: BuildReport, state: StateDb): Promise<void> {
  const progress = (p: BuildProgress) => options.onProgress?.(p);
  progress({ phase: 'reading', done: 0, total: 0 });
  const sources = options.sources ?? folderSources(options.corpusDir);
  const corpus = await readSources(sources, {
    store: state.sources,
    maxFileBytes: options.maxFileBytes,
    detectLanguage: options.detectLanguage,
  });
  report.articles.seen = corpus.articles.length + corpus.skipped.length;
  report.articles.skipped = corpus.skipped.length;
  report.skipped = corpus.skipped;
  report.ignoredFiles = corpus.ignored;
  report.sources = corpus.sources;
  report.reading = {
    durationMs: corpus.durationMs,
    articlesPerSec: corpus.durationMs > 0 ? Math.round((corpus.articles.length / corpus.durationMs) * 10000) / 10 : 0,
  };
  if (corpus.articles.length === 0)
    throw new Error(`no readable articles in ${describeSources(sources)} (${corpus.skipped.length} skipped)`);

  const plan = await planBuild(options, layout, new Set(corpus.articles.map((a) => a.lang)));
  Object.assign(report, {
    full: plan.full,
    fullReason: plan.fullReason,
    model: plan.model.id,
    modelNote: plan.modelNote,
    bridgeNote: plan.bridgeNote,
  });
  if (plan.base !== null && isUpToDate(plan.base.hashes, corpus.articles)) {
    // Nothing changed: the live generation stays; no copy, no new generation.
    report.chunks.total = plan.base.chunks;
    report.articles.unchanged = corpus.articles.length;
    report.generationId = plan.base.generationId;
    progress({ phase: 'done', done: 1, total: 1 });
    return;
  }
  const embedder = await options.models.load(plan.model);
  const chunker: ChunkerSettings = plan.chunker;

  const id = newGenerationId();
  const dir = generationDir(layout, id);
  mkdirSync(dir, { recursive: true });
  report.generationId = id;
  await prune(layout, options.engine ?? sqliteEngine, [id]);
  const engine = options.engine ?? sqliteEngine;
  const writer = await engine.createWriter(
    { dataDir: layout.dataDir, dir, id },
    plan.base,
    embedder.spec.dims,
    options.hnsw,
  );
  try {
    const changes = await applyChanges(writer, corpus.articles, report);
    report.chunks.removed = changes.removedChunks;

    const pending = changes.toIndex.map((article) => ({
      article,
      chunks: chunkArticle(article.text, article.lang, chunker, embedder.countTokens),
    }));
    const total = pending.reduce((n, p) => n + p.chunks.length, 0);
    const embedStart = Date.now();
    const bridge =
      plan.bridge === null || options.passageTranslator === null
        ? null
        : { language: plan.bridge.language, translator: options.passageTranslator };
    progress({ phase: 'embedding', done: 0, total });
    const { untranslated } = await embedArticles(
      pending,
      embedder,
      bridge,
      EMBED_STEP,
      ({ article, chunks }, { vectors, sentences }) =>
        writer.addArticle(article, chunks, vectors, sentences).then(() => undefined),
      (passages) => {
        report.chunks.embedded += passages;
        progress({ phase: 'embedding', done: report.chunks.embedded, total });
      },
    );
    if (untranslated > 0 && report.bridgeNote?.code === 'bridged')
      report.bridgeNote = { ...report.bridgeNote, untranslated };
    const embedMs = Date.now() - embedStart;
    report.passagesPerSec = embedMs > 0 ? roundTo((report.chunks.embedded / embedMs) * 1000, 1) : 0;

    progress({ phase: 'writing', done: 0, total: 1 });
    await pauseForTest(options.pauseAt, 'before-hnsw-write', layout.dataDir);
    await writer.writeVectors();
    await pauseForTest(options.pauseAt, 'after-hnsw-write', layout.dataDir);
    const written = await writer.finish();
    report.chunks.total = written.counts.chunks;
    const manifest: Manifest = {
      schemaVersion: INDEX_SCHEMA_VERSION,
      generationId: id,
      model: {
        id: embedder.spec.id,
        dims: embedder.spec.dims,
        dtype: embedder.spec.dtype,
        queryPrefix: embedder.spec.queryPrefix,
        passagePrefix: embedder.spec.passagePrefix,
        maxTokens: embedder.spec.maxTokens,
      },
      configuredModelId: plan.configuredModelId,
      chunker,
      hnsw: written.hnsw,
      vectorsFile: written.vectorsFile,
      engine: engine.name,
      schema: written.schema,
      bridge: plan.bridge,
      corpusLanguage: mainLanguage(corpus.articles),
      builtAt: new Date().toISOString(),
      counts: written.counts,
    };
    writeFileAtomic(path.join(dir, GENERATION_FILES.manifest), JSON.stringify(manifest, null, 2));
    await pauseForTest(options.pauseAt, 'before-pointer-switch', layout.dataDir);
    progress({ phase: 'switching', done: 0, total: 1 });
    switchCurrent(layout, id);
    await prune(layout, engine, []);
    progress({ phase: 'done', done: 1, total: 1 });
  } finally {
    writer.close();
  }
}

/**
 * A failed build's own folder goes at once, freeing what it took (on a full disk, the room to
 * record the run); whatever this cannot remove, the next build's prune does.
 */
async function removeFailedGeneration(layout: DataLayout, engine: IndexEngine, id: string | null): Promise<void> {
  if (id === null) return;
  try {
    if (readCurrent(layout) === id) return;
    rmSync(generationDir(layout, id), { recursive: true, force: true });
    await engine.prune(
      layout.dataDir,
      listGenerations(layout).map((g) => g.id),
    );
  } catch {
    // Best effort only: see above.
  }
}

/** Removes old and unfinished generation folders, then what the engine holds for them. */
async function prune(layout: DataLayout, engine: IndexEngine, keep: string[]): Promise<void> {
  pruneGenerations(layout, keep);
  await engine.prune(
    layout.dataDir,
    listGenerations(layout).map((g) => g.id),
  );
}

/** What changed between the generation's articles and the corpus: removed and replaced articles go at once. */
async function applyChanges(
  writer: GenerationWriter,
  articles: Article[],
  report: BuildReport,
): Promise<{ toIndex: Article[]; removedChunks: number }> {
  const existing = await writer.articleHashes();
  const toIndex: Article[] = [];
  const toRemove: string[] = [];
  for (const article of articles) {
    const hash = existing.get(article.id);
    existing.delete(article.id);
    if (hash === undefined) report.articles.added++;
    else if (hash !== article.hash) {
      report.articles.updated++;
      toRemove.push(article.id);
    } else {
      report.articles.unchanged++;
      continue;
    }
    toIndex.push(article);
  }
  report.articles.removed += existing.size;
  toRemove.push(...existing.keys());
  return { toIndex, removedChunks: await writer.removeArticles(toRemove) };
}

/** True when the corpus holds exactly the articles (ids and hashes) of the generation. */
function isUpToDate(existing: Map<string, string>, articles: Article[]): boolean {
  return existing.size === articles.length && articles.every((a) => existing.get(a.id) === a.hash);
}

function describeSources(sources: SourcesFile): string {
  const only = sources.sources.length === 1 ? sources.sources[0] : undefined;
  return only?.type === 'folder' ? only.path : `sources ${sources.sources.map((s) => s.id).join(', ')}`;
}

function mainLanguage(articles: Article[]): Lang {
  const italian = articles.filter((a) => a.lang === 'it').length;
  return italian * 2 >= articles.length ? 'it' : 'en';
}
