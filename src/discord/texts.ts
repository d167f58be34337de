import type { Lang } from '../text/lang.js';

/** Short texts the bot says outside answers and reports, per language. */
export interface BotTexts {
  /** One-line help when someone mentions the bot without a question. */
  help: string;
  /** Sent when an unexpected error stops an answer. */
  apology: string;
  feedbackThanks: string;
  feedbackAlreadyVoted: string;
}

/** The bot's short texts in each language. */
export const TEXTS: Readonly<Record<Lang, BotTexts>> = {
  it: {
    help: 'Ciao! Menzionami con una domanda sui nostri articoli (es. «@Archivista cosa è successo in consiglio comunale?») oppure usa /chiedi.',
    apology: 'Mi dispiace, qualcosa è andato storto. Riprova tra poco.',
    feedbackThanks: 'Grazie per il feedback!',
    feedbackAlreadyVoted: 'Hai già votato questa risposta: grazie!',
  },
  en: {
    help: 'Hi! Mention me with a question about our articles (e.g. “@Archivista what happened at the council meeting?”) or use /ask.',
    apology: 'Sorry, something went wrong. Please try again in a moment.',
    feedbackThanks: 'Thanks for the feedback!',
    feedbackAlreadyVoted: 'You have already voted on this answer: thanks!',
  },
};
