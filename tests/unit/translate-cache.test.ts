import { describe, expect, it } from 'vitest';
import { withCache } from '../../src/translate/cached.js';
import type { Lang } from '../../src/text/lang.js';
import type { Translator } from '../../src/translate/translator.js';

/** A counting fake engine: `fail` makes it return null; each call can be held open. */
function countingTranslator(options: { fail?: () => boolean } = {}) {
  const calls: string[] = [];
  const translator: Translator = {
    engine: 'fake',
    async translate(text: string, from: Lang, to: Lang) {
      calls.push(`${from}|${to}|${text}`);
      await new Promise((resolve) => setTimeout(resolve, 5));
      return options.fail?.() === true ? null : `[${to}] ${text}`;
    },
  };
  return { calls, translator };
}

describe('withCache', () => {
  it('answers a repeated question from the cache without calling the engine again', async () => {
    const inner = countingTranslator();
    const cached = withCache(inner.translator, { max: 10 });
    expect(cached.engine).toBe('fake');
    expect(await cached.translate('Who won?', 'en', 'it')).toBe('[it] Who won?');
    expect(await cached.translate('Who won?', 'en', 'it')).toBe('[it] Who won?');
    expect(inner.calls).toHaveLength(1);
  });

  it('keys by direction and text: same text the other way, or different text, is a new call', async () => {
    const inner = countingTranslator();
    const cached = withCache(inner.translator, { max: 10 });
    await cached.translate('Roma', 'en', 'it');
    await cached.translate('Roma', 'it', 'en');
    await cached.translate('Roma ', 'en', 'it');
    expect(inner.calls).toEqual(['en|it|Roma', 'it|en|Roma', 'en|it|Roma ']);
  });

  it('shares one engine call among concurrent identical questions', async () => {
    const inner = countingTranslator();
    const cached = withCache(inner.translator, { max: 10 });
    const results = await Promise.all([1, 2, 3].map(() => cached.translate('Who won?', 'en', 'it')));
    expect(results).toEqual(['[it] Who won?', '[it] Who won?', '[it] Who won?']);
    expect(inner.calls).toHaveLength(1);
  });

  it('does not cache failures (null), so a recovered engine is asked again', async () => {
    let down = true;
    const inner = countingTranslator({ fail: () => down });
    const cached = withCache(inner.translator, { max: 10 });
    expect(await cached.translate('Who won?', 'en', 'it')).toBeNull();
    down = false;
    expect(await cached.translate('Who won?', 'en', 'it')).toBe('[it] Who won?');
    expect(inner.calls).toHaveLength(2);
  });

  it('is bounded: beyond max entries the least recently used is evicted', async () => {
    const inner = countingTranslator();
    const cached = withCache(inner.translator, { max: 2 });
    await cached.translate('a', 'en', 'it');
    await cached.translate('b', 'en', 'it');
    await cached.translate('a', 'en', 'it');
    await cached.translate('c', 'en', 'it');
    await cached.translate('a', 'en', 'it');
    await cached.translate('b', 'en', 'it');
    expect(inner.calls).toEqual(['en|it|a', 'en|it|b', 'en|it|c', 'en|it|b']);
  });
});
