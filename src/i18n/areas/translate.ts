import { defineArea } from '../define-area.js';

/** Why questions are (or are not) translated: /status and the start log (src/translate/select.ts). */
export const translate = defineArea({
  it: {
    off: 'traduzione delle domande disattivata (QUERY_TRANSLATION=off)',
    llm: 'domande tradotte dal modello linguistico (QUERY_TRANSLATION=llm)',
    'llm-unconfigured':
      'QUERY_TRANSLATION=llm, ma nessun modello linguistico è configurato: le domande sono cercate senza traduzione',
    apertium: 'domande tradotte da Apertium su {url}',
    'apertium-unset':
      'QUERY_TRANSLATION=apertium, ma APERTIUM_URL non è impostato: le domande sono cercate senza traduzione',
    'apertium-down':
      'Apertium su {url} non risponde o dà errori: le domande sono cercate senza traduzione finché non risponde',
    'auto-llm-unset': 'APERTIUM_URL non è impostato: domande tradotte dal modello linguistico',
    'auto-llm-down': 'Apertium su {url} non ha risposto: domande tradotte dal modello linguistico',
    'auto-none-unset':
      'APERTIUM_URL non è impostato e nessun modello linguistico è configurato: le domande sono cercate senza traduzione',
    'auto-none-down':
      'Apertium su {url} non ha risposto e nessun modello linguistico è configurato: le domande sono cercate senza traduzione',
  },
  en: {
    off: 'query translation is off (QUERY_TRANSLATION=off)',
    llm: 'translating questions with the LLM (QUERY_TRANSLATION=llm)',
    'llm-unconfigured': 'QUERY_TRANSLATION=llm but no LLM is configured; questions are searched untranslated',
    apertium: 'translating questions with Apertium at {url}',
    'apertium-unset': 'QUERY_TRANSLATION=apertium but APERTIUM_URL is not set; questions are searched untranslated',
    'apertium-down':
      'Apertium at {url} is unreachable or failing; questions are searched untranslated until it answers',
    'auto-llm-unset': 'APERTIUM_URL is not set; translating questions with the LLM',
    'auto-llm-down': 'Apertium at {url} did not answer; translating questions with the LLM',
    'auto-none-unset': 'APERTIUM_URL is not set and no LLM is configured; questions are searched untranslated',
    'auto-none-down': 'Apertium at {url} did not answer and no LLM is configured; questions are searched untranslated',
  },
});
