import { LRUCache } from 'lru-cache';
import type { Lang } from '../text/lang.js';
import type { Translator } from './translator.js';

export interface CacheOptions {
  /** Most translations kept; the least recently used go first. */
  max: number;
}

/**
 * Wraps a Translator with a bounded LRU cache keyed by `from|to|text`, so a repeated question
 * costs nothing, and concurrent identical requests share one call. Failures (null) are not
 * cached, so a server that comes back is used again. Never throws unless `translator` does.
 */
export function withCache(translator: Translator, options: CacheOptions): Translator {
  const done = new LRUCache<string, string>({ max: options.max });
  const pending = new Map<string, Promise<string | null>>();
  return {
    engine: translator.engine,
    translate(text: string, from: Lang, to: Lang) {
      const key = `${from}|${to}|${text}`;
      const hit = done.get(key);
      if (hit !== undefined) return Promise.resolve(hit);
      const inFlight = pending.get(key);
      if (inFlight !== undefined) return inFlight;
      const call = translator
        .translate(text, from, to)
        .then((result) => {
          if (result !== null) done.set(key, result);
          return result;
        })
        .finally(() => pending.delete(key));
      pending.set(key, call);
      return call;
    },
  };
}
