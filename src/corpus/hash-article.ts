import { createHash } from 'node:crypto';
import type { Article } from './article.js';

/** The fields of an article that are indexed, and so make up its hash. */
export type HashedFields = Pick<
  Article,
  'title' | 'titleDerived' | 'date' | 'updated' | 'author' | 'url' | 'lang' | 'tags' | 'text'
>;

/**
 * sha256 (lowercase hex) of a JSON of the indexed fields in a fixed order, so the same content
 * always hashes the same, however the source ordered its fields. An update date counts only
 * when there is one, so articles without one keep the hashes they had before it was read.
 */
export function hashArticle(fields: HashedFields): string {
  const { title, titleDerived, date, updated, author, url, lang, tags, text } = fields;
  const stable = JSON.stringify({ title, titleDerived, date, author, url, lang, tags, text, ...(updated === null ? {} : { updated }) });
  return createHash('sha256').update(stable, 'utf8').digest('hex');
}
