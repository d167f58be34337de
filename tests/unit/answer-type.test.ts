import { describe, expect, it } from 'vitest';
import { findAnswerSpans, isNovel, questionWords } from '../../src/answer/answer-spans.js';
import { detectAnswerType } from '../../src/answer/answer-type.js';
import { featureQuestion } from '../../src/answer/extractive.js';
import { FEATURE_NAMES, type FeatureName } from '../../src/answer/sentence-features.js';
import { BRIDGE_IT, makeResult } from '../helpers/answer-fixtures.js';

describe('detectAnswerType', () => {
  it.each([
    ['Dove si sono incontrati Rubio e Lavrov?', 'place'],
    ['Where did Rubio meet Lavrov?', 'place'],
    ['In quale città si trova il museo?', 'place'],
    ['Quando è iniziata la crisi petrolifera?', 'date'],
    ['In che anno è stato fondato il partito?', 'date'],
    ['When did Rubio meet Lavrov?', 'date'],
    ['What year did the war end?', 'date'],
    ['Quanto è durato il colloquio tra Rubio e Lavrov?', 'quantity'],
    ['Il colloquio quanti minuti è durato?', 'quantity'],
    ['How long did the meeting last?', 'quantity'],
    ['How many people attended?', 'quantity'],
    ['Chi ha proclamato l’embargo?', 'person'],
    ['Who proclaimed the embargo?', 'person'],
    ['Perché Rubio era deluso?', 'reason'],
    ['perche la strada è chiusa', 'reason'],
    ['Why was Rubio disappointed?', 'reason'],
    ['Cosa ha detto Rubio dopo l’incontro con Lavrov?', 'quote'],
    ['What did Rubio say after meeting Lavrov?', 'quote'],
    ['Did Rubio meet Lavrov?', 'yesno'],
    ['Qual è la capitale della Malesia?', 'other'],
    ['', 'other'],
  ])('%s → %s', (question, type) => {
    expect(detectAnswerType(question)).toBe(type);
  });
});

describe('findAnswerSpans', () => {
  const first = 'Rubio ha espresso la sua delusione durante un incontro a Kuala Lumpur, in Malesia, il 10 luglio.';

  const ofType = (text: string, type: string) =>
    findAnswerSpans(text)
      .filter((s) => s.type === type)
      .map((s) => s.text);

  it('finds places after a/in, dates with day and month, and keeps offsets verbatim', () => {
    expect(ofType(first, 'place')).toEqual(['Kuala Lumpur', 'Malesia']);
    expect(ofType(first, 'date')).toEqual(['10 luglio']);
    for (const span of findAnswerSpans(first)) expect(first.slice(span.start, span.end)).toBe(span.text);
  });

  it('finds quantities with units, and a year is a date, not a quantity', () => {
    const text = 'Il colloquio di 50 minuti si è svolto nel 2025 e il ponte è costato 14 milioni di euro.';
    expect(ofType(text, 'quantity')).toEqual(['50 minuti', '14 milioni di euro']);
    expect(ofType(text, 'date')).toEqual(['2025']);
  });

  it('finds names (not the capitalised first word), quotations and reasons', () => {
    const text =
      'Ieri il ministro Sergej Lavrov ha detto: “È stato un incontro importante”, perché il dialogo continua.';
    expect(ofType(text, 'person')).toContain('Sergej Lavrov');
    expect(ofType(text, 'person')).not.toContain('Ieri');
    expect(ofType(text, 'quote')).toEqual(['“È stato un incontro importante”']);
    expect(ofType(text, 'reason')).toEqual(['perché il dialogo continua']);
  });

  it('English months and weekdays are dates, never places or names', () => {
    const text = 'The festival returns to Borgo Lieto in July, on Friday 4 July 2025.';
    expect(ofType(text, 'date')).toEqual(expect.arrayContaining(['July', 'Friday', '4 July 2025']));
    expect(ofType(text, 'place')).toEqual(['Borgo Lieto']);
  });

  it('a span the question already holds is not novel', () => {
    const words = questionWords(['Quando è iniziata la crisi del 1973?']);
    const spans = findAnswerSpans('La crisi del 1973 iniziò nell’ottobre 1973.').filter((s) => s.type === 'date');
    expect(spans.map((s) => [s.text, isNovel(s, words)])).toEqual([
      ['1973', false],
      ['ottobre 1973', true],
    ]);
  });

  it('an empty sentence has no spans', () => {
    expect(findAnswerSpans('')).toEqual([]);
  });
});

describe('featureQuestion', () => {
  const feature = (question: string, name: FeatureName) => {
    const result = makeResult(question, 'it', [BRIDGE_IT]);
    const featured = featureQuestion({ question, language: 'it', result });
    const i = FEATURE_NAMES.indexOf(name);
    return featured
      .map((f) => [f.candidate.span.text.slice(0, 24), f.features[i]] as const)
      .sort((a, b) => BRIDGE_IT.text.indexOf(a[0]) - BRIDGE_IT.text.indexOf(b[0]));
  };

  it('marks the sentences holding a new answer of the asked kind, and only those', () => {
    expect(feature('Quanto è costata la costruzione del ponte?', 'matchQuantity')).toEqual([
      ['Il nuovo ponte sul fiume', 0],
      ['La costruzione è durata ', 1],
      ['Alla cerimonia hanno par', 0],
      ['La sindaca Marta Ferrini', 0],
    ]);
    // A name is a name: "Lieto" (a river) counts as much as "Marta Ferrini"; the fitted weights sort them out.
    expect(feature('Chi ha tagliato il nastro?', 'matchPerson')).toEqual([
      ['Il nuovo ponte sul fiume', 1],
      ['La costruzione è durata ', 0],
      ['Alla cerimonia hanno par', 0],
      ['La sindaca Marta Ferrini', 1],
    ]);
  });

  it('term overlap is 1 for a sentence holding every content word of the question, 0 for none', () => {
    const overlap = feature('cerimonia cittadini', 'overlap');
    expect(overlap.find(([text]) => String(text).startsWith('Alla cerimonia'))?.[1]).toBe(1);
    expect(overlap.find(([text]) => String(text).startsWith('La sindaca'))?.[1]).toBe(0);
  });
});
