import http from 'node:http';
import type { AddressInfo } from 'node:net';

/** What the fake does with one request. */
export type FakeBehaviour =
  | { kind: 'reply'; text: string; delayMs?: number }
  | { kind: 'status'; status: number; retryAfter?: string; message?: string }
  | { kind: 'hang' }
  | { kind: 'garbage'; body?: string; contentType?: string }
  | { kind: 'empty-choices' };

/** One request as the fake received it. */
export interface RecordedRequest {
  method: string;
  path: string;
  headers: http.IncomingHttpHeaders;
  /** The parsed JSON body (null if it was not JSON). */
  body: ChatRequestBody | null;
  receivedAt: number;
}

/** The parts of a chat completion request the tests read. */
export interface ChatRequestBody {
  model: string;
  messages: { role: string; content: string }[];
  [key: string]: unknown;
}

export interface FakeOpenAi {
  /** Base URL for the client, ending in `/v1`. */
  url: string;
  /** Every request received, in order. */
  requests: RecordedRequest[];
  /** Queues behaviours, used one per request; when the queue is empty `fallback` is used. */
  enqueue(...behaviours: FakeBehaviour[]): void;
  /** Closes the server and drops open (hanging) connections. */
  close(): Promise<void>;
}

function sendJson(res: http.ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  res.writeHead(status, { 'content-type': 'application/json', ...headers });
  res.end(JSON.stringify(body));
}

function completion(model: string, text: string): unknown {
  return {
    id: 'chatcmpl-fake',
    object: 'chat.completion',
    created: Math.floor(Date.now() / 1000),
    model,
    choices: [{ index: 0, message: { role: 'assistant', content: text }, finish_reason: 'stop' }],
    usage: { prompt_tokens: 1, completion_tokens: 1, total_tokens: 2 },
  };
}

function respond(res: http.ServerResponse, behaviour: FakeBehaviour, model: string): void {
  switch (behaviour.kind) {
    case 'reply':
      if (behaviour.delayMs === undefined) sendJson(res, 200, completion(model, behaviour.text));
      else setTimeout(() => sendJson(res, 200, completion(model, behaviour.text)), behaviour.delayMs);
      return;
    case 'status': {
      const headers: Record<string, string> =
        behaviour.retryAfter === undefined ? {} : { 'retry-after': behaviour.retryAfter };
      const message = behaviour.message ?? `fake status ${behaviour.status}`;
      sendJson(res, behaviour.status, { error: { message, type: 'fake_error', code: null } }, headers);
      return;
    }
    case 'hang':
      return;
    case 'garbage':
      res.writeHead(200, { 'content-type': behaviour.contentType ?? 'application/json' });
      res.end(behaviour.body ?? '<html>definitely not json');
      return;
    case 'empty-choices':
      sendJson(res, 200, { id: 'chatcmpl-fake', object: 'chat.completion', created: 0, model, choices: [] });
      return;
  }
}

/**
 * Starts a fake OpenAI-compatible server on 127.0.0.1 (random port) serving
 * POST /v1/chat/completions from a queue of behaviours; anything else gets 404.
 */
export async function startFakeOpenAi(
  fallback: FakeBehaviour = { kind: 'status', status: 500, message: 'fake: queue empty' },
): Promise<FakeOpenAi> {
  const queue: FakeBehaviour[] = [];
  const requests: RecordedRequest[] = [];
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      let body: ChatRequestBody | null = null;
      try {
        body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as ChatRequestBody;
      } catch {
        body = null;
      }
      requests.push({
        method: req.method ?? '',
        path: req.url ?? '',
        headers: req.headers,
        body,
        receivedAt: Date.now(),
      });
      if (req.method !== 'POST' || req.url !== '/v1/chat/completions') {
        sendJson(res, 404, { error: { message: `fake: no route ${req.method} ${req.url}` } });
        return;
      }
      respond(res, queue.shift() ?? fallback, body?.model ?? 'unknown');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/v1`,
    requests,
    enqueue: (...behaviours) => queue.push(...behaviours),
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}
