import type { FetchSettings, SourceConfig } from '../config.js';
import type { SkippedSource } from '../corpus/article.js';
import type { StoredArticle } from '../store/source-state.js';
import type { Lang } from '../text/lang.js';
import type { Fetcher } from './http/fetcher.js';
import { describePullError } from './http/fetch-error.js';

/** A source read over HTTP. */
export type RemoteSource = Exclude<SourceConfig, { type: 'folder' }>;
/** The configured source of one remote type. */
export type RemoteSourceOf<T extends RemoteSource['type']> = Extract<RemoteSource, { type: T }>;

/** What an adapter is given for one pull. */
export interface PullContext {
  fetcher: Fetcher;
  /** The articles this source gave in earlier pulls, by article id. */
  stored: ReadonlyMap<string, StoredArticle>;
  detectLanguage: (text: string) => Lang;
  settings: FetchSettings;
}

/** What one pull of a remote source got. */
export interface Pull {
  outcome: 'fetched' | 'unchanged' | 'failed';
  /** The articles got in this pull, new or kept (for `unchanged`/`failed`: none). */
  items: StoredArticle[];
  /** True when `items` is everything the source has now (a full listing): the others are gone. */
  complete: boolean;
  fetched: number;
  unchanged: number;
  failed: number;
  /** Items that could not be used, with reasons that start with their URL. */
  problems: SkippedSource[];
  error: { code: string; message: string } | null;
}

/** An adapter: one pull of a source of type `T`. Never throws: a failure is a `failed` pull. */
export type PullSource<T extends RemoteSource['type']> = (
  source: RemoteSourceOf<T>,
  context: PullContext,
) => Promise<Pull>;

/** A pull with nothing in it yet, of `outcome`. */
export function emptyPull(outcome: Pull['outcome']): Pull {
  return { outcome, items: [], complete: false, fetched: 0, unchanged: 0, failed: 0, problems: [], error: null };
}

/** A pull that got nothing usable, because of `error`: the stored articles stay, nothing is deleted. */
export function failedPull(error: unknown): Pull {
  return { ...emptyPull('failed'), error: describePullError(error) };
}

/**
 * Runs the step that decides whether a source answers at all (its first page, its listing):
 * its value, or the failed pull its error makes (see failedPull).
 */
export async function openPull<T>(step: () => Promise<T>): Promise<{ value: T } | { failed: Pull }> {
  try {
    return { value: await step() };
  } catch (error) {
    return { failed: failedPull(error) };
  }
}

/**
 * The articles a source gives after `pull`: a failed or unchanged pull keeps every stored one;
 * a complete listing (WordPress) replaces them, so vanished articles go; any other pull (feeds,
 * sitemaps, which only show their newest items) adds to them and never deletes.
 */
export function settlePull(pull: Pull, stored: ReadonlyMap<string, StoredArticle>): Map<string, StoredArticle> {
  if (pull.outcome !== 'fetched') return new Map(stored);
  const settled = pull.complete ? new Map<string, StoredArticle>() : new Map(stored);
  for (const item of pull.items) settled.set(item.article.id, item);
  return settled;
}
