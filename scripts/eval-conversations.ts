import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { createAnswerService } from '../src/app/answer-service.js';
import { buildOptionsFrom } from '../src/app/compose.js';
import { loadConfig } from '../src/config.js';
import { answerFollowUp, scoreFollowUps, passesFollowUp, type FollowUpOutcome } from '../src/eval/follow-ups.js';
import { buildIndex } from '../src/index/build-index.js';
import { runScript } from './run-script.js';

const USAGE =
  'usage: npm run eval:conversations -- --questions FILE --corpus PATH [--corpus PATH …] [--cache DIR] [--json]';

const setSchema = z.object({
  questions: z.array(
    z.looseObject({
      q: z.string().min(1),
      lang: z.enum(['it', 'en']),
      kind: z.literal('followup'),
      expect: z.array(z.string().min(1)).min(1),
      gold: z.array(z.string()).default([]),
      turns: z.array(z.string().min(1)).min(1),
    }),
  ),
});

await runScript(USAGE, async () => {
  const { values } = parseArgs({
    options: {
      questions: { type: 'string' },
      corpus: { type: 'string', multiple: true },
      cache: { type: 'string' },
      json: { type: 'boolean', default: false },
    },
  });
  if (values.questions === undefined || values.corpus === undefined) throw new TypeError(USAGE);
  const set = setSchema.parse(JSON.parse(readFileSync(values.questions, 'utf8')));
  const workDir = values.cache ?? mkdtempSync(path.join(tmpdir(), 'archivista-conv-eval-'));
  const corpusDir = path.join(workDir, 'corpus');
  // The corpora are copied into the work folder (eval data never goes into the repository).
  for (const source of values.corpus) {
    const target = statSync(source).isDirectory() ? corpusDir : path.join(corpusDir, path.basename(source));
    mkdirSync(corpusDir, { recursive: true });
    cpSync(source, target, { recursive: true });
  }
  const config = { ...loadConfig(), DATA_DIR: path.join(workDir, 'data'), CORPUS_DIR: corpusDir };
  try {
    const build = await buildIndex(buildOptionsFrom(config, { trigger: 'eval' }));
    if (build.outcome !== 'success') throw new Error(`indexing failed: ${build.error ?? ''}`);
    const service = await createAnswerService(config);
    const report: Record<string, unknown> = { questions: set.questions.length, passages: build.chunks.total };
    try {
      for (const withContext of [true, false]) {
        const outcomes: FollowUpOutcome[] = [];
        const started = performance.now();
        for (const [i, question] of set.questions.entries()) {
          const answer = await answerFollowUp((input) => service.ask(input), question, {
            withContext,
            conversationId: `eval:${i}`,
          });
          outcomes.push({ question, answer });
        }
        const name = withContext ? 'withContext' : 'withoutContext';
        report[name] = {
          all: scoreFollowUps(outcomes),
          it: scoreFollowUps(outcomes.filter((o) => o.question.lang === 'it')),
          en: scoreFollowUps(outcomes.filter((o) => o.question.lang === 'en')),
          msPerQuestion: Math.round((performance.now() - started) / outcomes.length),
          failures: outcomes
            .filter((o) => !passesFollowUp(o))
            .map((o) => ({
              q: o.question.q,
              turns: o.question.turns,
              reason: o.answer.reason,
              searched: o.answer.followUp?.standalone ?? null,
              text: o.answer.text.slice(0, 160),
            })),
        };
      }
    } finally {
      service.close();
    }
    console.log(JSON.stringify(report, null, values.json ? 0 : 2));
    return 0;
  } finally {
    if (values.cache === undefined) rmSync(workDir, { recursive: true, force: true });
  }
});
