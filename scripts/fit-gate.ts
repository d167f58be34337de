import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { buildOptionsFrom, knobOverridesFrom, modelSourcesFrom } from '../src/app/compose.js';
import { loadConfig, projectRoot } from '../src/config.js';
import { loadEmbedder } from '../src/embedding/load-embedder.js';
import { locateModel } from '../src/embedding/resolve-model.js';
import { loadDataset, sliceDataset, splitHalves, writeCorpusJsonl } from '../src/eval/dataset.js';
import { collectGateSamples, fitGate, samplesAt, type GateObservation } from '../src/eval/fit-gate.js';
import { buildAndOpenIndex } from '../src/eval/open-index.js';
import { modelName } from '../src/embedding/model-profiles.js';
import { GATE_FIT_FILE, gateFitKey } from '../src/retrieval/knobs.js';
import type { Lang } from '../src/text/lang.js';
import { selectTranslator } from '../src/translate/select.js';
import { runScript } from './run-script.js';
import { indexTuning } from '../src/index/tuning.js';

const USAGE = `usage: npm run fit-gate -- [--train FILE] [--dev FILE] [--max N] [--min-answered 0.97,0.975,0.98,0.985]
  [--absent-weights 0,0.1,...] [--sentence-signal best|gap|wordiest] [--sentence-weights 0,0.5,...] [--cache DIR] [--dry-run]
  Fits the relevance gate on squad-it-train (half the articles indexed; the other half's questions are the
  off-coverage negatives), chooses the background mix on squad-it-dev, and writes ${path.relative(projectRoot, GATE_FIT_FILE)}.`;

/** The absent-word weights tried by default (0: the gate of coverage and cosine alone). */
const ABSENT_WEIGHTS = '0,0.05,0.1,0.15,0.2,0.3,0.5,0.75,1';
/** The sentence-signal weights tried by default (0: no sentence signal). */
const SENTENCE_WEIGHTS = '0,0.5,1,1.5,2,2.5,3';
const SENTENCE_SIGNALS = ['best', 'gap', 'wordiest'] as const;

const shared = (...p: string[]) => path.resolve(projectRoot, '..', 'shared', 'eval', ...p);

