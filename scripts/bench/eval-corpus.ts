import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { EvalArticle } from '../../src/eval/dataset.js';

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
