import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadEmbedder } from '../../src/embedding/load-embedder.js';
import { parseQuestionSet } from '../../src/eval/question-set.js';
import { runQuestionSet } from '../../src/eval/run-questions.js';
import { SEED_FILE, SEED_ID, SHARED_MODELS, realBuildOptions } from '../helpers/build-setup.js';

describe('a hand-written question set through runQuestionSet (real model, seed article, no translator)', () => {
  const workDir = mkdtempSync(path.join(tmpdir(), 'archivista-eval-questions-'));
  afterAll(() => rmSync(workDir, { recursive: true, force: true }));

  it('indexes a corpus given as one file, answers every question and scores each by its kind', async () => {
    const { corpusDir: _c, dataDir: _d, ...buildOptions } = realBuildOptions('', '');
    const report = await runQuestionSet({
      set: parseQuestionSet(
        {
          questions: [
            // The README's first command: answered on the seed article today.
            {
              q: 'Che cosa ha proposto Lavrov a Rubio?',
              lang: 'it',
              kind: 'covered',
              expect: ['approccio nuovo', 'nuovo concetto'],
              gold: [SEED_ID],
            },
            { q: 'Qual è la ricetta tradizionale del tiramisù?', lang: 'it', kind: 'off' },
            {
              q: 'E Lavrov cosa ha proposto?',
              lang: 'it',
              kind: 'followup',
              expect: ['nuovo'],
              turns: ['Chi ha incontrato Rubio?'],
            },
          ],
        },
        'inline',
      ),
      corpus: SEED_FILE,
      workDir,
      buildOptions,
      embedderFor: (g) => loadEmbedder({ ...g.manifest.model, localDir: SHARED_MODELS }),
      efSearch: 200,
      knobs: {},
      translator: null,
      answering: { llm: null, maxQuestionChars: 1000, translateQuotes: true },
    });
    console.log('question set on the seed article', JSON.stringify(report.byKind), report.failures);
    expect(report.questions).toBe(3);
    expect(report.passages).toBeGreaterThan(0);
    expect(report.byKind.covered?.it).toMatchObject({ questions: 1, pass: 1, answered: 1, expectHit: 1, goldCited: 1 });
    expect(report.byKind.off?.it).toMatchObject({ questions: 1, pass: 1, answered: 0, goldCited: null });
    expect(report.byKind.followup?.it?.generic).toBe(true);
    expect(report.byKind.covered?.en).toBeUndefined();
    // The answer scores cover the questions with expected strings (covered and follow-up), not the off one.
    expect(report.answer.it?.questions).toBe(2);
  }, 180_000);
});
