import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { isValidIsoDate } from '../time/calendar.js';

/** What a hand-written question tests; each kind has its own scorer (see score-kinds.ts). */
export const QUESTION_KINDS = ['covered', 'off', 'dated', 'latest', 'followup'] as const;
export type QuestionKind = (typeof QUESTION_KINDS)[number];

/** Kinds whose answer must contain one of `expect` (all but `off`). */
const needsExpect = (kind: QuestionKind) => kind !== 'off';

// Loose objects: other issues add fields (a reference date, a context flag) without breaking older sets.
const questionSchema = z
  .looseObject({
    q: z.string().trim().min(1),
    lang: z.enum(['it', 'en']),
    kind: z.enum(QUESTION_KINDS),
    /** Strings any one of which must appear in the answer (case-insensitive). */
    expect: z.array(z.string().trim().min(1)).default([]),
    /** Article ids or urls any one of which should be cited. */
    gold: z.array(z.string().trim().min(1)).default([]),
    /** Earlier questions of the same conversation, oldest first (follow-ups). */
    turns: z.array(z.string().trim().min(1)).default([]),
    /** The day the question is asked (`YYYY-MM-DD`), for time words; default: eval's `--today`, else the clock. */
    today: z.string().refine(isValidIsoDate, 'must be a real date written YYYY-MM-DD').optional(),
  })
  .refine((q) => !needsExpect(q.kind) || q.expect.length > 0, {
    message: 'needs at least one "expect" string (only kind "off" may have none)',
  })
  .refine((q) => q.kind !== 'off' || (q.expect.length === 0 && q.gold.length === 0), {
    message: 'kind "off" takes no "expect" and no "gold"',
  });

const questionSetSchema = z.looseObject({ questions: z.array(questionSchema).min(1) });

/** A hand-written question set (`eval/questions/*.json`). */
export type QuestionSet = z.infer<typeof questionSetSchema>;
export type SetQuestion = QuestionSet['questions'][number];

/** Reads and validates a question set; throws naming the file, the question and the first problem. */
export function loadQuestionSet(file: string): QuestionSet {
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new Error(`${file} cannot be read as JSON: ${(error as Error).message}`);
  }
  return parseQuestionSet(raw, file);
}

/** Validates a parsed question set; `source` names it in the error. */
export function parseQuestionSet(raw: unknown, source: string): QuestionSet {
  const parsed = questionSetSchema.safeParse(raw);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  throw new Error(
    `${source} is not a question set ({"questions": [{"q", "lang", "kind", "expect", "gold", "turns"}]}): ${issue?.path.join('.') ?? ''} ${issue?.message ?? ''}`,
  );
}
