import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadEmbedder } from '../../src/embedding/load-embedder.js';
import { parseQuestionSet } from '../../src/eval/question-set.js';
import { runQuestionSet, type QuestionSetOptions } from '../../src/eval/run-questions.js';
import { SEED_FILE, SEED_ID, SHARED_MODELS, realBuildOptions } from '../helpers/build-setup.js';

describe('a hand-written question set through runQuestionSet (real model, seed article, no translator)', () => {
  const workDir = mkdtempSync(path.join(tmpdir(), 'archivista-eval-questions-'));
  afterAll(() => rmSync(workDir, { recursive: true, force: true }));

  it('indexes a corpus given as one file, answers every question and scores each by its kind', async () => {
    const { corpusDir: _c, dataDir: _d, ...buildOptions } = realBuildOptions('', '');
    const options: QuestionSetOptions = {
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
              q: 'e quando?',
              lang: 'it',
              kind: 'followup',
              expect: ['10 luglio', '11 luglio'],
              turns: ['Che cosa ha proposto Lavrov a Rubio?'],
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
    };
    const report = await runQuestionSet(options);
    console.log('question set on the seed article', JSON.stringify(report.byKind), report.failures);
    expect(report.questions).toBe(3);
    expect(report.passages).toBeGreaterThan(0);
    expect(report.byKind.covered?.it).toMatchObject({ questions: 1, pass: 1, answered: 1, expectHit: 1, goldCited: 1 });
    expect(report.byKind.off?.it).toMatchObject({ questions: 1, pass: 1, answered: 0, goldCited: null });
    // The follow-up has no subject of its own: it is answered because its turn was asked before it.
    expect(report.byKind.followup?.it).toMatchObject({ questions: 1, pass: 1 });
    expect(report.byKind.covered?.en).toBeUndefined();
    // The answer scores cover the questions with expected strings (covered and follow-up), not the off one.
    expect(report.answer.it?.questions).toBe(2);

    // Asked alone (--no-context), the same follow-up is refused for lack of a subject.
    const alone = await runQuestionSet({ ...options, withContext: false });
    expect(alone.byKind.followup?.it).toMatchObject({ questions: 1, pass: 0, answered: 0 });
    expect(alone.failures.map((f) => [f.q, f.reason])).toEqual([['e quando?', 'needs-subject']]);
  }, 180_000);
});
