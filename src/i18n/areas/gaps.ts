import { defineArea } from '../define-area.js';

/** The /gaps report: questions the coverage did not answer. */
export const gaps = defineArea({
  it: {
    title: '**Domande senza risposta, ultimi {days} giorni** ({total} in {groups} gruppi)',
    none: 'Nessuna domanda senza risposta negli ultimi {days} giorni.',
    line: '{rank}. **{count}×** «{question}» — {details}',
    'not-covered': 'non coperta {n}',
    'down-votes': '👎 {n}',
    variants: '   _anche:_ {variants}',
    more: '… e altri {n} gruppi.',
  },
  en: {
    title: '**Unanswered questions, last {days} days** ({total} in {groups} groups)',
    none: 'No unanswered questions in the last {days} days.',
    line: '{rank}. **{count}×** “{question}” — {details}',
    'not-covered': 'not covered {n}',
    'down-votes': '👎 {n}',
    variants: '   _also:_ {variants}',
    more: '… and {n} more groups.',
  },
});
