import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadEmbedder } from '../../src/embedding/load-embedder.js';
import { loadDataset, sliceDataset } from '../../src/eval/dataset.js';
import { runEval, type EvalOptions } from '../../src/eval/run-eval.js';
import type { PassageTranslator } from '../../src/index/build-options.js';
import { isCi } from '../../src/config.js';
import { createApertiumTranslator } from '../../src/translate/apertium.js';
import { SHARED_MODELS, realBuildOptions } from '../helpers/build-setup.js';

const DATASET = path.join(SHARED_MODELS, '..', 'eval', 'squad-it-dev', 'squad-it-dev.json');
/** Measured with `npm run eval` on this slice; committed beside the allowed drop. */
const baseline = JSON.parse(readFileSync(new URL('./eval-slice.baseline.json', import.meta.url), 'utf8')) as {
  articles: string[];
  maxQuestions: number;
  itRecallAt5: number;
  itRecallAt1: number;
  itMrrAt10: number;
  allowedDrop: number;
  /** Answers through answerQuestion (gate included): share holding a gold string, share refused. */
  itAnswer: { containsGold: number; noAnswer: number };
  /** The same slice with passages embedded through Apertium's English translation (EMBED_VIA_TRANSLATION). */
  bridged: {
    itRecallAt1: number;
    itMrrAt10: number;
    itDenseRecallAt5: number;
    enRecallAt5: number;
    enMrrAt10: number;
    noAnswerRate: number;
    /** Questions per language answered through answerQuestion in the bridged run, and their scores. */
    answers: number;
    answer: Record<'it' | 'en', { containsGold: number; noAnswer: number }>;
  };
};

// The bridged run needs the real APy (scripts/apertium.sh start): skipped locally without it, failing under CI=true.
const apertiumUrl = process.env.APERTIUM_URL ?? 'http://127.0.0.1:2737';
const apertium = createApertiumTranslator({ url: apertiumUrl, timeoutMs: 10_000, maxInputChars: 8000 });
const apertiumUp = (await apertium.available()) && (await apertium.warm());
const ci = isCi();
const apertiumNote = apertiumUp
  ? ''
  : ` — ${ci ? 'FAILS' : 'SKIPPED'}: APy not reachable at ${apertiumUrl}; run scripts/apertium.sh start`;

