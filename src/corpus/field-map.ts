import type { FieldMap } from '../config.js';

// `modified`, `dateModified`, `date_modified`: the other names parseRecord reads an update date by.
const FIELDS = ['id', 'title', 'date', 'updated', 'modified', 'dateModified', 'date_modified', 'author', 'url', 'lang', 'tags', 'text'] as const;

/**
 * A record with our field names, read through `map` (our name → the source's name; a dotted
 * name such as `meta.byline` reaches into nested objects). Fields the map does not mention keep
 * their usual names. A list of paragraphs for `text` becomes one text joined by blank lines; a
 * list of authors (strings or `{name}` objects) becomes one comma-separated author. Other values
 * pass unchanged, for parseRecord to check. Never throws.
 */
export function mapFields(record: Record<string, unknown>, map: FieldMap): Record<string, unknown> {
  const mapped: Record<string, unknown> = {};
  for (const field of FIELDS) {
    const value = lookUp(record, (map as Record<string, string | undefined>)[field] ?? field);
    if (value === undefined) continue;
    if (field === 'text') mapped.text = joinParagraphs(value);
    else if (field === 'author') mapped.author = joinAuthors(value);
    else mapped[field] = value;
  }
  return mapped;
}

function lookUp(record: Record<string, unknown>, name: string): unknown {
  if (Object.hasOwn(record, name)) return record[name];
  let value: unknown = record;
  for (const part of name.split('.')) {
    if (typeof value !== 'object' || value === null || !Object.hasOwn(value, part)) return undefined;
    value = (value as Record<string, unknown>)[part];
  }
  return value;
}

function joinParagraphs(value: unknown): unknown {
  if (!Array.isArray(value) || !value.every((p) => typeof p === 'string')) return value;
  return value
    .map((p) => p.trim())
    .filter((p) => p !== '')
    .join('\n\n');
}

function joinAuthors(value: unknown): unknown {
  if (!Array.isArray(value)) return nameOf(value);
  const names = value.map(nameOf);
  if (!names.every((n) => typeof n === 'string')) return value;
  return names.filter((n) => n.trim() !== '').join(', ') || null;
}

function nameOf(value: unknown): unknown {
  if (typeof value === 'object' && value !== null && 'name' in value && typeof value.name === 'string') return value.name;
  return value;
}
