import { describe, expect, it } from 'vitest';
import { detectLanguage } from '../../src/text/language.js';
import type { Lang } from '../../src/text/lang.js';

const ITALIAN = [
  'Cosa ha detto Rubio a Lavrov?',
  'Chi ha vinto?',
  'Quando si sono incontrati Rubio e Lavrov?',
  "Dove si è svolto l'incontro?",
  'Perché Rubio era deluso?',
  'Qual è il nuovo concetto proposto da Lavrov?',
  'Cosa è successo a Kuala Lumpur?',
  "Ci sono novità sull'Ucraina?",
  'Chi è il ministro degli Esteri russo?',
  'Quanto è durato il colloquio?',
  'Riprenderanno i voli diretti?',
  'Di cosa hanno parlato?',
  "Com'è andato l'incontro?",
  'Che cosa pensa il Presidente?',
  "Articoli sull'OPEC di ottobre",
  'Notizie su Biden',
  "Qual è la posizione dell'Iran?",
  'Cosa ha dichiarato il Ministero?',
  "Chi ha scritto l'articolo?",
  'Ci sarà la pace?',
  'Quali paesi sono coinvolti?',
  'Perché?',
];

const ENGLISH = [
  'What new concept did Lavrov propose?',
  'Who won?',
  'When did Rubio meet Lavrov?',
  'Where was the meeting held?',
  'Why was Rubio frustrated?',
  'What happened in Kuala Lumpur?',
  'Any news about Ukraine?',
  'Who is the Russian foreign minister?',
  'How long did the talks last?',
  'Will direct flights resume?',
  'What did they talk about?',
  'How did the meeting go?',
  'What does the President think?',
  'Articles about OPEC in October',
  'News on Biden',
  "What is Iran's position?",
  'What did the ministry say?',
  'Who wrote the article?',
  'Is peace coming?',
  'Which countries are involved?',
  'Why?',
];

// One- and two-word questions, where tinyld has almost no n-grams to go on.
const VERY_SHORT_ITALIAN = [
  'Chi?',
  'Quando?',
  'Dove?',
  'Novità?',
  'Chi è Rubio?',
  'Cosa?',
  'Il vincitore?',
  'Quanti morti?',
  'Che succede?',
  'Ultime notizie',
  'Come finirà?',
  'Grazie',
];
const VERY_SHORT_ENGLISH = [
  'Who?',
  'When?',
  'Where?',
  'News?',
  'Who is Rubio?',
  'What?',
  'The winner?',
  'How many died?',
  "What's up?",
  'Latest news',
  'How will it end?',
  'Thanks',
];

function measureAccuracy(questions: string[], expected: Lang): { accuracy: number; wrong: string[] } {
  const wrong = questions.filter((q) => detectLanguage(q) !== expected);
  return { accuracy: 1 - wrong.length / questions.length, wrong };
}

describe('detectLanguage', () => {
  it('short real-looking questions: accuracy ≥ 0.9 in each language', () => {
    const italian = measureAccuracy(ITALIAN, 'it');
    const english = measureAccuracy(ENGLISH, 'en');
    const overall = 1 - (italian.wrong.length + english.wrong.length) / (ITALIAN.length + ENGLISH.length);
    console.log(
      `language accuracy: it ${italian.accuracy.toFixed(3)} (${ITALIAN.length}), en ${english.accuracy.toFixed(3)} (${ENGLISH.length}), overall ${overall.toFixed(3)}; wrong: ${JSON.stringify([...italian.wrong, ...english.wrong])}`,
    );
    expect(italian.accuracy).toBeGreaterThanOrEqual(0.9);
    expect(english.accuracy).toBeGreaterThanOrEqual(0.9);
  });

  it('one- and two-word questions: accuracy ≥ 0.9 overall', () => {
    const italian = measureAccuracy(VERY_SHORT_ITALIAN, 'it');
    const english = measureAccuracy(VERY_SHORT_ENGLISH, 'en');
    const total = VERY_SHORT_ITALIAN.length + VERY_SHORT_ENGLISH.length;
    const overall = 1 - (italian.wrong.length + english.wrong.length) / total;
    console.log(
      `very short accuracy: it ${italian.accuracy.toFixed(3)}, en ${english.accuracy.toFixed(3)}, overall ${overall.toFixed(3)}; wrong: ${JSON.stringify([...italian.wrong, ...english.wrong])}`,
    );
    expect(overall).toBeGreaterThanOrEqual(0.9);
  });

  it('a bare name is ambiguous: the hint decides', () => {
    expect(detectLanguage('Rubio?', 'en')).toBe('en');
    expect(detectLanguage('Rubio?', 'it')).toBe('it');
    expect(detectLanguage('Lavrov', 'en')).toBe('en');
  });

  it('empty or symbol-only text: hint, else Italian', () => {
    expect(detectLanguage('')).toBe('it');
    expect(detectLanguage('   ', 'en')).toBe('en');
    expect(detectLanguage('?!', null)).toBe('it');
    expect(detectLanguage('2025')).toBe('it');
  });

  it('a clear sentence ignores a contrary hint', () => {
    expect(detectLanguage('What new concept did Lavrov propose to Rubio in Kuala Lumpur?', 'it')).toBe('en');
    expect(
      detectLanguage('Il Segretario di Stato ha espresso la sua delusione per la mancanza di progressi.', 'en'),
    ).toBe('it');
  });

  it('function words outrank the hint when tinyld is unsure', () => {
    expect(detectLanguage('Chi?', 'en')).toBe('it');
    expect(detectLanguage('Quando?', 'en')).toBe('it');
    expect(detectLanguage('Who is Biden?', 'it')).toBe('en');
  });
});
