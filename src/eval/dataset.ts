import { readFileSync, writeFileSync } from 'node:fs';
import { z } from 'zod';

const datasetSchema = z.object({
  corpus: z.array(z.object({ id: z.string(), title: z.string(), text: z.string() })),
  questions: z.array(
    z.object({
      id: z.string(),
      question_it: z.string(),
      question_en: z.string(),
      answers_it: z.array(z.string()),
      /** Gold answers of the original English question; they count for English questions too. */
      answers_en: z.array(z.string()).optional(),
      doc_id: z.string(),
      paragraph_start: z.number().int(),
      paragraph_end: z.number().int(),
    }),
  ),
});

/** An evaluation set in the squad-it-dev schema (see ../shared/eval/squad-it-dev/README.md). */
export type Dataset = z.infer<typeof datasetSchema>;
export type EvalQuestion = Dataset['questions'][number];
export type EvalArticle = Dataset['corpus'][number];

/** Reads and validates a dataset file; throws naming the file and the first problem. */
export function loadDataset(file: string): Dataset {
  const parsed = datasetSchema.safeParse(JSON.parse(readFileSync(file, 'utf8')));
  if (!parsed.success)
    throw new Error(
      `${file} is not in the squad-it-dev schema: ${parsed.error.issues[0]?.path.join('.') ?? ''} ${parsed.error.issues[0]?.message ?? ''}`,
    );
  return parsed.data;
}

/** Keeps only the given articles and their questions (at most `maxQuestions`, in file order). */
export function sliceDataset(dataset: Dataset, articleIds: string[], maxQuestions = Infinity): Dataset {
  const keep = new Set(articleIds);
  return {
    corpus: dataset.corpus.filter((d) => keep.has(d.id)),
    questions: dataset.questions.filter((q) => keep.has(q.doc_id)).slice(0, maxQuestions),
  };
}

/**
 * The first `articles` articles by text length (shortest first, for quick runs; null keeps all
 * in file order) and at most `questions` of their questions (null: all), in file order.
 */
export function selectEvalSubset(set: Dataset, articles: number | null, questions: number | null): Dataset {
  const corpus =
    articles === null ? set.corpus : [...set.corpus].sort((a, b) => a.text.length - b.text.length).slice(0, articles);
  const ids = new Set(corpus.map((a) => a.id));
  const asked = set.questions.filter((q) => ids.has(q.doc_id));
  return { corpus, questions: questions === null ? asked : asked.slice(0, questions) };
}

/** Splits articles in two halves by position (even / odd), for the off-coverage test. */
export function splitHalves(dataset: Dataset): { indexed: string[]; held: string[] } {
  const ids = dataset.corpus.map((d) => d.id);
  return { indexed: ids.filter((_, i) => i % 2 === 0), held: ids.filter((_, i) => i % 2 === 1) };
}

/** Writes the corpus as JSONL articles (the entry's id becomes the article id; Italian). */
export function writeCorpusJsonl(dataset: Dataset, file: string): void {
  writeFileSync(
    file,
    dataset.corpus.map((d) => JSON.stringify({ id: d.id, title: d.title, text: d.text, lang: 'it' })).join('\n') + '\n',
  );
}
