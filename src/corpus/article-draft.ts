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
