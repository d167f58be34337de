import { z } from 'zod';

export const citationSchema = z.object({
  n: z.number().int().min(1),
  articleId: z.string().min(1),
  title: z.string(),
  titleDerived: z.boolean(),
  /** The article's own precision: `YYYY-MM` or `YYYY-MM-DD`. */
  date: z
    .string()
    .regex(/^\d{4}-\d{2}(-\d{2})?$/)
    .nullable(),
  /** When the article was last updated, at its own precision; null or absent when not known. */
  updated: z
    .string()
    .regex(/^\d{4}-\d{2}(-\d{2})?$/)
    .nullable()
    .optional(),
  author: z.string().nullable(),
  url: z.string().nullable(),
  /** Verbatim slice of a stored passage. */
  quote: z.string(),
  /** Machine translation of `quote` for askers in another language, labelled as such. */
  quoteTranslation: z.string().nullable().optional(),
  passageIds: z.array(z.number().int()),
});

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

/** The question's period (inclusive ISO days, null = open) and whether it asks for the latest. */
export const timeQuerySchema = z.object({
  today: isoDate,
  period: z
    .object({
      from: isoDate.nullable(),
      to: isoDate.nullable(),
      granularity: z.enum(['day', 'week', 'month', 'season', 'year', 'decade']),
      text: z.string(),
      /** False when no article was found in the period (nothing was filtered out). */
      matched: z.boolean(),
    })
    .nullable(),
  latest: z.boolean(),
});

export const answerSchema = z.object({
  /** Unique per answer; feedback votes refer to it. */
  id: z.string().min(1),
  text: z.string(),
  language: z.enum(['it', 'en']),
  mode: z.enum(['llm', 'extractive', 'no-answer']),
  /** Why there is no answer (`not-covered`, `empty-question`, …), or why an LLM answer fell back; null otherwise. */
  reason: z.string().nullable(),
  citations: z.array(citationSchema),
  /** What translated the question for retrieval, if anything did. */
  translation: z.object({ engine: z.string(), query: z.string(), ms: z.number() }).nullable(),
  /** Milliseconds per stage. */
  timings: z.record(z.string(), z.number()),
  /** What the question said about time, as retrieval resolved it (absent when retrieval did not run). */
  time: timeQuerySchema.optional(),
  /** For a follow-up searched as another text: that text, and what wrote it (the offline completion or the LLM). */
  followUp: z
    .object({ standalone: z.string(), via: z.enum(['offline', 'llm']) })
    .nullable()
    .optional(),
});

export type Citation = z.infer<typeof citationSchema>;
export type Answer = z.infer<typeof answerSchema>;

export type NoAnswerReason = 'not-covered' | 'empty-question' | 'question-too-long' | 'no-index' | 'needs-subject';
