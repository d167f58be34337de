import type { Lang } from '../text/lang.js';
import type { NoAnswerReason } from './answer.js';

/** The Italian catalogue is the reference: its keys are the message keys. */
const it = {
  'no-answer.not-covered': 'Non ho trovato nulla nei nostri articoli che risponda a questa domanda.',
  'no-answer.empty-question': 'La domanda è vuota: scrivi che cosa vuoi sapere.',
  'no-answer.question-too-long': 'La domanda è troppo lunga: al massimo {max} caratteri.',
  'no-answer.no-index': "L'archivio non è ancora indicizzato: chiedi a un moderatore di eseguire /reindex.",
  sources: 'Fonti',
  'extractive.lead-in': 'Ecco cosa dicono i nostri articoli:',
  'extractive.lead-in-other-lang': 'Ecco cosa dicono i nostri articoli (in inglese) — le citazioni sono in inglese:',
  'extractive.lead-in-mixed': 'Ecco cosa dicono i nostri articoli — alcune citazioni sono in inglese:',
  'fallback.llm-unavailable': 'Risposta estrattiva: il modello linguistico non era disponibile.',
  'fallback.llm-uncited': 'Risposta estrattiva: la risposta del modello linguistico non citava le fonti.',
  'machine-translation': 'traduzione automatica',
} as const;

/** A user-facing message of the answer layer; every key exists in every language. */
export type MessageKey = keyof typeof it;

const en: Record<MessageKey, string> = {
  'no-answer.not-covered': "I couldn't find anything in our articles that answers this question.",
  'no-answer.empty-question': 'The question is empty: tell me what you want to know.',
  'no-answer.question-too-long': 'The question is too long: {max} characters at most.',
  'no-answer.no-index': "The archive isn't indexed yet: ask a moderator to run /reindex.",
  sources: 'Sources',
  'extractive.lead-in': 'Here is what our articles say:',
  'extractive.lead-in-other-lang': 'Here is what our (Italian) articles say — quotes are in Italian:',
  'extractive.lead-in-mixed': 'Here is what our articles say — some quotes are in Italian:',
  'fallback.llm-unavailable': 'Extractive answer: the language model was unavailable.',
  'fallback.llm-uncited': "Extractive answer: the language model's reply did not cite the sources.",
  'machine-translation': 'machine translation',
};

const catalogues: Record<Lang, Record<MessageKey, string>> = { it, en };

/** Placeholders each message needs; keys absent here take no parameters. */
interface MessageParams {
  'no-answer.question-too-long': { max: number };
}

type ParamsArg<K extends MessageKey> = K extends keyof MessageParams ? [params: MessageParams[K]] : [];

/**
 * The user-facing message `key` in `lang`, with `{name}` placeholders filled from `params`.
 * Keys and their parameters are checked at compile time; never throws.
 */
export function t<K extends MessageKey>(lang: Lang, key: K, ...params: ParamsArg<K>): string {
  const template = catalogues[lang][key];
  const values: Record<string, string | number> = params[0] ?? {};
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = values[name];
    if (value === undefined) return whole;
    return typeof value === 'number' ? value.toLocaleString(lang) : value;
  });
}

/** What stops an answer from being written, with what its message needs. */
export type NoAnswerInput =
  { reason: Exclude<NoAnswerReason, 'question-too-long'> } | { reason: 'question-too-long'; maxChars: number };

/** The message shown when there is no answer, in `lang`. */
export function formatNoAnswer(lang: Lang, input: NoAnswerInput): string {
  switch (input.reason) {
    case 'question-too-long':
      return t(lang, 'no-answer.question-too-long', { max: input.maxChars });
    case 'not-covered':
      return t(lang, 'no-answer.not-covered');
    case 'empty-question':
      return t(lang, 'no-answer.empty-question');
    case 'no-index':
      return t(lang, 'no-answer.no-index');
  }
}

/** Why an extractive answer stands in for an LLM answer. */
export type FallbackReason = 'llm-unavailable' | 'llm-uncited';

/** The note that says an extractive answer is a fallback, in `lang`. */
export function formatFallbackNote(lang: Lang, reason: FallbackReason): string {
  return t(lang, reason === 'llm-unavailable' ? 'fallback.llm-unavailable' : 'fallback.llm-uncited');
}
