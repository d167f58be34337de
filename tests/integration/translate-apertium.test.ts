import { describe, expect, it } from 'vitest';
import { isCi } from '../../src/config.js';
import { createApertiumTranslator } from '../../src/translate/apertium.js';
import { closedPortUrl } from '../helpers/loopback.js';

// Runs against the real APy (scripts/apertium.sh start). Without it the suite is skipped locally
// but fails under CI=true, so CI can never pass without exercising Apertium.
const url = process.env.APERTIUM_URL ?? 'http://127.0.0.1:2737';
const ci = isCi();
const probeNotes: string[] = [];
const probe = createApertiumTranslator({
  url,
  timeoutMs: 2000,
  logger: { warn: (obj) => probeNotes.push(JSON.stringify(obj)) },
});
// Probed at collection time so skipIf and the titles below can use the result.
const available = (await probe.available()) && (await probe.warm());
const reason = available
  ? ''
  : ` — ${ci ? 'FAILS' : 'SKIPPED'}: APy not reachable at ${url} (${probeNotes.join('; ') || 'no answer'}); run scripts/apertium.sh start`;

describe('Apertium APy (real server)', () => {
  it.skipIf(!ci)(`is reachable with the en↔it chains when CI=true${reason}`, () => {
    expect(available, `APy must run under CI: ${reason}`).toBe(true);
  });

  describe.skipIf(!available && !ci)(`translations via ${url}${reason}`, () => {
    const translator = createApertiumTranslator({ url, timeoutMs: 5000 });

    it('translates "What new concept did Lavrov propose?" to Italian, keeping the name', async () => {
      const italian = await translator.translate('What new concept did Lavrov propose?', 'en', 'it');
      expect(italian).toContain('Lavrov');
      expect(italian).toMatch(/concetto|nuovo/);
      expect(italian).not.toMatch(/[*#@]\p{L}/u);
    });

    it('translates Italian with accents and apostrophes to English', async () => {
      const english = await translator.translate('Quale nuovo concetto ha proposto Lavrov?', 'it', 'en');
      expect(english).toContain('Lavrov');
      expect(english).toMatch(/concept|new/i);
      expect(await translator.translate("Perché l'università è chiusa?", 'it', 'en')).toMatch(/university/i);
    });

    it('translates a capitalised initial "When" (the Catalan pivot used to leave "Quan")', async () => {
      const italian = await translator.translate('When did the oil crisis begin?', 'en', 'it');
      expect(italian).toMatch(/^Quando\b/);
      expect(italian).toMatch(/petrol/);
    });

    it('gives a string or null, never a throw, for NUL bytes and control characters', async () => {
      const result = await translator.translate('Who\u0000 won\u0001 the\u001b[31m election?\u007f', 'en', 'it');
      expect(result === null || typeof result === 'string').toBe(true);
      expect(result ?? '').not.toMatch(/\p{Cc}/u);
    });

    it('gives a string or null within the timeout for a 10,000-char question (cut to 2,000)', async () => {
      const started = performance.now();
      const result = await translator.translate(
        'Where is the capital of Italy? '.repeat(334).slice(0, 10_000),
        'en',
        'it',
      );
      expect(result === null || typeof result === 'string').toBe(true);
      expect(performance.now() - started).toBeLessThan(6000);
      expect((result ?? '').length).toBeLessThan(4000);
    });

    // Latency is measured by `npm run bench`, not asserted here.
    it('translates ten different questions in a row (a warm server keeps answering)', async () => {
      for (let i = 0; i < 10; i++) {
        expect(await translator.translate(`Who won the election of ${2000 + i}?`, 'en', 'it')).toMatch(/elezion/);
      }
    });
  });

  it('returns null quickly when nothing listens on the port (closed port on 127.0.0.1)', async () => {
    const dead = createApertiumTranslator({ url: await closedPortUrl(), timeoutMs: 3000 });
    const started = performance.now();
    expect(await dead.translate('What new concept did Lavrov propose?', 'en', 'it')).toBeNull();
    expect(performance.now() - started).toBeLessThan(1000);
  });
});
