import { defineArea } from '../define-area.js';

/** Texts of answers: no-answer messages, labels of extractive answers, notes. */
export const answer = defineArea({
  it: {
    'no-answer.not-covered': 'Non ho trovato nulla nei nostri articoli che risponda a questa domanda.',
    'no-answer.empty-question': 'La domanda è vuota: scrivi che cosa vuoi sapere.',
    'no-answer.question-too-long': 'La domanda è troppo lunga: al massimo {max} caratteri.',
    'no-answer.no-index': "L'archivio non è ancora indicizzato: chiedi a un moderatore di eseguire /reindex.",
    'no-answer.needs-subject':
      'Di che cosa parli? Scrivi la domanda per intero, con il nome della persona o del fatto, così posso cercarlo nei nostri articoli.',
    sources: 'Fonti',
    'extractive.see-also': 'Inoltre:',
    'extractive.quote-in-other-lang': '(in inglese)',
    'fallback.llm-unavailable': 'Risposta estrattiva: il modello linguistico non era disponibile.',
    'fallback.llm-uncited': 'Risposta estrattiva: la risposta del modello linguistico non citava le fonti.',
    'machine-translation': 'traduzione automatica',
    'source.published-age': '{date} ({age})',
    'source.updated': 'aggiornato il {date}',
    'period-unmatched':
      'Nel periodo che hai indicato non è uscito nessun articolo su questo: ecco quelli più vicini, di altre date.',
  },
  en: {
    'no-answer.not-covered': "I couldn't find anything in our articles that answers this question.",
    'no-answer.empty-question': 'The question is empty: tell me what you want to know.',
    'no-answer.question-too-long': 'The question is too long: {max} characters at most.',
    'no-answer.no-index': "The archive isn't indexed yet: ask a moderator to run /reindex.",
    'no-answer.needs-subject':
      'What is this about? Please ask the whole question, with the name of the person or event, so I can look it up in our articles.',
    sources: 'Sources',
    'extractive.see-also': 'Also:',
    'extractive.quote-in-other-lang': '(in Italian)',
    'fallback.llm-unavailable': 'Extractive answer: the language model was unavailable.',
    'fallback.llm-uncited': "Extractive answer: the language model's reply did not cite the sources.",
    'machine-translation': 'machine translation',
    'source.published-age': '{date} ({age})',
    'source.updated': 'updated {date}',
    'period-unmatched':
      'Nothing on this was published in the period you asked about: here are the closest articles, from other dates.',
  },
});
