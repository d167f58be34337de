import robotsModule from 'robots-parser';
import type { Fetcher } from './http/fetcher.js';
import { describePullError, FetchError } from './http/fetch-error.js';

// robots-parser is CommonJS (`module.exports = fn`) but its types declare an ES default export:
// under NodeNext the default import is the function itself.
const robotsParser = robotsModule as unknown as typeof robotsModule.default;

/** The longest Crawl-delay honoured, in ms (as long as the longest configurable `fetch.delayMs`). */
export const MAX_CRAWL_DELAY_MS = 60_000;

/** What a host's robots.txt lets our crawler do. */
export interface RobotsRules {
  /** True when our user agent may fetch `url` (a URL of another origin: false). */
  allows(url: string): boolean;
  /** The Crawl-delay for our user agent (else for `*`) in ms, at most MAX_CRAWL_DELAY_MS; null when none. */
  crawlDelayMs: number | null;
}

/**
 * Reads the robots.txt of `url`'s origin through `fetcher` (robots-parser), for the product
 * token of `userAgent` (`ArchivistaBot` of `ArchivistaBot/0.1 (+…)`). As RFC 9309 says, a
 * 4xx answer (no robots.txt) allows everything. Throws FetchError `robots-unreachable` when
 * it cannot be read (5xx, timeout, network, too large, redirected to another host): the
 * crawler must then stay away.
 */
export async function readRobots(fetcher: Fetcher, url: string, userAgent: string): Promise<RobotsRules> {
  const robotsUrl = new URL('/robots.txt', url).href;
  let body = '';
  try {
    const got = await fetcher.get(robotsUrl, { accept: 'text/plain' });
    if (got.status === 'ok') body = got.body;
  } catch (error) {
    const { code, message } = describePullError(error);
    if (!/^http-4\d\d$/.test(code)) throw new FetchError('robots-unreachable', `robots.txt unreachable: ${message}`);
  }
  const robots = robotsParser(robotsUrl, body);
  const agent = /^[^\s/]+/.exec(userAgent)?.[0] ?? userAgent;
  const delay = robots.getCrawlDelay(agent);
  return {
    allows: (target) => robots.isAllowed(target, agent) === true,
    crawlDelayMs: delay === undefined || !(delay > 0) ? null : Math.min(Math.round(delay * 1000), MAX_CRAWL_DELAY_MS),
  };
}
