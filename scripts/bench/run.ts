import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { projectRoot, type Config } from '../../src/config.js';
import { loadDataset, selectEvalSubset } from '../../src/eval/dataset.js';
import { toCorpusRecords, writeJsonlCorpus } from './eval-corpus.js';
import { benchIncremental, makeShortArticles } from './incremental.js';
import { benchIndexing } from './indexing.js';
import { prepareModel } from './model.js';
import { PRESETS, type BenchArgs } from './options.js';
import { benchQuery } from './query.js';
import { estimateMinutes, runScale } from './scale.js';
import { benchTranslation } from './translation.js';
import type { BenchResult, ScaleResult } from './types.js';
import { roundTo } from '../../src/util/round.js';

/** The dev set the benchmark indexes and asks (beside the project, like the on-disk model). */
export const EVAL_FILE = path.resolve(projectRoot, '../shared/eval/squad-it-dev/squad-it-dev.json');

/** What a run needs: this script's path (children re-run it), arguments, configuration, a progress sink. */
export interface BenchContext {
  script: string;
  args: BenchArgs;
  config: Config;
  log: (line: string) => void;
}

/**
 * Runs every measurement of the chosen preset and returns the results. Scratch files live in a
 * temp folder that is removed at the end; with --data the benchmark index is built there (any
 * index in it is replaced) and kept. Throws when the eval set, the model or a build fails.
 */
export async function runBench({ script, args, config, log }: BenchContext): Promise<BenchResult> {
  const started = Date.now();
  const loadAtStart = os.loadavg()[0] ?? 0;
  const sizes = PRESETS[args.mode];
  const work = mkdtempSync(path.join(os.tmpdir(), 'archivista-bench-'));
  const dataDir = args.dataDir ?? path.join(work, 'data');
  const notes: string[] = [];
  try {
    const set = loadDataset(EVAL_FILE);
    const subset = selectEvalSubset(set, sizes.evalArticles, sizes.questions);
    const corpusDir = path.join(work, 'eval-corpus');
    writeJsonlCorpus(corpusDir, 'squad-it-dev.jsonl', toCorpusRecords(subset.corpus));
    notes.push(
      `${args.mode}: ${subset.corpus.length} of ${set.corpus.length} eval articles, ${subset.questions.length} questions per language, synthetic sizes ${sizes.scale.map((n) => n.toLocaleString('en')).join(' / ')}, incremental store of ${sizes.incrementalArticles.toLocaleString('en')} articles`,
    );

    log('loading and warming the model');
    const prepared = await prepareModel(config);
    log(`indexing ${subset.corpus.length} eval articles (full buildIndex, then raw embedPassages)`);
    const indexing = await benchIndexing(config, prepared, { corpusDir, dataDir });
    log(`query latency over ${subset.questions.length} questions per language`);
    const query = await benchQuery(config, dataDir, prepared.embedder, subset.questions, sizes.askQuestions);
    const translated = await benchTranslation(config, subset.questions.slice(0, sizes.translations));
    if ('skipped' in translated) notes.push(translated.skipped);

    const scale = await runScale(script, sizes.scale, work, log);
    notes.push(...scaleNotes(args.mode, scale));

    const articles = makeShortArticles(
      sizes.incrementalArticles,
      set.corpus.map((a) => a.text),
      11,
    );
    log(
      `incremental: building ${articles.length} short articles (synthetic vectors), then re-embedding one changed article with the real model`,
    );
    const incremental = await benchIncremental(config, prepared, path.join(work, 'incremental'), articles);
    return {
      ran: args.mode,
      machine: {
        cpus: os.cpus().length,
        memGb: roundTo(os.totalmem() / 2 ** 30, 1),
        node: process.version,
        platform: `${os.platform()} ${os.arch()}`,
        loadAvg: [loadAtStart, os.loadavg()[0] ?? 0],
      },
      indexing,
      query,
      scale,
      incremental,
      translation: 'skipped' in translated ? null : translated,
      notes,
      totalMs: Date.now() - started,
    };
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

function scaleNotes(mode: BenchArgs['mode'], scale: ScaleResult[]): string[] {
  const notes = [
    'scale figures are SYNTHETIC (random vectors and pseudo-word text), not the model: they show how HNSW and FTS5 grow',
    "synthetic vectors come from a 48-dimensional Gaussian with no topical clusters, so their neighbours are less distinct than real text embeddings' (reasoned, not measured): read recall@10 as a cautious figure",
  ];
  if (mode === 'full') return notes;
  // Small sizes fit in cache and extrapolate badly; estimate 1M only from 100k or more.
  const largest = scale.at(-1);
  const minutes = largest !== undefined && largest.passages >= 100_000 ? estimateMinutes(largest, 1_000_000) : null;
  notes.push(
    `1M synthetic passages not run (opt in with --full)${minutes === null ? '' : `; estimated ~${minutes} min for its HNSW and FTS builds alone, on this machine at this run's load`}`,
  );
  return notes;
}
