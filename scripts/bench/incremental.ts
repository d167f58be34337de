import path from 'node:path';
import type { Config } from '../../src/config.js';
import type { Embedder } from '../../src/embedding/embedder.js';
import { buildIndex } from '../../src/index/build-index.js';
import type { BuildReport } from '../../src/index/build-report.js';
import { openGeneration } from '../../src/index/generation.js';
import { dataLayout, generationDir } from '../../src/index/layout.js';
import { writeJsonlCorpus, type CorpusRecord } from './eval-corpus.js';
import { benchBuildOptions, type PreparedModel } from './model.js';
import { createRng } from './random.js';
import { createVectorSource } from './synthetic.js';
import type { IncrementalResult } from './types.js';

const MIN_WORDS = 60;
const MAX_WORDS = 70;
const SYNTHETIC_SEED = 23;

/**
 * `count` short Italian articles (60–70 words: one passage each) made of consecutive sentences
 * of `sourceTexts` from seeded random starting points. Real text, so the real model embeds it
 * as it would news; throws when the sources hold no sentence.
 */
export function makeShortArticles(count: number, sourceTexts: string[], seed: number): CorpusRecord[] {
  const sentences = sourceTexts.flatMap((t) => t.split(/(?<=[.!?])\s+/u)).filter((s) => s.split(/\s+/u).length >= 5);
  if (sentences.length === 0) throw new Error('no sentences to make articles from');
  const rng = createRng(seed);
  return Array.from({ length: count }, (_, i) => {
    const words: string[] = [];
    for (let s = Math.floor(rng() * sentences.length); words.length < MIN_WORDS; s = (s + 1) % sentences.length) {
      words.push(...(sentences[s] ?? '').split(/\s+/u));
    }
    const text = words
      .slice(0, MAX_WORDS)
      .join(' ')
      .replace(/[.!?]?$/u, '.');
    return { id: `breve-${i}`, title: `Notizia breve ${i}`, text, lang: 'it' };
  });
}

/**
 * Builds `articles` in a fresh store, changes one article's text and times the incremental
 * `buildIndex()` with the real model. The initial build is the product's own (real chunking,
 * tokenizer, SQLite and HNSW) but its vectors are synthetic, so a 10k-article store takes
 * seconds instead of minutes of embedding; only the changed article meets the model. `ok` says
 * the update re-embedded exactly that article's passages and nothing else. Throws when a build fails.
 */
export async function benchIncremental(
  config: Config,
  prepared: PreparedModel,
  dir: string,
  articles: CorpusRecord[],
): Promise<IncrementalResult> {
  const dirs = { corpusDir: path.join(dir, 'corpus'), dataDir: path.join(dir, 'data') };
  writeJsonlCorpus(dirs.corpusDir, 'articles.jsonl', articles);
  const initial = checked(await buildIndex(benchBuildOptions(config, prepared, dirs, true, withSyntheticVectors)));

  const changedAt = Math.floor(articles.length / 2);
  const changed = articles.map((a, i) =>
    i === changedAt ? { ...a, text: `${a.text} Aggiornamento: la notizia è stata corretta dalla redazione.` } : a,
  );
  writeJsonlCorpus(dirs.corpusDir, 'articles.jsonl', changed);
  const update = checked(await buildIndex(benchBuildOptions(config, prepared, dirs, false)));

  const changedId = changed[changedAt]?.id ?? '';
  const chunks = await countArticleChunks(
    generationDir(dataLayout(dirs.dataDir), update.generationId ?? ''),
    changedId,
  );
  return {
    articles: articles.length,
    passages: initial.chunks.total,
    initialBuildMs: initial.durationMs,
    incrementalMs: update.durationMs,
    passagesEmbedded: update.chunks.embedded,
    changedArticleChunks: chunks,
    articlesUpdated: update.articles.updated,
    ok:
      !update.full &&
      update.chunks.embedded === chunks &&
      update.articles.updated === 1 &&
      update.articles.added === 0 &&
      update.articles.removed === 0,
  };
}

/** `embedder` with its passage vectors drawn from the synthetic distribution (tokenizer and query side untouched). */
function withSyntheticVectors(embedder: Embedder): Embedder {
  const source = createVectorSource(SYNTHETIC_SEED, embedder.spec.dims);
  let stream = 0;
  return {
    ...embedder,
    embedPassages: (texts) => {
      const rows = source.draw(texts.length, (stream += 1));
      return Promise.resolve(texts.map((_, i) => rows.slice(i * source.dims, (i + 1) * source.dims)));
    },
  };
}

function checked(report: BuildReport): BuildReport {
  if (report.outcome !== 'success')
    throw new Error(`incremental benchmark build failed: ${report.error ?? 'unknown error'}`);
  return report;
}

/** Passages of `articleId` in the generation in `dir`, read through the searchable index. */
async function countArticleChunks(dir: string, articleId: string): Promise<number> {
  const generation = openGeneration(dir, { efSearch: 10 });
  try {
    return (await generation.listPassages()).filter((p) => p.articleId === articleId).length;
  } finally {
    generation.close();
  }
}
