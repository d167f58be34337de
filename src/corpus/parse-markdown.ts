import matter from 'gray-matter';
import { rejectFile, type ParsedSource } from './article-draft.js';
import type { FieldMap } from '../config.js';
import { mapFields } from './field-map.js';
import { isPlainRecord, parseRecord } from './parse-record.js';

const refuse = (): never => {
  throw new Error('only YAML or JSON front matter is read');
};
// Options are always passed: without them gray-matter caches every file's content forever.
// Its JavaScript engine would eval the front matter of a corpus file, so it is replaced.
const MATTER_OPTIONS = { engines: { js: refuse, javascript: refuse, coffee: refuse, coffeescript: refuse, cson: refuse } };

/**
 * A `.md` file with optional YAML front matter (`title`, `date`, `author`, `url`, `lang`, `tags`,
 * `id`); the body after it is the text. Rejects the file, with the reason, when the front matter
 * is malformed or not a mapping, unclosed, or the body is empty. Never throws.
 */
export function parseMarkdownFile(content: string, map: FieldMap = {}): ParsedSource {
  if (opensFrontMatter(content) && !/\r?\n---/.test(content.slice(3))) return rejectFile('malformed front matter: no closing ---');
  let parsed: { data: unknown; content: string; matter?: string };
  try {
    parsed = matter(content, MATTER_OPTIONS);
  } catch (error) {
    return rejectFile(`malformed front matter: ${error instanceof Error ? error.message : String(error)}`);
  }
  const data = parsed.data ?? {};
  if (!isPlainRecord(data)) return rejectFile('malformed front matter: not a mapping of fields');
  if (parsed.content.trim() === '') return rejectFile('empty body');
  const dateKey = map.date ?? 'date';
  const fields = mapFields({ ...data, [dateKey]: readYamlDate(data[dateKey], dateKey, parsed.matter ?? '') }, map);
  const draft = parseRecord(fields, parsed.content, '');
  return 'error' in draft ? rejectFile(draft.error) : { drafts: [draft], problems: [] };
}

// YAML turns `date: 2025-13-40` into a rolled-over Date (2026-02-09); the written value tells.
function readYamlDate(value: unknown, key: string, frontMatter: string): unknown {
  if (!(value instanceof Date)) return value;
  const escaped = key.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const written = new RegExp(`^${escaped}:[ \\t]*(\\d{4}-\\d{2}-\\d{2})[ \\t]*(?:#.*)?$`, 'm').exec(frontMatter)?.[1];
  return written ?? value;
}

// gray-matter's own test: "---" followed by anything but another "-" opens front matter.
function opensFrontMatter(content: string): boolean {
  return content.startsWith('---') && content.charAt(3) !== '-';
}
