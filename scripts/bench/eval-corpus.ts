import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';

const evalSchema = z.object({
  corpus: z.array(z.object({ id: z.string(), title: z.string(), text: z.string() })),
  questions: z.array(
    z.object({ id: z.string(), question_it: z.string(), question_en: z.string(), doc_id: z.string() }),
  ),
});

/** The dev set's articles and questions (only the fields the benchmark uses). */
export type EvalSet = z.infer<typeof evalSchema>;
export type EvalArticle = EvalSet['corpus'][number];
export type EvalQuestion = EvalSet['questions'][number];

/** Reads and checks squad-it-dev.json. Throws when the file is missing or has another shape. */
export function readEvalSet(file: string): EvalSet {
  const parsed = evalSchema.safeParse(JSON.parse(readFileSync(file, 'utf8')));
  if (!parsed.success) throw new Error(`${file} is not the squad-it-dev set: ${parsed.error.message}`);
  return parsed.data;
}

/**
 * The first `articles` articles by text length (shortest first, for quick runs; null keeps all
 * in file order) and at most `questions` of their questions (null: all), in file order.
 */
export function selectEvalSubset(set: EvalSet, articles: number | null, questions: number | null): EvalSet {
  const corpus =
    articles === null ? set.corpus : [...set.corpus].sort((a, b) => a.text.length - b.text.length).slice(0, articles);
  const ids = new Set(corpus.map((a) => a.id));
  const asked = set.questions.filter((q) => ids.has(q.doc_id));
  return { corpus, questions: questions === null ? asked : asked.slice(0, questions) };
}

/** One corpus record as the product's `.jsonl` reader takes it. */
export interface CorpusRecord {
  id: string;
  title: string;
  text: string;
  lang: 'it' | 'en';
}

/** Writes `records` as `<dir>/<name>` (one JSON object per line), creating `dir`; returns the file path. */
export function writeJsonlCorpus(dir: string, name: string, records: CorpusRecord[]): string {
  mkdirSync(dir, { recursive: true });
  const file = path.join(dir, name);
  writeFileSync(file, records.map((r) => JSON.stringify(r)).join('\n') + '\n');
  return file;
}

/** The eval articles as Italian corpus records. */
export function toCorpusRecords(articles: EvalArticle[]): CorpusRecord[] {
  return articles.map((a) => ({ id: a.id, title: a.title, text: a.text, lang: 'it' }));
}
