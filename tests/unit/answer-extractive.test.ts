import { describe, expect, it } from 'vitest';
import { citationSchema } from '../../src/answer/answer.js';
import type { Citation } from '../../src/answer/answer.js';
import { buildExtractiveAnswer, MAX_CANDIDATES } from '../../src/answer/extractive.js';
import type { ExtractiveAnswer } from '../../src/answer/extractive.js';
import { t } from '../../src/i18n/index.js';
import { QUOTE_JOINER } from '../../src/answer/quotes.js';
import type { RetrievalResult } from '../../src/retrieval/types.js';
import type { ArticleSpec } from '../helpers/answer-fixtures.js';
import { BRIDGE_IT, FESTIVAL_EN, makeResult, ROADWORKS_IT } from '../helpers/answer-fixtures.js';
import { createFakeEmbedder } from '../helpers/fake-embedder.js';

async function answer(question: string, language: 'it' | 'en', articles: ArticleSpec[], maxSentences?: number) {
  const result = makeResult(question, language, articles);
  const embedder = createFakeEmbedder();
  const built = await buildExtractiveAnswer({
    question,
    language,
    result,
    embedder,
    ...(maxSentences === undefined ? {} : { maxSentences }),
  });
  if (built === null) throw new Error('expected an answer');
  return { built, result, embedder };
}

/** Every part of every quote is a verbatim slice of one of the citation's passages. */
function expectVerbatim(built: ExtractiveAnswer, result: RetrievalResult): void {
  const byId = new Map(result.passages.map((p) => [p.id, p]));
  for (const citation of built.citations) {
    const texts = citation.passageIds.map((id) => byId.get(id)?.text ?? '');
    for (const part of citation.quote.split(QUOTE_JOINER)) {
      expect(part.length).toBeGreaterThan(0);
      expect(
        texts.some((text) => text.includes(part)),
        `"${part}" not in passages ${citation.passageIds.join(',')}`,
      ).toBe(true);
    }
  }
}

function bullets(text: string): string[] {
  return text.split('\n').slice(1);
}

function citedNumbers(text: string): number[] {
  return [...text.matchAll(/\[(\d+)\]/g)].map((m) => Number(m[1]));
}

