import { createServer } from 'node:http';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { selectTranslator, wordTranslatorReason } from '../../src/translate/select.js';
import type { SelectTranslatorOptions, TranslatorChoice } from '../../src/translate/select.js';
import { closedPortUrl } from '../helpers/loopback.js';

const servers: Server[] = [];
afterEach(async () => {
  for (const server of servers.splice(0)) {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  }
});

/** A minimal APy stand-in on 127.0.0.1 that answers every translation with `[apertium] <q>`. */
async function startFakeApy(): Promise<{ url: string; requests: () => number }> {
  let count = 0;
  const server = createServer((req, res) => {
    let raw = '';
    req.on('data', (chunk: Buffer) => (raw += chunk.toString('utf8')));
    req.on('end', () => {
      count++;
      const q = new URLSearchParams(raw).get('q') ?? '';
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(
        JSON.stringify({
          responseData: { translatedText: `[apertium] ${q}` },
          responseDetails: null,
          responseStatus: 200,
        }),
      );
    });
  });
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, requests: () => count };
}

const llmComplete = (): Promise<string> => Promise.resolve('[llm]');
const base: SelectTranslatorOptions = { mode: 'auto', apertiumUrl: null, apertiumTimeoutMs: 500, llmComplete: null };

/** The reason for a choice, worded in English as the start log shows it. */
const why = (choice: TranslatorChoice) => wordTranslatorReason('en', choice.reason);

describe('selectTranslator', () => {
  it('off → no translator, even with Apertium and an LLM configured', async () => {
    const apy = await startFakeApy();
    const choice = await selectTranslator({ ...base, mode: 'off', apertiumUrl: apy.url, llmComplete });
    expect(choice.translator).toBeNull();
    expect(why(choice)).toMatch(/off/);
    expect(apy.requests()).toBe(0);
  });

  it('auto prefers an answering Apertium over the LLM, after a warm-up translation', async () => {
    const apy = await startFakeApy();
    const choice = await selectTranslator({ ...base, apertiumUrl: apy.url, llmComplete });
    expect(choice.translator?.engine).toBe('apertium');
    expect(why(choice)).toContain(`Apertium at ${apy.url}`);
    expect(apy.requests()).toBe(2);
    expect(await choice.translator?.translate('Did Lavrov win?', 'en', 'it')).toBe('[apertium] Did Lavrov win?');
  });

  it('auto falls back to the LLM when Apertium is unreachable, and says so', async () => {
    const url = await closedPortUrl();
    const choice = await selectTranslator({ ...base, apertiumUrl: url, llmComplete });
    expect(choice.translator?.engine).toBe('llm');
    expect(why(choice)).toBe(`Apertium at ${url} did not answer; translating questions with the LLM`);
  });

  it('auto with no APERTIUM_URL uses the LLM when given one, else nothing', async () => {
    const withLlm = await selectTranslator({ ...base, llmComplete });
    expect(withLlm.translator?.engine).toBe('llm');
    expect(why(withLlm)).toMatch(/APERTIUM_URL is not set.*LLM/);
    const none = await selectTranslator(base);
    expect(none.translator).toBeNull();
    expect(why(none)).toMatch(/APERTIUM_URL is not set and no LLM is configured/);
  });

  it('auto with Apertium unreachable and no LLM → nothing, with a why naming the URL', async () => {
    const url = await closedPortUrl();
    const choice = await selectTranslator({ ...base, apertiumUrl: url });
    expect(choice.translator).toBeNull();
    expect(why(choice)).toContain(`Apertium at ${url} did not answer`);
  });

  it('apertium mode keeps the translator when the server is unreachable (each call null) and says unreachable', async () => {
    const url = await closedPortUrl();
    const choice = await selectTranslator({ ...base, mode: 'apertium', apertiumUrl: url, llmComplete });
    expect(choice.translator?.engine).toBe('apertium');
    expect(why(choice)).toContain('unreachable');
    expect(await choice.translator?.translate('Who won?', 'en', 'it')).toBeNull();
  });

  it('apertium mode without APERTIUM_URL → nothing, and never the LLM', async () => {
    const choice = await selectTranslator({ ...base, mode: 'apertium', llmComplete });
    expect(choice.translator).toBeNull();
    expect(why(choice)).toMatch(/APERTIUM_URL is not set/);
  });

  it('llm mode uses the LLM even when Apertium answers; without an LLM → nothing', async () => {
    const apy = await startFakeApy();
    const choice = await selectTranslator({ ...base, mode: 'llm', apertiumUrl: apy.url, llmComplete });
    expect(choice.translator?.engine).toBe('llm');
    expect(await choice.translator?.translate('Who won?', 'en', 'it')).toBe('[llm]');
    expect(apy.requests()).toBe(0);
    const none = await selectTranslator({ ...base, mode: 'llm' });
    expect(none.translator).toBeNull();
    expect(why(none)).toMatch(/no LLM is configured/);
  });

  it('the chosen translator is cached: a repeated question reaches the server once; cacheMax 0 turns that off', async () => {
    const apy = await startFakeApy();
    const cached = await selectTranslator({ ...base, mode: 'apertium', apertiumUrl: apy.url });
    await cached.translator?.translate('Who won?', 'en', 'it');
    await cached.translator?.translate('Who won?', 'en', 'it');
    expect(apy.requests()).toBe(2 + 1);
    const uncached = await selectTranslator({ ...base, mode: 'apertium', apertiumUrl: apy.url, cacheMax: 0 });
    await uncached.translator?.translate('Who won?', 'en', 'it');
    await uncached.translator?.translate('Who won?', 'en', 'it');
    expect(apy.requests()).toBe(3 + 2 + 2);
  });
});
