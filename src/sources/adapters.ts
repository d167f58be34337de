import { pullFeed } from './pull-feed.js';
import { pullSitemap } from './pull-sitemap.js';
import { pullWordpress } from './pull-wordpress.js';
import type { PullSource, RemoteSource } from './remote-pull.js';

/** The adapter of each remote source type. */
export const REMOTE_ADAPTERS: { [T in RemoteSource['type']]: PullSource<T> } = {
  feed: pullFeed,
  wordpress: pullWordpress,
  sitemap: pullSitemap,
};
