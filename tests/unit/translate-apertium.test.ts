import { createServer } from 'node:http';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { createApertiumTranslator } from '../../src/translate/apertium.js';
import { closedPortUrl } from '../helpers/loopback.js';

interface Seen {
  method: string;
  path: string;
  form: URLSearchParams;
}
interface Reply {
  status?: number;
  body: string;
  delayMs?: number;
}

const servers: Server[] = [];
afterEach(async () => {
  for (const server of servers.splice(0)) {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  }
});

/** A stand-in for APy on 127.0.0.1: records each request and answers with `reply(request)`. */
async function startFakeApy(reply: (seen: Seen) => Reply): Promise<{ url: string; seen: Seen[] }> {
  const seen: Seen[] = [];
  const server = createServer((req, res) => {
    let raw = '';
    req.setEncoding('utf8');
    req.on('data', (chunk: string) => (raw += chunk));
    req.on('end', () => {
      const url = new URL(req.url ?? '/', 'http://x');
      const form = new URLSearchParams(req.method === 'POST' ? raw : url.search);
      const request = { method: req.method ?? '', path: url.pathname, form };
      seen.push(request);
      const { status = 200, body, delayMs = 0 } = reply(request);
      setTimeout(() => res.writeHead(status, { 'content-type': 'application/json' }).end(body), delayMs);
    });
  });
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, seen };
}

/** APy's real answer shape, verified with curl against apertium-apy 0.11.7. */
function apyAnswer(translatedText: string): Reply {
  return {
    body: JSON.stringify({
      responseData: { translatedText, translationChain: ['eng', 'cat', 'ita'] },
      responseDetails: null,
      responseStatus: 200,
    }),
  };
}

const PAIRS = ['eng-cat', 'cat-ita', 'ita-cat', 'cat-eng'];
function listPairs(pairs: string[]): Reply {
  const responseData = pairs.map((p) => ({ sourceLanguage: p.slice(0, 3), targetLanguage: p.slice(4) }));
  return { body: JSON.stringify({ responseData, responseDetails: null, responseStatus: 200 }) };
}

function collectingLogger(): { warn(obj: object, msg: string): void; lines: Array<{ obj: object; msg: string }> } {
  const lines: Array<{ obj: object; msg: string }> = [];
  return { lines, warn: (obj, msg) => lines.push({ obj, msg }) };
}

