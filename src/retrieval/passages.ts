import type Database from 'better-sqlite3';
import { isLang } from '../text/lang.js';
import type { Passage } from './types.js';

interface Row {
  id: number;
  articleId: string;
  idx: number;
  start: number;
  end: number;
  text: string;
  title: string;
  titleDerived: number;
  date: string | null;
  author: string | null;
  url: string | null;
  lang: string;
}

/** The passages with these chunk ids, with their articles' metadata (missing ids are left out). */
export function loadPassages(db: Database.Database, ids: number[]): Map<number, Passage> {
  const out = new Map<number, Passage>();
  if (ids.length === 0) return out;
  const rows = db
    .prepare(
      `SELECT c.id, a.id AS articleId, c.idx, c.start, c.end, c.text, a.title, a.title_derived AS titleDerived,
              a.date, a.author, a.url, a.lang
       FROM chunks c JOIN articles a ON a.rowid = c.article_rowid
       WHERE c.id IN (SELECT value FROM json_each(?))`,
    )
    .all(JSON.stringify(ids)) as Row[];
  for (const { idx, titleDerived, lang, ...rest } of rows) {
    out.set(rest.id, { ...rest, index: idx, titleDerived: titleDerived === 1, lang: isLang(lang) ? lang : 'it' });
  }
  return out;
}
