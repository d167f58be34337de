import { foldText } from '../text/analyze.js';

/** What kind of answer a question asks for. */
export type AnswerType = 'place' | 'date' | 'quantity' | 'person' | 'reason' | 'quote' | 'yesno' | 'other';

export const ANSWER_TYPES: readonly AnswerType[] = [
  'place',
  'date',
  'quantity',
  'person',
  'reason',
  'quote',
  'yesno',
  'other',
];

/**
 * Question cues in both languages, most specific first (accent-folded, lowercase). A cue matches
 * anywhere in the question: Italian puts the question word late ("Il colloquio quanto è durato?").
 */
const CUES: readonly [AnswerType, RegExp][] = [
  [
    'quote',
    /\b(?:(?:che )?cosa|che) (?:ha|hanno|avrebbe|aveva) (?:detto|dichiarato|affermato|risposto|sostenuto)\b|\bcosa dice\b|\bwhat (?:did|does|do|has|have) .{1,60}? (?:say|said|tell|told|state|declare)\b/,
  ],
  ['reason', /\bperche\b|\bper quale (?:motivo|ragione)\b|\bcome mai\b|\bwhy\b|\bfor what reason\b/],
  [
    'date',
    /\bquando\b|\bin (?:che|quale|quali) (?:anno|anni|data|mese|giorno|secolo|periodo|epoca|decennio)\b|\b(?:che|quale) (?:anno|data|giorno|mese|secolo)\b|\ba che ora\b|\bwhen\b|\b(?:what|which) (?:year|date|day|month|century|decade|time|period)\b/,
  ],
  [
    'quantity',
    /\bquant[oiae]\b|\bquale (?:percentuale|numero|somma|cifra)\b|\bhow (?:many|much|long|far|old|big|large|often|tall|high)\b|\bwhat (?:percentage|proportion|number|amount)\b/,
  ],
  [
    'place',
    /\bdove\b|\b(?:in|da|a) (?:che|quale|quali) (?:paese|paesi|citta|luogo|luoghi|regione|stato|nazione|continente|zona|parte)\b|\bwhere\b|\b(?:what|which) (?:country|countries|city|cities|place|region|state|nation|continent)\b/,
  ],
  ['person', /\bchi\b|\bwho\b|\bwhom\b|\bwhose\b/],
  [
    'yesno',
    /^(?:is|are|was|were|did|does|do|has|have|had|can|could|will|would|should)\b|^(?:e vero|c'e|ci sono|esiste|esistono)\b/,
  ],
];

/**
 * The kind of answer `question` asks for, read from its question words (Italian and English:
 * dove/where → place, quando/when → date, quanto/how many → quantity, chi/who → person,
 * perché/why → reason, cosa ha detto/what did X say → quote, is/did… → yes/no); `other` when no
 * cue matches. Never throws.
 */
export function detectAnswerType(question: string): AnswerType {
  const text = foldText(question).replace(/[’`]/g, "'").replace(/\s+/g, ' ').trim();
  for (const [type, cue] of CUES) if (cue.test(text)) return type;
  return 'other';
}
