import type { Lang } from '../text/lang.js';

/** An article as a parser found it, before ids, titles, languages and hashes are settled. */
export interface ArticleDraft {
  /** The record's own id, when it has one. */
  id: string | null;
  /** Where the record sits in a bulk file (`#3`); '' for a file that is one article. */
  locator: string;
  /** null when the source gives none (one is then derived from the text). */
  title: string | null;
  date: string | null;
  updated: string | null;
  author: string | null;
  url: string | null;
  /** null when the source gives none or an unknown one (it is then detected). */
  lang: Lang | null;
  tags: string[];
  /** The body, trimmed at the ends only. */
  text: string;
}

/** What a source adapter (feed, WordPress, article page) read of one remote article. */
export interface RemoteDraft {
  /** The public link (the id when there is one). */
  url: string | null;
  /** The source's own id (guid), used when there is no link. */
  guid: string | null;
  title: string | null;
  date: string | null;
  /** When the source last changed it (Atom updated, WordPress modified, dateModified), if it says. */
  updated?: string | null;
  author: string | null;
  tags: string[];
  text: string;
  /** A language tag (`it`, `it-IT`, `en_GB`), when the source gives one. */
  language: string | null;
}

/** A file or record a parser rejected; `locator` as in {@link ArticleDraft}. */
export interface DraftProblem {
  locator: string;
  reason: string;
}

/** What one parser made of one file. */
export interface ParsedSource {
  drafts: ArticleDraft[];
  problems: DraftProblem[];
}

/** A whole file rejected for `reason`. */
export function rejectFile(reason: string): ParsedSource {
  return { drafts: [], problems: [{ locator: '', reason }] };
}