describe('retrieval quality on a slice of the dev set (real model, Italian questions)', () => {
  const workDir = mkdtempSync(path.join(tmpdir(), 'archivista-eval-slice-'));
  afterAll(() => rmSync(workDir, { recursive: true, force: true }));
  /** The slice through the product's own runEval, Italian only and untranslated unless `options` say otherwise. */
  const evalSlice = (options: Partial<EvalOptions> & { passageTranslator?: PassageTranslator }) => {
    const { passageTranslator = null, ...rest } = options;
    const { corpusDir: _c, dataDir: _d, ...buildOptions } = realBuildOptions('', '', { passageTranslator });
    return runEval({
      dataset: sliceDataset(loadDataset(DATASET), baseline.articles, baseline.maxQuestions),
      langs: ['it'],
      workDir,
      buildOptions,
      embedderFor: (g) => loadEmbedder({ ...g.manifest.model, localDir: SHARED_MODELS }),
      knobs: {},
      efSearch: 200,
      translators: [{ engine: 'none', translator: null }],
      defaultTranslator: 'none',
      extractiveSample: 0,
      offCoverage: false,
      answering: { llm: null, maxQuestionChars: 1000, translateQuotes: true },
      ...rest,
    });
  };

  it(`fused recall@5 (${baseline.itRecallAt5}), recall@1 (${baseline.itRecallAt1}), MRR@10 (${baseline.itMrrAt10}) and answers holding gold (${baseline.itAnswer.containsGold}) drop, and refusals (${baseline.itAnswer.noAnswer}) rise, no more than ${baseline.allowedDrop}`, async () => {
    const report = await evalSlice({});
    console.log(
      `eval slice: ${report.questions} questions, it fused`,
      report.it?.fused,
      'lexical',
      report.it?.lexical['recall@5'],
      'dense',
      report.it?.dense['recall@5'],
      'answer',
      report.it?.answer,
    );
    expect(report.questions).toBe(baseline.maxQuestions);
    expect(report.it?.fused['recall@5']).toBeGreaterThanOrEqual(baseline.itRecallAt5 - baseline.allowedDrop);
    // recall@5 is at its ceiling on so small a corpus; recall@1 and MRR still move when quality does.
    expect(report.it?.fused['recall@1']).toBeGreaterThanOrEqual(baseline.itRecallAt1 - baseline.allowedDrop);
    expect(report.it?.fused['mrr@10']).toBeGreaterThanOrEqual(baseline.itMrrAt10 - baseline.allowedDrop);
    // Every slice question is answered through answerQuestion, the path `ask` takes.
    expect(report.it?.answer.questions).toBe(baseline.maxQuestions);
    expect(report.it?.answer.containsGold).toBeGreaterThanOrEqual(
      baseline.itAnswer.containsGold - baseline.allowedDrop,
    );
    expect(report.it?.answer.noAnswer).toBeLessThanOrEqual(baseline.itAnswer.noAnswer + baseline.allowedDrop);
  }, 600_000);

  it.skipIf(!apertiumUp && !ci)(
    `through Apertium (EMBED_VIA_TRANSLATION): it recall@1 (${baseline.bridged.itRecallAt1}), MRR@10 (${baseline.bridged.itMrrAt10}), dense recall@5 (${baseline.bridged.itDenseRecallAt5}); en recall@5 (${baseline.bridged.enRecallAt5}), MRR@10 (${baseline.bridged.enMrrAt10}) drop, and the no-answer rate (${baseline.bridged.noAnswerRate}) rises, no more than ${baseline.allowedDrop}${apertiumNote}`,
    async () => {
      expect(apertiumUp).toBe(true);
      const report = await evalSlice({
        passageTranslator: apertium,
        langs: ['it', 'en'],
        workDir: path.join(workDir, 'bridged'),
        translators: [{ engine: 'apertium', translator: apertium }],
        defaultTranslator: 'apertium',
        // Answering costs more than retrieval (the extractive step embeds sentences): half the slice per language.
        maxAnswers: baseline.bridged.answers,
      });
      console.log(
        'eval slice, bridged: it fused',
        report.it?.fused,
        'dense',
        report.it?.dense,
        'en fused',
        report.en?.fused,
        'answer it',
        report.it?.answer,
        'en',
        report.en?.answer,
        'no-answer it',
        report.it?.noAnswerRate,
        'en',
        report.en?.noAnswerRate,
      );
      expect(report.bridge).toEqual({ language: 'en', engine: 'apertium' });
      const floor = (value: number) => value - baseline.allowedDrop;
      expect(report.it?.fused['recall@1']).toBeGreaterThanOrEqual(floor(baseline.bridged.itRecallAt1));
      expect(report.it?.fused['mrr@10']).toBeGreaterThanOrEqual(floor(baseline.bridged.itMrrAt10));
      expect(report.it?.dense['recall@5']).toBeGreaterThanOrEqual(floor(baseline.bridged.itDenseRecallAt5));
      expect(report.en?.fused['recall@5']).toBeGreaterThanOrEqual(floor(baseline.bridged.enRecallAt5));
      expect(report.en?.fused['mrr@10']).toBeGreaterThanOrEqual(floor(baseline.bridged.enMrrAt10));
      // Every slice question is answerable: the relevance gate must not start refusing them.
      for (const lang of ['it', 'en'] as const) {
        expect(report[lang]?.noAnswerRate).toBeLessThanOrEqual(baseline.bridged.noAnswerRate + baseline.allowedDrop);
        const answers = report[lang]?.answer;
        expect(answers?.questions).toBe(baseline.bridged.answers);
        expect(answers?.containsGold).toBeGreaterThanOrEqual(floor(baseline.bridged.answer[lang].containsGold));
        expect(answers?.noAnswer).toBeLessThanOrEqual(baseline.bridged.answer[lang].noAnswer + baseline.allowedDrop);
      }
    },
    900_000,
  );
});
