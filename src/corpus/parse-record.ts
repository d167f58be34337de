import { isLang, type Lang } from '../text/lang.js';
import type { ArticleDraft } from './article-draft.js';
import { normalizeDate } from './normalize-date.js';

/** Why a record was rejected; thrown and caught only inside this file. */
class RecordError extends Error {}

/**
 * Reads an article record's fields (`id`, `title`, `date`, `updated` (or `modified`,
 * `dateModified`, `date_modified`), `author`, `url`, `lang`, `tags`) and
 * its `text`. Absent or null fields are empty; `lang` other than it/en and dates that are not
 * dates become null. Returns the reason instead when the text is missing or empty or a field has
 * the wrong type. Never throws.
 */
export function parseRecord(fields: Record<string, unknown>, text: unknown, locator: string): ArticleDraft | { error: string } {
  try {
    return {
      id: readId(fields.id),
      locator,
      title: readOptionalString(fields, 'title'),
      date: normalizeDate(fields.date),
      updated: normalizeDate(fields.updated ?? fields.modified ?? fields.dateModified ?? fields.date_modified),
      author: readOptionalString(fields, 'author'),
      url: readOptionalString(fields, 'url'),
      lang: readLang(fields.lang),
      tags: readTags(fields.tags),
      text: readText(text),
    };
  } catch (error) {
    if (error instanceof RecordError) return { error: error.message };
    throw error;
  }
}

/** True for a JSON/YAML mapping (not an array, not null). */
export function isPlainRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && !(value instanceof Date);
}

function readId(value: unknown): string | null {
  if (value === undefined || value === null) return null;
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  if (typeof value === 'string' && value.trim() !== '') return value.trim();
  throw new RecordError('id must be a non-empty string or a number');
}

function readOptionalString(fields: Record<string, unknown>, key: string): string | null {
  const value = fields[key];
  if (value === undefined || value === null) return null;
  if (typeof value !== 'string') throw new RecordError(`${key} must be a string`);
  return value.trim() === '' ? null : value.trim();
}

function readLang(value: unknown): Lang | null {
  const lang = typeof value === 'string' ? value.trim().toLowerCase() : null;
  return isLang(lang) ? lang : null;
}

function readTags(value: unknown): string[] {
  if (value === undefined || value === null) return [];
  const list: unknown[] = Array.isArray(value) ? value : [value];
  return list.map((tag) => {
    if (typeof tag === 'number') return String(tag);
    if (typeof tag === 'string') return tag.trim();
    throw new RecordError('tags must be a list of strings');
  }).filter((tag) => tag !== '');
}

function readText(value: unknown): string {
  if (value === undefined || value === null) throw new RecordError('missing text');
  if (typeof value !== 'string') throw new RecordError('text must be a string');
  if (value.trim() === '') throw new RecordError('empty text');
  return value.trim();
}