describe('buildExtractiveAnswer', () => {
  it('quotes the sentence that answers the question, verbatim, with a valid citation', async () => {
    const { built, result } = await answer('Quanto è costata la costruzione del ponte?', 'it', [
      BRIDGE_IT,
      ROADWORKS_IT,
    ]);
    expect(built.text).toContain('14 milioni di euro');
    expectVerbatim(built, result);
    for (const citation of built.citations) expect(() => citationSchema.parse(citation)).not.toThrow();
    expect(built.citations[0]).toMatchObject<Partial<Citation>>({
      n: 1,
      articleId: BRIDGE_IT.articleId,
      title: BRIDGE_IT.title,
      date: '2021-05-12',
      author: 'Giulia Marchetti',
      quoteTranslation: null,
    });
  });

  it('opens with the lead-in in the question language (Italian)', async () => {
    const { built } = await answer('Quando è stato inaugurato il ponte?', 'it', [BRIDGE_IT]);
    expect(built.text.split('\n')[0]).toBe('Ecco cosa dicono i nostri articoli:');
  });

  it('an English question over Italian articles says the quotes are in Italian', async () => {
    const { built } = await answer('When was the ponte inaugurato?', 'en', [BRIDGE_IT, ROADWORKS_IT]);
    expect(built.text.split('\n')[0]).toBe(t('en', 'answer.extractive.lead-in-other-lang'));
  });

  it('an English question over English articles uses the plain English lead-in', async () => {
    const { built } = await answer('When do festival tickets go on sale?', 'en', [FESTIVAL_EN]);
    expect(built.text.split('\n')[0]).toBe('Here is what our articles say:');
    expect(built.text).toContain('Tickets for the festival go on sale on 1 June.');
  });

  it('quotes from Italian and English articles give the mixed lead-in', async () => {
    const { built } = await answer('Borgo Lieto river Lieto fiume Lieto', 'en', [FESTIVAL_EN, BRIDGE_IT], 4);
    const languages = new Set(built.citations.map((c) => (c.articleId === FESTIVAL_EN.articleId ? 'en' : 'it')));
    expect(languages.size).toBe(2);
    expect(built.text.split('\n')[0]).toBe(t('en', 'answer.extractive.lead-in-mixed'));
  });

  it('numbers citations 1..m in order of first use, and every [n] has a citation', async () => {
    const { built } = await answer('Il ponte sul fiume Lieto e i lavori', 'it', [ROADWORKS_IT, BRIDGE_IT, FESTIVAL_EN]);
    const used = citedNumbers(built.text);
    const firstUse = [...new Set(used)];
    expect(firstUse).toEqual(firstUse.map((_, i) => i + 1));
    expect(built.citations.map((c) => c.n)).toEqual(firstUse);
  });

  it('quotes 2 to maxSentences sentences, at most 2 per article', async () => {
    const { built } = await answer('Il ponte sul fiume Lieto, la sindaca, la cerimonia e il costo', 'it', [
      BRIDGE_IT,
      ROADWORKS_IT,
    ]);
    const lines = bullets(built.text);
    expect(lines.length).toBeGreaterThanOrEqual(2);
    expect(lines.length).toBeLessThanOrEqual(4);
    for (const n of new Set(citedNumbers(built.text))) {
      expect(citedNumbers(built.text).filter((m) => m === n).length).toBeLessThanOrEqual(2);
    }
    for (const line of lines) expect(line).toMatch(/^- “.+” \[\d+\]$/);
  });

  it('respects maxSentences = 1', async () => {
    const { built } = await answer('Quanto è costato il ponte?', 'it', [BRIDGE_IT, ROADWORKS_IT], 1);
    expect(bullets(built.text)).toHaveLength(1);
    expect(built.citations).toHaveLength(1);
  });

  it('a sentence repeated by overlapping passages is quoted once', async () => {
    const shared = 'La costruzione è durata tre anni ed è costata 14 milioni di euro.';
    const [first, third] = [
      'Il nuovo ponte sul fiume Lieto è stato inaugurato il 12 maggio 2021.',
      'Alla cerimonia hanno partecipato centinaia di cittadini.',
    ];
    const spec: ArticleSpec = {
      ...BRIDGE_IT,
      text: `${first} ${shared} ${third}`,
      chunks: [`${first} ${shared}`, `${shared} ${third}`],
    };
    const { built } = await answer('Quanto è costata la costruzione?', 'it', [spec]);
    expect(built.text.split(shared.slice(0, 30)).length - 1).toBe(1);
  });

  it('skips a near-duplicate sentence from another article (syndicated copy)', async () => {
    const copy: ArticleSpec = { ...BRIDGE_IT, articleId: 'copia', title: 'Copia', text: BRIDGE_IT.text };
    const { built } = await answer('Quanto è costata la costruzione del ponte?', 'it', [BRIDGE_IT, copy]);
    const costLines = bullets(built.text).filter((line) => line.includes('14 milioni'));
    expect(costLines).toHaveLength(1);
  });

  it('two adjacent sentences of one passage make a single verbatim quote slice', async () => {
    const text =
      'Il ponte costa 14 milioni di euro secondo il comune. Il ponte costa troppo secondo i residenti. Il tempo era bello e soleggiato quel giorno.';
    const { built, result } = await answer(
      'Quanto costa il ponte secondo il comune e i residenti?',
      'it',
      [{ ...BRIDGE_IT, text }],
      2,
    );
    expect(built.citations).toHaveLength(1);
    expect(built.citations[0]?.quote).toBe(
      'Il ponte costa 14 milioni di euro secondo il comune. Il ponte costa troppo secondo i residenti.',
    );
    expect(result.passages[0]?.text.includes(built.citations[0]?.quote ?? '-')).toBe(true);
  });

  it('non-adjacent sentences of one article are joined with " … ", each part verbatim', async () => {
    const text =
      'Il ponte costa 14 milioni di euro secondo il comune. Il tempo era bello e soleggiato quel giorno. Il ponte costa troppo secondo i residenti.';
    const { built, result } = await answer(
      'Quanto costa il ponte secondo il comune e i residenti?',
      'it',
      [{ ...BRIDGE_IT, text }],
      2,
    );
    expect(built.citations[0]?.quote).toBe(
      `Il ponte costa 14 milioni di euro secondo il comune.${QUOTE_JOINER}Il ponte costa troppo secondo i residenti.`,
    );
    expectVerbatim(built, result);
  });

  it('accents: a question typed without accents still finds "perché" and "città"', async () => {
    const text = 'La strada è chiusa perché la città rifà le fognature. Il mercato resta aperto il sabato mattina.';
    const { built } = await answer('perche la citta ha chiuso la strada', 'it', [{ ...ROADWORKS_IT, text }], 1);
    expect(built.text).toContain('perché la città rifà le fognature');
  });

  it('one-sentence article: one bullet, quote equal to the passage', async () => {
    const text = 'Il festival di Borgo Lieto si terrà a luglio.';
    const { built } = await answer('Quando si terrà il festival?', 'it', [{ ...ROADWORKS_IT, text }]);
    expect(bullets(built.text)).toEqual(['- “Il festival di Borgo Lieto si terrà a luglio.” [1]']);
    expect(built.citations[0]?.quote).toBe(text);
    expect(built.citations[0]?.passageIds).toEqual([1]);
  });

  it('collapses runs of spaces and tabs inside a quoted sentence in the text but keeps the quote verbatim', async () => {
    const text = 'Il sindaco ha detto che il ponte \t  sarà riaperto a giugno.';
    const { built } = await answer('Quando sarà riaperto il ponte?', 'it', [{ ...ROADWORKS_IT, text }]);
    expect(built.text).toContain('“Il sindaco ha detto che il ponte sarà riaperto a giugno.”');
    expect(built.citations[0]?.quote).toBe(text);
  });

  it('abbreviations do not cut a quote: "la dott.ssa Neri" stays in one sentence', async () => {
    const text = 'Secondo la dott.ssa Elena Neri il ponte sarà riaperto a giugno. Il mercato resta aperto il sabato.';
    const { built } = await answer('Quando sarà riaperto il ponte?', 'it', [{ ...ROADWORKS_IT, text }], 1);
    expect(built.citations[0]?.quote).toBe('Secondo la dott.ssa Elena Neri il ponte sarà riaperto a giugno.');
  });

  it('a heading-only article is still quoted (fragments are the last resort)', async () => {
    const { built } = await answer('ponte', 'it', [{ ...ROADWORKS_IT, text: 'Ponte chiuso' }]);
    expect(built.citations[0]?.quote).toBe('Ponte chiuso');
  });

  it('prefers full sentences over a short heading line', async () => {
    const text = 'Ponte\nIl nuovo ponte sul fiume Lieto è stato aperto al traffico in primavera.';
    const { built } = await answer('ponte', 'it', [{ ...ROADWORKS_IT, text }], 1);
    expect(built.citations[0]?.quote).toBe('Il nuovo ponte sul fiume Lieto è stato aperto al traffico in primavera.');
  });

  it('a 10,000-word article embeds at most MAX_CANDIDATES sentences in one batch', async () => {
    const sentences = Array.from(
      { length: 1000 },
      (_, i) => `Frase numero ${i} sul consiglio comunale di Borgo Lieto oggi.`,
    );
    const spec: ArticleSpec = { ...ROADWORKS_IT, text: sentences.join(' ') };
    const { built, embedder, result } = await answer('Che cosa dice la frase numero 737?', 'it', [spec]);
    expect(embedder.calls).toEqual([
      { kind: 'query', count: 1 },
      { kind: 'passages', count: MAX_CANDIDATES },
    ]);
    expect(built.text).toContain('Frase numero 737 ');
    expectVerbatim(built, result);
  });

  it('no groups, or only blank passages: null', async () => {
    const embedder = createFakeEmbedder();
    const empty = makeResult('q', 'it', []);
    await expect(buildExtractiveAnswer({ question: 'q', language: 'it', result: empty, embedder })).resolves.toBeNull();
    const blank = makeResult('q', 'it', [{ ...ROADWORKS_IT, text: '   \n ' }]);
    await expect(buildExtractiveAnswer({ question: 'q', language: 'it', result: blank, embedder })).resolves.toBeNull();
    expect(embedder.calls).toEqual([]);
  });

  it('passes the embedder error through', async () => {
    const embedder = { ...createFakeEmbedder(), embedQuery: () => Promise.reject(new Error('model not loaded')) };
    const result = makeResult('q', 'it', [BRIDGE_IT]);
    await expect(buildExtractiveAnswer({ question: 'ponte', language: 'it', result, embedder })).rejects.toThrow(
      'model not loaded',
    );
  });
});
