import type { SourceConfig } from '../config.js';

/** How one source's pull went, in the build report (and in state.db's source_state.report). */
export interface SourceReport {
  id: string;
  type: SourceConfig['type'];
  /** The folder's path or the source's URL. */
  location: string;
  /** fetched: read anew; unchanged: the source said nothing changed (304); failed: nothing usable came. */
  outcome: 'fetched' | 'unchanged' | 'failed';
  /** Articles this source gives the build (kept ones included). */
  articles: number;
  /** Articles read or downloaded in this pull. */
  fetched: number;
  /** Articles kept from an earlier pull without downloading them again (304, same version). */
  unchanged: number;
  /** Articles or pages that could not be used (the first reasons are in the build's `skipped`). */
  failed: number;
  /** A short code of the pull's error (`http-500`, `timeout`, `malformed-xml`…), null when it worked. */
  lastErrorCode: string | null;
  lastError: string | null;
  /** The newest date among the source's articles (`YYYY-MM[-DD]`), null when none is dated. */
  newestArticleDate: string | null;
  durationMs: number;
}
