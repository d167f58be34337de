import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** What the fixture server answers on one path. */
export interface Route {
  status?: number;
  headers?: Record<string, string>;
  body?: string | Buffer;
  /** Answers 304 to a matching If-None-Match. */
  etag?: string;
  /** Sent as Last-Modified; answers 304 to a matching If-Modified-Since. */
  lastModified?: string;
  /** Waits this long before answering (a slow server). */
  delayMs?: number;
}

/** One request the server got. */
export interface SeenRequest {
  path: string;
  headers: IncomingMessage['headers'];
  status: number;
}

/**
 * An HTTP server on 127.0.0.1 serving fixture routes (path with query → Route), for the source
 * tests. Unknown paths answer 404. Routes can change between requests; `requests` logs all.
 */
export class SourceServer {
  readonly routes = new Map<string, Route | ((req: IncomingMessage) => Route)>();
  readonly requests: SeenRequest[] = [];
  /** Answers paths no route names (e.g. a whole fake API); undefined → 404. */
  fallback: ((url: URL) => Route | undefined) | null = null;
  private server: Server | null = null;
  private readonly timers = new Set<NodeJS.Timeout>();
  base = '';

  async start(): Promise<this> {
    this.server = createServer((req, res) => this.answer(req, res));
    await new Promise<void>((resolve) => this.server?.listen(0, '127.0.0.1', resolve));
    this.base = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
    return this;
  }

  /** The full URL of `path` on this server. */
  url(path: string): string {
    return `${this.base}${path}`;
  }

  /** Paths requested so far (in order). */
  paths(): string[] {
    return this.requests.map((r) => r.path);
  }

  async stop(): Promise<void> {
    for (const timer of this.timers) clearTimeout(timer);
    this.server?.closeAllConnections();
    await new Promise<void>((resolve) => this.server?.close(() => resolve()));
  }

  private answer(req: IncomingMessage, res: ServerResponse): void {
    const path = req.url ?? '/';
    const found = this.routes.get(path) ?? this.fallback?.(new URL(path, this.base));
    const route: Route =
      found === undefined ? { status: 404, body: 'not found' } : typeof found === 'function' ? found(req) : found;
    const notModified =
      (route.etag !== undefined && req.headers['if-none-match'] === route.etag) ||
      (route.lastModified !== undefined && req.headers['if-modified-since'] === route.lastModified);
    const status = notModified ? 304 : (route.status ?? 200);
    this.requests.push({ path, headers: req.headers, status });
    const send = () => {
      if (res.destroyed) return;
      const headers = {
        ...(route.etag === undefined ? {} : { etag: route.etag }),
        ...(route.lastModified === undefined ? {} : { 'last-modified': route.lastModified }),
        ...route.headers,
      };
      res.writeHead(status, headers);
      res.end(notModified ? undefined : route.body);
    };
    if (route.delayMs === undefined) send();
    else {
      const timer = setTimeout(() => {
        this.timers.delete(timer);
        send();
      }, route.delayMs);
      this.timers.add(timer);
    }
  }
}
