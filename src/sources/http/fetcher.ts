import type { FetchSettings } from '../../config.js';
import type { HttpValidators } from '../../store/source-state.js';
import { FetchError } from './fetch-error.js';
import { HostLimiter } from './host-limiter.js';
import { readBody } from './read-body.js';

/** Where the fetcher keeps ETag/Last-Modified between runs (state.db's SourceStateStore). */
export interface ValidatorStore {
  readValidators(url: string): HttpValidators | null;
  saveValidators(url: string, validators: HttpValidators): void;
}

/** A 200 response, read. */
export interface FetchedPage {
  status: 'ok';
  /** The URL that answered, after redirects. */
  url: string;
  body: string;
  contentType: string;
  headers: Headers;
  /** Saves this response's validators, so the next request for the URL is conditional. Call once it was used. */
  remember(): void;
}

/** What a request got: a page, or "not modified" (a conditional request answered 304). */
export type FetchResult = FetchedPage | { status: 'not-modified' };

const REDIRECTS = new Set([301, 302, 303, 307, 308]);

/**
 * GETs for article sources, as a good citizen: only to `allowedHosts` (host:port, redirects
 * included), per-host concurrency and pause, a timeout per hop, a size limit, and conditional
 * requests (If-None-Match / If-Modified-Since) from validators kept in `store`. Throws
 * FetchError with a code: `host-not-allowed`, `redirect-loop`, `too-many-redirects`,
 * `timeout`, `too-large`, `http-<status>`, `network`.
 */
export class Fetcher {
  private readonly limiter: HostLimiter;

  constructor(
    private readonly settings: FetchSettings,
    private readonly allowedHosts: ReadonlySet<string>,
    private readonly store: ValidatorStore,
  ) {
    this.limiter = new HostLimiter(settings.perHostConcurrency, settings.delayMs);
  }

  /** True when `url` is an http(s) URL on an allowed host. */
  allows(url: string): boolean {
    const parsed = URL.parse(url);
    return parsed !== null && /^https?:$/.test(parsed.protocol) && this.allowedHosts.has(parsed.host);
  }

  /** Asks for at least `delayMs` between requests to the host of `url` (robots.txt Crawl-delay). */
  slowDown(url: string, delayMs: number): void {
    const host = URL.parse(url)?.host;
    if (host !== undefined) this.limiter.slowDown(host, delayMs);
  }

  /** GETs `url`; with `conditional`, a 304 answers `not-modified`. */
  async get(url: string, options: { conditional?: boolean; accept?: string } = {}): Promise<FetchResult> {
    const validators = options.conditional === true ? this.store.readValidators(url) : null;
    const seen = new Set<string>();
    let current = url;
    for (let hop = 0; ; hop++) {
      if (!this.allows(current)) {
        const why = current === url ? 'is not on a configured host' : `redirected from ${url} to another host`;
        throw new FetchError('host-not-allowed', `${current}: ${why} (add it to the source's "hosts" to allow it)`);
      }
      seen.add(current);
      const target = current;
      const hopValidators = hop === 0 ? validators : null;
      // The host's slot is held until the body is read, so its concurrency limit counts whole downloads.
      const answer = await this.limiter.run(new URL(target).host, () =>
        this.guard(target, async (): Promise<FetchResult | { status: 'redirect'; redirect: string }> => {
          const response = await this.request(target, hopValidators, options.accept);
          const location = response.headers.get('location');
          if (REDIRECTS.has(response.status) && location !== null) {
            await response.body?.cancel();
            return { status: 'redirect', redirect: new URL(location, target).href };
          }
          if (response.status === 304 && hopValidators !== null) {
            await response.body?.cancel();
            return { status: 'not-modified' } as const;
          }
          return this.read(url, target, response);
        }),
      );
      if (answer.status !== 'redirect') return answer;
      if (seen.has(answer.redirect))
        throw new FetchError('redirect-loop', `${url}: redirect loop (${target} → ${answer.redirect})`);
      if (hop >= this.settings.maxRedirects)
        throw new FetchError('too-many-redirects', `${url}: more than ${this.settings.maxRedirects} redirects`);
      current = answer.redirect;
    }
  }

  private async read(url: string, current: string, response: Response): Promise<FetchedPage> {
    if (response.status !== 200) {
      await response.body?.cancel();
      throw new FetchError(`http-${response.status}`, `${current}: HTTP ${response.status}`);
    }
    const body = await readBody(response, current, this.settings.maxBytes);
    const etag = response.headers.get('etag');
    const lastModified = response.headers.get('last-modified');
    return {
      status: 'ok',
      url: current,
      body,
      contentType: response.headers.get('content-type') ?? '',
      headers: response.headers,
      remember: () => this.store.saveValidators(url, { etag, lastModified }),
    };
  }

  private request(url: string, validators: HttpValidators | null, accept: string | undefined): Promise<Response> {
    const headers: Record<string, string> = { 'user-agent': this.settings.userAgent };
    if (accept !== undefined) headers.accept = accept;
    if (validators?.etag) headers['if-none-match'] = validators.etag;
    if (validators?.lastModified) headers['if-modified-since'] = validators.lastModified;
    return fetch(url, { headers, redirect: 'manual', signal: AbortSignal.timeout(this.settings.timeoutMs) });
  }

  /** Turns timeouts and network failures into FetchErrors that name the URL. */
  private async guard<T>(url: string, task: () => Promise<T>): Promise<T> {
    try {
      return await task();
    } catch (error) {
      if (error instanceof FetchError) throw error;
      const name = (error as Error).name;
      if (name === 'TimeoutError' || name === 'AbortError')
        throw new FetchError('timeout', `${url}: no complete answer within ${this.settings.timeoutMs} ms`);
      const cause = (error as { cause?: { code?: string; message?: string } }).cause;
      throw new FetchError('network', `${url}: ${cause?.code ?? cause?.message ?? (error as Error).message}`);
    }
  }
}
