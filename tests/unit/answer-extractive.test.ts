import { describe, expect, it } from 'vitest';
import { citationSchema } from '../../src/answer/answer.js';
import type { Answer, Citation } from '../../src/answer/answer.js';
import { buildExtractiveAnswer } from '../../src/answer/extractive.js';
import type { ExtractiveAnswer, ExtractiveInput } from '../../src/answer/extractive.js';
import { t } from '../../src/i18n/index.js';
import { MAX_SUPPORT } from '../../src/answer/pick-quotes.js';
import { QUOTE_JOINER } from '../../src/answer/quotes.js';
import { formatAnswer } from '../../src/discord/format-reply.js';
import { committedWeights } from '../../src/answer/sentence-scorer.js';
import type { RetrievalResult } from '../../src/retrieval/types.js';
import type { ArticleSpec } from '../helpers/answer-fixtures.js';
import { BRIDGE_IT, FESTIVAL_EN, makeResult, ROADWORKS_IT } from '../helpers/answer-fixtures.js';

type Options = Partial<Omit<ExtractiveInput, 'question' | 'language' | 'result'>>;

async function answer(question: string, language: 'it' | 'en', articles: ArticleSpec[], options: Options = {}) {
  const result = makeResult(question, language, articles);
  const built = await buildExtractiveAnswer({ question, language, result, ...options });
  if (built === null) throw new Error('expected an answer');
  return { built, result };
}

/** The committed weights, with every sentence close enough to support the answer. */
const generous = { weights: { ...committedWeights(), supportMargin: 1000, supportMargins: { it: 1000, en: 1000 } } };
/** A stand-in translator: marks the text as translated, keeps numbers and names. */
const fakeTranslate = (text: string) => Promise.resolve(`EN ${text}`);

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