await runScript(USAGE, async () => {
  const { values } = parseArgs({
    options: {
      train: { type: 'string', default: shared('squad-it-train', 'squad-it-train.json') },
      dev: { type: 'string', default: shared('squad-it-dev', 'squad-it-dev.json') },
      max: { type: 'string' },
      cache: { type: 'string' },
      'dry-run': { type: 'boolean', default: false },
      'min-answered': { type: 'string', default: '0.97,0.975,0.98,0.985' },
      'absent-weights': { type: 'string', default: ABSENT_WEIGHTS },
      'sentence-signal': { type: 'string', default: 'best' },
      'sentence-weights': { type: 'string', default: SENTENCE_WEIGHTS },
      out: { type: 'string', default: GATE_FIT_FILE },
    },
  });
  const config = loadConfig();
  const train = loadDataset(values.train);
  const dev = loadDataset(values.dev);
  const { indexed, held } = splitHalves(dev);
  const max = values.max === undefined ? Infinity : Number(values.max);
  // An even spread over the set, not its first articles, when capped.
  const step = Math.max(1, Math.floor(train.questions.length / Math.min(max, train.questions.length)));
  const trainQuestions = train.questions.filter((_, i) => i % step === 0).slice(0, max);
  const workDir = values.cache ?? mkdtempSync(path.join(tmpdir(), 'archivista-fit-gate-'));
  const translation = await selectTranslator({
    mode: config.QUERY_TRANSLATION,
    apertiumUrl: config.APERTIUM_URL,
    apertiumTimeoutMs: config.APERTIUM_TIMEOUT_MS,
    llmComplete: null,
    cacheMax: 0,
  });
  const dir = path.join(workDir, 'half');
  mkdirSync(path.join(dir, 'corpus'), { recursive: true });
  writeCorpusJsonl(sliceDataset(dev, indexed), path.join(dir, 'corpus', 'corpus.jsonl'));
  const sources = modelSourcesFrom(config);
  const index = await buildAndOpenIndex(
    {
      buildOptions: buildOptionsFrom(config, { trigger: 'eval' }),
      embedderFor: (g) => loadEmbedder(locateModel(g.manifest.model, sources)),
      efSearch: indexTuning(config.TUNING).efSearch,
      onProgress: (m) => console.error(m),
    },
    path.join(dir, 'corpus'),
    path.join(dir, 'data'),
    'fit-gate',
  );
  const mixes = [0, 0.25, 0.5, 0.75, 1];
  const langs: Lang[] = ['it', 'en'];
  try {
    const collect = (questions: typeof trainQuestions, name: string) =>
      collectGateSamples({
        index,
        translator: translation.translator,
        questions,
        indexed: new Set(indexed),
        langs,
        knobs: knobOverridesFrom(config),
        onProgress: (done, total) => console.error(`${name}: ${done}/${total}`),
      });
    const started = Date.now();
    // With --cache what retrieval showed the gate is kept beside the index, so a refit with other options skips retrieval.
    const observationsFile = path.join(
      workDir,
      `gate-observations-${translation.translator?.engine ?? 'none'}-${trainQuestions.length}.json`,
    );
    const cached = values.cache !== undefined && existsSync(observationsFile);
    const observed = cached
      ? (JSON.parse(readFileSync(observationsFile, 'utf8')) as { train: GateObservation[]; dev: GateObservation[] })
      : { train: await collect(trainQuestions, 'train'), dev: await collect(dev.questions, 'dev') };
    if (values.cache !== undefined && !cached) writeFileSync(observationsFile, JSON.stringify(observed));
    const minAnswered = values['min-answered'].split(',').map(Number);
    if (!minAnswered.every((x) => x > 0 && x < 1))
      throw new TypeError('--min-answered takes shares between 0 and 1, comma-separated');
    const absentWeights = values['absent-weights'].split(',').map(Number);
    if (!absentWeights.every((x) => Number.isFinite(x) && x >= 0))
      throw new TypeError('--absent-weights takes weights ≥ 0, comma-separated');
    const sentenceWeights = values['sentence-weights'].split(',').map(Number);
    if (!sentenceWeights.every((x) => Number.isFinite(x) && x >= 0))
      throw new TypeError('--sentence-weights takes weights ≥ 0, comma-separated');
    const kind = SENTENCE_SIGNALS.find((k) => k === values['sentence-signal']);
    if (kind === undefined) throw new TypeError(`--sentence-signal takes one of ${SENTENCE_SIGNALS.join(', ')}`);
    const fit = fitGate(samplesAt(observed.train, mixes, kind), samplesAt(observed.dev, mixes, kind), {
      mixes,
      absentWeights,
      sentenceWeights,
      denseWeights: index.generation.manifest.bridge === null ? [0, 0.5, 1] : [0, 0.5, 1, 1.5, 2, 2.5, 3],
      minAnswered,
      // The product's target (no-answer on answerable questions ≤ .03); the train target is chosen on dev.
      devMinAnswered: 0.97,
      llmAnswered: 0.995,
      langs,
      corpusLanguage: index.generation.manifest.corpusLanguage,
    });
    const key = gateFitKey(modelName(index.generation.manifest.model.id), index.generation.manifest.bridge !== null);
    const entry = {
      ...fit.params,
      sentenceSignal: kind,
      recipe: `npm run fit-gate -- --min-answered ${minAnswered.join(',')} --absent-weights ${absentWeights.join(',')} --sentence-signal ${kind} --sentence-weights ${sentenceWeights.join(',')}${values.max === undefined ? '' : ` --max ${values.max}`}`,
      trainTarget: fit.trainTarget,
      data: { train: path.relative(projectRoot, values.train), dev: path.relative(projectRoot, values.dev) },
      questions: { train: trainQuestions.length, dev: dev.questions.length, heldArticles: held.length },
      translator: translation.translator?.engine ?? 'none',
      train: fit.train,
      dev: fit.dev,
      devWithLlm: fit.devLlm,
      candidates: fit.candidates,
      measured: new Date().toISOString().slice(0, 10),
      seconds: Math.round((Date.now() - started) / 1000),
    };
    console.log(JSON.stringify({ key, ...entry }, null, 1));
    if (!values['dry-run']) {
      let all: Record<string, unknown> = {};
      try {
        all = JSON.parse(readFileSync(values.out, 'utf8')) as Record<string, unknown>;
      } catch {
        // A first fit starts the file.
      }
      writeFileSync(values.out, JSON.stringify({ ...all, [key]: entry }, null, 2) + '\n');
      console.error(`wrote ${key} to ${values.out}`);
    }
    return 0;
  } finally {
    index.close();
    if (values.cache === undefined) rmSync(workDir, { recursive: true, force: true });
  }
});
