import type { Lang } from '../text/lang.js';

/**
 * One article as read from the corpus. `text` is the body exactly as read once the metadata is
 * removed: chunk offsets and quotes are JavaScript string indices into it.
 */
export interface Article {
  /** Stable id: the record's own `id`, else the path relative to the corpus (+ `#n` in bulk files). */
  id: string;
  /** Path of the source file relative to the corpus folder. */
  sourcePath: string;
  title: string;
  /** True when the file gave no title and one was derived from the text. */
  titleDerived: boolean;
  /** `YYYY-MM` or `YYYY-MM-DD`, at the precision the source gives; null when unknown. */
  date: string | null;
  /** When the article was last updated or corrected (`updated`/`modified` fields), same format; null when not given. */
  updated: string | null;
  author: string | null;
  url: string | null;
  lang: Lang;
  tags: string[];
  text: string;
  /** sha256 (hex) of everything that is indexed: metadata and text. */
  hash: string;
}

/** What a citation shows of an article. */
export type ArticleMeta = Pick<Article, 'title' | 'titleDerived' | 'date' | 'updated' | 'author' | 'url' | 'lang'>;

/** A file or record that was not indexed, and why. */
export interface SkippedSource {
  path: string;
  reason: string;
}

/** What reading a corpus folder found. */
export interface CorpusReadResult {
  articles: Article[];
  skipped: SkippedSource[];
  /** Files with extensions the reader does not handle. */
  ignored: number;
}
