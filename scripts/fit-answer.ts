import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { WEIGHTS_FILE } from '../src/answer/sentence-scorer.js';
import { buildOptionsFrom, knobOverridesFrom, modelSourcesFrom, warmApertiumFrom } from '../src/app/compose.js';
import { loadConfig } from '../src/config.js';
import { loadEmbedder } from '../src/embedding/load-embedder.js';
import { locateModel } from '../src/embedding/resolve-model.js';
import { loadDataset, sliceDataset, type Dataset } from '../src/eval/dataset.js';
import { fitAnswerScorer } from '../src/eval/fit-answer.js';
import type { Lang } from '../src/text/lang.js';
import { runScript } from './run-script.js';
import { indexTuning } from '../src/index/tuning.js';

const TRAIN = '../shared/eval/squad-it-train/squad-it-train.json';
const DEV = '../shared/eval/squad-it-dev/squad-it-dev.json';
const USAGE = `usage: npm run fit -- [--train FILE] [--dev FILE] [--lang it|en|both] [--articles N] [--max-train N] [--max-dev N]
  [--sample-train N] [--sample-dev N] [--out FILE] [--cache DIR] [--retrieval-cache FILE]
  Fits the extractive answer's sentence scorer on --train (default ${TRAIN}), chooses λ and the
  supporting-quote margin on --dev (default ${DEV}) and writes the weights with their numbers
  (default: ${path.relative(process.cwd(), fileURLToPath(WEIGHTS_FILE))}). --articles N keeps the first N articles (a quick slice);
  --sample-train/--sample-dev N keep N questions evenly spaced over the file (every article keeps some).
  --retrieval-cache FILE keeps what retrieval gave each question (reused under the same model,
  bridge, translator and knobs), so refitting after a change of the sentence features is fast.`;

/** `n` questions evenly spaced over the dataset's questions (all of them when n ≥ their number). */
function sampleEvenly(dataset: Dataset, n: number): Dataset {
  const all = dataset.questions;
  if (!(n > 0) || n >= all.length) return dataset;
  return {
    ...dataset,
    questions: Array.from({ length: n }, (_, i) => all[Math.floor((i * all.length) / n)]).filter(
      (q) => q !== undefined,
    ),
  };
}

await runScript(USAGE, async () => {
  const { values } = parseArgs({
    options: {
      train: { type: 'string', default: TRAIN },
      dev: { type: 'string', default: DEV },
      lang: { type: 'string', default: 'both' },
      articles: { type: 'string' },
      'max-train': { type: 'string' },
      'max-dev': { type: 'string' },
      'sample-train': { type: 'string' },
      'sample-dev': { type: 'string' },
      out: { type: 'string' },
      cache: { type: 'string' },
      'retrieval-cache': { type: 'string' },
    },
  });
  const langs: Lang[] =
    values.lang === 'both' ? ['it', 'en'] : values.lang === 'it' || values.lang === 'en' ? [values.lang] : [];
  if (langs.length === 0) throw new TypeError('--lang must be it, en or both');
  const config = loadConfig();
  let train = loadDataset(values.train);
  let dev = loadDataset(values.dev);
  const articles = values.articles === undefined ? train.corpus.length : Number(values.articles);
  const ids = train.corpus.slice(0, articles).map((d) => d.id);
  train = sliceDataset(train, ids, values['max-train'] === undefined ? Infinity : Number(values['max-train']));
  dev = sliceDataset(dev, ids, values['max-dev'] === undefined ? Infinity : Number(values['max-dev']));
  if (values['sample-train'] !== undefined) train = sampleEvenly(train, Number(values['sample-train']));
  if (values['sample-dev'] !== undefined) dev = sampleEvenly(dev, Number(values['sample-dev']));
  const translator = await warmApertiumFrom(config);
  const workDir = values.cache ?? mkdtempSync(path.join(tmpdir(), 'archivista-fit-'));
  const sources = modelSourcesFrom(config);
  try {
    const weights = await fitAnswerScorer({
      train,
      dev,
      trainPath: values.train,
      devPath: values.dev,
      langs,
      workDir,
      buildOptions: buildOptionsFrom(config, { trigger: 'eval' }),
      embedderFor: (g) => loadEmbedder(locateModel(g.manifest.model, sources)),
      knobs: knobOverridesFrom(config),
      efSearch: indexTuning(config.TUNING).efSearch,
      translator,
      lambdas: [0, 0.001, 0.01, 0.1],
      margins: [0, 0.5, 1, 1.5, 2, 3, 4, 5, 6],
      maxMeanChars: 550,
      recipe: `npm run fit -- ${process.argv.slice(2).join(' ')}`.trim(),
      onProgress: (m) => console.error(m),
      ...(values['retrieval-cache'] === undefined ? {} : { retrievalCache: values['retrieval-cache'] }),
    });
    const out = values.out ?? fileURLToPath(WEIGHTS_FILE);
    writeFileSync(out, `${JSON.stringify(weights, null, 2)}\n`);
    console.log(JSON.stringify(weights.results, null, 2));
    console.error(`weights written to ${out} (translator: ${translator === null ? 'none' : translator.engine})`);
    return 0;
  } finally {
    if (values.cache === undefined) rmSync(workDir, { recursive: true, force: true });
  }
});
