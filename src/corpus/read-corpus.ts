import { extname } from 'node:path';
import type { Lang } from '../text/lang.js';
import type { Article, CorpusReadResult, SkippedSource } from './article.js';
import type { ArticleDraft, ParsedSource } from './article-draft.js';
import { deriveTitle } from './derive-title.js';
import { hashArticle } from './hash-article.js';
import { parseJsonFile, parseJsonLinesFile } from './parse-json.js';
import { parseMarkdownFile } from './parse-markdown.js';
import { parseTxtFile } from './parse-txt.js';
import { readTextFile } from './read-text-file.js';
import { walkCorpus, type CorpusFile } from './walk-corpus.js';

/** How the corpus is read. */
export interface ReadCorpusOptions {
  /** Larger files are skipped without being read. In bytes. */
  maxFileBytes: number;
  /** Language of an article whose source does not name it/en. */
  detectLanguage: (text: string) => Lang;
}

const PARSERS: Readonly<Record<string, (content: string) => ParsedSource>> = {
  '.txt': parseTxtFile,
  '.md': parseMarkdownFile,
  '.markdown': parseMarkdownFile,
  '.json': parseJsonFile,
  '.jsonl': parseJsonLinesFile,
};

/**
 * Reads every article under `dir` (.txt, .md, .json, .jsonl, recursively, in a deterministic
 * order). A file or record that cannot be used — unreadable, too large, binary, not UTF-8,
 * empty, malformed, a duplicate id — is listed in `skipped` with a reason that starts with its
 * path (`file#n` for a record of a bulk file) and never stops the rest; other extensions and
 * hidden files are counted in `ignored`. Throws only when `dir` itself cannot be read.
 */
export async function readCorpus(dir: string, options: ReadCorpusOptions): Promise<CorpusReadResult> {
  const walk = await walkCorpus(dir, (name) => Object.hasOwn(PARSERS, extname(name).toLowerCase()));
  const result: CorpusReadResult = { articles: [], skipped: [...walk.skipped], ignored: walk.ignored };
  const firstSeen = new Map<string, string>();
  for (const file of walk.files) {
    const parsed = await readSource(file, options.maxFileBytes);
    for (const problem of parsed.problems) result.skipped.push(skip(`${file.relativePath}${problem.locator}`, problem.reason));
    for (const draft of parsed.drafts) {
      const article = finishArticle(draft, file.relativePath, options.detectLanguage);
      const location = `${file.relativePath}${draft.locator}`;
      const first = firstSeen.get(article.id);
      if (first === undefined) {
        firstSeen.set(article.id, location);
        result.articles.push(article);
      } else {
        result.skipped.push(skip(location, `duplicate id ${article.id} (first in ${first})`));
      }
    }
  }
  return result;
}

async function readSource(file: CorpusFile, maxFileBytes: number): Promise<ParsedSource> {
  const parse = PARSERS[extname(file.relativePath).toLowerCase()];
  if (!parse) return { drafts: [], problems: [] };
  const read = await readTextFile(file.absolutePath, maxFileBytes);
  if ('error' in read) return { drafts: [], problems: [{ locator: '', reason: read.error }] };
  if (read.text.trim() === '') return { drafts: [], problems: [{ locator: '', reason: 'empty file' }] };
  return parse(read.text);
}

function finishArticle(draft: ArticleDraft, sourcePath: string, detectLanguage: (text: string) => Lang): Article {
  const lang = draft.lang ?? detectLanguage(draft.text);
  const titleDerived = draft.title === null;
  const title = draft.title ?? deriveTitle(draft.text, lang);
  const fields = {
    title,
    titleDerived,
    date: draft.date,
    updated: draft.updated,
    author: draft.author,
    url: draft.url,
    lang,
    tags: draft.tags,
    text: draft.text,
  };
  return { id: draft.id ?? `${sourcePath}${draft.locator}`, sourcePath, ...fields, hash: hashArticle(fields) };
}

function skip(path: string, reason: string): SkippedSource {
  return { path, reason: `${path}: ${reason}` };
}
