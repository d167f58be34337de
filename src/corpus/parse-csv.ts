import { parse } from 'csv-parse/sync';
import type { FieldMap } from '../config.js';
import { rejectFile, type ParsedSource } from './article-draft.js';
import { collectRecords } from './parse-json.js';

/**
 * A `.csv` export: a header row naming the fields, then one article per row (locator `#<1-based
 * line on which the row ends>`), read through `map` like a `.jsonl` record. A `tags` cell is split on
 * `,` `;` `|`. A file that is not CSV (unbalanced quotes, no header) is rejected. Never throws.
 */
export function parseCsvFile(content: string, map: FieldMap = {}): ParsedSource {
  let rows: { record: Record<string, string>; info: { lines: number } }[];
  try {
    rows = parse(content, { columns: true, skip_empty_lines: true, bom: true, relax_column_count: true, info: true });
  } catch (error) {
    return rejectFile(`malformed CSV: ${error instanceof Error ? error.message : String(error)}`);
  }
  const tagsColumn = map.tags ?? 'tags';
  const records = rows.map(({ record, info }): [unknown, string] => {
    const tags = record[tagsColumn];
    const fields = tags === undefined ? record : { ...record, [tagsColumn]: tags.split(/[,;|]/) };
    return [fields, `#${info.lines}`];
  });
  return collectRecords(records, map);
}
