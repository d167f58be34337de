import { rejectFile, type ParsedSource } from './article-draft.js';
import type { FieldMap } from '../config.js';
import { mapFields } from './field-map.js';
import { isPlainRecord, parseRecord } from './parse-record.js';

/**
 * A `.json` file: one article object (locator '') or an array of them (locator `#<0-based
 * index>`). A bad record is a problem of its own; malformed JSON or another top-level value
 * rejects the file. Never throws.
 */
export function parseJsonFile(content: string, map: FieldMap = {}): ParsedSource {
  let value: unknown;
  try {
    value = JSON.parse(content);
  } catch (error) {
    return rejectFile(`malformed JSON: ${describe(error)}`);
  }
  if (isPlainRecord(value)) return collectRecords([[value, '']], map);
  if (Array.isArray(value))
    return collectRecords(
      value.map((record, i): [unknown, string] => [record, `#${i}`]),
      map,
    );
  return rejectFile('expected an article object or an array of article objects');
}

/**
 * A `.jsonl` file: one article object per line (locator `#<1-based line number>`); blank lines
 * are ignored, a line that is not JSON or not a good record is a problem of its own. Never throws.
 */
export function parseJsonLinesFile(content: string, map: FieldMap = {}): ParsedSource {
  const records: [unknown, string][] = [];
  const problems: ParsedSource['problems'] = [];
  content.split('\n').forEach((line, i) => {
    if (line.trim() === '') return;
    try {
      records.push([JSON.parse(line), `#${i + 1}`]);
    } catch (error) {
      problems.push({ locator: `#${i + 1}`, reason: `line ${i + 1} is not valid JSON: ${describe(error)}` });
    }
  });
  const parsed = collectRecords(records, map);
  return { drafts: parsed.drafts, problems: [...problems, ...parsed.problems].sort(byLine) };
}

/** Records of a bulk file (with their locators) read through `map`; a bad one is a problem of its own. */
export function collectRecords(records: [unknown, string][], map: FieldMap): ParsedSource {
  const parsed: ParsedSource = { drafts: [], problems: [] };
  for (const [record, locator] of records) {
    const fields = isPlainRecord(record) ? mapFields(record, map) : null;
    const draft = fields !== null ? parseRecord(fields, fields.text, locator) : { error: 'not an object' };
    if ('error' in draft) parsed.problems.push({ locator, reason: draft.error });
    else parsed.drafts.push(draft);
  }
  return parsed;
}

function byLine(a: { locator: string }, b: { locator: string }): number {
  return Number(a.locator.slice(1)) - Number(b.locator.slice(1));
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