/** The supporting quotes (bullets after the answering sentence). */
function bullets(text: string): string[] {
  return text.split('\n').filter((line) => line.startsWith('- '));
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

  it('the fact first: the answering sentence opens the answer with its answer in bold', async () => {
    const cost = await answer('Quanto è costata la costruzione del ponte?', 'it', [BRIDGE_IT, ROADWORKS_IT]);
    expect(cost.built.text.split('\n')[0]).toBe(
      '“La costruzione è durata tre anni ed è costata **14 milioni di euro**.” [1]',
    );
    const when = await answer('Quando è stato inaugurato il ponte?', 'it', [BRIDGE_IT]);
    expect(when.built.text.split('\n')[0]).toBe(
      '“Il nuovo ponte sul fiume Lieto è stato inaugurato il **12 maggio 2021**.” [1]',
    );
    const who = await answer('Chi ha tagliato il nastro?', 'it', [BRIDGE_IT]);
    expect(who.built.text.split('\n')[0]).toMatch(/^“La sindaca \*\*Marta Ferrini\*\* ha tagliato il nastro/);
  });

  it('an English asker sees the labelled machine translation first and the Italian quote under it', async () => {
    const { built } = await answer('When was the bridge inaugurated?', 'en', [BRIDGE_IT], {
      translation: { text: 'Quando è stato inaugurato il ponte?', lang: 'it' },
      translate: fakeTranslate,
    });
    const [first, second] = built.text.split('\n');
    expect(first).toBe(
      '*machine translation:* EN Il nuovo ponte sul fiume Lieto è stato inaugurato il **12 maggio 2021**. [1]',
    );
    expect(second).toBe('> “Il nuovo ponte sul fiume Lieto è stato inaugurato il **12 maggio 2021**.” [1]');
    expect(built.citations[0]?.quote).toBe('Il nuovo ponte sul fiume Lieto è stato inaugurato il 12 maggio 2021.');
  });

  it('uses the translation the index stored for the answering sentence, without asking the translator', async () => {
    const result = makeResult('When was the bridge inaugurated?', 'en', [BRIDGE_IT]);
    const passage = result.passages[0];
    const sentence = 'Il nuovo ponte sul fiume Lieto è stato inaugurato il 12 maggio 2021.';
    const start = passage?.text.indexOf(sentence) ?? -1;
    expect(start).toBeGreaterThanOrEqual(0);
    const stored = 'The new bridge on the river Lieto was inaugurated on 12 May 2021.';
    result.sentences = {
      translatedTo: 'en',
      matches: [{ passageId: passage?.id ?? 0, start, end: start + sentence.length, score: 0.9, translation: stored }],
    };
    let calls = 0;
    const built = await buildExtractiveAnswer({
      question: 'When was the bridge inaugurated?',
      language: 'en',
      result,
      translation: { text: 'Quando è stato inaugurato il ponte?', lang: 'it' },
      translate: (text) => (calls++, fakeTranslate(text)),
    });
    expect(built?.text.split('\n')[0]).toBe(`*machine translation:* ${stored} [1]`);
    expect(calls).toBe(0);
  });

  it('without a translator an English asker gets the Italian quote, marked as Italian', async () => {
    const { built } = await answer('When was the ponte inaugurato?', 'en', [BRIDGE_IT, ROADWORKS_IT], {
      translate: () => Promise.resolve(null),
    });
    expect(built.text.split('\n')[0]).toMatch(new RegExp(`^“.+” \\[1\\] \\(in Italian\\)$`));
    expect(t('en', 'answer.extractive.quote-in-other-lang')).toBe('(in Italian)');
  });

  it('an English question over English articles is quoted without a label or translation', async () => {
    let calls = 0;
    const translate = (text: string) => (calls++, fakeTranslate(text));
    const { built } = await answer('When do festival tickets go on sale?', 'en', [FESTIVAL_EN], { translate });
    expect(built.text.split('\n')[0]).toBe('“Tickets for the festival go on sale on **1 June**.” [1]');
    expect(calls).toBe(0);
  });

  it('numbers citations 1..m in order of first use, and every [n] has a citation', async () => {
    const { built } = await answer(
      'Il ponte sul fiume Lieto e i lavori',
      'it',
      [ROADWORKS_IT, BRIDGE_IT, FESTIVAL_EN],
      generous,
    );
    const used = citedNumbers(built.text);
    const firstUse = [...new Set(used)];
    expect(firstUse).toEqual(firstUse.map((_, i) => i + 1));
    expect(built.citations.map((c) => c.n)).toEqual(firstUse);
  });

  it(`adds at most ${MAX_SUPPORT} supporting quotes, each once, under a heading in the asker's language`, async () => {
    const { built } = await answer(
      'Il ponte sul fiume Lieto, la sindaca, la cerimonia e il costo',
      'it',
      [BRIDGE_IT, ROADWORKS_IT],
      generous,
    );
    const lines = bullets(built.text);
    expect(lines).toHaveLength(MAX_SUPPORT);
    expect(built.text).toContain(`\n\n${t('it', 'answer.extractive.see-also')}\n`);
    for (const line of lines) expect(line).toMatch(/^- “.+” \[\d+\]$/);
    const quoted = [...built.text.matchAll(/“([^”]+)”/g)].map((m) => (m[1] ?? '').replace(/\*\*/g, ''));
    expect(new Set(quoted).size).toBe(quoted.length);
  });

  it('maxSupport 0: only the answering sentence, one citation', async () => {
    const { built } = await answer('Quanto è costato il ponte?', 'it', [BRIDGE_IT, ROADWORKS_IT], {
      ...generous,
      maxSupport: 0,
    });
    expect(built.text.split('\n')).toHaveLength(1);
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
    const { built } = await answer('Quanto è costata la costruzione?', 'it', [spec], generous);
    expect(built.text.replace(/\*\*/g, '').split(shared).length - 1).toBe(1);
  });

  it('skips a near-duplicate sentence from another article (syndicated copy)', async () => {
    const copy: ArticleSpec = { ...BRIDGE_IT, articleId: 'copia', title: 'Copia', text: BRIDGE_IT.text };
    const { built } = await answer('Quanto è costata la costruzione del ponte?', 'it', [BRIDGE_IT, copy], generous);
    expect(built.text.split('14 milioni').length - 1).toBe(1);
  });

  it('two adjacent sentences of one passage make a single verbatim quote slice', async () => {
    const text =
      'Il ponte costa 14 milioni di euro secondo il comune. Il ponte costa troppo secondo i residenti. Il tempo era bello e soleggiato quel giorno.';
    const { built, result } = await answer(
      'Quanto costa il ponte secondo il comune e i residenti?',
      'it',
      [{ ...BRIDGE_IT, text }],
      { ...generous, maxSupport: 1 },
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
      { ...generous, maxSupport: 1 },
    );
    expect(built.citations[0]?.quote).toBe(
      `Il ponte costa 14 milioni di euro secondo il comune.${QUOTE_JOINER}Il ponte costa troppo secondo i residenti.`,
    );
    expectVerbatim(built, result);
  });

  it('accents: a question typed without accents still finds "perché" and "città"', async () => {
    const text = 'Il mercato resta aperto il sabato mattina. La strada è chiusa perché la città rifà le fognature.';
    const { built } = await answer('perche la citta ha chiuso la strada', 'it', [{ ...ROADWORKS_IT, text }], {
      maxSupport: 0,
    });
    expect(built.text).toContain('**perché la città rifà le fognature**');
  });

  it('one-sentence article: one line, quote equal to the passage', async () => {
    const text = 'Il festival di Borgo Lieto si terrà a luglio.';
    const { built } = await answer('Quando si terrà il festival?', 'it', [{ ...ROADWORKS_IT, text }]);
    expect(built.text).toBe('“Il festival di Borgo Lieto si terrà a **luglio**.” [1]');
    expect(built.citations[0]?.quote).toBe(text);
    expect(built.citations[0]?.passageIds).toEqual([1]);
  });

  it('collapses runs of spaces and tabs inside a quoted sentence in the text but keeps the quote verbatim', async () => {
    const text = 'Il sindaco ha detto che il ponte \t  sarà riaperto a giugno.';
    const { built } = await answer('Quando sarà riaperto il ponte?', 'it', [{ ...ROADWORKS_IT, text }]);
    expect(built.text).toContain('“Il sindaco ha detto che il ponte sarà riaperto a **giugno**.”');
    expect(built.citations[0]?.quote).toBe(text);
  });

  it('abbreviations do not cut a quote: "la dott.ssa Neri" stays in one sentence', async () => {
    const text = 'Secondo la dott.ssa Elena Neri il ponte sarà riaperto a giugno. Il mercato resta aperto il sabato.';
    const { built } = await answer('Quando sarà riaperto il ponte?', 'it', [{ ...ROADWORKS_IT, text }], {
      maxSupport: 0,
    });
    expect(built.citations[0]?.quote).toBe('Secondo la dott.ssa Elena Neri il ponte sarà riaperto a giugno.');
  });

  it('a heading-only article is still quoted (fragments are the last resort)', async () => {
    const { built } = await answer('ponte', 'it', [{ ...ROADWORKS_IT, text: 'Ponte chiuso' }]);
    expect(built.citations[0]?.quote).toBe('Ponte chiuso');
  });

  it('prefers full sentences over a short heading line', async () => {
    const text = 'Ponte\nIl nuovo ponte sul fiume Lieto è stato aperto al traffico in primavera.';
    const { built } = await answer('ponte', 'it', [{ ...ROADWORKS_IT, text }], { maxSupport: 0 });
    expect(built.citations[0]?.quote).toBe('Il nuovo ponte sul fiume Lieto è stato aperto al traffico in primavera.');
  });

  it('a 10,000-word article: the sentence the question names is found among its 1,000', async () => {
    const sentences = Array.from(
      { length: 1000 },
      (_, i) => `Frase numero ${i} sul consiglio comunale di Borgo Lieto oggi.`,
    );
    const spec: ArticleSpec = { ...ROADWORKS_IT, text: sentences.join(' ') };
    const { built, result } = await answer('Che cosa dice la frase numero 737?', 'it', [spec]);
    expect(built.text.split('\n')[0]).toContain('Frase numero 737 ');
    expectVerbatim(built, result);
  });

  it('no groups, or only blank passages: null', async () => {
    const empty = makeResult('q', 'it', []);
    await expect(buildExtractiveAnswer({ question: 'q', language: 'it', result: empty })).resolves.toBeNull();
    const blank = makeResult('q', 'it', [{ ...ROADWORKS_IT, text: '   \n ' }]);
    await expect(buildExtractiveAnswer({ question: 'q', language: 'it', result: blank })).resolves.toBeNull();
  });

  it('passes the translator error through', async () => {
    const result = makeResult('When?', 'en', [BRIDGE_IT]);
    const translate = () => Promise.reject(new Error('translator down'));
    await expect(buildExtractiveAnswer({ question: 'When?', language: 'en', result, translate })).rejects.toThrow(
      'translator down',
    );
  });

  it('for a question about the latest, answers from the first article (the newest relevant one), even when an older one matches better', async () => {
    const question = 'Ci sono novità sul ponte sul fiume Lieto?';
    // Retrieval put the newer roadworks report first; the older bridge article matches the words better.
    const result = makeResult(question, 'it', [ROADWORKS_IT, BRIDGE_IT]);
    const [newer, better] = result.groups;
    if (newer === undefined || better === undefined) throw new Error('expected two groups');
    newer.score = 0.5;
    for (const p of newer.passages) p.score = 0.5;
    better.score = 1;
    for (const p of better.passages) p.score = 1;
    const older = await buildExtractiveAnswer({ question, language: 'it', result });
    expect(older?.citations[0]?.articleId).toBe('ponte-borgo-lieto');
    const latest = { ...result, time: { ...result.time, latest: true } };
    const newest = await buildExtractiveAnswer({ question, language: 'it', result: latest });
    expect(newest?.citations[0]?.articleId).toBe('lavori-provinciale');
    expect(newest?.text.split('\n')[0]).toContain('Il ponte sul fiume Lieto resterà aperto');
  });
});

describe('extractive answers on Discord', () => {
  it('long sentences, an English asker and a translation still fit one 2,000-character message', async () => {
    const long = (topic: string) =>
      `Il consiglio comunale di Borgo Lieto ha discusso ${topic} per tre ore, ` +
      'con interventi di tutti i gruppi e dei cittadini presenti in sala, '.repeat(7) +
      'e ha approvato la delibera il 12 maggio 2021.';
    const text = [long('il ponte'), long('la scuola'), long('il mercato'), long('la piazza')].join(' ');
    const { built } = await answer('When did the council approve the ponte?', 'en', [{ ...BRIDGE_IT, text }], {
      ...generous,
      translate: (t: string) => Promise.resolve(`EN ${t}`),
    });
    const reply: Answer = {
      id: 'a1',
      text: built.text,
      language: 'en',
      mode: 'extractive',
      reason: null,
      citations: built.citations,
      translation: null,
      timings: {},
    };
    const messages = formatAnswer(reply);
    expect(built.text.length).toBeGreaterThan(long('il ponte').length * 2);
    expect(messages).toHaveLength(1);
    expect(messages[0]?.length).toBeLessThanOrEqual(2000);
  });
});
