import { rmSync } from 'node:fs';
import type { Config } from '../../src/config.js';
import { passageTranslatorFrom } from '../../src/app/compose.js';
import { buildIndex } from '../../src/index/build-index.js';
import { passageForEmbedding, sentencesOf } from '../../src/index/embed-articles.js';
import type { BuildReport } from '../../src/index/build-report.js';
import { openGeneration } from '../../src/index/generation.js';
import { dataLayout, generationDir } from '../../src/index/layout.js';
import { wordBridgeNote, wordModelSource } from '../../src/index/word-report.js';
import { trackPeakMemory } from './memory.js';
import { benchBuildOptions, clockEmbedder, type PreparedModel } from './model.js';
import { roundTo } from '../../src/util/round.js';
import type { IndexingResult } from './types.js';

/** Passages per `embedPassages` call, as build-index.ts's EMBED_STEP (per article, in order). */
const EMBED_STEP = 32;

/**
 * Times the product's full `buildIndex()` of `corpusDir` into `dataDir` against the bare
 * `embedPassages` over exactly the texts that build embedded: each passage (title line included as
 * the build embeds it) and then, per call, those passages' sentences (same calls of 32, same warm
 * embedder). Order: build, raw, build again: the
 * build figures are the mean of the two, so a load that drifts linearly during the run (a
 * shared machine) cancels out of the ratio. Throws when a build fails.
 */
export async function benchIndexing(
  config: Config,
  prepared: PreparedModel,
  dirs: { corpusDir: string; dataDir: string },
): Promise<IndexingResult> {
  const tracker = trackPeakMemory();
  const first = await timedBuild(config, prepared, dirs);
  const articles = await readEmbeddedTexts(generationDir(dataLayout(dirs.dataDir), first.report.generationId ?? ''));
  const passages = articles.reduce((n, texts) => n + texts.length, 0);
  const sentences = articles.reduce((n, texts) => n + texts.reduce((m, t) => m + t.sentences.length, 0), 0);
  if (passages !== first.report.chunks.embedded)
    throw new Error(`the build embedded ${first.report.chunks.embedded} passages but stored ${passages}`);

  const rawCpu = process.cpuUsage();
  const rawStart = performance.now();
  for (const texts of articles) {
    for (let i = 0; i < texts.length; i += EMBED_STEP) {
      const step = texts.slice(i, i + EMBED_STEP);
      await prepared.embedder.embedPassages(step.map((t) => t.passage));
      await prepared.embedder.embedPassages(step.flatMap((t) => t.sentences));
    }
  }
  const rawMs = performance.now() - rawStart;
  const rawCpuMs = cpuMs(rawCpu);
  const second = await timedBuild(config, prepared, dirs);
  const peakMemoryMb = tracker.stop();
  const bridged = await bridgedBuild(config, prepared, dirs);

  const buildMs = (first.report.durationMs + second.report.durationMs) / 2;
  const rawPassagesPerSec = passages / (rawMs / 1000);
  const buildPassagesPerSec = passages / (buildMs / 1000);
  return {
    model: first.report.model,
    modelWhy: wordModelSource('en', prepared.choice.source),
    batchSize: config.EMBEDDING_BATCH_SIZE,
    articles: articles.length,
    passages,
    sentences,
    rawPassagesPerSec: roundTo(rawPassagesPerSec, 1),
    buildPassagesPerSec: roundTo(buildPassagesPerSec, 1),
    ratio: roundTo(buildPassagesPerSec / rawPassagesPerSec, 3),
    buildMs: Math.round(buildMs),
    buildRunsMs: [first.report.durationMs, second.report.durationMs],
    rawMs: Math.round(rawMs),
    cpuRatio: roundTo(rawCpuMs / ((first.cpuMs + second.cpuMs) / 2), 3),
    buildOverheadMs: Math.round((first.overheadMs + second.overheadMs) / 2),
    embedShareOfBuild: roundTo(
      1 - (first.overheadMs + second.overheadMs) / (first.report.durationMs + second.report.durationMs),
      3,
    ),
    peakMemoryMb,
    bridged,
  };
}

/** A full build through the configured passage translator (another data folder); null when none is configured or it does not answer. */
async function bridgedBuild(
  config: Config,
  prepared: PreparedModel,
  dirs: { corpusDir: string; dataDir: string },
): Promise<IndexingResult['bridged']> {
  const translator = passageTranslatorFrom(config);
  if (translator === null || !(await translator.available())) return null;
  const dataDir = `${dirs.dataDir}-bridged`;
  const report = await buildIndex(
    benchBuildOptions(config, prepared, { corpusDir: dirs.corpusDir, dataDir }, true, undefined, translator),
  );
  rmSync(dataDir, { recursive: true, force: true });
  if (report.outcome !== 'success')
    throw new Error(`benchmark build through translation failed: ${report.error ?? ''}`);
  return {
    buildMs: report.durationMs,
    passagesPerSec: roundTo(report.chunks.embedded / (report.durationMs / 1000), 1),
    note: report.bridgeNote === null ? null : wordBridgeNote('en', report.bridgeNote),
  };
}

/** One full build, with its CPU time and its wall time outside `embedPassages`; throws when it fails. */
async function timedBuild(
  config: Config,
  prepared: PreparedModel,
  dirs: { corpusDir: string; dataDir: string },
): Promise<{ report: BuildReport; cpuMs: number; overheadMs: number }> {
  const clock = { ms: 0 };
  const start = process.cpuUsage();
  const report = await buildIndex(benchBuildOptions(config, prepared, dirs, true, (e) => clockEmbedder(e, clock)));
  if (report.outcome !== 'success' || report.generationId === null)
    throw new Error(`benchmark build failed: ${report.error ?? 'no generation'}`);
  return { report, cpuMs: cpuMs(start), overheadMs: report.durationMs - clock.ms };
}

/** CPU time (user + system, all threads) of this process since `start`, in ms. */
function cpuMs(start: NodeJS.CpuUsage): number {
  const used = process.cpuUsage(start);
  return (used.user + used.system) / 1000;
}

/** The texts the build embedded, per article in build order: each passage (`title\ntext` unless the title was derived) and its sentences. */
async function readEmbeddedTexts(dir: string): Promise<{ passage: string; sentences: string[] }[][]> {
  const generation = openGeneration(dir, { efSearch: 10 });
  try {
    const byArticle = new Map<string, { passage: string; sentences: string[] }[]>();
    for (const p of await generation.listPassages()) {
      const texts = byArticle.get(p.articleId) ?? [];
      texts.push({
        passage: passageForEmbedding(p, p.text),
        sentences: sentencesOf(p.text, p.lang).map((sentence) => sentence.text),
      });
      byArticle.set(p.articleId, texts);
    }
    return [...byArticle.values()];
  } finally {
    generation.close();
  }
}
