import { LRUCache } from 'lru-cache';
import type { Lang } from '../text/lang.js';

interface Remembered {
  question: string;
  language: Lang;
  voters: Set<string>;
}

/**
 * Remembers the question behind each recent answer (the `max` most recent, default 1000) so a
 * 👍/👎 click can be stored with it, and who already voted on it.
 */
export class AnswerMemory {
  readonly #cache: LRUCache<string, Remembered>;

  constructor(max = 1000) {
    this.#cache = new LRUCache({ max });
  }

  /** Records that `answerId` answered `question`, in `language`. */
  remember(answerId: string, question: string, language: Lang): void {
    this.#cache.set(answerId, { question, language, voters: new Set() });
  }

  /** The question behind `answerId`, or null once forgotten (evicted or from before a restart). */
  questionFor(answerId: string): string | null {
    return this.#cache.get(answerId)?.question ?? null;
  }

  /** The language `answerId` was answered in, or null once forgotten. */
  languageFor(answerId: string): Lang | null {
    return this.#cache.get(answerId)?.language ?? null;
  }

  /** Marks `userId` as having voted on `answerId`; false when they already had. Unknown answers always allow the vote. */
  markVoted(answerId: string, userId: string): boolean {
    const entry = this.#cache.get(answerId);
    if (entry === undefined) return true;
    if (entry.voters.has(userId)) return false;
    entry.voters.add(userId);
    return true;
  }
}
