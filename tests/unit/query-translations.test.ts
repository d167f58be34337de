import { describe, expect, it } from 'vitest';
import { translateForRetrieval } from '../../src/answer/query-translations.js';
import type { Lang } from '../../src/text/lang.js';
import type { Translator } from '../../src/translate/translator.js';

function recorder(fail = false): Translator & { calls: string[] } {
  const calls: string[] = [];
  return {
    engine: 'fake-mt',
    calls,
    translate: (text: string, from: Lang, to: Lang) => {
      calls.push(`${from}>${to}`);
      return Promise.resolve(fail ? null : `${to}:${text}`);
    },
  };
}

const ITALIAN = { corpusLanguage: 'it' as const, bridge: null };
const BRIDGED = { corpusLanguage: 'it' as const, bridge: { language: 'en' as const, engine: 'apertium' } };

describe('translateForRetrieval', () => {
  it('an English question over Italian articles gets an Italian query for the lexical channel only', async () => {
    const t = recorder();
    const out = await translateForRetrieval(t, 'Who won?', 'en', ITALIAN);
    expect(t.calls).toEqual(['en>it']);
    expect(out.extraQueries).toEqual([{ text: 'it:Who won?', lang: 'it' }]);
    expect(out.lexical).toMatchObject({ engine: 'fake-mt', query: 'it:Who won?' });
    expect(out.denseQuery).toBeNull();
    expect(Object.keys(out.timings)).toEqual(['translate']);
  });

  it('an Italian question over an index embedded in English is translated for the dense channel only', async () => {
    const t = recorder();
    const out = await translateForRetrieval(t, 'Chi ha vinto?', 'it', BRIDGED);
    expect(t.calls).toEqual(['it>en']);
    expect(out).toMatchObject({ lexical: null, denseQuery: 'en:Chi ha vinto?', extraQueries: [] });
    expect(Object.keys(out.timings)).toEqual(['translateDense']);
  });

  it('an English question over that index needs the lexical translation only (its words already are the vectors’ language)', async () => {
    const t = recorder();
    const out = await translateForRetrieval(t, 'Who won?', 'en', BRIDGED);
    expect(t.calls).toEqual(['en>it']);
    expect(out.denseQuery).toBeNull();
    expect(out.extraQueries).toHaveLength(1);
  });

  it('no translator, or a failed translation, leaves the question as written', async () => {
    for (const translator of [null, recorder(true)]) {
      const out = await translateForRetrieval(translator, 'Chi ha vinto?', 'it', BRIDGED);
      expect(out).toEqual({ lexical: null, denseQuery: null, extraQueries: [], timings: {} });
    }
  });
});
