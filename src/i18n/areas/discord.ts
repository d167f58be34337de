import { defineArea } from '../define-area.js';

/** Short texts the bot says outside answers, reports and errors. */
export const discord = defineArea({
  it: {
    help: 'Ciao! Menzionami con una domanda sui nostri articoli (es. «@Archivista cosa è successo in consiglio comunale?») oppure usa /chiedi.',
    apology: 'Mi dispiace, qualcosa è andato storto. Riprova tra poco.',
    'feedback.thanks': 'Grazie per il feedback!',
    'feedback.already-voted': 'Hai già votato questa risposta: grazie!',
  },
  en: {
    help: 'Hi! Mention me with a question about our articles (e.g. “@Archivista what happened at the council meeting?”) or use /ask.',
    apology: 'Sorry, something went wrong. Please try again in a moment.',
    'feedback.thanks': 'Thanks for the feedback!',
    'feedback.already-voted': 'You have already voted on this answer: thanks!',
  },
});
