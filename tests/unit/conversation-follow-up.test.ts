import { describe, expect, it } from 'vitest';
import type { Turn } from '../../src/store/conversation-memory.js';
import { extractSubject, resolveFollowUp } from '../../src/answer/follow-up.js';

const lavrov: Turn = {
  question: 'Che cosa ha proposto Lavrov a Rubio?',
  standalone: 'Che cosa ha proposto Lavrov a Rubio?',
  lang: 'it',
  articleIds: ['seed-1'],
};

describe('extractSubject', () => {
  it('takes capitalised words and acronyms as names, question and referring words as neither', () => {
    expect(extractSubject('Che cosa ha proposto Lavrov a Rubio?')).toEqual({
      names: ['Lavrov', 'Rubio'],
      words: ['proposto'],
    });
    expect(extractSubject('E quando? Chi lo ha detto?')).toEqual({ names: [], words: [] });
    expect(extractSubject('What did the US say about it?')).toEqual({ names: ['US'], words: [] });
    expect(extractSubject("cosa ha detto dell'amministrazione?")).toEqual({ names: [], words: ['amministrazione'] });
  });

  it('folds accents and case when telling repeated words apart', () => {
    expect(extractSubject('Perché? perche PERCHÉ Città città')).toEqual({ names: ['Città'], words: [] });
  });
});

describe('resolveFollowUp', () => {
  it('completes a follow-up without a subject with the previous turn, whose articles become the prior', () => {
    expect(resolveFollowUp('e quando?', [lavrov])).toEqual({
      kind: 'completed',
      query: 'e quando? Lavrov Rubio proposto',
      priorArticleIds: ['seed-1'],
    });
    expect(resolveFollowUp('what else?', [lavrov])).toMatchObject({ query: 'what else? Lavrov Rubio proposto' });
    expect(resolveFollowUp("chi l'ha detto?", [lavrov])).toMatchObject({ kind: 'completed' });
    expect(resolveFollowUp("cosa ha detto dell'amministrazione?", [lavrov])).toMatchObject({
      kind: 'completed',
      query: "cosa ha detto dell'amministrazione? Lavrov Rubio proposto",
    });
  });

  it('reads the previous turn as completed, so a third turn keeps the first one’s names', () => {
    const second: Turn = { ...lavrov, question: 'e quando?', standalone: 'e quando? Lavrov Rubio proposto' };
    expect(resolveFollowUp('e dove?', [lavrov, second])).toMatchObject({
      query: 'e dove? Lavrov Rubio proposto',
    });
  });

  it('does not repeat words the follow-up already has', () => {
    expect(resolveFollowUp('e cosa ha proposto?', [lavrov])).toMatchObject({
      query: 'e cosa ha proposto? Lavrov Rubio',
    });
  });

  it('searches a follow-up that names a new subject as written', () => {
    expect(resolveFollowUp('e cosa ha detto Biden?', [lavrov])).toEqual({
      kind: 'standalone',
      query: 'e cosa ha detto Biden?',
    });
    expect(resolveFollowUp('quali accordi commerciali sono stati firmati in Asia?', [lavrov])).toMatchObject({
      kind: 'standalone',
    });
    expect(resolveFollowUp('quanti voli diretti erano previsti ogni settimana?', [lavrov])).toMatchObject({
      kind: 'standalone',
    });
  });

  it('asks for a subject when a follow-up has none and nothing came before', () => {
    expect(resolveFollowUp('e dove?', [])).toEqual({ kind: 'needs-subject' });
    expect(resolveFollowUp('Who said that?', [])).toEqual({ kind: 'needs-subject' });
    expect(resolveFollowUp('cosa è successo?', [])).toEqual({ kind: 'needs-subject' });
  });

  it('searches a short question of its own as written when it opens the conversation', () => {
    expect(resolveFollowUp('cianobatteri?', [])).toEqual({ kind: 'standalone', query: 'cianobatteri?' });
    expect(resolveFollowUp('Lavrov?', [])).toEqual({ kind: 'standalone', query: 'Lavrov?' });
  });
});