describe('createApertiumTranslator', () => {
  it('posts en→it through the eng|cat|ita chain with markUnknown=no, initial question word lower-cased, and returns translatedText', async () => {
    const apy = await startFakeApy(() => apyAnswer('Quale concetto nuovo Lavrov propone?'));
    const translator = createApertiumTranslator({ url: apy.url, timeoutMs: 1000 });
    expect(await translator.translate('What new concept did Lavrov propose?', 'en', 'it')).toBe(
      'Quale concetto nuovo Lavrov propone?',
    );
    expect(apy.seen).toHaveLength(1);
    expect(apy.seen[0]?.method).toBe('POST');
    expect(apy.seen[0]?.path).toBe('/translateChain');
    expect(apy.seen[0]?.form.get('langpairs')).toBe('eng|cat|ita');
    expect(apy.seen[0]?.form.get('markUnknown')).toBe('no');
    // The initial question word goes lower-cased (capitalised, Apertium's Catalan pivot can leave
    // it untranslated), and the auxiliary "did" is dropped (Apertium renders it as a verb, "fece").
    expect(apy.seen[0]?.form.get('q')).toBe('what new concept Lavrov propose?');
  });

  it('puts back an English name Apertium fused with its possessive ("Lavrovha")', async () => {
    const apy = await startFakeApy(() => apyAnswer('Quello che era Lavrovha proposta?'));
    const translator = createApertiumTranslator({ url: apy.url, timeoutMs: 1000 });
    expect(await translator.translate("What was Lavrov's proposal?", 'en', 'it')).toBe(
      'Quello che era Lavrov proposta?',
    );
  });

  it('keeps "do" in text that is not one English question, and in Italian text', async () => {
    const apy = await startFakeApy(() => apyAnswer('…'));
    const translator = createApertiumTranslator({ url: apy.url, timeoutMs: 1000 });
    await translator.translate('The man who did the work left. Why?', 'en', 'it');
    await translator.translate('Chi did questo?', 'it', 'en');
    expect(apy.seen.map((s) => s.form.get('q'))).toEqual(['The man who did the work left. Why?', 'chi did questo?']);
  });

  it('uses the ita|cat|eng chain for it→en and keeps a base-URL path prefix', async () => {
    const apy = await startFakeApy(() => apyAnswer('Who is the president?'));
    const translator = createApertiumTranslator({ url: `${apy.url}/apy`, timeoutMs: 1000 });
    expect(await translator.translate('Chi è il presidente?', 'it', 'en')).toBe('Who is the president?');
    expect(apy.seen[0]?.path).toBe('/apy/translateChain');
    expect(apy.seen[0]?.form.get('langpairs')).toBe('ita|cat|eng');
  });

  it('sends accents, &, |, % and emoji intact (form-encoded, not mangled)', async () => {
    const apy = await startFakeApy((s) => apyAnswer(s.form.get('q') ?? ''));
    const translator = createApertiumTranslator({ url: apy.url, timeoutMs: 1000 });
    const text = 'Perché l’università & 100% a|b? 🇮🇹 café';
    expect(await translator.translate(text, 'it', 'en')).toBe(text);
  });

  it('strips unknown-word marks a two-hop chain leaves (*word, #word) but not 5*3', async () => {
    const apy = await startFakeApy(() => apyAnswer('*xyzzy #*hash Gorbačëv 5*3'));
    const translator = createApertiumTranslator({ url: apy.url, timeoutMs: 1000 });
    expect(await translator.translate('xyzzy', 'en', 'it')).toBe('xyzzy hash Gorbačëv 5*3');
  });

  it('removes NUL and control characters before sending', async () => {
    const apy = await startFakeApy((s) => apyAnswer(s.form.get('q') ?? ''));
    const translator = createApertiumTranslator({ url: apy.url, timeoutMs: 1000 });
    expect(await translator.translate('Who\u0000 won\u0007\u001b the\u0085 vote?', 'en', 'it')).toBe(
      'Who won the vote?',
    );
  });

  it('cuts a 10,000-char question to 2,000 code points without splitting an emoji', async () => {
    const apy = await startFakeApy((s) => apyAnswer(s.form.get('q') ?? ''));
    const translator = createApertiumTranslator({ url: apy.url, timeoutMs: 1000 });
    const result = await translator.translate('a😀'.repeat(5000), 'en', 'it');
    const sent = apy.seen[0]?.form.get('q') ?? '';
    expect(Array.from(sent)).toHaveLength(2000);
    expect(sent.endsWith('😀')).toBe(true);
    expect(result).toBe(sent);
  });

  it('returns null without a request for empty or whitespace-only input, and the input itself for from === to', async () => {
    const apy = await startFakeApy(() => apyAnswer('x'));
    const translator = createApertiumTranslator({ url: apy.url, timeoutMs: 1000 });
    expect(await translator.translate('', 'en', 'it')).toBeNull();
    expect(await translator.translate(' \u0000\n ', 'en', 'it')).toBeNull();
    expect(await translator.translate(' Chi è? ', 'it', 'it')).toBe('Chi è?');
    expect(apy.seen).toHaveLength(0);
  });

  it.each([
    ['a garbage (non-JSON) body', { body: '<html>oops' }],
    ['JSON without responseData', { body: '{"hello":1}' }],
    ['JSON with no translatedText', { body: '{"responseData":{},"responseStatus":200}' }],
    ['whitespace-only translatedText', apyAnswer('  \n ')],
    ['responseStatus 500 inside a 200', { body: '{"responseData":{"translatedText":"x"},"responseStatus":500}' }],
    [
      'HTTP 400 with an APy explanation',
      { status: 400, body: '{"status":"error","code":400,"explanation":"Pair eng-cat is not installed"}' },
    ],
    ['HTTP 502 with an empty body', { status: 502, body: '' }],
  ])('returns null (never throws) on %s', async (_name, reply: Reply) => {
    const apy = await startFakeApy(() => reply);
    const translator = createApertiumTranslator({ url: apy.url, timeoutMs: 1000 });
    await expect(translator.translate('Who won?', 'en', 'it')).resolves.toBeNull();
  });

  it('returns null on timeout, soon after timeoutMs (server answers after 2 s)', async () => {
    const apy = await startFakeApy(() => ({ ...apyAnswer('troppo tardi'), delayMs: 2000 }));
    const translator = createApertiumTranslator({ url: apy.url, timeoutMs: 150 });
    const started = performance.now();
    expect(await translator.translate('Who won?', 'en', 'it')).toBeNull();
    expect(performance.now() - started).toBeLessThan(1000);
  });

  it('returns null quickly when nothing listens on the port, logging the socket error', async () => {
    const logger = collectingLogger();
    const translator = createApertiumTranslator({ url: await closedPortUrl(), timeoutMs: 3000, logger });
    const started = performance.now();
    expect(await translator.translate('Who won?', 'en', 'it')).toBeNull();
    expect(performance.now() - started).toBeLessThan(1000);
    expect(logger.lines[0]?.obj).toMatchObject({
      cause: 'unreachable',
      detail: expect.stringContaining('ECONNREFUSED') as unknown,
    });
  });

  it('logs each distinct failure cause once, with the cause and APy explanation', async () => {
    let reply: Reply = { body: 'garbage' };
    const apy = await startFakeApy(() => reply);
    const logger = collectingLogger();
    const translator = createApertiumTranslator({ url: apy.url, timeoutMs: 150, logger });
    for (let i = 0; i < 3; i++) await translator.translate(`Who won ${i}?`, 'en', 'it');
    expect(logger.lines).toHaveLength(1);
    expect(logger.lines[0]?.obj).toMatchObject({ cause: 'not-json', engine: 'apertium' });
    reply = { status: 400, body: '{"explanation":"That pair is not installed"}' };
    await translator.translate('Who won?', 'en', 'it');
    await translator.translate('Who lost?', 'en', 'it');
    reply = { ...apyAnswer('tardi'), delayMs: 1000 };
    await translator.translate('Who won?', 'en', 'it');
    await translator.translate('Who lost?', 'en', 'it');
    expect(logger.lines.map((l) => (l.obj as { cause: string }).cause)).toEqual(['not-json', 'http-400', 'timeout']);
    expect(logger.lines[1]?.obj).toMatchObject({ detail: 'That pair is not installed' });
  });

  it('does not log the question text', async () => {
    const apy = await startFakeApy(() => ({ body: 'garbage' }));
    const logger = collectingLogger();
    const translator = createApertiumTranslator({ url: apy.url, timeoutMs: 500, logger });
    await translator.translate('my secret question', 'en', 'it');
    expect(JSON.stringify(logger.lines)).not.toContain('secret');
  });

  it('warm() translates both ways and is true only when both work', async () => {
    let healthy = true;
    const apy = await startFakeApy((s) =>
      healthy || s.form.get('langpairs') === 'eng|cat|ita' ? apyAnswer('ok') : { status: 500, body: '' },
    );
    const translator = createApertiumTranslator({ url: apy.url, timeoutMs: 500 });
    expect(await translator.warm()).toBe(true);
    expect(apy.seen.map((s) => s.form.get('langpairs')).sort()).toEqual(['eng|cat|ita', 'ita|cat|eng']);
    healthy = false;
    expect(await translator.warm()).toBe(false);
  });

  it('warm() is false, not a throw, when the server is down', async () => {
    const translator = createApertiumTranslator({ url: await closedPortUrl(), timeoutMs: 500 });
    expect(await translator.warm()).toBe(false);
  });

  it('available() needs /listPairs to list eng-cat, cat-ita, ita-cat and cat-eng', async () => {
    let pairs = PAIRS;
    const apy = await startFakeApy((s) => (s.path === '/listPairs' ? listPairs(pairs) : { status: 404, body: '' }));
    const logger = collectingLogger();
    const translator = createApertiumTranslator({ url: apy.url, timeoutMs: 500, logger });
    expect(await translator.available()).toBe(true);
    pairs = ['eng-cat', 'cat-eng'];
    expect(await translator.available()).toBe(false);
    expect(logger.lines[0]?.obj).toMatchObject({ cause: 'missing-pairs', detail: 'not installed: cat-ita, ita-cat' });
  });

  it('throws TypeError at creation for a url that is not a URL', () => {
    expect(() => createApertiumTranslator({ url: 'not a url', timeoutMs: 500 })).toThrow(TypeError);
  });
});
