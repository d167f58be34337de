import { describe, expect, it } from 'vitest';
import type { EvalQuestion } from '../../src/eval/dataset.js';
import { checkTranslations, termF1 } from '../../src/eval/translation-overlap.js';
import type { Translator } from '../../src/translate/translator.js';

const question = (question_it: string, question_en: string): EvalQuestion => ({
  id: question_en,
  question_it,
  question_en,
  answers_it: [],
  doc_id: 'd',
  paragraph_start: 0,
  paragraph_end: 1,
});

describe('termF1', () => {
  it('is 1 for the same content terms in another form, 0 for none shared, and ignores stopwords', () => {
    expect(termF1('Quale concetto nuovo ha proposto Lavrov?', 'Lavrov propone un nuovo concetto?')).toBe(1);
    expect(termF1('Quale concetto nuovo ha proposto Lavrov?', 'Dove si trova Kuala Lumpur?')).toBe(0);
    // Reference {concett, nuov, propost/propon, lavrov}: half of them, and nothing else.
    const half = termF1('Quale concetto nuovo ha proposto Lavrov?', 'il concetto nuovo');
    expect(half).toBeGreaterThan(0.5);
    expect(half).toBeLessThan(1);
    expect(termF1('che cosa è?', 'qualcosa')).toBeNull();
  });
});

describe('checkTranslations', () => {
  it('translates each English question into Italian and averages termF1 against the Italian one, a failed translation counting 0', async () => {
    const seen: string[] = [];
    const translator: Translator = {
      engine: 'fake',
      translate: (text, from, to) => {
        seen.push(`${from}>${to} ${text}`);
        return Promise.resolve(text.startsWith('Where') ? null : 'Lavrov propone un nuovo concetto?');
      },
    };
    const check = await checkTranslations(translator, [
      question('Quale concetto nuovo ha proposto Lavrov?', 'What new concept did Lavrov propose?'),
      question('Dove si sono incontrati Rubio e Lavrov?', 'Where did Rubio and Lavrov meet?'),
      question('che cosa è?', 'what is it?'),
    ]);
    expect(seen).toEqual([
      'en>it What new concept did Lavrov propose?',
      'en>it Where did Rubio and Lavrov meet?',
      'en>it what is it?',
    ]);
    expect(check).toEqual({ questions: 2, failed: 1, meanTermF1: 0.5 });
  });
});
