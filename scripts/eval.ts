import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { createLlmRewriter } from '../src/answer/rewrite-follow-up.js';
import { createLlmFrom } from '../src/app/answer-service.js';
import { buildOptionsFrom, knobOverridesFrom, modelSourcesFrom, warmApertiumFrom } from '../src/app/compose.js';
import { loadConfig } from '../src/config.js';
import { loadEmbedder } from '../src/embedding/load-embedder.js';
import { locateModel } from '../src/embedding/resolve-model.js';
import { loadDataset } from '../src/eval/dataset.js';
import { formatEvalReport } from '../src/eval/format-eval.js';
import { formatQuestionSetReport } from '../src/eval/format-questions.js';
import { loadQuestionSet } from '../src/eval/question-set.js';
import { runQuestionSet } from '../src/eval/run-questions.js';
import { runEval } from '../src/eval/run-eval.js';
import type { Lang } from '../src/text/lang.js';
import { isValidIsoDate } from '../src/time/calendar.js';
import { selectTranslator } from '../src/translate/select.js';
import type { Translator } from '../src/translate/translator.js';
import { runScript } from './run-script.js';
import { indexTuning } from '../src/index/tuning.js';

const USAGE = `usage: npm run eval -- --dataset FILE [--lang it|en|both] [-k 10] [--json] [--no-llm] [--cache DIR] [--answers N]
       npm run eval -- --questions FILE --corpus DIR|FILE [--corpus …] [--today YYYY-MM-DD] [--no-context] [--json] [--no-llm] [--cache DIR]
  [--extractive N] [--no-off-coverage] [--dense-weight W] [--fusion score|rrf] [--candidates N] [--min-coverage C] [--min-similarity S] [--prefix-weight P] [--pair-weight P] [--neighbor-weight N] [--title-weight T] [--dense-weight-cross W] [--gate-dense-weight G] [--min-gate-score S]`;

