import type { Lang } from '../text/lang.js';

/** A text in each language the bot speaks. */
export type LocalizedText = Readonly<Record<Lang, string>>;

/**
 * An error meant for the person who caused it: shown to them privately in their language, logged
 * at most as a debug line, never as a fault. `code` is stable (tests and logs); `message` is English.
 */
export class UserFacingError extends Error {
  override readonly name = 'UserFacingError';
  readonly code: string;
  readonly texts: LocalizedText;

  constructor(code: string, texts: LocalizedText, options?: { cause?: unknown }) {
    super(`${code}: ${texts.en}`, options);
    this.code = code;
    this.texts = texts;
  }

  /** The message to show a user who reads `lang`. */
  textFor(lang: Lang): string {
    return this.texts[lang];
  }
}

/** Seconds, rounded up so "try again in 0 s" never appears. */
function seconds(ms: number): number {
  return Math.max(1, Math.ceil(ms / 1000));
}

/** The user-facing errors the Discord layer raises; each returns a new UserFacingError. */
export const userErrors = {
  emptyQuestion: () =>
    new UserFacingError('empty-question', {
      it: 'Scrivi una domanda, per esempio: «Cosa è successo al consiglio comunale di ieri?»',
      en: 'Please write a question, for example: “What happened at yesterday’s council meeting?”',
    }),
  questionTooLong: (max: number) =>
    new UserFacingError('question-too-long', {
      it: `La domanda è troppo lunga: al massimo ${max} caratteri, per favore.`,
      en: `That question is too long: please keep it under ${max} characters.`,
    }),
  rateLimited: (retryAfterMs: number) =>
    new UserFacingError('rate-limited', {
      it: `Hai fatto molte domande in poco tempo: riprova tra ${seconds(retryAfterMs)} s.`,
      en: `You have asked a lot of questions in a short time: please try again in ${seconds(retryAfterMs)} s.`,
    }),
  busy: () =>
    new UserFacingError('busy', {
      it: 'In questo momento sto rispondendo a molte domande: riprova tra qualche minuto.',
      en: 'I am answering a lot of questions right now: please try again in a few minutes.',
    }),
  channelNotAllowed: () =>
    new UserFacingError('channel-not-allowed', {
      it: 'Qui non posso rispondere: fai la domanda in uno dei canali dedicati.',
      en: 'I cannot answer here: please ask in one of the channels set up for questions.',
    }),
  guildOnly: () =>
    new UserFacingError('guild-only', {
      it: 'Questo comando funziona solo in un server.',
      en: 'This command only works in a server.',
    }),
  notModerator: () =>
    new UserFacingError('not-moderator', {
      it: 'Solo i moderatori (permesso «Gestisci server» o ruolo da moderatore) possono usare questo comando.',
      en: 'Only moderators (Manage Server permission or a moderator role) can use this command.',
    }),
  invalidOption: (name: string) =>
    new UserFacingError('invalid-option', {
      it: `Il valore dell’opzione «${name}» non è valido.`,
      en: `The value of the “${name}” option is not valid.`,
    }),
  unknownCommand: (name: string) =>
    new UserFacingError('unknown-command', {
      it: `Non conosco il comando «${name}».`,
      en: `I do not know the “${name}” command.`,
    }),
};
