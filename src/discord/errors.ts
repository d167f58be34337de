import { t } from '../i18n/index.js';
import type { Lang } from '../text/lang.js';

/**
 * An error meant for the person who caused it: shown to them privately in their language, logged
 * at most as a debug line, never as a fault. `code` is stable (tests and logs); `message` is English.
 */
export class UserFacingError extends Error {
  override readonly name = 'UserFacingError';
  readonly code: string;
  readonly #word: (lang: Lang) => string;

  /** `word` gives the message in a language, usually through the text catalogue. */
  constructor(code: string, word: (lang: Lang) => string, options?: { cause?: unknown }) {
    super(`${code}: ${word('en')}`, options);
    this.code = code;
    this.#word = word;
  }

  /** The message to show a user who reads `lang`. */
  textFor(lang: Lang): string {
    return this.#word(lang);
  }
}

/** Seconds, rounded up so "try again in 0 s" never appears. */
function seconds(ms: number): number {
  return Math.max(1, Math.ceil(ms / 1000));
}

/** The user-facing errors the Discord layer raises; each returns a new UserFacingError. */
export const userErrors = {
  emptyQuestion: () => new UserFacingError('empty-question', (lang) => t(lang, 'errors.empty-question')),
  questionTooLong: (max: number) =>
    new UserFacingError('question-too-long', (lang) => t(lang, 'errors.question-too-long', { max })),
  rateLimited: (retryAfterMs: number) =>
    new UserFacingError('rate-limited', (lang) => t(lang, 'errors.rate-limited', { seconds: seconds(retryAfterMs) })),
  busy: () => new UserFacingError('busy', (lang) => t(lang, 'errors.busy')),
  channelNotAllowed: () => new UserFacingError('channel-not-allowed', (lang) => t(lang, 'errors.channel-not-allowed')),
  guildOnly: () => new UserFacingError('guild-only', (lang) => t(lang, 'errors.guild-only')),
  notModerator: () => new UserFacingError('not-moderator', (lang) => t(lang, 'errors.not-moderator')),
  invalidOption: (name: string) =>
    new UserFacingError('invalid-option', (lang) => t(lang, 'errors.invalid-option', { name })),
  unknownCommand: (name: string) =>
    new UserFacingError('unknown-command', (lang) => t(lang, 'errors.unknown-command', { name })),
};