await runScript(USAGE, async () => {
  const { values } = parseArgs({
    options: {
      dataset: { type: 'string' },
      questions: { type: 'string' },
      corpus: { type: 'string', multiple: true },
      today: { type: 'string' },
      'no-context': { type: 'boolean', default: false },
      lang: { type: 'string', default: 'both' },
      k: { type: 'string', short: 'k', default: '10' },
      json: { type: 'boolean', default: false },
      'no-llm': { type: 'boolean', default: false },
      cache: { type: 'string' },
      data: { type: 'string' },
      extractive: { type: 'string', default: '0' },
      answers: { type: 'string' },
      'no-off-coverage': { type: 'boolean', default: false },
      'dense-weight': { type: 'string' },
      fusion: { type: 'string' },
      candidates: { type: 'string' },
      'min-coverage': { type: 'string' },
      'min-similarity': { type: 'string' },
      'prefix-weight': { type: 'string' },
      'pair-weight': { type: 'string' },
      'neighbor-weight': { type: 'string' },
      'title-weight': { type: 'string' },
      'dense-weight-cross': { type: 'string' },
      'gate-dense-weight': { type: 'string' },
      'min-gate-score': { type: 'string' },
    },
  });
  if ((values.dataset === undefined) === (values.questions === undefined))
    throw new TypeError('give either --dataset or --questions');
  if (values.questions !== undefined && values.corpus === undefined)
    throw new TypeError('--questions needs --corpus (a corpus folder or file)');
  if (values.today !== undefined && !isValidIsoDate(values.today))
    throw new TypeError('--today must be a real date written YYYY-MM-DD');
  const langs: Lang[] =
    values.lang === 'both' ? ['it', 'en'] : values.lang === 'it' || values.lang === 'en' ? [values.lang] : [];
  if (langs.length === 0) throw new TypeError('--lang must be it, en or both');
  const num = (v: string | undefined) => (v === undefined ? undefined : Number(v));
  const config = loadConfig();
  const sources = modelSourcesFrom(config);
  const keep = values.cache ?? values.data;
  const workDir = keep ?? mkdtempSync(path.join(tmpdir(), 'archivista-eval-'));
  const translators = await englishTranslators(config, values['no-llm']);
  const answering = {
    llm: values['no-llm'] ? null : createLlmFrom(config),
    maxQuestionChars: config.MAX_QUESTION_CHARS,
    translateQuotes: config.TRANSLATE_QUOTES,
  };
  try {
    if (values.questions !== undefined && values.corpus !== undefined) {
      const report = await runQuestionSet({
        set: loadQuestionSet(values.questions),
        corpus: values.corpus,
        workDir,
        buildOptions: buildOptionsFrom(config, { trigger: 'eval' }),
        embedderFor: (g) => loadEmbedder(locateModel(g.manifest.model, sources)),
        efSearch: indexTuning(config.TUNING).efSearch,
        knobs: knobOverridesFrom(config),
        translator: translators.list.find((t) => t.engine === translators.default)?.translator ?? null,
        answering,
        ...(values.today === undefined ? {} : { today: values.today }),
        withContext: !values['no-context'],
        rewriter:
          answering.llm === null
            ? null
            : createLlmRewriter(answering.llm, { timeoutMs: config.FOLLOW_UP_REWRITE_TIMEOUT_MS }),
        onProgress: (m) => console.error(m),
      });
      console.log(formatQuestionSetReport(report));
      if (values.json) console.log(JSON.stringify(report));
      return 0;
    }
    if (values.dataset === undefined) throw new TypeError('--dataset is required');
    const report = await runEval({
      dataset: loadDataset(values.dataset),
      langs,
      workDir,
      buildOptions: buildOptionsFrom(config, { trigger: 'eval' }),
      embedderFor: (g) => loadEmbedder(locateModel(g.manifest.model, sources)),
      knobs: {
        ...knobOverridesFrom(config),
        k: num(values.k),
        denseWeight: num(values['dense-weight']),
        fusion: values.fusion as 'score' | 'rrf' | undefined,
        candidates: num(values.candidates),
        minCoverage: num(values['min-coverage']),
        minDenseSimilarity: num(values['min-similarity']),
        prefixWeight: num(values['prefix-weight']),
        pairWeight: num(values['pair-weight']),
        neighborWeight: num(values['neighbor-weight']),
        titleWeight: num(values['title-weight']),
        denseWeightCrossLingual: num(values['dense-weight-cross']),
        gateDenseWeight: num(values['gate-dense-weight']),
        minGateScore: num(values['min-gate-score']),
      },
      efSearch: indexTuning(config.TUNING).efSearch,
      translators: translators.list,
      defaultTranslator: translators.default,
      extractiveSample: Number(values.extractive),
      answering,
      ...(values.answers === undefined ? {} : { maxAnswers: Number(values.answers) }),
      offCoverage: !values['no-off-coverage'],
      onProgress: (m) => console.error(m),
    });
    console.log(formatEvalReport(report));
    if (values.json) console.log(JSON.stringify(report));
    return 0;
  } finally {
    if (keep === undefined) rmSync(workDir, { recursive: true, force: true });
  }
});

/** Every translator that can serve here (none, Apertium when it answers, the LLM unless --no-llm), and the one `auto` picks. */
async function englishTranslators(
  config: ReturnType<typeof loadConfig>,
  noLlm: boolean,
): Promise<{ list: { engine: string; translator: Translator | null }[]; default: string }> {
  const list: { engine: string; translator: Translator | null }[] = [{ engine: 'none', translator: null }];
  const apertium = await warmApertiumFrom(config);
  if (apertium !== null) list.push({ engine: 'apertium', translator: apertium });
  const llm = noLlm ? null : createLlmFrom(config);
  const chosen = await selectTranslator({
    mode: config.QUERY_TRANSLATION,
    apertiumUrl: list.some((t) => t.engine === 'apertium') ? config.APERTIUM_URL : null,
    apertiumTimeoutMs: config.APERTIUM_TIMEOUT_MS,
    llmComplete: llm === null ? null : (m) => llm.complete(m),
    cacheMax: 0,
  });
  if (chosen.translator?.engine === 'llm') list.push({ engine: 'llm', translator: chosen.translator });
  return { list, default: chosen.translator?.engine ?? 'none' };
}
