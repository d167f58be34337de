import { extname } from 'node:path';
import type { Lang } from '../text/lang.js';
import type { FieldMap } from '../config.js';
import type { CorpusReadResult, SkippedSource } from './article.js';
import type { ParsedSource } from './article-draft.js';
import { finishArticle, type IdRule } from './finish-article.js';
import { parseCsvFile } from './parse-csv.js';
import { parseHtmlFile } from './parse-html.js';
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
  /** Our field names → the files' own (JSON, JSON Lines, CSV, front matter); default: the usual names. */
  map?: FieldMap;
  /** Which id a record gets (default `record`: its own id, else its path). */
  idFrom?: IdRule;
}

const PARSERS: Readonly<Record<string, (content: string, map: FieldMap) => ParsedSource>> = {
  '.txt': parseTxtFile,
  '.md': parseMarkdownFile,
  '.markdown': parseMarkdownFile,
  '.json': parseJsonFile,
  '.jsonl': parseJsonLinesFile,
  '.csv': parseCsvFile,
  '.html': parseHtmlFile,
  '.htm': parseHtmlFile,
};

/**
 * Reads every article under `dir` (.txt, .md, .json, .jsonl, .csv, .html, recursively, in a deterministic
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
    const parsed = await readSource(file, options.maxFileBytes, options.map ?? {});
    for (const problem of parsed.problems) result.skipped.push(skip(`${file.relativePath}${problem.locator}`, problem.reason));
    for (const draft of parsed.drafts) {
      const article = finishArticle(draft, file.relativePath, options.detectLanguage, options.idFrom);
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

async function readSource(file: CorpusFile, maxFileBytes: number, map: FieldMap): Promise<ParsedSource> {
  const parse = PARSERS[extname(file.relativePath).toLowerCase()];
  if (!parse) return { drafts: [], problems: [] };
  const read = await readTextFile(file.absolutePath, maxFileBytes);
  if ('error' in read) return { drafts: [], problems: [{ locator: '', reason: read.error }] };
  if (read.text.trim() === '') return { drafts: [], problems: [{ locator: '', reason: 'empty file' }] };
  return parse(read.text, map);
}

function skip(path: string, reason: string): SkippedSource {
  return { path, reason: `${path}: ${reason}` };
}
